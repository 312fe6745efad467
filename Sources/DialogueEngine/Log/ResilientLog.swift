public import Foundation

/// Puts a log in front of the conversation so that storage trouble never breaks it: failures are
/// reported once (through `report`) and counted, and the conversation goes on.
public actor ResilientLog {
    /// Whether the last write worked.
    public enum State: String, Sendable, Equatable {
        /// Writes are working.
        case ok
        /// The log could not be opened or the last write failed.
        case degraded
    }

    private let log: (any UnansweredLog)?
    private let report: @Sendable (String) -> Void
    private var reported = false
    /// The current state.
    public private(set) var state: State
    /// Rows that could not be written.
    public private(set) var dropped = 0

    /// Wraps `log`; nil means it could not be opened (`problem` says why, reported once).
    public init(_ log: (any UnansweredLog)?, problem: String? = nil, report: @escaping @Sendable (String) -> Void) {
        self.log = log
        self.report = report
        self.state = log == nil ? .degraded : .ok
        if let problem {
            report(problem)
            reported = true
        }
    }

    /// The wrapped log, for reading (review commands).
    public var underlying: (any UnansweredLog)? { log }

    /// Stores the question, or counts it as dropped.
    public func record(_ question: UnansweredQuestion) async {
        await attempt { try await $0.record(question) }
    }

    /// Counts a safeguarding reply, or counts it as dropped.
    public func recordSafeguarding(at date: Date, channel: Channel) async {
        await attempt { try await $0.recordSafeguarding(at: date, channel: channel) }
    }

    private func attempt(_ write: (any UnansweredLog) async throws -> Void) async {
        guard let log else {
            dropped += 1
            return
        }
        do {
            try await write(log)
            state = .ok
        } catch {
            dropped += 1
            state = .degraded
            if !reported {
                reported = true
                report(
                    "warning: could not write to the unanswered-question log (\(error)); answers go on, but unanswered questions are not being saved"
                )
            }
        }
    }
}
