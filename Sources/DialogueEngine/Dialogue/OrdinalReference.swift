/// Reads "the first one", "number 3", "the last", "2nd" as a position in the list just shown.
package enum OrdinalReference {
    private static let positions: [String: Int] = [
        "first": 1, "1st": 1, "1": 1, "second": 2, "2nd": 2, "2": 2, "third": 3, "3rd": 3, "3": 3,
        "fourth": 4, "4th": 4, "4": 4, "fifth": 5, "5th": 5, "5": 5, "sixth": 6, "6th": 6, "6": 6,
        "seventh": 7, "7th": 7, "7": 7, "eighth": 8, "8th": 8, "8": 8, "ninth": 9, "9th": 9, "9": 9,
        "two": 2, "three": 3, "four": 4,
    ]
    private static let last: Set<String> = ["last", "final"]
    private static let filler: Set<String> = [
        "the", "one", "ones", "number", "no", "num", "item", "point", "bit", "part", "cornerstone", "about", "tell",
        "me", "more", "what", "whats", "is", "and", "explain", "please", "pls", "say", "says", "that", "mean",
        "means", "does", "do", "can", "you", "i", "want", "to", "know", "go", "with", "option", "its", "it",
        "ok", "okay", "k", "so", "then", "now", "how", "wat", "wot", "abt", "bout",
        "plz", "yeah", "yes", "value", "principle", "pledge", "pillar", "promise", "commitment", "statement",
    ]

    private static let forward: Set<String> = ["next", "following", "after"]
    private static let backward: Set<String> = ["previous", "prev", "before"]

    /// +1 for "the next one" or "the one after that", -1 for "the previous one"; nil when the
    /// message is not (only) a step.
    package static func step(in words: [String]) -> Int? {
        guard !words.isEmpty, words.count <= 7 else { return nil }
        var found: Int?
        for word in words {
            let step = forward.contains(word) ? 1 : backward.contains(word) ? -1 : nil
            if let step {
                if found != nil && found != step { return nil }
                found = step
            } else if !filler.contains(word) {
                return nil
            }
        }
        return found
    }

    /// The zero-based index `words` point to in a list of `count` items, or nil when the message
    /// is not (only) a position.
    package static func index(in words: [String], count: Int) -> Int? {
        guard count > 0, !words.isEmpty, words.count <= 7 else { return nil }
        var found: Int?
        for word in words {
            if let position = positions[word] {
                if found != nil && found != position - 1 { return nil }
                found = position - 1
            } else if last.contains(word) {
                found = count - 1
            } else if !filler.contains(word) {
                return nil
            }
        }
        guard let found, found < count else { return nil }
        return found
    }

    /// True when `words` are (only) a position past the end of a list of `count` items ("the fifth
    /// one" of three), named by an ordinal ("fifth", "5th") or a digit after "number" ("number 5"):
    /// a bare digit may be text speak ("is it 4 me").
    package static func isPastTheEnd(_ words: [String], count: Int) -> Bool {
        guard count > 0, !words.contains(where: last.contains),
            let position = index(in: words, count: furthest)
        else { return false }
        let named = words.indices.contains { index in
            let word = words[index]
            guard positions[word] != nil else { return false }
            return !word.allSatisfy(\.isNumber) || (index > 0 && numberWords.contains(words[index - 1]))
        }
        return named && position >= count
    }

    /// The furthest position a word names.
    private static let furthest = positions.values.max() ?? 0
    /// Words that make the digit after them a position ("number 5").
    private static let numberWords: Set<String> = ["number", "no", "num"]
}
