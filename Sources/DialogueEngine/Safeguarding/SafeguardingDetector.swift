package import Knowledge

/// Spots messages that suggest harm, abuse, bullying, feeling unsafe, self-harm or suicidal thoughts.
///
/// Patterns are compared stem by stem on the message's words after text-speak expansion and
/// spelling correction, so "bulied", "hurtin me" and "want 2 die" are caught as well. A word in
/// double quotes must match exactly as written: `"touched" me` does not catch "get in touch with me".
package struct SafeguardingDetector: Sendable {
    /// One word of a pattern: its stem, or the exact word.
    private struct Part: Sendable, Equatable {
        var text: String
        var exact: Bool

        func matches(word: String, stem: String) -> Bool {
            exact ? word == text : stem == text
        }
    }

    private let patterns: [[Part]]
    /// The patterns by their first part's text, so a message is only checked against patterns
    /// that can start at one of its words.
    private let patternsByFirst: [String: [Int]]
    /// The patterns' words as written, for the spelling corrector's vocabulary.
    package let vocabulary: [String]
    /// The patterns' stems: a word with one of these stems is never "corrected" into another word.
    package let stems: Set<String>
    /// How many other words may stand between two words of a pattern.
    package static let maxGap = 2

    /// Makes a detector for the content's patterns.
    package init(patterns: [String], analyzer: TextAnalyzer) {
        var parsed: [[Part]] = []
        var vocabulary: [String] = []
        for pattern in patterns {
            var parts: [Part] = []
            for piece in pattern.split(separator: " ") {
                let exact = piece.count > 2 && piece.hasPrefix("\"") && piece.hasSuffix("\"")
                for word in analyzer.words(String(piece)) {
                    vocabulary.append(word)
                    parts.append(Part(text: exact ? word : PorterStemmer.stem(word), exact: exact))
                }
            }
            if !parts.isEmpty { parsed.append(parts) }
        }
        self.patterns = parsed
        var patternsByFirst: [String: [Int]] = [:]
        for (number, pattern) in parsed.enumerated() { patternsByFirst[pattern[0].text, default: []].append(number) }
        self.patternsByFirst = patternsByFirst
        self.vocabulary = vocabulary
        self.stems = Set(parsed.flatMap { $0.filter { !$0.exact }.map(\.text) })
    }

    /// True when the words (already expanded and corrected) contain a pattern.
    package func matches(words: [String]) -> Bool {
        matches(words: words, stems: words.map(PorterStemmer.stem))
    }

    /// The same, with the words' stems already made (``AnalyzedText/stems``).
    package func matches(words: [String], stems: [String]) -> Bool {
        for start in words.indices {
            for key in stems[start] == words[start] ? [stems[start]] : [stems[start], words[start]] {
                for number in patternsByFirst[key] ?? []
                where Self.matches(patterns[number], from: start, words: words, stems: stems) {
                    return true
                }
            }
        }
        return false
    }

    /// True when `pattern` matches with its first part at `start`, each next part within the gap.
    private static func matches(_ pattern: [Part], from start: Int, words: [String], stems: [String]) -> Bool {
        guard pattern[0].matches(word: words[start], stem: stems[start]) else { return false }
        var position = start
        for part in pattern.dropFirst() {
            let limit = min(stems.count, position + 2 + maxGap)
            guard let next = (position + 1..<limit).first(where: { part.matches(word: words[$0], stem: stems[$0]) })
            else { return false }
            position = next
        }
        return true
    }
}
