public import Foundation
import Synchronization

/// Rows written together, in one transaction where the store has them.
public struct LogBatch: Sendable, Equatable {
    /// Unanswered questions (already redacted).
    public var questions: [UnansweredQuestion] = []
    /// Safeguarding replies: when and where only, never the message.
    public var safeguarding: [SafeguardingEvent] = []
    /// One per reply of any kind, for the statistics.
    public var tallies: [Tally] = []
    /// "Was this helpful?" answers.
    public var feedback: [Feedback] = []

    /// An empty batch.
    public init(
        questions: [UnansweredQuestion] = [], safeguarding: [SafeguardingEvent] = [], tallies: [Tally] = [],
        feedback: [Feedback] = []
    ) {
        self.questions = questions
        self.safeguarding = safeguarding
        self.tallies = tallies
        self.feedback = feedback
    }

    /// The number of rows.
    public var count: Int { questions.count + safeguarding.count + tallies.count + feedback.count }
}

/// A user's "Was this helpful?" answer about one reply, with the question (redacted) and the answer.
public struct Feedback: Codable, Sendable, Equatable {
    /// When it was given.
    public var givenAt: Date
    /// The conversation's one-way key.
    public var sessionKey: String
    /// The reply it is about.
    public var messageId: String
    /// Whether the reply helped.
    public var helpful: Bool
    /// An optional comment, redacted.
    public var comment: String?
    /// The question, redacted.
    public var question: String
    /// The intent that answered.
    public var intent: String
    /// The answer given (its first 500 characters).
    public var answer: String
    /// Where.
    public var channel: Channel
    /// Whether the reply was in easy read.
    public var style: ReplyStyle
    /// The council whose assistant gave the reply (empty when one council is served).
    public var council: String

    /// Makes a feedback record.
    public init(
        givenAt: Date, sessionKey: String, messageId: String, helpful: Bool, comment: String?, question: String,
        intent: String, answer: String, channel: Channel, style: ReplyStyle = .standard, council: String = ""
    ) {
        self.council = council
        self.style = style
        self.givenAt = givenAt
        self.sessionKey = sessionKey
        self.messageId = messageId
        self.helpful = helpful
        self.comment = comment
        self.question = question
        self.intent = intent
        self.answer = answer
        self.channel = channel
    }
}

/// A safeguarding or possible-risk signal was met: when, where and what kind, never the words.
public struct SafeguardingEvent: Sendable, Equatable {
    /// When; only its day is stored.
    public var date: Date
    /// Where.
    public var channel: Channel
    /// The category of `safeguarding.yaml` that matched (`self-harm`, `possible-risk`, …).
    public var category: String
    /// The council whose assistant met it (empty when one council is served).
    public var council: String

    /// Makes an event.
    public init(date: Date, channel: Channel, category: String = "unspecified", council: String = "") {
        self.council = council
        self.date = date
        self.channel = channel
        self.category = category
    }
}

/// How many safeguarding signals of one category were met on one day.
public struct SafeguardingCount: Codable, Sendable, Equatable {
    /// `yyyy-MM-dd`.
    public var day: String
    /// The category.
    public var category: String
    /// How many.
    public var count: Int

    /// Makes a count.
    public init(day: String, category: String, count: Int) {
        self.day = day
        self.category = category
        self.count = count
    }
}

/// One reply, counted by day, channel and kind.
public struct Tally: Sendable, Hashable {
    /// The UTC day, `yyyy-MM-dd`.
    public var day: String
    /// Where.
    public var channel: Channel
    /// How it was answered.
    public var kind: Reply.Kind
    /// Whether it was in easy read.
    public var style: ReplyStyle
    /// The council whose assistant replied (empty when one council is served).
    public var council: String

    /// Makes a tally for a reply given at `date`.
    public init(date: Date, channel: Channel, kind: Reply.Kind, style: ReplyStyle = .standard, council: String = "") {
        self.council = council
        self.style = style
        self.day = Tally.day(of: date)
        self.channel = channel
        self.kind = kind
    }

    /// The UTC day of a date, `yyyy-MM-dd` (civil-from-days arithmetic: no Calendar, which is slow).
    public static func day(of date: Date) -> String {
        let number = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        // Every reply is tallied, nearly always on the same day as the one before.
        if let last = lastDay.withLock({ $0 }), last.number == number { return last.text }
        let text = format(day: number)
        lastDay.withLock { $0 = (number, text) }
        return text
    }

    private static let lastDay = Mutex<(number: Int, text: String)?>(nil)

    /// `yyyy-MM-dd` of a day counted from 1970-01-01.
    private static func format(day number: Int) -> String {
        let days = number + 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

}

/// Where unanswered questions, safeguarding counts and reply tallies are kept.
///
/// Two implementations: ``SQLiteUnansweredLog`` (the real one) and ``InMemoryUnansweredLog``
/// (tests, evaluation runs).
public protocol UnansweredLog: Sendable {
    /// Stores a batch of rows.
    func write(_ batch: LogBatch) async throws
    /// Unanswered questions grouped by normalised form, most frequent first.
    func missed(limit: Int) async throws -> [MissedGroup]
    /// The number of safeguarding signals counted.
    func safeguardingCount() async throws -> Int
    /// Safeguarding signals by day and category, newest day first.
    func safeguardingCounts() async throws -> [SafeguardingCount]
}

extension UnansweredLog {
    /// Stores one unanswered question.
    public func record(_ question: UnansweredQuestion) async throws {
        try await write(LogBatch(questions: [question]))
    }

    /// Counts one safeguarding signal.
    public func recordSafeguarding(at date: Date, category: String = "unspecified", channel: Channel) async throws {
        try await write(LogBatch(safeguarding: [SafeguardingEvent(date: date, channel: channel, category: category)]))
    }
}

/// Keeps the log in memory; for tests and `eval`.
public actor InMemoryUnansweredLog: UnansweredLog {
    /// Every question recorded, oldest first.
    public private(set) var questions: [UnansweredQuestion] = []
    /// Every tally recorded.
    public private(set) var tallies: [Tally] = []
    /// Every feedback recorded.
    public private(set) var feedback: [Feedback] = []
    /// Every safeguarding signal counted, by day and category.
    private var safeguarding: [String: Int] = [:]

    /// Makes an empty log.
    public init() {}

    public func write(_ batch: LogBatch) async throws {
        for var question in batch.questions {
            question.id = Int64(questions.count + 1)
            questions.append(question)
        }
        for event in batch.safeguarding {
            safeguarding[Tally.day(of: event.date) + "|" + event.category, default: 0] += 1
        }
        tallies += batch.tallies
        feedback += batch.feedback
    }

    public func missed(limit: Int) async throws -> [MissedGroup] {
        let groups = Dictionary(grouping: questions, by: \.normalized)
        return groups.map { normalized, items in
            let latest = items.max { $0.askedAt < $1.askedAt }!
            return MissedGroup(
                id: Int64(abs(normalized.hashValue % 1_000_000)), normalized: normalized, example: latest.question,
                count: items.count, firstSeen: items.map(\.askedAt).min()!, lastSeen: latest.askedAt,
                bestIntent: latest.bestIntent, status: .new)
        }
        .sorted { ($0.count, $0.lastSeen) > ($1.count, $1.lastSeen) }
        .prefix(limit).map { $0 }
    }

    public func safeguardingCount() async throws -> Int { safeguarding.values.reduce(0, +) }

    public func safeguardingCounts() async throws -> [SafeguardingCount] {
        safeguarding.map { key, count in
            let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
            return SafeguardingCount(day: parts[0], category: parts[1], count: count)
        }
        .sorted { ($0.day, $1.category) > ($1.day, $0.category) }
    }
}
