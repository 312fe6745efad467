import Foundation
import Testing

@testable import DialogueEngine

/// Real storage faults under a real SQLite file: a full disk and a read-only file system (a small
/// tmpfs the test mounts; needs root, as in CI) and a removed folder. In each, the conversation goes
/// on, the log reports degraded and keeps its rows, and the rows are written once the fault clears.
@Suite(.serialized) struct StorageFaultTests {
    /// A tmpfs of `size` mounted on a fresh directory; unmounted by ``unmount()``.
    struct Mount {
        let directory: URL

        init(size: String) throws {
            directory = try TestSupport.temporaryDirectory()
            try Self.run("mount", "-t", "tmpfs", "-o", "size=\(size)", "tmpfs", directory.path)
        }

        func remount(_ mode: String) throws {
            try Self.run("mount", "-o", "remount,\(mode)", directory.path)
        }

        func unmount() {
            try? Self.run("umount", directory.path)
            try? FileManager.default.removeItem(at: directory)
        }

        struct CommandFailed: Error, CustomStringConvertible {
            let description: String
        }

        static func run(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw CommandFailed(
                    description: "\(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
            }
        }

        /// Whether this machine lets the tests mount a tmpfs (root with CAP_SYS_ADMIN).
        static let isPossible: Bool = {
            guard let mount = try? Mount(size: "64k") else { return false }
            mount.unmount()
            return true
        }()
    }

    private static func question(_ text: String) -> UnansweredQuestion {
        UnansweredQuestion(
            askedAt: Date(), question: text, normalized: text, channel: .http, outcome: .fallback, bestIntent: nil,
            score: 0, sessionKey: SessionKey.of("fault-test"))
    }

    private static func count(_ path: String) async throws -> Int {
        try await SQLiteUnansweredLog(path: path).allQuestions().count
    }

    @Test(.enabled(if: Mount.isPossible, "needs root to mount a tmpfs"))
    func aFullDiskDegradesKeepsTheRowsAndResumesWhenThereIsSpace() async throws {
        let mount = try Mount(size: "1m")
        defer { mount.unmount() }
        let path = mount.directory.appendingPathComponent("log.sqlite").path
        let log = ResilientLog(try SQLiteUnansweredLog(path: path), queued: true, report: { _ in })
        await log.record(Self.question("before the disk filled"))
        await log.flush()
        #expect(await log.state == .ok)

        // Fill what is left of the file system.
        let filler = mount.directory.appendingPathComponent("filler")
        let free = try FileManager.default.attributesOfFileSystem(forPath: mount.directory.path)[.systemFreeSize]
        let size = try #require(free as? Int)
        #expect(FileManager.default.createFile(atPath: filler.path, contents: Data(count: size)))

        // Questions large enough to need new pages.
        let padding = String(repeating: "words ", count: 300)
        for number in 0..<50 { await log.record(Self.question("question \(number) \(padding)")) }
        await log.flush()
        #expect(await log.state == .degraded)
        #expect(log.pendingCount == 50)
        #expect(log.dropped == 0)

        try FileManager.default.removeItem(at: filler)
        await log.flush()
        #expect(await log.state == .ok)
        #expect(log.pendingCount == 0)
        #expect(try await Self.count(path) == 51)
    }

    @Test(.enabled(if: Mount.isPossible, "needs root to mount a tmpfs"))
    func aReadOnlyFileSystemDegradesKeepsTheRowsAndResumesWhenWritable() async throws {
        let mount = try Mount(size: "4m")
        defer { mount.unmount() }
        let path = mount.directory.appendingPathComponent("log.sqlite").path
        do {
            let first = ResilientLog(try SQLiteUnansweredLog(path: path), report: { _ in })
            await first.record(Self.question("how tall is a giraffe"))
        }
        // Linux refuses to make a file system read-only while a file on it is open for writing:
        // the server starts on a read-only location, as after a wrong mount or permissions.
        try mount.remount("ro")
        let store = (try? SQLiteUnansweredLog(path: path)) ?? SQLiteUnansweredLog.retrying(path: path)
        let log = ResilientLog(store, queued: true, report: { _ in })
        let assistant = Assistant(content: TestSupport.content, log: log)
        // The conversation goes on while nothing can be written.
        let reply = await assistant.respond(to: "how heavy is a whale", channel: .cli)
        #expect(!reply.answered && !reply.reply.isEmpty)
        #expect(await assistant.respond(to: "can i have a break", channel: .cli).answered)
        await log.flush()
        #expect(await log.state == .degraded)
        #expect(log.pendingCount == 3)  // one question and two reply tallies

        try mount.remount("rw")
        await log.flush()
        #expect(await log.state == .ok)
        let questions = try await SQLiteUnansweredLog(path: path).allQuestions().map(\.question)
        #expect(questions.sorted() == ["how heavy is a whale", "how tall is a giraffe"])
    }

    @Test func aRemovedFolderDegradesAndTheRowsGoToTheFolderWhenItIsBack() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("log.sqlite").path
        let log = ResilientLog(try SQLiteUnansweredLog(path: path), queued: true, report: { _ in })
        await log.record(Self.question("in the first file"))
        await log.flush()
        #expect(await log.written == 1)

        try FileManager.default.removeItem(at: directory)
        await log.record(Self.question("while the folder is gone"))
        await log.flush()
        // Not written into the deleted file, where it would be lost: kept, and the log is degraded.
        #expect(await log.state == .degraded)
        #expect(log.pendingCount == 1)

        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        await log.flush()
        #expect(await log.state == .ok)
        let questions = try await SQLiteUnansweredLog(path: path).allQuestions().map(\.question)
        #expect(questions == ["while the folder is gone"])
    }

    @Test func aReplacedDatabaseFileIsReopenedNotWrittenBlind() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("log.sqlite").path
        let log = ResilientLog(try SQLiteUnansweredLog(path: path), queued: false, report: { _ in })
        await log.record(Self.question("first"))
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        await log.record(Self.question("second"))
        #expect(await log.state == .ok)
        #expect(try await Self.count(path) == 1)
    }
}
