public import Foundation
public import GRDB

/// Where a question came from.
public enum Channel: String, Codable, Sendable, Equatable, CaseIterable {
    /// The terminal.
    case cli
    /// The HTTP API and widget.
    case http
}

/// A question the assistant could not answer, as stored: personal data already redacted.
public struct UnansweredQuestion: Codable, Sendable, Equatable {
    /// Why it was not answered.
    public enum Outcome: String, Codable, Sendable, Equatable {
        /// Nothing matched.
        case fallback
        /// The assistant asked which of two answers was meant.
        case clarify
    }

    /// Row id, set once stored.
    public var id: Int64?
    /// When it was asked (UTC).
    public var askedAt: Date
    /// The question, redacted.
    public var question: String
    /// A folded, corrected form, for grouping the same question typed differently.
    public var normalized: String
    /// Where it was asked.
    public var channel: Channel
    /// Fallback or clarification.
    public var outcome: Outcome
    /// The best-guess intent, if any.
    public var bestIntent: String?
    /// The best guess's confidence.
    public var score: Double
    /// A one-way hash of the conversation's session id (so a conversation can be forgotten on
    /// request without storing the id itself).
    public var sessionKey: String?
    /// The group of like questions it belongs to (set when stored).
    public var groupId: Int64?
    /// Whether easy read was on.
    public var style: ReplyStyle = .standard
    /// The council whose assistant was asked (its id when one server serves several; empty for one).
    public var council: String = ""

    /// Makes a record.
    public init(
        id: Int64? = nil, askedAt: Date, question: String, normalized: String, channel: Channel, outcome: Outcome,
        bestIntent: String?, score: Double, sessionKey: String? = nil, groupId: Int64? = nil,
        style: ReplyStyle = .standard, council: String = ""
    ) {
        self.council = council
        self.style = style
        self.sessionKey = sessionKey
        self.groupId = groupId
        self.id = id
        self.askedAt = askedAt
        self.question = question
        self.normalized = normalized
        self.channel = channel
        self.outcome = outcome
        self.bestIntent = bestIntent
        self.score = score
    }
}

extension UnansweredQuestion: FetchableRecord, MutablePersistableRecord {
    /// The table's columns.
    public enum Columns {
        public static let askedAt = Column(CodingKeys.askedAt)
        public static let normalized = Column(CodingKeys.normalized)
    }

    public static let databaseTableName = "unansweredQuestion"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The row's values, written out rather than through `Encodable`: under load, GRDB's `Encoder`
    /// was half the time spent storing a batch. Each value is stored as `Encodable` stored it
    /// (GRDB's default date strategy is the date's own database value; enums by raw value).
    public func encode(to container: inout PersistenceContainer) {
        container[CodingKeys.id.stringValue] = id
        container[CodingKeys.askedAt.stringValue] = askedAt
        container[CodingKeys.question.stringValue] = question
        container[CodingKeys.normalized.stringValue] = normalized
        container[CodingKeys.channel.stringValue] = channel.rawValue
        container[CodingKeys.outcome.stringValue] = outcome.rawValue
        container[CodingKeys.bestIntent.stringValue] = bestIntent
        container[CodingKeys.score.stringValue] = score
        container[CodingKeys.sessionKey.stringValue] = sessionKey
        container[CodingKeys.groupId.stringValue] = groupId
        container[CodingKeys.style.stringValue] = style.rawValue
        container[CodingKeys.council.stringValue] = council
    }
}

/// Unanswered questions that share a normalised form (or nearly), for staff to review.
public struct MissedGroup: Codable, Sendable, Equatable {
    /// Where a group stands in the review.
    public enum Status: String, Codable, Sendable, Equatable, CaseIterable {
        /// Not reviewed yet.
        case new
        /// Added to an intent as an example.
        case assigned
        /// Not worth an answer; never shown as new again.
        case ignored
    }

    /// The group's id, for `missed show ID`.
    public var id: Int64
    /// The shared normalised form.
    public var normalized: String
    /// The most recent redacted wording.
    public var example: String
    /// How many times it was asked.
    public var count: Int
    /// When it was first asked.
    public var firstSeen: Date
    /// When it was last asked.
    public var lastSeen: Date
    /// The most recent best guess.
    public var bestIntent: String?
    /// Where it stands in the review.
    public var status: Status
    /// The intent it was assigned to, if any.
    public var assignedIntent: String?
    /// The council whose assistant was asked (empty when one council is served).
    public var council: String = ""

    /// Makes a group.
    public init(
        id: Int64, normalized: String, example: String, count: Int, firstSeen: Date, lastSeen: Date,
        bestIntent: String?, status: Status, assignedIntent: String? = nil, council: String = ""
    ) {
        self.council = council
        self.id = id
        self.status = status
        self.assignedIntent = assignedIntent
        self.normalized = normalized
        self.example = example
        self.count = count
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.bestIntent = bestIntent
    }
}
