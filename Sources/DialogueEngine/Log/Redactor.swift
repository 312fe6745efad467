import Foundation
import Knowledge

/// Removes personal data from a message before anything is stored: email addresses, phone
/// numbers, UK postcodes, dates, long digit runs and "my name is …" phrases.
public struct Redactor: Sendable {
    private struct Rule: @unchecked Sendable {
        // NSRegularExpression is immutable once made and documented as safe to share between threads.
        let expression: NSRegularExpression
        let replacement: String
        /// Whether ``Redactor/strip(_:)`` applies it (the capitalised "I'm Leo" rule is too eager there).
        let strips: Bool
        /// What a text must contain for the rule to be worth running (regular expressions are slow).
        let trigger: Trigger
    }

    /// Cheap tests that rule out most messages before any regular expression runs. Each is a
    /// condition the rule's expression cannot match without, so skipping a rule never lets
    /// personal data through.
    private enum Trigger: Equatable {
        /// At least this many digits (any script's: `\d` matches them all), and `also`.
        case digits(Int, also: DigitRuleNeed = .nothing)
        /// "@", "(at)" or "[at]".
        case at
        /// "name" or "call" ("my name is", "call me", "i'm called").
        case name
        /// Any lead ("i am", "this is", …), and a capitalised word after white space ("… I'm Leo").
        case capitalisedName
        /// "[".
        case bracket

        /// What every lead of the "[name]" rules contains, in one of these.
        static let nameLeads = ["name", "call"].map { Array($0.utf8) }
        static let otherLeads = ["i am", "i'm", "im ", "this is", "it's", "its "].map { Array($0.utf8) }
        static let atSigns = ["(at)", "[at]"].map { Array($0.utf8) }

        func fires(in signals: Signals) -> Bool {
            switch self {
            case .digits(let count, let need): return signals.digits >= count && signals.has(need)
            case .at: return signals.at
            case .name: return signals.nameLead
            case .capitalisedName: return (signals.nameLead || signals.otherLead) && signals.capitalisedWord
            case .bracket: return signals.bracket
            }
        }
    }

    /// What a digit rule needs besides digits. Text outside ASCII meets every need: case-insensitive
    /// matching folds some letters of other scripts into ASCII ones ("ſ" is "s").
    private enum DigitRuleNeed: Equatable {
        case nothing
        /// A word starting like a month ("3rd may").
        case monthWord
        /// A "0" or a "+" (a phone number starts "0" or "+44").
        case zeroOrPlus
        /// A letter just before a digit (a postcode: "ST4", "m1").
        case letterThenDigit
        /// A street word on its own ("12 Hanley Road").
        case streetWord

        /// How every month starts, as the date pattern lists them ("sept" starts like "sep").
        static let monthWords = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        /// The street words the address pattern ends with.
        static let streetWords = [
            "road", "rd", "street", "st", "avenue", "ave", "lane", "ln", "close", "drive", "dr", "way", "crescent",
            "grove", "place", "court", "terrace", "gardens", "walk", "row", "hill", "view",
        ]
        static let months = monthWords.map { Array($0.utf8) }
        static let streets = Set(streetWords.map { Array($0.utf8) })
    }

    /// What a text holds, found in one pass over its bytes (and a search for each lead).
    private struct Signals {
        /// ASCII digits, plus every character outside ASCII (it may be a digit of another script).
        var digits = 0
        var at = false
        var bracket = false
        /// "name" or "call".
        var nameLead = false
        /// Another lead of the capitalised-name rule (looked for only when there is a capitalised word).
        var otherLead = false
        var parenthesis = false
        /// An ASCII capital after white space (or after any non-ASCII byte, which may be a space)
        /// and before a lower-case letter, apostrophe or hyphen: where a capitalised name can start.
        var capitalisedWord = false
        var outsideASCII = false
        var zeroOrPlus = false
        var letterThenDigit = false
        var monthWord = false
        var streetWord = false

        init(_ text: String) {
            var lowered = Array(text.utf8)
            for index in lowered.indices {
                let byte = lowered[index]
                switch byte {
                case 0x30...0x39:
                    digits += 1
                    if byte == 0x30 { zeroOrPlus = true }
                    // The byte before is already lowered.
                    if index > 0, (0x61...0x7A).contains(lowered[index - 1]) { letterThenDigit = true }
                case 0x2B: zeroOrPlus = true
                case 0x40: at = true
                case 0x5B: bracket = true
                case 0x28: parenthesis = true
                // Any white space is a space for the leads ("im\tSam"); so is any non-ASCII byte,
                // which may be part of one (a no-break space): at worst a rule runs for nothing.
                case 0x09...0x0D, 0x80...0xBF: lowered[index] = 0x20
                // The first byte of a character outside ASCII: it may be a digit ("０", "٣").
                case 0xC0...0xFF:
                    lowered[index] = 0x20
                    digits += 1
                    outsideASCII = true
                case 0x41...0x5A:
                    lowered[index] = byte + 0x20
                    if index > 0, index + 1 < lowered.count {
                        // The byte before is already lowered (white space as a space); the one
                        // after is not yet.
                        let before = lowered[index - 1]
                        let after = lowered[index + 1]
                        let spaceBefore = before == 0x20
                        let nameAfter = (0x61...0x7A).contains(after) || after == 0x27 || after == 0x2D
                        if spaceBefore && nameAfter { capitalisedWord = true }
                    }
                default: break
                }
            }
            // Leads are ASCII: upper-case ASCII folded is enough (other scripts cannot spell them).
            if !at && (parenthesis || bracket) {
                at = Trigger.atSigns.contains { ByteSearch.contains($0, in: lowered) }
            }
            nameLead = Trigger.nameLeads.contains { ByteSearch.contains($0, in: lowered) }
            otherLead =
                !nameLead && capitalisedWord && Trigger.otherLeads.contains { ByteSearch.contains($0, in: lowered) }
            if digits > 0 && !outsideASCII { findWords(lowered) }
        }

        /// Month and street words: runs of ASCII letters and digits.
        private mutating func findWords(_ lowered: [UInt8]) {
            var start = 0
            for end in 0...lowered.count {
                let inWord =
                    end < lowered.count
                    && ((0x61...0x7A).contains(lowered[end]) || (0x30...0x39).contains(lowered[end]))
                if inWord { continue }
                if end > start {
                    let word = lowered[start..<end]
                    if word.count >= 3, DigitRuleNeed.months.contains(where: { word.starts(with: $0) }) {
                        monthWord = true
                    }
                    if word.count <= 8, DigitRuleNeed.streets.contains(Array(word)) { streetWord = true }
                }
                start = end + 1
            }
        }

        func has(_ need: DigitRuleNeed) -> Bool {
            if outsideASCII { return true }
            switch need {
            case .nothing: return true
            case .monthWord: return monthWord
            case .zeroOrPlus: return zeroOrPlus
            case .letterThenDigit: return letterThenDigit
            case .streetWord: return streetWord
            }
        }
    }

    private let rules: [Rule]

    /// Makes a redactor with the built-in rules.
    /// Month names as dates write them, whole, short or misspelt (each starts with one of the
    /// trigger's ``DigitRuleNeed/monthWords``): "2 dec" is a date, "2 decide" is not.
    static let monthNames =
        "jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?"
        // Misspelt whole names keep their start and their end: "febuary", "decemeber", "septmber".
        + "|jan[a-z]*ary|feb[a-z]*ary|mar[a-z]*ch|apr[a-z]*il|aug[a-z]*st|sep[a-z]*ber|oct[a-z]*ber|nov[a-z]*ber"
        + "|dec[a-z]*ber"

    public init() {
        // Each with what a text must hold for it to match: for the digit rules, the fewest digits
        // it can match and what else it needs. The month and street words are the triggers' own
        // lists, so a word added to a pattern is one its trigger looks for.
        let streets = DigitRuleNeed.streetWords.joined(separator: "|")
        let patterns: [(pattern: String, replacement: String, trigger: Trigger)] = [
            // Email addresses.
            (#"[A-Za-z0-9._%+\-]+\s?(@|\(at\)|\[at\])\s?[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#, "[email]", .at),
            // Dates such as 03/04/2012, 3-4-12, 3.4.2012.
            (#"\b\d{1,2}[/.\-]\d{1,2}[/.\-](\d{4}|\d{2})\b"#, "[date]", .digits(4)),
            // Dates such as 3rd April 2012, 3 april.
            (
                #"\b\d{1,2}(st|nd|rd|th)?\s+(of\s+)?("# + Self.monthNames + #")\b\.?(\s+\d{2,4})?\b"#, "[date]",
                .digits(1, also: .monthWord)
            ),
            // UK phone numbers: +44 / 0 followed by 9–10 digits with spaces, dashes or brackets.
            (#"(\+\s?44\s?\(?0?\)?|\(?\b0)[\d\s\-\)\(]{8,16}\d"#, "[phone]", .digits(2, also: .zeroOrPlus)),
            // UK postcodes: ST4 1HH, st41hh, M1 1AE, EC1A 1BB.
            (#"\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b"#, "[postcode]", .digits(2, also: .letterThenDigit)),
            // NHS-number-like and other long digit sequences (with optional spaces).
            (#"\b\d(?:[\s\-]?\d){5,}\b"#, "[number]", .digits(6)),
            // House number and street.
            (
                #"\b\d{1,4}[a-zA-Z]?,?\s+([A-Za-z]+\s+){0,3}("# + streets + #")\b"#, "[address]",
                .digits(1, also: .streetWord)
            ),
            // Names after "my name is", "I'm called", "call me", "this is".
            (
                #"(?-i)\b((?i:my name is|my names|my name's|i am called|i'm called|im called|call me|i am|i'm|im|this is|it's|its))\s+([A-Z][a-z'\-]+)(\s+[A-Z][a-z'\-]+)?"#,
                "$1 [name]", .capitalisedName
            ),
            (
                #"\b(my name is|my names|my name's|i am called|i'm called|im called|call me)\s+([a-z'\-]+)"#,
                "$1 [name]", .name
            ),
        ]
        rules = patterns.map { pattern, replacement, trigger in
            // The patterns are constants checked by the tests; a bad one is a programming error.
            let expression = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            // The capitalised "I'm Leo" rule is too eager for matching (it may be "I'm Worried").
            return Rule(
                expression: expression, replacement: replacement, strips: trigger != .capitalisedName,
                trigger: trigger)
        }
        let placeholders = Rule(
            expression: try! NSRegularExpression(
                pattern:
                    #"\b(my name is|my names|my name's|i am called|i'm called|im called|call me)?\s*\[(email|phone|postcode|date|number|address|name)\]"#,
                options: [.caseInsensitive]), replacement: " ", strips: true, trigger: .bracket)
        stripRules = rules.filter(\.strips) + [placeholders]
    }

    /// The rules ``strip(_:)`` runs: those that strip, then the placeholders' removal.
    private let stripRules: [Rule]

    /// `text` without its personal data, for matching: "can I have a break, my name is Sam" is
    /// matched as "can I have a break,". Names in "I'm Leo" are kept (they may be "I'm Worried").
    public func strip(_ text: String) -> String {
        Self.apply(stripRules, to: text, signals: Signals(text))
    }

    /// `text` with personal data replaced by placeholders such as `[email]` and `[name]`.
    public func redact(_ text: String) -> String {
        Self.apply(rules, to: text, signals: Signals(text))
    }

    /// ``redact(_:)`` and ``strip(_:)`` of `text`, which look at what it holds once between them.
    public func redactAndStrip(_ text: String) -> (redacted: String, stripped: String) {
        let signals = Signals(text)
        return (Self.apply(rules, to: text, signals: signals), Self.apply(stripRules, to: text, signals: signals))
    }

    /// ``redact(_:)``, or ``strip(_:)`` when `stripping`, with every rule run whether its trigger
    /// fires or not: what the triggers must never change (checked by the tests).
    func applyingEveryRule(to text: String, stripping: Bool) -> String {
        Self.apply(stripping ? stripRules : rules, to: text, signals: nil)
    }

    /// Runs each rule whose trigger fires in `signals` (the text's; nil: every rule), in order.
    private static func apply(_ rules: [Rule], to text: String, signals: Signals?) -> String {
        var result = text
        var signals = signals
        for rule in rules {
            if let signals, !rule.trigger.fires(in: signals) { continue }
            let replaced = rule.expression.stringByReplacingMatches(
                in: result, options: [], range: NSRange(result.startIndex..., in: result),
                withTemplate: rule.replacement)
            if replaced != result {
                result = replaced
                if signals != nil { signals = Signals(result) }
            }
        }
        return result
    }
}
