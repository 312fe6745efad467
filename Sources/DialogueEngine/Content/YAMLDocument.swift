import Knowledge
import Yams

/// A YAML content file read into Yams nodes, with helpers that turn every shape mistake into a
/// ``ContentDiagnostic`` pointing at the exact line and column.
struct YAMLDocument {
    let file: String
    let root: Node?
    private(set) var diagnostics: [ContentDiagnostic] = []

    /// Parses `text`; a syntax error becomes a diagnostic and an empty document.
    init(text: String, file: String) {
        self.file = file
        do {
            // Every scalar is read as text (no "yes" → true, no dates): the basic resolver
            // tags nothing else, and skips a regular-expression test per scalar.
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            root = nil
            diagnostics.append(Self.diagnostic(for: error, file: file))
        } catch {
            root = nil
            diagnostics.append(ContentDiagnostic(file: file, message: "cannot read YAML: \(error)"))
        }
    }

    static func diagnostic(for error: YamlError, file: String) -> ContentDiagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ContentDiagnostic(
                file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(problem)",
                hint: "check the indentation and quoting near this line; quote text that contains ': ' or '#'")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ContentDiagnostic(
                file: file, line: context.mark.line, column: context.mark.column,
                message: "duplicate key '\(duplicates.joined(separator: "', '"))'",
                hint: "each key appears once in a mapping")
        default:
            return ContentDiagnostic(file: file, message: "YAML: \(error)")
        }
    }

    mutating func error(_ node: Node?, _ message: String, hint: String? = nil) {
        let mark = node?.mark
        diagnostics.append(
            ContentDiagnostic(
                file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: message, hint: hint))
    }

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    /// The mapping's entries as (key, key node, value node); reports keys not in `allowed`.
    mutating func entries(of node: Node, allowed: [String], what: String) -> [String: (key: Node, value: Node)] {
        guard let mapping = node.mapping else {
            error(
                node, "\(what) must be a mapping of 'key: value' lines",
                hint: "allowed keys: \(allowed.joined(separator: ", "))")
            return [:]
        }
        var result: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.string else {
                error(key, "a key must be plain text")
                continue
            }
            if !allowed.contains(name) {
                let suggestion = Self.closest(name, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                error(
                    key, "unknown key '\(name)' in \(what)\(suggestion)",
                    hint: "allowed keys: \(allowed.joined(separator: ", "))")
                continue
            }
            result[name] = (key, value)
        }
        return result
    }

    /// A non-empty text value.
    mutating func text(_ node: Node, what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error(node, "\(what) must be text", hint: "write it on one line, or use '|' for several lines")
            return nil
        }
        let value = Self.trimmed(scalar.string)
        if value.isEmpty {
            error(node, "\(what) is empty")
            return nil
        }
        return value
    }

    /// `text` without white space at either end, scalar by scalar: what Foundation's
    /// `.whitespacesAndNewlines` trims (Unicode's White_Space and the zero-width space).
    static func trimmed(_ text: String) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII
                ? scalar == " " || (0x09...0x0D).contains(scalar.value)
                : scalar.properties.isWhitespace || scalar == "\u{200B}"
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// One of an enumeration's names (`kind: smalltalk`); an unknown name is reported with the
    /// nearest one and the list of names, as `what` ("kind", "tier").
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ node: Node, what: String) -> Choice?
    where Choice.RawValue == String {
        guard let name = text(node, what: "'\(what)'") else { return nil }
        if let parsed = Choice(rawValue: name) { return parsed }
        let names = Choice.allCases.map(\.rawValue)
        let suggestion = Self.closest(name, in: names).map { " (did you mean '\($0)'?)" } ?? ""
        error(node, "unknown \(what) '\(name)'\(suggestion)", hint: "\(what)s: \(names.joined(separator: ", "))")
        return nil
    }

    /// A list of non-empty texts; one text alone is taken as a list of one.
    mutating func texts(_ node: Node, what: String) -> [(String, Node)] {
        switch node {
        case .scalar:
            return text(node, what: what).map { [($0, node)] } ?? []
        case .sequence(let sequence):
            var values: [(String, Node)] = []
            for item in sequence {
                if let value = text(item, what: "an item of \(what)") { values.append((value, item)) }
            }
            return values
        default:
            error(node, "\(what) must be a list of texts", hint: "write one '- text' a line")
            return []
        }
    }

    /// The nearest of `candidates` to `word` within two edits, for "did you mean" hints.
    static func closest(_ word: String, in candidates: [String]) -> String? {
        let source = Array(word.lowercased().unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = SpellingCorrector.editDistance(source, Array(candidate.unicodeScalars), limit: 3)
            if distance <= 3, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }
}
