import Foundation
import Testing

/// `charter-chat serve` as an operator runs it: broken content at start-up, and SIGHUP reloads.
@Suite struct ServeLifecycleTests {
    private static func freePort() throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])",
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return try #require(Int(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// POSTs a question with curl; nil when the server does not answer.
    private static func ask(_ message: String, port: Int) -> [String: Any]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "curl", "-fs", "--max-time", "2", "-H", "Content-Type: application/json", "-d",
            #"{"message":"\#(message)"}"#, "http://127.0.0.1:\(port)/api/chat",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    private static func copyOfContent() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("content-\(UUID().uuidString)")
        try FileManager.default.copyItem(
            at: EndToEndTests.packageRoot.appendingPathComponent("intents"), to: directory)
        return directory.appendingPathComponent("stoke-on-trent")
    }

    @Test func brokenContentAtStartUpIsAClearErrorAndNonZeroExit() throws {
        let directory = try Self.copyOfContent()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        try "- id: broken\n  examples: [\n".write(
            to: directory.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let run = try EndToEndTests.run(["serve", "--intents", directory.path, "--port", "0"])
        #expect(run.status == 1)
        #expect(run.errors.contains("broken.yaml:"), "\(run.errors)")
        #expect(run.errors.contains("error"))
    }

    @Test func sighupReloadsContentAndBrokenContentLeavesTheOldServing() async throws {
        let directory = try Self.copyOfContent()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let database = directory.appendingPathComponent("log.sqlite").path
        let port = try Self.freePort()
        let server = Process()
        server.executableURL = EndToEndTests.binary
        server.arguments = [
            "serve", "--intents", directory.path, "--database", database, "--host", "127.0.0.1", "--port", "\(port)",
        ]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }

        func waitFor(_ condition: () -> Bool) async throws -> Bool {
            for _ in 0..<100 {
                if condition() { return true }
                try await Task.sleep(for: .milliseconds(100))
            }
            return false
        }
        let question = "tell me about the zorblax festival"
        #expect(try await waitFor { Self.ask("hello", port: port) != nil })
        #expect(Self.ask(question, port: port)?["answered"] as? Bool == false)

        // New content: an intent that answers the question; SIGHUP reloads it.
        try """
        - id: zorblax
          examples: ["tell me about the zorblax festival"]
          reply: "The zorblax festival is not in the charter, but this answer proves a reload."
        """.write(to: directory.appendingPathComponent("zorblax.yaml"), atomically: true, encoding: .utf8)
        kill(server.processIdentifier, SIGHUP)
        #expect(try await waitFor { Self.ask(question, port: port)?["intent"] as? String == "zorblax" })

        // Broken content: refused; the content loaded last keeps answering.
        try "- id: [".write(to: directory.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        kill(server.processIdentifier, SIGHUP)
        try await Task.sleep(for: .milliseconds(500))
        #expect(server.isRunning)
        #expect(Self.ask(question, port: port)?["intent"] as? String == "zorblax")

        server.terminate()
        server.waitUntilExit()
        #expect(server.terminationStatus == 0)
    }
}
