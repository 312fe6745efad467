package import Knowledge

/// What a `quote:` entry in an intent names.
package enum QuoteReference: Sendable, Equatable {
    /// One statement: `communicate.c1`, `introduction.p2`.
    case statement(String)
    /// A part as a reply about it shows it: its paragraph, then its commitments: `communicate`.
    case part(String)
    /// A cornerstone's "We will" commitments (its paragraph when it has no list):
    /// `communicate.commitments`.
    case commitments(String)
    /// A cornerstone's "You will feel/see that" outcomes: `communicate.outcomes`.
    case outcomes(String)
    /// The titles of the four cornerstones: `cornerstones`.
    case cornerstoneTitles
    /// Every paragraph of the introduction: `introduction`.
    case introduction
    /// Every paragraph of the closing: `closing`.
    case closing
    /// The introduction from its first paragraph that names the words, then those before it:
    /// `introduction from co-production` leads with the charter's own definition, where it has one.
    /// When no paragraph of the introduction names them, the first statement of a part that does
    /// (or of a part whose name does: "Engagement and co-production"); else the introduction.
    case introductionFrom(String)

    /// Reads a reference, checking it against the charter; nil when it names nothing.
    package init?(_ text: String, in charter: Charter) {
        if text == "cornerstones" {
            self = .cornerstoneTitles
        } else if text == "introduction" {
            self = .introduction
        } else if text == "closing" {
            self = .closing
        } else if text.hasPrefix(Self.fromPrefix), !Self.words(text.dropFirst(Self.fromPrefix.count)).isEmpty {
            self = .introductionFrom(String(text.dropFirst(Self.fromPrefix.count)))
        } else if charter.cornerstone(id: text) != nil {
            self = .part(text)
        } else if text.hasSuffix(".commitments"), charter.cornerstone(id: String(text.dropLast(12))) != nil {
            self = .commitments(String(text.dropLast(12)))
        } else if text.hasSuffix(".outcomes"), charter.cornerstone(id: String(text.dropLast(9))) != nil {
            self = .outcomes(String(text.dropLast(9)))
        } else if charter.statement(id: text) != nil {
            self = .statement(text)
        } else {
            return nil
        }
    }

    /// Every reference the charter allows, for "did you mean" hints.
    package static func allNames(in charter: Charter) -> [String] {
        ["cornerstones", "introduction", "closing"]
            + charter.cornerstones.flatMap { [$0.id, "\($0.id).commitments", "\($0.id).outcomes"] }
            + charter.allStatements.map(\.id)
    }

    /// The statements it stands for (none for the titles).
    package func statements(in charter: Charter) -> [Statement] {
        switch self {
        case .statement(let id): return charter.statement(id: id).map { [$0] } ?? []
        case .part(let id): return charter.cornerstone(id: id).map { $0.description + $0.commitments } ?? []
        case .commitments(let id): return charter.cornerstone(id: id)?.promises ?? []
        case .outcomes(let id): return charter.cornerstone(id: id)?.outcomes ?? []
        case .introduction: return charter.introduction
        case .closing: return charter.closing
        case .introductionFrom(let words):
            let wanted = String(TextFolder.fold(words).filter { $0.isLetter || $0.isNumber })
            let introduction = charter.introduction
            if let first = introduction.firstIndex(where: { Self.says(wanted, in: $0.text) }) {
                return Array(introduction[first...] + introduction[..<first])
            }
            for part in charter.cornerstones {
                if let statement = part.statements.first(where: { Self.says(wanted, in: $0.text) }) {
                    return [statement]
                }
                if Self.says(wanted, in: part.title), let first = part.statements.first { return [first] }
            }
            return introduction
        case .cornerstoneTitles: return []
        }
    }

    /// The references of `references` that name nothing in `charter`: a part's outcomes where it
    /// has none, the introduction or the closing of a charter without one.
    package static func missing(_ references: [String], in charter: Charter) -> [String] {
        references.filter { reference in
            Self(reference, in: charter).map {
                $0 != .cornerstoneTitles && $0.statements(in: charter).isEmpty
            } ?? false
        }
    }

    /// True when `references` are some and every one names nothing in `charter` (see
    /// ``missing(_:in:)``): a reply of them would quote nothing.
    package static func quotesNothing(_ references: [String], in charter: Charter) -> Bool {
        !references.isEmpty && missing(references, in: charter).count == references.count
    }

    private static let fromPrefix = "introduction from "

    /// The text's words, folded ("Co-production" is "co", "production", "coproduction").
    private static func words(_ text: some StringProtocol) -> [String] {
        Tokenizer.tokenize(TextFolder.fold(String(text))).map(\.text)
    }

    /// True when some run of the text's words, written together, is `wanted` or, for a noun in
    /// "-uction", its verb's forms: "co-production", "co production", "Coproduction", "co-produce"
    /// and "co-produced" all say "coproduction"; "scared" does not say "care", nor "product"
    /// "production".
    private static func says(_ wanted: String, in text: String) -> Bool {
        let words = Self.words(text)
        var forms: Set<String> = [wanted, wanted + "s"]
        if wanted.hasSuffix("uction") {
            let stem = String(wanted.dropLast(4))  // "coproduc"
            forms.formUnion(["e", "es", "ed", "ing", "er", "ers"].map { stem + $0 })
        }
        let longest = forms.map(\.count).max() ?? wanted.count
        for start in words.indices {
            var joined = ""
            for word in words[start...] {
                joined += word
                if forms.contains(joined) { return true }
                if joined.count >= longest || !forms.contains(where: { $0.hasPrefix(joined) }) { break }
            }
        }
        return false
    }
}
