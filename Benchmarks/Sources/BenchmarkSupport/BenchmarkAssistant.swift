import DialogueEngine
import Foundation

/// The assistant the benchmarks measure: the project's content, and a queued log whose rows are
/// discarded, so answering is measured and storage is not.
public enum BenchmarkAssistant {
    /// The content folder: `CHARTER_CHAT_INTENTS`, or `intents/stoke-on-trent/` of the project this package sits in.
    public static let intentsDirectory: String = {
        if let path = ProcessInfo.processInfo.environment["CHARTER_CHAT_INTENTS"] { return path }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("intents/stoke-on-trent")
            .path
    }()

    /// The project's content; stops the process with the reason when it cannot be loaded.
    public static func loadContent() -> Content {
        do {
            return try Content.load(from: intentsDirectory)
        } catch {
            fatalError("cannot load \(intentsDirectory): \(error)")
        }
    }

    /// An assistant over `content`, its log queued as in the server (a reply only adds its rows to
    /// the queue) and never written.
    public static func make(_ content: Content) -> Assistant {
        Assistant(content: content, log: ResilientLog(DiscardLog(), queued: true, report: { _ in }))
    }

    /// A log that keeps nothing.
    private struct DiscardLog: UnansweredLog {
        func write(_ batch: LogBatch) async throws {}
        func missed(limit: Int) async throws -> [MissedGroup] { [] }
        func safeguardingCount() async throws -> Int { 0 }
        func safeguardingCounts() async throws -> [SafeguardingCount] { [] }
    }
}
