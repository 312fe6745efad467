/// One answer, in the shape the command line (`--json`), the HTTP API and the widget share.
public struct Reply: Codable, Sendable, Equatable {
    /// How the message was handled.
    public enum Kind: String, Codable, Sendable, Equatable {
        /// Answered from the charter.
        case answer
        /// Greeting, thanks, "who are you" and the like.
        case smalltalk
        /// A possible disclosure of harm: signposting first.
        case safeguarding
        /// Two answers fitted: the reply asks which was meant. Logged as unanswered.
        case clarify
        /// Not something the charter answers. Logged as unanswered.
        case fallback
    }

    /// A charter statement quoted in the reply.
    public struct Source: Codable, Sendable, Equatable {
        /// The cornerstone's title, or "Introduction" / "Closing".
        public var cornerstone: String
        /// The statement, word for word.
        public var text: String

        /// Makes a source.
        public init(cornerstone: String, text: String) {
            self.cornerstone = cornerstone
            self.text = text
        }
    }

    /// The text to show or speak.
    public var reply: String
    /// False exactly when the message was logged as unanswered (fallback or clarify).
    public var answered: Bool
    /// The intent that answered (`part.communicate`, `statement.communicate.o3`,
    /// `safeguarding`, `system.fallback`).
    public var intent: String
    /// 0…1: how sure the matcher was.
    public var confidence: Double
    /// The conversation this reply belongs to; send it back to keep the context.
    public var sessionId: String
    /// Questions to offer as buttons.
    public var suggestions: [String]
    /// The charter statements quoted, word for word.
    public var sources: [Source]
    /// How the message was handled.
    public var kind: Kind
    /// Identifies this reply within its conversation, for "Was this helpful?" feedback.
    public var messageId: String
    /// How it is worded: `standard`, or `easy` (easy read). The sources hold the charter's exact words
    /// either way.
    public var style: ReplyStyle = .standard

    /// Makes a reply.
    public init(
        reply: String, answered: Bool, intent: String, confidence: Double, sessionId: String, suggestions: [String],
        sources: [Source], kind: Kind, messageId: String = ""
    ) {
        self.messageId = messageId
        self.reply = reply
        self.answered = answered
        self.intent = intent
        self.confidence = confidence
        self.sessionId = sessionId
        self.suggestions = suggestions
        self.sources = sources
        self.kind = kind
    }
}
