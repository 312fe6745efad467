/// Plain text from the Markdown a charter's headings, items and paragraphs may carry when they are
/// copied from a web page: emphasis (`**bold**`, `*italic*`, `__bold__`), links (`[text](address)`),
/// images (left out), code spans, HTML tags and entities, backslash escapes and hard line breaks.
/// What people read in a reply, and what a question is matched against, is the words.
enum MarkdownText {
    /// `text` without its Markdown: "We **will** [listen](https://…)" → "We will listen".
    static func plain(_ text: String) -> String {
        guard text.contains(where: markup.contains) else { return text }
        let characters = Array(text)
        // A lone backtick is an apostrophe typed on the wrong key ("we`ll"); pairs mark code.
        let loneBacktick = characters.count { $0 == "`" } == 1
        var result = ""
        result.reserveCapacity(characters.count)
        var index = 0
        while index < characters.count {
            if let end = bareAddressEnd(in: characters, at: index) {
                // A web address written out is kept as written ("www.council.gov.uk/send_local_offer").
                result += String(characters[index..<end])
                index = end
            } else if let (words, end) = replacement(in: characters, at: index, loneBacktick: loneBacktick) {
                result += words
                index = end
            } else {
                result.append(characters[index])
                index += 1
            }
        }
        return collapsingSpaces(result)
    }

    /// What the markup starting at `start` reads as, and the index after it; nil for a character
    /// that is itself.
    private static func replacement(in characters: [Character], at start: Int, loneBacktick: Bool) -> (String, Int)? {
        let next = start + 1 < characters.count ? characters[start + 1] : nil
        switch characters[start] {
        case "\\":
            // An escaped character is itself; a backslash ending a line is a hard line break.
            if let next, next.isPunctuationOrSymbol { return (String(next), start + 2) }
            return next == nil || next == " " ? ("", start + 1) : nil
        case "!" where next == "[":
            // An image is not read (its description is a logo's or an icon's).
            return link(in: characters, at: start + 1).map { ("", $0.end) }
        case "[":
            return link(in: characters, at: start)
        case "<":
            guard let end = tagEnd(in: characters, at: start) else { return nil }
            let inside = String(characters[(start + 1)..<(end - 1)])
            // An automatic link (<https://…>, <name@council.gov.uk>) keeps its address; a tag goes,
            // leaving a space where it breaks a line or a block.
            if !isTag(inside) { return (inside.hasPrefix("mailto:") ? String(inside.dropFirst(7)) : inside, end) }
            return (breaks(inside) ? " " : "", end)
        case "&":
            return entity(in: characters, at: start)
        case "`":
            return (loneBacktick ? "'" : "", start + 1)
        case "*":
            return ("", start + 1)
        case "_":
            // Emphasis stands at a word's edge; an underscore inside a word ("file_name") stays.
            let inWord = start > 0 && characters[start - 1].isLetterOrNumber && next?.isLetterOrNumber == true
            return inWord ? nil : ("", start + 1)
        default:
            return nil
        }
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

    /// The length of a leading number and its separator ("12.", "iv)", "3:", "2 -"), or of a section
    /// number and the space after it ("2.1 ", "1.2. "), or nil.
    private static func ordinalLength(_ text: Substring) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let roman = text.prefix { "ivxIVX".contains($0) }
        var number = !digits.isEmpty && digits.count <= 2 ? digits.count : roman.count <= 4 ? roman.count : 0
        guard number > 0 else { return nil }
        // "2.1", "1.2.3": a section number.
        var sectioned = false
        while !digits.isEmpty, text.dropFirst(number).first == ".",
            let next = text.dropFirst(number + 1).first, next.isASCII && next.isNumber
        {
            number += 1 + text.dropFirst(number + 1).prefix { $0.isASCII && $0.isNumber }.count
            sectioned = true
        }
        let rest = text.dropFirst(number).drop { $0 == " " }
        // "2.1 Listening" is numbered; "1.5 hours of talk" is not (a heading's first word is a capital).
        if sectioned, rest.count < text.count - number, let first = rest.first, first.isUppercase {
            return text.count - rest.count
        }
        // "2-way" and "1.5 hours" are words, not a number and its separator; "16 - 25" is a range.
        guard let separator = rest.first, ".):-–—".contains(separator), rest.dropFirst().first == " ",
            rest.dropFirst().drop(while: { $0 == " " }).first?.isNumber == false
        else { return nil }
        // A letter alone ("V – Valued", "I - Included") is a numeral only before "." or ")".
        if digits.isEmpty && number == 1 && !".)".contains(separator) { return nil }
        return text.count - rest.count + 1
    }

    /// The index after a web address written out ("https://…", "www.…") starting at `start`, or nil.
    private static func bareAddressEnd(in characters: [Character], at start: Int) -> Int? {
        guard characters[start] == "h" || characters[start] == "w",
            start == 0 || characters[start - 1].isWhitespace || "(*_".contains(characters[start - 1])
        else { return nil }
        let opening = String(characters[start..<min(start + 8, characters.count)]).lowercased()
        guard ["https://", "http://", "www."].contains(where: opening.hasPrefix) else { return nil }
        // It ends at a space, at emphasis around it ("**www.…**"), or at a bracket it did not open.
        var end = start
        var depth = 0
        while end < characters.count {
            let character = characters[end]
            let next = end + 1 < characters.count ? characters[end + 1] : nil
            // An escape or an entity ("\_", "&amp;") is read as usual after it.
            if character.isWhitespace || "*<>\\&".contains(character) || (character == "_" && next == "_") { break }
            if character == "(" { depth += 1 }
            if character == ")" {
                if depth == 0 { break }
                depth -= 1
            }
            end += 1
        }
        return end
    }

    /// True for a link and nothing else: "[Read pledge 2](https://…)".
    static func isLinkAlone(_ text: String) -> Bool {
        guard text.hasPrefix("[") else { return false }
        let characters = Array(text)
        return link(in: characters, at: 0)?.end == characters.count
    }

    /// The characters that may start Markdown or HTML.
    private static let markup: Set<Character> = ["*", "_", "`", "[", "!", "<", "&", "\\"]

    /// `[label](address)` or `[label][reference]` starting at `start`: the label and the index after
    /// it. Brackets nest (`[![logo](logo.png)](https://…)`, an address with parentheses).
    private static func link(in characters: [Character], at start: Int) -> (label: String, end: Int)? {
        guard let close = matching(in: characters, from: start), close + 1 < characters.count else { return nil }
        let opener = characters[close + 1]
        guard opener == "(" || opener == "[", let end = matching(in: characters, from: close + 1) else { return nil }
        return (plain(String(characters[(start + 1)..<close])), end + 1)
    }

    /// The index of the bracket that closes the one at `start` (`[` or `(`), or nil.
    private static func matching(in characters: [Character], from start: Int) -> Int? {
        let opener = characters[start]
        let closer: Character = opener == "(" ? ")" : "]"
        var depth = 0
        for index in start..<characters.count {
            if characters[index] == opener {
                depth += 1
            } else if characters[index] == closer {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
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
    private static func entity(in characters: [Character], at start: Int) -> (String, Int)? {
        guard let end = characters[start...].prefix(10).firstIndex(of: ";") else { return nil }
        let name = String(characters[(start + 1)..<end])
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let hex = digits.hasPrefix("x") || digits.hasPrefix("X")
            let value = hex ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, value >= 32, let scalar = Unicode.Scalar(value) else { return nil }
            return (String(Character(scalar)), end + 1)
        }
        guard let text = entities[name] else { return nil }
        return (text, end + 1)
    }

    /// Named entities a web page's text uses; a soft hyphen (`&shy;`) is nothing to read.
    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "rsquo": "’", "lsquo": "‘",
        "rdquo": "”", "ldquo": "“", "ndash": "–", "mdash": "—", "hellip": "…", "pound": "£", "euro": "€",
        "bull": "•", "middot": "·", "copy": "©", "eacute": "é", "egrave": "è", "shy": "",
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
