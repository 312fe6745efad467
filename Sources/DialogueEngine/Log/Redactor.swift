import Foundation

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

    /// Cheap tests that rule out most messages before any regular expression runs.
    private enum Trigger {
        case digit, at, name, bracket

        static let nameLeads = ["name", "call", "i am", "i'm", "im ", "this is", "it's", "its "]

        func fires(in text: String, lowered: String) -> Bool {
            switch self {
            case .digit: return text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
            case .at: return text.contains("@") || lowered.contains("(at)") || lowered.contains("[at]")
            case .name: return Self.nameLeads.contains { lowered.contains($0) }
            case .bracket: return text.contains("[")
            }
        }
    }

    private let rules: [Rule]

    /// Makes a redactor with the built-in rules.
    public init() {
        let patterns: [(String, String)] = [
            // Email addresses.
            (#"[A-Za-z0-9._%+\-]+\s?(@|\(at\)|\[at\])\s?[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#, "[email]"),
            // Dates such as 03/04/2012, 3-4-12, 3.4.2012.
            (#"\b\d{1,2}[/.\-]\d{1,2}[/.\-](\d{4}|\d{2})\b"#, "[date]"),
            // Dates such as 3rd April 2012, 3 april.
            (
                #"\b\d{1,2}(st|nd|rd|th)?\s+(of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(\s+\d{2,4})?\b"#,
                "[date]"
            ),
            // UK phone numbers: +44 / 0 followed by 9–10 digits with spaces, dashes or brackets.
            (#"(\+\s?44\s?\(?0?\)?|\(?\b0)[\d\s\-\)\(]{8,16}\d"#, "[phone]"),
            // UK postcodes: ST4 1HH, st41hh, M1 1AE, EC1A 1BB.
            (#"\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b"#, "[postcode]"),
            // NHS-number-like and other long digit sequences (with optional spaces).
            (#"\b\d(?:[\s\-]?\d){5,}\b"#, "[number]"),
            // House number and street.
            (
                #"\b\d{1,4}[a-zA-Z]?,?\s+([A-Za-z]+\s+){0,3}(road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|crescent|grove|place|court|terrace|gardens|walk|row|hill|view)\b"#,
                "[address]"
            ),
            // Names after "my name is", "I'm called", "call me", "this is".
            (
                #"(?-i)\b((?i:my name is|my names|my name's|i am called|i'm called|im called|call me|i am|i'm|im|this is|it's|its))\s+([A-Z][a-z'\-]+)(\s+[A-Z][a-z'\-]+)?"#,
                "$1 [name]"
            ),
            (#"\b(my name is|my names|my name's|i am called|i'm called|im called|call me)\s+([a-z'\-]+)"#, "$1 [name]"),
        ]
        rules = patterns.map { pattern, replacement in
            // The patterns are constants checked by the tests; a bad one is a programming error.
            let expression = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            let trigger: Trigger =
                replacement == "[email]" ? .at : (replacement.hasSuffix("[name]") ? .name : .digit)
            return Rule(
                expression: expression, replacement: replacement, strips: !pattern.hasPrefix("(?-i)"), trigger: trigger)
        }
        placeholders = Rule(
            expression: try! NSRegularExpression(
                pattern:
                    #"\b(my name is|my names|my name's|i am called|i'm called|im called|call me)?\s*\[(email|phone|postcode|date|number|address|name)\]"#,
                options: [.caseInsensitive]), replacement: " ", strips: true, trigger: .bracket)
    }

    private let placeholders: Rule

    /// `text` without its personal data, for matching: "can I have a break, my name is Sam" is
    /// matched as "can I have a break,". Names in "I'm Leo" are kept (they may be "I'm Worried").
    public func strip(_ text: String) -> String {
        var result = text
        for rule in rules where rule.strips {
            result = rule.expression.stringByReplacingMatches(
                in: result, options: [], range: NSRange(result.startIndex..., in: result),
                withTemplate: rule.replacement)
        }
        return placeholders.expression.stringByReplacingMatches(
            in: result, options: [], range: NSRange(result.startIndex..., in: result), withTemplate: " ")
    }

    /// `text` with personal data replaced by placeholders such as `[email]` and `[name]`.
    public func redact(_ text: String) -> String {
        var result = text
        for rule in rules { result = Self.apply(rule, to: result) }
        return result
    }

    private static func apply(_ rule: Rule, to text: String) -> String {
        guard rule.trigger.fires(in: text, lowered: text.lowercased()) else { return text }
        return rule.expression.stringByReplacingMatches(
            in: text, options: [], range: NSRange(text.startIndex..., in: text), withTemplate: rule.replacement)
    }

}
