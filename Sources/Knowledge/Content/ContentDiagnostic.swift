/// A problem in a content file, reported the way a compiler reports one:
/// `intents/cornerstones.yaml:12:5: error: unknown cornerstone 'welcom-and-care'`.
public struct ContentDiagnostic: Sendable, Equatable, Error, CustomStringConvertible {
    /// The file, as given to the loader (relative paths stay relative).
    public var file: String
    /// One-based line, or 0 when the problem is about the whole file.
    public var line: Int
    /// One-based column, or 0 when unknown.
    public var column: Int
    /// What is wrong.
    public var message: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?
    /// True for something to improve that does not stop the content loading (a missing easy-read form).
    public var isWarning = false

    /// Makes a diagnostic.
    public init(file: String, line: Int = 0, column: Int = 0, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: error: message`, then the hint on its own line.
    public var description: String {
        var location = file
        if line > 0 { location += ":\(line)" }
        if line > 0 && column > 0 { location += ":\(column)" }
        var text = "\(location): \(isWarning ? "warning" : "error"): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// Every problem found in the content, so that one `check` run reports them all.
public struct ContentErrors: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems, in file and line order.
    public var diagnostics: [ContentDiagnostic]

    /// Makes the error from a non-empty list of problems.
    public init(_ diagnostics: [ContentDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One problem a line, followed by a count of the errors and of the warnings among them.
    public var description: String {
        let lines = diagnostics.map(\.description)
        let warnings = diagnostics.count { $0.isWarning }
        let errors = diagnostics.count - warnings
        var count = errors == 1 ? "1 error" : "\(errors) errors"
        if warnings > 0 { count += warnings == 1 ? ", 1 warning" : ", \(warnings) warnings" }
        return (lines + [count]).joined(separator: "\n")
    }
}
