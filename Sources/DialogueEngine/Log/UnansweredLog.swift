public import Foundation

/// Where unanswered questions and safeguarding counts are kept.
///
/// Two implementations: ``SQLiteUnansweredLog`` (the real one) and ``InMemoryUnansweredLog``
/// (tests, evaluation runs).
public protocol UnansweredLog: Sendable {
    /// Stores an unanswered question (already redacted).
    func record(_ question: UnansweredQuestion) async throws
    /// Counts one safeguarding reply; the message itself is never stored.
    func recordSafeguarding(at date: Date, channel: Channel) async throws
    /// Unanswered questions grouped by normalised form, most frequent first.
    func missed(limit: Int) async throws -> [MissedGroup]
    /// The number of safeguarding replies counted.
    func safeguardingCount() async throws -> Int
    /// Stores several rows at once (in one transaction where the store has them).
    func recordBatch(_ questions: [UnansweredQuestion], safeguarding: [(Date, Channel)]) async throws
}

extension UnansweredLog {
    /// Stores the rows one by one.
    public func recordBatch(_ questions: [UnansweredQuestion], safeguarding: [(Date, Channel)]) async throws {
        for question in questions { try await record(question) }
        for (date, channel) in safeguarding { try await recordSafeguarding(at: date, channel: channel) }
    }
}

/// Keeps the log in memory; for tests and `eval`.
public actor InMemoryUnansweredLog: UnansweredLog {
    /// Everything recorded, oldest first.
    public private(set) var questions: [UnansweredQuestion] = []
    private var safeguarding = 0

    /// Makes an empty log.
    public init() {}

    public func record(_ question: UnansweredQuestion) async throws {
        var question = question
        question.id = Int64(questions.count + 1)
        questions.append(question)
    }

    public func recordSafeguarding(at date: Date, channel: Channel) async throws {
        safeguarding += 1
    }

    public func missed(limit: Int) async throws -> [MissedGroup] {
        let groups = Dictionary(grouping: questions, by: \.normalized)
        return groups.map { normalized, items in
            let latest = items.max { $0.askedAt < $1.askedAt }!
            return MissedGroup(
                normalized: normalized, example: latest.question, count: items.count,
                firstSeen: items.map(\.askedAt).min()!, lastSeen: latest.askedAt, bestIntent: latest.bestIntent)
        }
        .sorted { ($0.count, $0.lastSeen) > ($1.count, $1.lastSeen) }
        .prefix(limit).map { $0 }
    }

    public func safeguardingCount() async throws -> Int { safeguarding }
}
