/// The matcher's thresholds, in one place so they can be tuned against the evaluation sets.
package struct MatcherSettings: Sendable, Equatable {
    /// Below this confidence a message falls back.
    package var answerThreshold = 0.45
    /// From this confidence up to the answer threshold, the assistant asks "Did you mean …?".
    package var clarifyThreshold = 0.36
    /// When the second answer ranks this close to the first, and is unrelated, it asks.
    package var closeMargin = 0.005
    /// Word-set similarity at which a message counts as one of an intent's examples.
    package var phraseSimilarity = 0.7
    /// How much an answer in the cornerstone being talked about is favoured.
    package var topicBoost = 1.1

    /// The defaults.
    package init() {}
}
