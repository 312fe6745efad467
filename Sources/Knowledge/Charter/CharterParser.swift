import Foundation

/// Reads the charter from its Markdown transcription (a council's `charter.md`).
///
/// The format, documented in the README:
/// ```
/// # Title
/// paragraphs and "- " items  the introduction → introduction.p1, .p2, … (or under "## Introduction")
/// ## Welcome and Care      a part: cornerstone, value, principle… (any other level-2 heading)
/// paragraphs               its description → welcome-and-care.p1, …
/// "- " items               its statements → welcome-and-care.c1, .c2, …
/// ### We will              (or any sub-list heading) "- " items → welcome-and-care.c…
/// ### You will feel/see that   (or "What you will see", …) "- " items → welcome-and-care.o1, …
/// ## Closing               paragraphs → closing.p1, …
/// ```
public enum CharterParser {
    /// Parses `text`; `file` names it in errors. Throws ``ContentErrors`` listing every problem.
    public static func parse(_ text: String, file: String) throws(ContentErrors) -> Charter {
        var state = ParseState(file: file)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // A page copied as text has no blank line anywhere: its paragraphs are one a line.
        let written = lines.reversed().drop { $0.allSatisfy(\.isWhitespace) }
        state.paragraphALine = !written.contains { $0.allSatisfy(\.isWhitespace) }
        for (index, rawLine) in lines.enumerated() {
            state.read(String(rawLine).trimmingTrailingWhitespace(), line: index + 1)
        }
        return try state.finish()
    }

    /// A part's heading that gives its name and then, after a dash, what it means, as one line:
    /// the name and the meaning apart when the heading is long (eight words or more), the name at
    /// most ten words and the meaning no shorter; else the heading whole, with no meaning.
    static func nameAndMeaning(_ heading: String) -> (String, String?) {
        // Words, not the dashes between them.
        let words = heading.split(separator: " ").count(where: { $0.contains(where: \.isLetter) })
        guard words >= 8 else { return (heading, nil) }
        for dash in [" - ", " – ", " — "] {
            guard let range = heading.firstRange(of: dash) else { continue }
            let name = String(heading[..<range.lowerBound]).trimmed()
            let meaning = String(heading[range.upperBound...]).trimmed()
            let nameWords = name.split(separator: " ").count
            guard (1...10).contains(nameWords), meaning.split(separator: " ").count >= max(3, nameWords) else {
                continue
            }
            return (name, meaning)
        }
        return (heading, nil)
    }

    /// The slug used as a cornerstone id: "Welcome and Care" → "welcome-and-care".
    public static func slug(_ title: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in TextFolder.fold(title) {
            if character.isLetter || character.isNumber {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                slug.append(character)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return slug
    }
}

private struct ParseState {
    enum Section: Equatable {
        case none
        case prose(String)
        case cornerstone
    }
    enum List {
        case none, commitments, outcomes
    }

    let file: String
    var title: String?
    /// True once a part or the closing has begun: text after the title and before them is the
    /// introduction.
    var pastIntroduction = false
    var introduction: [Statement] = []
    var closing: [Statement] = []
    var cornerstones: [Cornerstone] = []
    var section: Section = .none
    var list: List = .none
    var paragraph: (text: String, line: Int, lines: Int)?
    /// Lines in a row that read as headings in plain text ("Why it matters"), held until what
    /// follows them is known: left out before a paragraph, another heading or a part's list; the
    /// last kept before a list of the introduction or closing (it names the list); all kept when
    /// they end a part or the file ("Thank you" / "Together we can"), as they head nothing.
    var pendingHeadings: [(text: String, line: Int, inList: Bool)] = []
    /// True while the paragraph being read began inside a part's list: only a question may stand
    /// there ("How will we know?" between two lists, a page's "Was this page helpful?").
    var paragraphInList = false
    /// True while the paragraph being read is quoted (`> `): a quote is never a heading.
    var paragraphQuoted = false
    /// Lines read as the page around the charter, not as statements.
    var leftOut: [Charter.Line] = []
    /// Sub-list headings that do not open as a list does (see ``Charter/otherSubListHeadings``).
    var otherSubListHeadings: [Charter.Line] = []
    var diagnostics: [ContentDiagnostic] = []
    var seenTexts: [String: Int] = [:]
    var cornerstoneLine = 0
    var inComment = false
    /// True when the line before was blank, a gap or a comment (or the file has just begun).
    var lastLineBlank = true
    /// True when the line before was quoted with `>`.
    var lastLineQuoted = false
    /// The last line read into a paragraph.
    var lastProseLine = ""
    /// True for a file with no blank line at all, as a page copied as text gives: there a line
    /// that starts a sentence after one that ended a sentence (or a heading) starts a statement.
    var paragraphALine = false
    /// The item still open to a nested item or a line that continues it: its list's indentation,
    /// how many nested items it has taken, its Markdown so far, and the statements it is the last
    /// of. Nil when no item is open.
    var openItem: (indent: Int, children: Int, raw: String, list: WritableKeyPath<ParseState, [Statement]>)?

    init(file: String) {
        self.file = file
    }

    mutating func error(_ line: Int, _ message: String, hint: String? = nil) {
        diagnostics.append(ContentDiagnostic(file: file, line: line, column: 1, message: message, hint: hint))
    }

    mutating func read(_ text: String, line: Int) {
        let indent = text.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
        let unindented = text.trimmingLeadingWhitespace()
        let quoted = unindented.hasPrefix(">")
        let trimmed = Self.withoutQuoteMarks(unindented)
        if inComment || trimmed.hasPrefix("<!--") {
            inComment = !trimmed.contains("-->")
            endParagraph()
            lastLineBlank = true
            return
        }
        // A thematic break ("---", "* * *"), a line of markup only (an image, an HTML tag) or a link's
        // address written apart ("[1]: https://…") is a blank line.
        let itemText = CharterConverter.itemText(Substring(trimmed))
        let furniture =
            (itemText != nil || paragraph == nil || paragraphALine)
            && Self.isPageFurniture(trimmed, isItem: itemText != nil)
        if trimmed.isEmpty || Self.isBreak(trimmed) || MarkdownText.plain(trimmed).trimmed().isEmpty
            || Self.isLinkDefinition(trimmed) || furniture
        {
            endParagraph()
            if furniture { leftOut.append(.init(line: line, text: MarkdownText.plain(itemText ?? trimmed).trimmed())) }
            lastLineBlank = true
            return
        }
        defer {
            lastLineBlank = false
            lastLineQuoted = quoted
        }
        if trimmed.hasPrefix("#") {
            endParagraph()
            openItem = nil
        }
        if trimmed.hasPrefix("### "), case .prose = section,
            !Self.listOpenings.contains(where: Self.openingKey(String(trimmed.dropFirst(4))).hasPrefix)
        {
            // A heading inside the introduction or closing ("What do our promises mean?") says
            // what follows, not what the charter says: it is a gap. ("### We will" there is a part's
            // list without its part, an error.)
            settlePendingHeadings(keeping: .none)
            leftOut.append(.init(line: line, text: MarkdownText.plain(String(trimmed.dropFirst(4))).trimmed()))
            return
        } else if trimmed.hasPrefix("### ") {
            heading3(MarkdownText.plain(String(trimmed.dropFirst(4)).trimmed()), line: line)
        } else if trimmed.hasPrefix("## ") {
            // "## Our values:" names the part "Our values".
            var name = MarkdownText.withoutOrdinal(MarkdownText.plain(String(trimmed.dropFirst(3)).trimmed()))
            while name.hasSuffix(":") { name = String(name.dropLast()).trimmed() }
            // "## Identify needs early - a holistic response to needs": a name, then what it means.
            let (title, meaning) = CharterParser.nameAndMeaning(name)
            heading2(title, line: line)
            if let meaning, case .cornerstone = section {
                prose(meaning, line: line)
                endParagraph()
            }
        } else if trimmed.hasPrefix("# ") {
            if title != nil {
                error(line, "a second title", hint: "the charter has one '# ' title; use '## ' for sections")
            }
            title = MarkdownText.withoutOrdinal(MarkdownText.plain(String(trimmed.dropFirst(2)).trimmed()))
            if case .none = section, !pastIntroduction { section = .prose("introduction") }
        } else if trimmed.hasPrefix("#") {
            error(
                line, "unsupported heading '\(trimmed.prefix(40))'", hint: "use '## ' for sections and '### ' for lists"
            )
        } else if let quote = paragraph?.text, !lastLineBlank, lastLineQuoted || CharterConverter.endsAQuote(quote),
            CharterConverter.opensWithADash(trimmed)
        {
            // A dash straight after a quote names who said it ("– a parent"): not an item.
            prose(trimmed.trimmed(), line: line)
        } else if let text = itemText {
            if let open = openItem, indent >= open.indent + 2 {
                extendItem(with: text, nested: true)
            } else {
                endParagraph()
                item(text.trimmed(), line: line, indent: indent)
            }
        } else if case .prose = section, paragraph == nil, !quoted, Self.isBoldHeading(trimmed) {
            // So is a line written wholly in bold there, as a page shows a heading.
            openItem = nil
            settlePendingHeadings(keeping: .none)
            leftOut.append(.init(line: line, text: MarkdownText.plain(trimmed).trimmed()))
        } else if let name = listHeading(trimmed) {
            endParagraph()
            openItem = nil
            heading3(name, line: line)
        } else if let open = openItem,
            indent >= open.indent + 2 || (!lastLineBlank && trimmed.first?.isLowercase == true)
        {
            // A line indented under an item, or straight after it in mid-sentence ("- We will make
            // sure that everyone" / "is heard", a line broken where the page was), goes on with it.
            extendItem(with: trimmed, nested: false)
        } else {
            openItem = nil
            // A page copied as text has a paragraph a line: a line that opens a sentence after one
            // that ended a sentence, or after a heading, starts another (not inside a quote).
            if paragraphALine, paragraph != nil, !lastLineBlank, !quoted, !lastLineQuoted,
                Self.startsAnotherParagraph(after: lastProseLine, trimmed)
            {
                endParagraph()
            }
            lastProseLine = trimmed
            if paragraph == nil { paragraphQuoted = quoted }
            prose(trimmed.trimmed(), line: line)
        }
    }

    /// True for a line wholly in bold that reads as a heading: a few words ending with a question
    /// mark or a colon ("**What do our promises mean?**", not "**We put children first**").
    static func isBoldHeading(_ line: String) -> Bool {
        guard isWhollyBold(line) else { return false }
        let words = MarkdownText.plain(line).trimmed()
        return (words.hasSuffix("?") || words.hasSuffix(":")) && words.split(separator: " ").count <= 10
    }

    /// True for a paragraph of one line that reads as a heading: a question of up to ten words
    /// ("What does the Charter do?"), or, in the introduction or closing (`inProse`), up to six
    /// words that end without a sentence's punctuation and either open with a question word or
    /// are capitalised as a title ("Why it matters", "Our SEND Charter"; not "We put children first").
    static func isPlainHeading(_ text: String, inProse: Bool) -> Bool {
        let words = text.split(separator: " ")
        if text.hasSuffix("?") { return words.count <= 10 }
        guard inProse, words.count <= 6, let last = text.last, !".!:;,\"”’')".contains(last) else { return false }
        return questionWords.contains(words[0].lowercased()) || isCapitalisedAsATitle(words)
    }

    private static let questionWords: Set<String> = ["what", "why", "how", "who", "when", "where", "which"]

    /// True for a few words most of whose longer words are capitalised ("A Charter Built on
    /// Collaboration").
    static func isCapitalisedAsATitle(_ words: [Substring]) -> Bool {
        let long = words.filter { $0.count > 3 }
        guard !long.isEmpty, words.count <= 10 else { return false }
        return Double(long.count { $0.first?.isUppercase == true }) >= 0.6 * Double(long.count)
    }

    /// True when `line`, straight after `previous` in a paragraph, begins a paragraph of its own:
    /// it opens with a capital, a number or a quote mark, and `previous` ended a sentence (".", "!",
    /// "?", ":") or is a heading (a few words, most of them capitalised: "A Charter Built on
    /// Collaboration"). A line broken mid-sentence ("We work with" / "Anytown schools") goes on.
    static func startsAnotherParagraph(after previous: String, _ line: String) -> Bool {
        guard let first = line.first, first.isUppercase || first.isNumber || "\"“‘'(".contains(first) else {
            return false
        }
        let words = MarkdownText.plain(previous).trimmed()
        let end = words.reversed().first { !"\"”’')]*_".contains($0) }
        if let end, ".!?:".contains(end) { return true }
        return isCapitalisedAsATitle(words.split(separator: " "))
    }

    /// True for a line written wholly in bold: `**…**` or `__…__`.
    static func isWhollyBold(_ line: String) -> Bool {
        ["**", "__"].contains { marker in
            line.count > 4 && line.hasPrefix(marker) && line.hasSuffix(marker)
                && !line.dropFirst(2).dropLast(2).contains(marker)
        }
    }

    /// A line without the `>` marks that quote it.
    static func withoutQuoteMarks(_ line: String) -> String {
        guard line.hasPrefix(">") else { return line }
        return String(line.drop { $0 == ">" || $0 == " " })
    }

    /// True for a link's address written apart from the text, as Markdown's reference links are
    /// (`[1]: https://…`, `[local offer]: /send "title"`).
    static func isLinkDefinition(_ line: String) -> Bool {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return false }
        let rest = line[line.index(after: close)...]
        guard rest.hasPrefix(":") else { return false }
        let address = rest.dropFirst().drop { $0 == " " }.prefix { $0 != " " }
        return address.contains("://") || address.hasPrefix("www.") || address.hasPrefix("/")
            || address.hasPrefix("<") || address.hasPrefix("#") || address.hasPrefix("mailto:")
    }

    /// True for a line of the page around the charter rather than of the charter: a link alone on
    /// its line ("[Read pledge 2](…)"), a file to open or download ("Download the charter (PDF, 791
    /// KB)", "View the charter (PDF)") or an image's description ("image of a family").
    static func isPageFurniture(_ line: String, isItem: Bool = false) -> Bool {
        if line.split(separator: " ").count > 14 || line.hasSuffix(".") { return false }
        let lower = line.lowercased()
        // An item is the charter's unless it offers a file by its size ("- Download the easy read
        // charter (PDF, 1.2 MB)").
        if isItem { return Self.offersAFileBySize(lower) }
        if MarkdownText.isLinkAlone(line) { return true }
        // An image's description copied with the page's text ("image of 3 adults and a child").
        if ["image of ", "picture of ", "photo of ", "image: "].contains(where: lower.hasPrefix) { return true }
        // A file's size, or a line that only offers the file ("View the charter (PDF)"); not a
        // statement that names a format ("in accessible formats (PDF, large print)").
        return Self.offersAFileBySize(lower)
            || (["(pdf", "(docx", "(word"].contains(where: lower.contains)
                && ["view ", "download ", "open ", "read ", "see "].contains(where: lower.hasPrefix)
                && lower.hasSuffix(")"))
    }

    /// True for words that give a file's format and size: "(PDF, 1.2 MB)", "(Word, 45 KB)",
    /// "[PDF 312KB]".
    static func offersAFileBySize(_ lower: String) -> Bool {
        ["(pdf", "(docx", "(word", "[pdf", "[docx", "[word"].contains(where: lower.contains)
            && ["kb)", "mb)", "kb]", "mb]"].contains(where: lower.contains)
    }

    /// Adds a nested item or a continuing line to the item still open: "We will listen to you" with
    /// nested "in meetings" and "online" reads "We will listen to you: in meetings; online".
    mutating func extendItem(with raw: String, nested: Bool) {
        guard var open = openItem, let last = self[keyPath: open.list].indices.last,
            !MarkdownText.plain(raw).trimmed().isEmpty
        else { return }
        var statement = self[keyPath: open.list][last]
        // The item's Markdown is read whole again, so a link broken over two lines is read as one.
        let punctuated = statement.text.last.map { ":.!?;,".contains($0) } ?? true
        open.raw += (!nested || punctuated ? " " : open.children == 0 ? ": " : "; ") + raw.trimmed()
        if nested { open.children += 1 }
        openItem = open
        // The statement is known by its whole text now: another item may open as it did.
        seenTexts.removeValue(forKey: TextFolder.fold(statement.text))
        statement.text = MarkdownText.plain(open.raw).trimmed()
        seenTexts[TextFolder.fold(statement.text)] = statement.line
        self[keyPath: open.list][last] = statement
    }

    /// True for a thematic break: three or more of one of `-`, `*`, `_`, with spaces between.
    static func isBreak(_ line: String) -> Bool {
        let marks = line.filter { $0 != " " }
        guard marks.count >= 3, let first = marks.first, "-*_".contains(first) else { return false }
        return marks.allSatisfy { $0 == first }
    }

    /// A line of a part that heads a list without `### `, as a charter copied from a web page writes
    /// it: wholly bold ("**What you will see**") or ending with a colon ("You will see that:"), and
    /// opening as a sub-list heading does ("We will", "You will", "What this looks like"). Its name
    /// without the colon, or nil: any other line keeps its words (a paragraph, or the item it
    /// continues).
    func listHeading(_ line: String) -> String? {
        guard case .cornerstone = section else { return nil }
        guard Self.isWhollyBold(line) || line.hasSuffix(":") else { return nil }
        var name = MarkdownText.plain(line).trimmed()
        while name.hasSuffix(":") { name.removeLast() }
        let key = Self.openingKey(name)
        guard name.split(separator: " ").count <= 8, Self.listOpenings.contains(where: key.hasPrefix) else {
            return nil
        }
        return name
    }

    /// A heading's letters and digits, folded, to compare with ``listOpenings``: "You'll see:" →
    /// "youllsee".
    static func openingKey(_ heading: String) -> String {
        String(TextFolder.fold(heading).filter { $0.isLetter || $0.isNumber })
    }

    /// How a sub-list heading opens: what the part commits to, or what people will notice.
    static let listOpenings =
        [
            "wewill", "wedo", "weshall", "wecommit", "howwewill", "whatwewill", "whatwedo", "ourcommitments",
            "commitments",
        ] + outcomeOpenings

    /// Words that show a `### ` heading heads a list rather than names a part ("Together we will",
    /// "What you can expect", "Our commitment").
    static let listWords: Set<String> = [
        "we", "you", "our", "will", "ll", "how", "what", "by", "commit", "commitment", "commitments", "promise",
        "promises", "expect", "outcomes", "means", "look", "looks",
    ]

    /// How a sub-list of outcomes opens: "You will feel/see that", "What you'll see", "Outcomes".
    static let outcomeOpenings = [
        "youwill", "youll", "whatyouwill", "whatyoull", "whatthislookslike", "whatitlookslike", "youshould",
        "outcomes",
    ]

    mutating func heading2(_ name: String, line: Int) {
        // A part's last lines are its words ("Why does nobody ask me?"), and the last of them in an
        // introduction of such lines only is the charter's tagline; any other heading-like line
        // just before a part is a heading of the page.
        settlePendingHeadings(
            keeping: inAPart ? .all : section == .prose("introduction") && introduction.isEmpty ? .last : .none)
        finishCornerstone()
        list = .none
        switch name.lowercased() {
        case "introduction", "closing":
            if name.lowercased() == "closing" { pastIntroduction = true }
            section = .prose(name.lowercased())
        default:
            let id = CharterParser.slug(name)
            if id.isEmpty {
                error(line, "a section heading with no words")
                section = .none
                return
            }
            if cornerstones.contains(where: { $0.id == id }) {
                error(line, "cornerstone '\(name)' appears twice", hint: "each cornerstone is written once")
            }
            cornerstones.append(Cornerstone(id: id, title: name, commitments: [], outcomes: []))
            cornerstoneLine = line
            section = .cornerstone
            pastIntroduction = true
        }
    }

    mutating func heading3(_ name: String, line: Int) {
        settlePendingHeadings(keeping: .none)
        guard case .cornerstone = section else {
            error(line, "list heading '\(name)' outside a cornerstone", hint: "put it under a '## Cornerstone' heading")
            return
        }
        // "You will feel/see that", "What you'll see", "What this looks like", "Outcomes": what people will
        // notice. Any other heading ("We will", "We do this by") lists what the part commits to.
        let key = Self.openingKey(name)
        list = Self.outcomeOpenings.contains(where: key.hasPrefix) ? .outcomes : .commitments
        // Every list opening ("We will", "What this looks like") has one of the list's words.
        let words = Set(TextFolder.fold(name).split { !$0.isLetter }.map(String.init))
        if words.isDisjoint(with: Self.listWords) {
            otherSubListHeadings.append(.init(line: line, text: name))
        }
    }

    mutating func item(_ text: String, line: Int, indent: Int) {
        openItem = nil
        if case .prose(let name) = section {
            // A list in the introduction or closing: each item is a statement of its own.
            let list = Self.proseList(name)
            let count = self[keyPath: list].count
            endParagraph()
            settlePendingHeadings(keeping: .last)
            prose(text, line: line)
            endParagraph(item: true)
            if self[keyPath: list].count > count { openItem = (indent, 0, text, list) }
            return
        }
        // An item wholly in bold that heads a list ("- **We will**" with the list nested under it,
        // as a web page's nested lists give) is a sub-list heading.
        if Self.isWhollyBold(text), let name = listHeading(text) {
            heading3(name, line: line)
            return
        }
        // In a part, a heading-like line before its list asks what the list answers ("How will we
        // do this?"): a heading of the page.
        settlePendingHeadings(keeping: .none)
        guard case .cornerstone = section, let part = cornerstones.indices.last else {
            error(line, "a list item outside a part", hint: "put it under a '## ' heading")
            return
        }
        let clean = MarkdownText.plain(text).trimmed()
        guard !clean.isEmpty else {
            error(line, "an empty list item")
            return
        }
        guard noteText(clean, line: line) else { return }
        // Items straight under the part's heading are what it commits to.
        let id = cornerstones[part].id
        let statements: WritableKeyPath<ParseState, [Statement]>
        if list == .outcomes {
            statements = \.cornerstones[part].outcomes
            append(clean, line: line, kind: .outcome, to: statements, numbered: id + ".o")
        } else {
            statements = \.cornerstones[part].commitments
            append(clean, line: line, kind: .commitment, to: statements, numbered: id + ".c")
        }
        openItem = (indent, 0, text, statements)
    }

    /// Adds a statement to `list`, numbered after those there: `welcome.c3`, `introduction.p2`.
    mutating func append(
        _ text: String, line: Int, kind: Statement.Kind, to list: WritableKeyPath<ParseState, [Statement]>,
        numbered prefix: String
    ) {
        let id = prefix + String(self[keyPath: list].count + 1)
        self[keyPath: list].append(Statement(id: id, text: text, kind: kind, line: line))
    }

    /// The statements of the introduction or the closing, by the section's name.
    static func proseList(_ name: String) -> WritableKeyPath<ParseState, [Statement]> {
        name == "introduction" ? \.introduction : \.closing
    }

    mutating func prose(_ text: String, line: Int) {
        if case .none = section {
            error(line, "text before the charter's '# ' title", hint: "start the file with '# <charter title>'")
            return
        }
        if let current = paragraph {
            paragraph = (current.text + " " + text, current.line, current.lines + 1)
        } else {
            paragraph = (text, line, 1)
            // Inside a part's list only a question may stand, as a heading: judged at its end.
            paragraphInList = inAPart && list != .none
        }
    }

    /// Ends the paragraph being read, as a statement; `item` when it is an item of the introduction's
    /// or the closing's list.
    mutating func endParagraph(item: Bool = false) {
        guard let current = paragraph else { return }
        paragraph = nil
        let clean = MarkdownText.plain(current.text).trimmed()
        // A heading the page shows in plain text ("Why it matters", "What does the charter do?")
        // says what follows, not what the charter says.
        let inProse = { if case .prose = section { true } else { false } }()
        if !item, !paragraphQuoted, current.lines == 1, Self.isPlainHeading(clean, inProse: inProse) {
            pendingHeadings.append((clean, current.line, paragraphInList))
            return
        }
        if paragraphInList {
            error(
                current.line, "a paragraph inside a list of '\(cornerstones.last?.title ?? "")'",
                hint:
                    "write a part's paragraph straight under its '## ' heading, before its lists; if it is the page around the charter (a share button), delete it"
            )
            return
        }
        // A paragraph follows the headings: they said what it is about.
        settlePendingHeadings(keeping: .none)
        appendParagraph(clean, line: current.line)
    }

    /// Adds a paragraph to the section being read: a part's description, the introduction or the
    /// closing.
    mutating func appendParagraph(_ text: String, line: Int) {
        guard noteText(text, line: line) else { return }
        if case .cornerstone = section, let part = cornerstones.indices.last {
            append(
                text, line: line, kind: .paragraph, to: \.cornerstones[part].description,
                numbered: cornerstones[part].id + ".p")
            return
        }
        guard case .prose(let name) = section else { return }
        append(text, line: line, kind: .paragraph, to: Self.proseList(name), numbered: name + ".p")
    }

    /// Which of the lines held as headings are kept as statements after all.
    enum Keeping {
        /// None: they head what follows (a paragraph, a heading, a part's list).
        case none
        /// The last: it names the list of the introduction or closing that follows.
        case last
        /// All: they end a part or the file, and head nothing.
        case all
    }

    /// Settles the lines held as headings: those `keeping` names become statements, the rest are
    /// left out and listed.
    mutating func settlePendingHeadings(keeping: Keeping) {
        let held = pendingHeadings
        pendingHeadings = []
        for (offset, heading) in held.enumerated() {
            // A question among a part's lists heads the next list or is the page's own.
            if !heading.inList, keeping == .all || (keeping == .last && offset == held.count - 1) {
                appendParagraph(heading.text, line: heading.line)
            } else {
                leftOut.append(.init(line: heading.line, text: heading.text))
            }
        }
    }

    /// True while a part is being read.
    var inAPart: Bool {
        if case .cornerstone = section { true } else { false }
    }

    /// Records a statement's text; false (with an error) when it was already written (a label of
    /// fewer than four words, "Target: April 2026", may recur).
    mutating func noteText(_ text: String, line: Int) -> Bool {
        // A statement written twice is a section copied twice; a label is not.
        if text.split(separator: " ").count < 4, text.contains(":") { return true }
        let key = TextFolder.fold(text)
        if let first = seenTexts[key] {
            // A list's heading written as a plain line under every part ("How we will do this").
            let heading = Self.listOpenings.contains(where: Self.openingKey(text).hasPrefix)
            error(
                line, "this statement is already written at line \(first)",
                hint: heading
                    ? "if it heads the list below it, write it as '### \(text)' under each part"
                    : "every statement appears exactly once")
            return false
        }
        seenTexts[key] = line
        return true
    }

    mutating func finishCornerstone() {
        guard case .cornerstone = section, let last = cornerstones.last else { return }
        if last.statements.isEmpty {
            error(
                cornerstoneLine, "part '\(last.title)' has no text",
                hint:
                    "write its paragraph or its '- ' items under the heading; if the charter gives only its parts' names, write them as '- ' items under one '## ' heading"
            )
        }
    }

    mutating func finish() throws(ContentErrors) -> Charter {
        endParagraph()
        // The file's last lines are kept ("Thank you"), but not questions after them to the reader,
        // as a page's footer asks ("Was this page helpful?"); a part's last question is kept.
        while !inAPart, let last = pendingHeadings.last, last.text.hasSuffix("?") {
            leftOut.append(.init(line: last.line, text: last.text))
            pendingHeadings.removeLast()
        }
        settlePendingHeadings(keeping: .all)
        finishCornerstone()
        if title == nil { error(1, "the charter has no '# ' title") }
        if cornerstones.isEmpty {
            error(
                1, "the charter has no parts",
                hint: "add a '## ' heading for each part (cornerstone, value, principle…)")
        }
        if !diagnostics.isEmpty { throw ContentErrors(diagnostics) }
        return Charter(
            title: title ?? "", introduction: introduction, cornerstones: cornerstones, closing: closing,
            leftOut: leftOut.sorted { $0.line < $1.line }, otherSubListHeadings: otherSubListHeadings)
    }
}

extension String {
    func trimmed() -> String {
        trimmingLeadingWhitespace().trimmingTrailingWhitespace()
    }

    func trimmingLeadingWhitespace() -> String {
        String(drop { $0.isWhitespace })
    }

    func trimmingTrailingWhitespace() -> String {
        var copy = Substring(self)
        while let last = copy.last, last.isWhitespace { copy.removeLast() }
        return String(copy)
    }
}
