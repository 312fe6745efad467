/// What counts as a disclosure of harm, and what to say, read from `intents/safeguarding.yaml`.
package struct SafeguardingRules: Sendable, Equatable {
    /// The calm reply that signposts help.
    package var reply: String
    /// Buttons offered after it.
    package var suggestions: [String]
    /// Phrases that signal harm; each word matches any form with the same stem, and up to two
    /// other words may stand between them ("hurt me" matches "keeps hurting me").
    package var patterns: [String]

    /// Makes the rules.
    package init(reply: String, suggestions: [String], patterns: [String]) {
        self.reply = reply
        self.suggestions = suggestions
        self.patterns = patterns
    }
}
