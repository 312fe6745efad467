import Foundation

/// Plain-English measures for checking easy-read text: sentence lengths and the Flesch reading
/// ease (206.835 − 1.015 × words per sentence − 84.6 × syllables per word; 80 and above is easy,
/// 60–70 plain English). Syllables are counted by vowel groups, the usual approximation.
package enum Readability {
    /// The sentences of `text`: split after `.`, `?`, `!` and `:` followed by white space (and, when
    /// `beforeCapital`, then a capital letter, so that "e.g. parents" stays whole), and at line
    /// ends; bullets and empty pieces dropped.
    package static func sentences(_ text: String, beforeCapital: Bool = false) -> [String] {
        var sentences: [String] = []
        var current = ""
        func end() {
            let trimmed = current.trimmingCharacters(in: CharacterSet(charactersIn: " •\t"))
            if words(trimmed).count > 0 { sentences.append(trimmed) }
            current = ""
        }
        // A stop ends a sentence only before white space or the end: "8.30am" and "ceop.police.uk" do not.
        var stopped = false
        // After a stop and white space: the sentence ends at the next character that may start one.
        var atBreak = false
        for character in text {
            if character == "\n" {
                end()
                stopped = false
                atBreak = false
                continue
            }
            if stopped && character.isWhitespace { atBreak = true }
            if atBreak && !character.isWhitespace {
                if !beforeCapital || character.isUppercase { end() }
                atBreak = false
            }
            stopped = false
            current.append(character)
            if character == "?" || character == "!" || character == ":" { stopped = true }
            // "Dr. Smith" and "Cllr. Jones" go on: a title's stop ends no sentence.
            if character == "." { stopped = !Self.endsWithTitle(current.dropLast()) }
        }
        end()
        return sentences
    }

    /// Titles written with a stop before a name.
    private static let titles: Set<String> = ["mr", "mrs", "ms", "dr", "prof", "cllr", "rev"]

    /// True when `text` ends with a title: a capitalised word of its own ("… ask Dr"), not the end
    /// of one ("… the 21st") nor a word that is one only in lower case.
    private static func endsWithTitle(_ text: Substring) -> Bool {
        let word = text.reversed().prefix { $0.isLetter }.reversed()
        guard let first = word.first, first.isUppercase else { return false }
        let before = text.dropLast(word.count).last
        guard before == nil || before!.isWhitespace || before == "(" else { return false }
        return titles.contains(String(word).lowercased())
    }

    /// The words of `text`: runs of letters, digits and apostrophes ("0800 1111" is two words).
    package static func words(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }.map(String.init)
    }

    /// The syllables of one word: groups of vowels, less a silent final "e"; at least one.
    package static func syllables(in word: String) -> Int {
        let letters = Array(word.lowercased().filter(\.isLetter))
        guard !letters.isEmpty else { return 1 }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        var count = 0
        var previousWasVowel = false
        for letter in letters {
            let isVowel = vowels.contains(letter)
            if isVowel && !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
        }
        if letters.count > 2, letters.last == "e", !vowels.contains(letters[letters.count - 2]),
            !(letters[letters.count - 2] == "l" && letters.count > 3 && !vowels.contains(letters[letters.count - 3]))
        {
            count -= 1
        }
        return max(1, count)
    }

    /// The Flesch reading ease of `text` (higher is easier); nil for text without words.
    package static func fleschReadingEase(_ text: String) -> Double? {
        let sentences = sentences(text)
        let words = sentences.flatMap { Self.words($0) }
        guard !words.isEmpty else { return nil }
        let syllableCount = words.reduce(0) { $0 + Self.syllables(in: $1) }
        return 206.835 - 1.015 * Double(words.count) / Double(sentences.count) - 84.6 * Double(syllableCount)
            / Double(words.count)
    }

    /// The number of words in the longest sentence of `text`.
    package static func longestSentence(_ text: String) -> Int {
        sentences(text).map { words($0).count }.max() ?? 0
    }
}
