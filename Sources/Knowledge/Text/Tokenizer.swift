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

    /// The same split for pure ASCII text, byte by byte: nil for any other text.
    private static func tokenizeASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token]? {
        var words = Words()
        var current: [UInt8] = []
        var pendingHyphen = false

        func endPart() {
            guard !current.isEmpty else { return }
            words.parts.append(String(decoding: current, as: UTF8.self))
            current.removeAll(keepingCapacity: true)
        }

        for byte in bytes {
            guard byte < 0x80 else { return nil }
            switch byte {
            case 0x61...0x7A, 0x41...0x5A, 0x30...0x39:
                if pendingHyphen { endPart() }
                pendingHyphen = false
                current.append(byte)
            case 0x27 where !current.isEmpty:
                break
            case 0x2D where !current.isEmpty && !pendingHyphen:
                pendingHyphen = true
            default:
                pendingHyphen = false
                endPart()
                words.endWord()
            }
        }
        endPart()
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
