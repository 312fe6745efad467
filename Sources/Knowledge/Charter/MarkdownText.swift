/// Plain text from the Markdown a charter's headings, items and paragraphs may carry when they are
/// copied from a web page: emphasis (`**bold**`, `*italic*`, `__bold__`), links (`[text](address)`),
/// images, code spans, HTML tags and entities, and backslash escapes. What people read in a reply,
/// and what a question is matched against, is the words.
enum MarkdownText {
    /// `text` without its Markdown: "We **will** [listen](https://…)" → "We will listen".
    static func plain(_ text: String) -> String {
        guard text.contains(where: markup.contains) else { return text }
        let characters = Array(text)
        var result = ""
        result.reserveCapacity(characters.count)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\" where index + 1 < characters.count && characters[index + 1].isPunctuationOrSymbol:
                result.append(characters[index + 1])
                index += 2
                continue
            case "!" where index + 1 < characters.count && characters[index + 1] == "[":
                // An image keeps its description.
                if let (label, end) = link(in: characters, at: index + 1) {
                    result += label
                    index = end
                    continue
                }
            case "[":
                if let (label, end) = link(in: characters, at: index) {
                    result += label
                    index = end
                    continue
                }
            case "<":
                if let end = tagEnd(in: characters, at: index) {
                    // An automatic link keeps its address; any other tag goes.
                    let inside = String(characters[(index + 1)..<(end - 1)])
                    if !isTag(inside) {
                        // An automatic link (<https://…>, <name@council.gov.uk>) keeps its address.
                        result += inside.hasPrefix("mailto:") ? String(inside.dropFirst(7)) : inside
                    } else if breaks(inside) {
                        result.append(" ")
                    }
                    index = end
                    continue
                }
            case "&":
                if let (replacement, end) = entity(in: characters, at: index) {
                    result.append(replacement)
                    index = end
                    continue
                }
            case "*", "`":
                index += 1
                continue
            case "_":
                // Emphasis stands at a word's edge; an underscore inside a word ("file_name") stays.
                let before = index > 0 && characters[index - 1].isLetterOrNumber
                let after = index + 1 < characters.count && characters[index + 1].isLetterOrNumber
                if !(before && after) {
                    index += 1
                    continue
                }
            default:
                break
            }
            result.append(character)
            index += 1
        }
        return collapsingSpaces(result)
    }

    /// A part's heading without the number it is listed by: "1. Listening", "2) Respect",
    /// "Principle 3: Honesty" → "Listening", "Respect", "Honesty". A heading that is only a number
    /// keeps it.
    static func withoutOrdinal(_ heading: String) -> String {
        var words = Substring(heading)
        // "Principle 3:", "Value 2 -": a word before the number.
        if let space = words.firstIndex(of: " "), words[..<space].allSatisfy(\.isLetter),
            ordinalLength(words[words.index(after: space)...]) != nil
        {
            words = words[words.index(after: space)...]
        }
        guard let length = ordinalLength(words) else { return heading }
        let rest = words.dropFirst(length).drop { $0 == " " }
        return rest.isEmpty ? heading : String(rest)
    }

    /// The length of a leading number and its separator ("12.", "iv)", "3:", "2 -"), or nil.
    private static func ordinalLength(_ text: Substring) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let roman = text.prefix { "ivxIVX".contains($0) }
        let number = !digits.isEmpty && digits.count <= 2 ? digits.count : roman.count <= 4 ? roman.count : 0
        guard number > 0 else { return nil }
        let rest = text.dropFirst(number).drop { $0 == " " }
        // "2-way" and "1.5 hours" are words, not a number and its separator; "16 - 25" is a range.
        guard let separator = rest.first, ".):-–—".contains(separator), rest.dropFirst().first == " ",
            rest.dropFirst().drop(while: { $0 == " " }).first?.isNumber == false
        else { return nil }
        // A letter alone ("V – Valued", "I - Included") is a numeral only before "." or ")".
        if digits.isEmpty && number == 1 && !".)".contains(separator) { return nil }
        return text.count - rest.count + 1
    }

    /// The characters that may start Markdown or HTML.
    private static let markup: Set<Character> = ["*", "_", "`", "[", "!", "<", "&", "\\"]

    /// `[label](address)` or `[label][reference]` starting at `start`: the label and the index after it.
    private static func link(in characters: [Character], at start: Int) -> (String, Int)? {
        guard let close = characters[start...].firstIndex(of: "]"), close + 1 < characters.count else { return nil }
        let opener = characters[close + 1]
        guard opener == "(" || opener == "[" else { return nil }
        let closer: Character = opener == "(" ? ")" : "]"
        guard let end = characters[(close + 1)...].firstIndex(of: closer) else { return nil }
        return (plain(String(characters[(start + 1)..<close])), end + 1)
    }

    /// The index after an HTML tag or automatic link starting at `start`, or nil when it is none.
    private static func tagEnd(in characters: [Character], at start: Int) -> Int? {
        guard start + 1 < characters.count, characters[start + 1].isLetter || characters[start + 1] == "/" else {
            return nil
        }
        guard let end = characters[start...].prefix(300).firstIndex(of: ">"),
            !characters[(start + 1)..<end].contains("<")
        else { return nil }
        return end + 1
    }

    /// True for what an HTML tag holds ("strong", "/p", "img src=…"): a name of letters, digits
    /// and dashes, then nothing, a space or a slash. "send@council.gov.uk" and "https://…" are not.
    private static func isTag(_ inside: String) -> Bool {
        let name = inside.drop { $0 == "/" }
        guard let first = name.first, first.isLetter else { return false }
        let rest = name.drop { $0.isLetter || $0.isNumber || $0 == "-" }
        return rest.isEmpty || rest.first == " " || rest.first == "/"
    }

    /// True for a tag that breaks a line or a block (`br`, `p`, `li`, …): it leaves a space.
    private static func breaks(_ tag: String) -> Bool {
        let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
        return ["br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6"].contains(name)
    }

    /// An HTML entity starting at `start`: the character it stands for and the index after it.
    private static func entity(in characters: [Character], at start: Int) -> (Character, Int)? {
        guard let end = characters[start...].prefix(10).firstIndex(of: ";") else { return nil }
        let name = String(characters[(start + 1)..<end])
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (Character(scalar), end + 1)
        }
        guard let character = entities[name] else { return nil }
        return (character, end + 1)
    }

    private static let entities: [String: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "rsquo": "’", "lsquo": "‘",
        "rdquo": "”", "ldquo": "“", "ndash": "–", "mdash": "—", "hellip": "…", "pound": "£",
    ]

    private static func collapsingSpaces(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text where !(character == " " && (result.isEmpty || result.last == " ")) {
            result.append(character)
        }
        while result.last == " " { result.removeLast() }
        return result
    }
}

extension Character {
    fileprivate var isLetterOrNumber: Bool { isLetter || isNumber }
    fileprivate var isPunctuationOrSymbol: Bool { isPunctuation || isSymbol }
}
