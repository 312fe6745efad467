/// Brings a charter copied from a council's web page into the charter format: Windows line ends,
/// tabs and non-breaking spaces become plain ones, and bullets written as `*`, `+`, `•`, `–`, `·` or
/// `1.` / `1)` become `- ` items, keeping their indentation (a nested item stays nested). A dash
/// straight after a quote names who said it ("– a parent") and is left as it is.
/// Headings and paragraphs are left as they are: the officer writes `#` for the title and `##` for
/// each part (see the README).
public enum CharterConverter {
    /// The text in the charter format, ending with one line end.
    public static func convert(_ text: String) -> String {
        var lines: [String] = []
        let unified = text.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n")
        for raw in unified.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(raw).replacingAll("\t", with: "    ").replacingAll("\u{00A0}", with: " ")
            line = line.trimmingTrailingWhitespace()
            let indentation = line.prefix { $0 == " " }
            let rest = line.dropFirst(indentation.count)
            let previous = lines.last?.trimmingLeadingWhitespace() ?? ""
            let attribution = Self.endsAQuote(previous) && Self.opensWithADash(rest)
            if !attribution, let item = Self.itemText(rest) {
                line = indentation + "- " + item
            }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// True for text that ends a quotation: a `> ` line, or words ending with a closing quote mark.
    static func endsAQuote(_ text: String) -> Bool {
        text.hasPrefix(">") || ["\"", "”", "’", "'"].contains { text.hasSuffix($0) }
    }

    /// True for a line that opens with a dash ("– a parent"): after a quote, who said it.
    static func opensWithADash(_ line: some StringProtocol) -> Bool {
        line.hasPrefix("– ") || line.hasPrefix("— ")
    }

    /// The text of a bullet or numbered item, or nil when the line is not one.
    static func itemText(_ line: Substring) -> String? {
        for bullet in ["- ", "* ", "+ ", "• ", "– ", "· ", "○ ", "▪ "] where line.hasPrefix(bullet) {
            return String(line.dropFirst(bullet.count)).trimmingLeadingWhitespace()
        }
        // "a) in meetings": a lettered item, as nested lists are often written.
        if let letter = line.first, letter.isASCII, letter.isLowercase, line.dropFirst().hasPrefix(") ") {
            return String(line.dropFirst(3)).trimmingLeadingWhitespace()
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2 else { return nil }
        let after = line.dropFirst(digits.count)
        guard after.hasPrefix(". ") || after.hasPrefix(") ") else { return nil }
        return String(after.dropFirst(2)).trimmingLeadingWhitespace()
    }
}
