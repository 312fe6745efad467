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

    /// An empty context.
    package init() {}
}
