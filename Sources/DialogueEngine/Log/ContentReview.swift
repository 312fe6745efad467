import Foundation
public import Knowledge
import Synchronization

/// The staff actions on unanswered questions and the content, one implementation for the command
/// line (`missed assign`, `missed ignore`) and the web (`/admin`, `/api/admin/*`): assign a
/// question to an intent, ignore it, reload the content.
///
/// Assigning checks the content as it would be *before* writing: content that would not load is
/// refused with its errors and nothing is written. The write is atomic. When an assistant is given
/// (a running server), it answers from the new content at once.
public struct ContentReview: Sendable {
    /// Why an action was refused.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// No group with this id.
        case noGroup(Int64)
        /// No intent with this id; the nearest, if one is close.
        case unknownIntent(String, suggestion: String?)
        /// The content would not load (with the change, for an assignment); nothing was changed.
        case invalidContent(ContentErrors)
        /// The file could not be read or written.
        case writeFailed(String)

        /// What went wrong and what to do.
        public var description: String {
            switch self {
            case .noGroup(let id): return "There is no group \(id). See `charter-chat missed list --status all`."
            case .unknownIntent(let intent, let suggestion):
                return "There is no intent '\(intent)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "")
            case .invalidContent(let errors):
                return "The content would have errors, so nothing was changed:\n\(errors.description)"
            case .writeFailed(let message): return message
            }
        }
    }

    /// Where the content is read from; changes are written to its council folder.
    public let source: ContentSource
    /// The council's folder, where `learned.yaml` is written.
    public var directory: String { source.directory }
    /// The stored log; nil when it could not be opened (then only ``reload()`` works).
    public let log: SQLiteUnansweredLog?
    /// The running assistant to reload, if any.
    public let assistant: Assistant?
    /// One assignment at a time reads, checks and writes `learned.yaml`: two at once would each
    /// write the file without the other's example. Shared by copies of this value.
    private let writing = WriteLock()

    private final class WriteLock: Sendable {
        let mutex = Mutex(())
    }

    /// Makes the service.
    public init(source: ContentSource, log: SQLiteUnansweredLog?, assistant: Assistant? = nil) {
        self.source = source
        self.log = log
        self.assistant = assistant
    }

    /// Makes the group's question an example of `intent` (in `learned.yaml`) and marks it assigned.
    /// Returns the group as it is afterwards.
    @discardableResult
    public func assign(_ id: Int64, to intent: String) async throws -> MissedGroup {
        let log = try storedLog()
        guard let (group, _) = try await log.group(id: id) else { throw Failure.noGroup(id) }
        let current: Content
        do {
            current = try Content.load(from: source)
        } catch {
            throw Failure.invalidContent(error)
        }
        guard current.intentIDs.contains(intent) else {
            throw Failure.unknownIntent(intent, suggestion: current.closestIntentID(to: intent))
        }
        let content = try writing.mutex.withLock { _ throws(Failure) -> Content in
            let text: String?
            do throws(LearnedExamples.WriteError) {
                text = try LearnedExamples.adding(group.example, to: intent, in: directory)
            } catch {
                throw .writeFailed(error.description)
            }
            guard let text else { return current }
            let content: Content
            do throws(ContentErrors) {
                content = try Content.load(from: source, replacing: [LearnedExamples.fileName: text])
            } catch {
                throw .invalidContent(error)
            }
            do throws(LearnedExamples.WriteError) {
                try LearnedExamples.write(text, in: directory)
            } catch {
                throw .writeFailed(error.description)
            }
            return content
        }
        _ = try await log.setStatus(.assigned, of: id, intent: intent)
        assistant?.reload(content)
        return try await log.group(id: id)?.group ?? group
    }

    /// Never shows the group as new again.
    public func ignore(_ id: Int64) async throws {
        guard try await storedLog().setStatus(.ignored, of: id) else { throw Failure.noGroup(id) }
    }

    private func storedLog() throws(Failure) -> SQLiteUnansweredLog {
        guard let log else { throw .writeFailed("The question log could not be opened; see the server's log.") }
        return log
    }

    /// Re-reads the content and, when it loads, answers from it; otherwise the running content stays.
    @discardableResult
    public func reload() throws(Failure) -> Content {
        let content: Content
        do {
            content = try Content.load(from: source)
        } catch {
            throw .invalidContent(error)
        }
        assistant?.reload(content)
        return content
    }
}
