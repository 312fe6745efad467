import Foundation
import Knowledge
import Testing

@testable import DialogueEngine

/// Compiled content kept between starts: read back only while it matches the content's files and
/// the program, and never a reason for the content not to load.
@Suite struct ContentCacheTests {
    /// Messages of every kind: answers, misspellings and text speak, small talk, out of scope, a
    /// follow-up's first turn, and disclosures the rules and the learned model catch.
    static let messages = [
        "what does co-production mean", "wat is coproducshun", "will ppl listen 2 me", "can I have a break",
        "what are the cornerstones", "tell me about communicate", "who made the charter", "hi", "thanks",
        "what's the weather like", "how do I apply for a school place", "my stepdad hits me",
        "i want to die", "someone at school keeps sending me pics i dont want", "I feel invisible at meetings",
    ]

    /// A copy of the project's content (base and Stoke-on-Trent) and an empty cache folder beside it.
    private func workspace() throws -> (source: ContentSource, cache: URL, root: URL) {
        let root = try TestSupport.temporaryDirectory()
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(at: TestSupport.contentRoot, to: content)
        let source = ContentSource(directory: content.appendingPathComponent("stoke-on-trent").path)
        return (source, root.appendingPathComponent("cache"), root)
    }

    private func replies(_ compiled: CompiledContent, style: ReplyStyle = .standard) async -> [Reply] {
        let assistant = Assistant(compiled: compiled, log: ResilientLog(InMemoryUnansweredLog(), report: { _ in }))
        var replies: [Reply] = []
        for message in Self.messages {
            var reply = await assistant.respond(to: message, channel: .cli, style: style)
            (reply.sessionId, reply.messageId) = ("", "")
            replies.append(reply)
        }
        return replies
    }

    private func storedFiles(_ cache: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).map {
            cache.appendingPathComponent($0)
        }
    }

    @Test func aSecondStartReadsWhatTheFirstStoredAndAnswersTheSame() async throws {
        let (source, cacheFolder, root) = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = ContentCache(directory: cacheFolder.path)
        let built = CompiledContent(try Content.load(from: source))
        var reports: [String] = []
        _ = try cache.load(source) { reports.append($0) }
        let stored = try #require(storedFiles(cacheFolder).first)
        #expect(storedFiles(cacheFolder).count == 1)
        let written = try FileManager.default.attributesOfItem(atPath: stored.path)[.modificationDate] as? Date

        let read = try cache.load(source) { reports.append($0) }
        #expect(reports.isEmpty, "\(reports)")
        // Read, not compiled and written again.
        #expect(try FileManager.default.attributesOfItem(atPath: stored.path)[.modificationDate] as? Date == written)
        let fingerprint = try #require(ContentCache.fingerprint(of: read.content.layers))
        _ = try ContentCache.read(
            try #require(FileManager.default.contents(atPath: stored.path)).map { $0 },
            fingerprint: fingerprint)

        #expect(await replies(read) == replies(built))
        #expect(await replies(read, style: .easy) == replies(built, style: .easy))
        #expect(read.content.charter == built.content.charter)
        #expect(read.content.intents == built.content.intents)
        #expect(read.content.safeguarding == built.content.safeguarding)
        #expect(read.content.lexicon == built.content.lexicon)
        #expect(read.content.themes == built.content.themes)
        #expect(read.content.themeLinks == built.content.themeLinks)
        #expect(read.content.council == built.content.council)
        #expect(read.matcher.knownStems == built.matcher.knownStems)
        #expect(read.matcher.safeguarding.vocabulary == built.matcher.safeguarding.vocabulary)
    }

    /// Any edit to any file of either layer is seen at the next start.
    @Test(arguments: ["stoke-on-trent/about-the-charter.yaml", "base/safeguarding.yaml"])
    func editedContentIsReadFromItsFiles(edited file: String) async throws {
        let (source, cacheFolder, root) = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = ContentCache(directory: cacheFolder.path)
        let before = try cache.load(source) { _ in }
        let path = root.appendingPathComponent("content").appendingPathComponent(file).path
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let (message, old, new): (String, String, String)
        if file.hasPrefix("base") {
            // A reply of the safeguarding rules, as staff would reword it.
            (message, old, new) = ("my stepdad hits me", "Childline", "Childline (free, any time)")
        } else {
            (message, old, new) = ("who made the charter", "Stoke-on-Trent", "Stoke-on-Trent (edited)")
        }
        let assistant = { (compiled: CompiledContent) in
            Assistant(compiled: compiled, log: ResilientLog(InMemoryUnansweredLog(), report: { _ in }))
        }
        #expect(await !assistant(before).respond(to: message, channel: .cli).reply.contains(new))
        text = text.replacingOccurrences(of: old, with: new)
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        let after = try cache.load(source) { _ in }
        #expect(await assistant(after).respond(to: message, channel: .cli).reply.contains(new))
        #expect(storedFiles(cacheFolder).count == 1, "the council's file is replaced, not added to")
    }

    /// A damaged file is reported and never read as content; the content is compiled and stored again.
    @Test(arguments: ["truncated", "scrambled", "one bit", "empty", "not ours"])
    func damagedFilesAreNotTrusted(damage: String) async throws {
        let (source, cacheFolder, root) = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = ContentCache(directory: cacheFolder.path)
        let good = try cache.load(source) { _ in }
        let stored = try #require(storedFiles(cacheFolder).first)
        var bytes = [UInt8](try Data(contentsOf: stored))
        switch damage {
        case "truncated": bytes.removeLast(bytes.count / 3)
        case "scrambled":
            for index in stride(from: bytes.count / 2, to: bytes.count / 2 + 4096, by: 7) { bytes[index] ^= 0x5A }
        case "one bit": bytes[bytes.count * 3 / 4] ^= 0x01
        case "empty": bytes = []
        default: bytes = Array("#!/bin/sh\n".utf8) + bytes
        }
        try Data(bytes).write(to: stored)

        var reports: [String] = []
        let loaded = try cache.load(source) { reports.append($0) }
        #expect(await replies(loaded) == replies(good))
        #expect(reports.count == 1 && reports[0].contains("cannot be read"), "\(reports)")
        let fingerprint = try #require(ContentCache.fingerprint(of: loaded.content.layers))
        _ = try ContentCache.read([UInt8](try Data(contentsOf: stored)), fingerprint: fingerprint)
    }

    /// A file of another version of the format, or of another build, is replaced without a word.
    @Test func anotherVersionIsCompiledAgainQuietly() async throws {
        let (source, cacheFolder, root) = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = ContentCache(directory: cacheFolder.path)
        let good = try cache.load(source) { _ in }
        let stored = try #require(storedFiles(cacheFolder).first)
        try Data(Array("charter-chat compiled content 1\n".utf8) + Array(repeating: 7, count: 100)).write(to: stored)
        var reports: [String] = []
        let loaded = try cache.load(source) { reports.append($0) }
        #expect(reports.isEmpty, "\(reports)")
        #expect(await replies(loaded) == replies(good))
        let fingerprint = try #require(ContentCache.fingerprint(of: loaded.content.layers))
        _ = try ContentCache.read([UInt8](try Data(contentsOf: stored)), fingerprint: fingerprint)
    }

    @Test func aFolderThatCannotBeWrittenOnlyWarns() async throws {
        let (source, _, root) = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let blocker = root.appendingPathComponent("a-file")
        try Data("not a folder".utf8).write(to: blocker)
        var reports: [String] = []
        let loaded = try ContentCache(directory: blocker.appendingPathComponent("cache").path).load(source) {
            reports.append($0)
        }
        #expect(reports.count == 1 && reports[0].contains("CHARTER_CHAT_CACHE"), "\(reports)")
        #expect(await replies(loaded).first?.answered == true)
    }

    @Test func contentWithErrorsIsReportedAndNotStored() throws {
        let (source, cacheFolder, root) = try workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("no title here\n".utf8).write(to: URL(fileURLWithPath: source.directory + "/charter.md"))
        #expect(throws: ContentErrors.self) { try ContentCache(directory: cacheFolder.path).load(source) { _ in } }
        #expect(storedFiles(cacheFolder).isEmpty)
    }
}
