import Foundation
import Synchronization

@testable import DialogueEngine

/// Shared helpers: the project's content (loaded once) and a fresh assistant per test.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The project's content: the base layer and Stoke-on-Trent's council layer.
    static let contentRoot = packageRoot.appendingPathComponent("intents")
    /// Stoke-on-Trent's council layer.
    static let intentsDirectory = contentRoot.appendingPathComponent("stoke-on-trent").path

    static let content: Content = {
        do {
            return try Content.load(from: intentsDirectory)
        } catch {
            fatalError("the project's content does not load:\n\(error)")
        }
    }()

    /// A fresh assistant over `content` (the project's, unless given) with an in-memory log.
    static func assistant(
        content: Content = TestSupport.content, log: InMemoryUnansweredLog = InMemoryUnansweredLog()
    ) -> Assistant {
        Assistant(content: content, log: ResilientLog(log, report: { _ in }))
    }

    /// An invented council's `council.yaml` over the base beside it, whose parts are called
    /// `parts` (one is a `partWord`), with every contact the base's replies name.
    static func anytownCouncil(parts: String, partWord: String) -> String {
        """
        council: Anytown Council
        place: Anytown
        parts: \(parts)
        part-word: \(partWord)
        front-door: the Anytown Front Door on 01234 000000
        front-door-easy: the Anytown Front Door. Call 01234 000000
        out-of-hours: the Anytown night team on 01234 111111
        base: ../base
        """
    }

    /// A council folder named `name` beside a copy of the project's base layer, with `files` (file
    /// name → text) in it; the caller removes its parent, `folder.deletingLastPathComponent()`.
    static func councilFolder(_ files: [String: String], named name: String = "anytown") throws -> URL {
        let root = try temporaryDirectory()
        try FileManager.default.copyItem(
            at: contentRoot.appendingPathComponent("base"), to: root.appendingPathComponent("base"))
        let folder = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// The content of a council folder made by ``councilFolder(_:named:)``, loaded; the folder is
    /// removed once it is read.
    static func councilContent(_ files: [String: String], named name: String = "anytown") throws -> Content {
        let folder = try councilFolder(files, named: name)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        return try Content.load(from: folder.path)
    }

    /// A new temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "charter-chat-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Collects what a ``ResilientLog`` reports, for checking it reports once.
final class ReportCollector: Sendable {
    private let storage = Mutex<[String]>([])

    var messages: [String] { storage.withLock { $0 } }

    var report: @Sendable (String) -> Void {
        { message in self.storage.withLock { $0.append(message) } }
    }
}

extension TestSupport {
    /// Small content built in code: the project's charter, the required system intents and `intents`.
    static func content(with intents: [Intent]) -> Content {
        let system = content.intents.filter { $0.id.hasPrefix("system.") }
        return Content(
            charter: content.charter, intents: system + intents, lexicon: content.lexicon,
            safeguarding: content.safeguarding)
    }
}
