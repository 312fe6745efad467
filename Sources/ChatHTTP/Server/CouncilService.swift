public import DialogueEngine

/// One council the service answers for: its id, its assistant (content, conversations) and its
/// staff actions. One server may serve several (`serve --council ID=DIR`, repeatable).
public struct CouncilService: Sendable {
    /// The council's id, as requests name it (`"council": "stoke-on-trent"`, `data-council`).
    public let id: String
    /// The assistant answering for it.
    public let assistant: Assistant
    /// Assign, ignore and reload over its content folder; nil for the built-in content.
    public let contentReview: ContentReview?

    /// Collects the parts.
    public init(id: String, assistant: Assistant, contentReview: ContentReview? = nil) {
        self.id = id
        self.assistant = assistant
        self.contentReview = contentReview
    }

    /// Whether `id` can name a council: letters, digits, '-' and '_', 1 to 64 of them.
    public static func isValidID(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count)
            && id.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
            }
    }
}
