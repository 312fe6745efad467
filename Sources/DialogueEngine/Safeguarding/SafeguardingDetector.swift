package import Knowledge

/// Spots messages that suggest harm, abuse, bullying, feeling unsafe, self-harm or suicidal thoughts.
///
/// Patterns are compared stem by stem on the message's words after text-speak expansion and
/// spelling correction, so "bulied", "hurtin me" and "want 2 die" are caught as well.
package struct SafeguardingDetector: Sendable {
    private let patterns: [[String]]
    /// The patterns' words as written, for the spelling corrector's vocabulary.
    package let vocabulary: [String]
    /// The patterns' stems: a word with one of these stems is never "corrected" into another word.
    package let stems: Set<String>
    /// How many other words may stand between two words of a pattern.
    package static let maxGap = 2

    /// Makes a detector for the content's patterns.
    package init(patterns: [String], analyzer: TextAnalyzer) {
        let words = patterns.map { analyzer.words($0) }.filter { !$0.isEmpty }
        self.patterns = words.map { $0.map(PorterStemmer.stem) }
        self.vocabulary = words.flatMap { $0 }
        self.stems = Set(self.patterns.flatMap { $0 })
    }

    /// True when the words (already expanded and corrected) contain a pattern.
    package func matches(words: [String]) -> Bool {
        let stems = words.map(PorterStemmer.stem)
        return patterns.contains { Self.contains(stems, pattern: $0) }
    }

    private static func contains(_ stems: [String], pattern: [String]) -> Bool {
        guard let first = pattern.first else { return false }
        for start in stems.indices where stems[start] == first {
            var position = start
            var matched = true
            for word in pattern.dropFirst() {
                let limit = min(stems.count, position + 2 + maxGap)
                guard let next = (position + 1..<limit).first(where: { stems[$0] == word }) else {
                    matched = false
                    break
                }
                position = next
            }
            if matched { return true }
        }
        return false
    }
}
