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

        static let nameLeads = ["name", "call", "i am", "i'm", "im ", "this is", "it's", "its "].map { Array($0.utf8) }
        static let atSigns = ["(at)", "[at]"].map { Array($0.utf8) }

        /// `lowered` is the text lower-cased, as UTF-8.
        func fires(in lowered: [UInt8]) -> Bool {
            switch self {
            case .digit: return lowered.contains { $0 >= 0x30 && $0 <= 0x39 }
            case .at: return lowered.contains(0x40) || Self.atSigns.contains { Self.find($0, in: lowered) }
            case .name: return Self.nameLeads.contains { Self.find($0, in: lowered) }
            case .bracket: return lowered.contains(0x5B)
            }
        }

        /// Byte-wise search: far cheaper than Foundation's `contains` for these short ASCII needles.
        private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
            guard !needle.isEmpty, bytes.count >= needle.count else { return false }
            for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
                if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
            }
            return false
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
        Self.apply(stripRules, to: text)
    }

    /// `text` with personal data replaced by placeholders such as `[email]` and `[name]`.
    public func redact(_ text: String) -> String {
        Self.apply(rules, to: text)
    }

    /// Runs each rule whose trigger fires, in order.
    private static func apply(_ rules: [Rule], to text: String) -> String {
        var result = text
        var lowered = Array(text.lowercased().utf8)
        for rule in rules where rule.trigger.fires(in: lowered) {
            let replaced = rule.expression.stringByReplacingMatches(
                in: result, options: [], range: NSRange(result.startIndex..., in: result),
                withTemplate: rule.replacement)
            if replaced != result {
                result = replaced
                lowered = Array(result.lowercased().utf8)
            }
        }
        return result
    }
}
