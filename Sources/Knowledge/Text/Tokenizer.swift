/// One word of a message, as typed (folded) and where it stood.
public struct Token: Sendable, Equatable, Hashable {
    /// The folded word: letters and digits only, apostrophes removed.
    public var text: String
    /// True when the word was joined to the previous one by a hyphen ("co" in "co-production").
    public var isHyphenated: Bool

    /// Makes a token.
    public init(_ text: String, isHyphenated: Bool = false) {
        self.text = text
        self.isHyphenated = isHyphenated
    }
}

/// Splits folded text into words.
///
/// A word is a run of letters and digits. Apostrophes inside a word are dropped ("other's" →
/// "others", "can't" → "cant"). A hyphenated word yields its parts and, after them, the joined
/// form ("co-production" → "co", "production", "coproduction"), so either spelling matches.
public enum Tokenizer {
    /// Splits `folded` (output of ``TextFolder/fold(_:)``) into tokens.
    public static func tokenize(_ folded: String) -> [Token] {
        var text = folded
        if let tokens = text.withUTF8(tokenizeASCII) { return tokens }
        return tokenizeCharacters(folded)
    }

    /// Gathers a word's parts and makes its tokens: one for a plain word; for a hyphenated one each
    /// part and then the parts joined. Both splitting paths share it.
    private struct Words {
        var tokens: [Token] = []
        var parts: [String] = []

        mutating func endWord() {
            guard !parts.isEmpty else { return }
            if parts.count == 1 {
                tokens.append(Token(parts[0]))
            } else {
                for part in parts { tokens.append(Token(part, isHyphenated: true)) }
                tokens.append(Token(parts.joined(), isHyphenated: true))
            }
            parts.removeAll(keepingCapacity: true)
        }
    }

    /// The same split for pure ASCII text, byte by byte: nil for any other text. A part without
    /// an apostrophe becomes a string straight from the bytes; only parts with one are copied.
    private static func tokenizeASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token]? {
        var words = Words()
        words.tokens.reserveCapacity(bytes.count / 3 + 1)
        // The current part starts at `start` (-1: none); `hyphen` is where a hyphen after it stands
        // (-1: none), which ends the part if a letter or digit follows.
        var start = -1
        var hyphen = -1
        var apostrophes = false

        func endPart(at end: Int) {
            guard start >= 0 else { return }
            let part = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if apostrophes {
                words.parts.append(String(decoding: part.filter { $0 != 0x27 }, as: UTF8.self))
            } else {
                words.parts.append(String(decoding: part, as: UTF8.self))
            }
            start = -1
            apostrophes = false
        }

        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x80 else { return nil }
            switch byte {
            case 0x61...0x7A, 0x41...0x5A, 0x30...0x39:
                if hyphen >= 0 {
                    endPart(at: hyphen)
                    hyphen = -1
                }
                if start < 0 { start = index }
            case 0x27 where start >= 0:
                // Dropped inside a word ("can't" is "cant"); after a hyphen it is passed over.
                if hyphen < 0 { apostrophes = true }
            case 0x2D where start >= 0 && hyphen < 0:
                hyphen = index
            default:
                endPart(at: hyphen >= 0 ? hyphen : index)
                hyphen = -1
                words.endWord()
            }
        }
        endPart(at: hyphen >= 0 ? hyphen : bytes.count)
        words.endWord()
        return words.tokens
    }

    /// The general split, character by character.
    package static func tokenizeCharacters(_ folded: String) -> [Token] {
        var words = Words()
        var current = ""
        var pendingHyphen = false

        func endPart() {
            guard !current.isEmpty else { return }
            words.parts.append(current)
            current = ""
        }

        for character in folded {
            if character.isLetter || character.isNumber {
                if pendingHyphen { endPart() }
                pendingHyphen = false
                current.append(character)
            } else if character == "'" && !current.isEmpty {
                // Dropped inside a word: "can't" is "cant".
            } else if character == "-" && !current.isEmpty && !pendingHyphen {
                pendingHyphen = true
            } else {
                pendingHyphen = false
                endPart()
                words.endWord()
            }
        }
        endPart()
        words.endWord()
        return words.tokens
    }
}
