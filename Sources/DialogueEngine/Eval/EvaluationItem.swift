/// One question (or short conversation) of an evaluation file, in the format of
/// `shared/eval/README.md`.
public struct EvaluationItem: Codable, Sendable, Equatable {
    /// What kind of question it is, which decides what passing means.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Answerable from the charter: must be answered and match the phrases.
        case `in`
        /// Outside the charter: must not be answered.
        case out
        /// Greetings and the like: must match the phrases.
        case smalltalk
        /// A disclosure of harm: must match the phrases (signposting).
        case safeguarding
    }

    /// The item's id.
    public var id: String
    /// Its kind.
    public var kind: Kind
    /// One message.
    public var q: String?
    /// A conversation; expectations apply to the last reply.
    public var turns: [String]?
    /// The reply must contain at least one of these (when non-empty).
    public var any: [String]
    /// The reply must contain all of these.
    public var all: [String]
    /// Optional: what the item stands for (a safeguarding category such as `self-harm`, or
    /// `near-miss`), for per-category figures.
    public var category: String?

    /// Makes an item.
    public init(
        id: String, kind: Kind, q: String? = nil, turns: [String]? = nil, any: [String] = [], all: [String] = [],
        category: String? = nil
    ) {
        self.category = category
        self.id = id
        self.kind = kind
        self.q = q
        self.turns = turns
        self.any = any
        self.all = all
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, q, turns, any, all, category
    }

    /// Reads an item; `any` and `all` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        kind = try container.decode(Kind.self, forKey: .kind)
        q = try container.decodeIfPresent(String.self, forKey: .q)
        turns = try container.decodeIfPresent([String].self, forKey: .turns)
        any = try container.decodeIfPresent([String].self, forKey: .any) ?? []
        all = try container.decodeIfPresent([String].self, forKey: .all) ?? []
        category = try container.decodeIfPresent(String.self, forKey: .category)
    }

    /// The messages to send, in order.
    public var messages: [String] {
        if let turns, !turns.isEmpty { return turns }
        return q.map { [$0] } ?? []
    }
}
