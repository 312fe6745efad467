package import Foundation

/// What a conversation remembers between messages, so follow-ups make sense.
package struct DialogueContext: Sendable, Equatable {
    /// The last thing answered ("tell me more" continues it).
    package var topic: Target?
    /// The cornerstone being talked about; answers in it are favoured.
    package var cornerstone: String?
    /// What "the first one", "the last one" pick from.
    package var list: [Target] = []
    /// Statements not yet shown because the reply was long ("more" shows them).
    package var pending: [String] = []
    /// The list the topic was picked from by its position, and where: "the next one" moves on in it.
    package var position: ListPosition?
    /// The last few replies, so feedback on them can name the question and the answer.
    package var recent: [RecentMessage] = []
    /// The conversation's key in the log (``SessionKey``), worked out the first time it is needed.
    package var sessionKey: String?
    /// What the conversation was before its last message, and that message's hash: a repeat of the
    /// same message in another style starts again from there.
    package var beforeLast: Snapshot?
    /// The hash of the conversation's last message (see ``beforeLast``).
    package var lastMessageHash: Int?

    /// The part of the context a message changes.
    package struct Snapshot: Sendable, Equatable {
        var topic: Target?
        var cornerstone: String?
        var list: [Target]
        var pending: [String]
        var position: ListPosition?
    }

    /// The context as it is now, to go back to.
    package var snapshot: Snapshot {
        Snapshot(topic: topic, cornerstone: cornerstone, list: list, pending: pending, position: position)
    }

    /// Goes back to `snapshot`.
    package mutating func restore(_ snapshot: Snapshot) {
        topic = snapshot.topic
        cornerstone = snapshot.cornerstone
        list = snapshot.list
        pending = snapshot.pending
        position = snapshot.position
    }

    /// An empty context.
    package init() {}

    /// The conversation's key in the log, remembered after the first time.
    package mutating func logKey(for sessionID: String) -> String {
        if let sessionKey { return sessionKey }
        let key = SessionKey.of(sessionID)
        sessionKey = key
        return key
    }
}

/// A place in a list the conversation showed: the list and the index picked in it.
package struct ListPosition: Sendable, Equatable {
    package var list: [Target]
    package var index: Int
}

/// A reply remembered for feedback: the question (redacted) and what was answered.
package struct RecentMessage: Sendable, Equatable {
    package var id: String
    package var question: String
    package var intent: String
    package var answer: String
    package var date: Date
    /// Whether the reply was in easy read (feedback records it).
    package var style: ReplyStyle = .standard
}
