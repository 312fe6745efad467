public import Knowledge

/// Checks that loaded content behaves as written: every suggestion button leads to an answer,
/// and every intent's examples lead back to that intent. `charter-chat check` runs it, so staff
/// learn about an example that another intent captures before users do.
public struct ContentAudit: Sendable {
    private let content: Content
    private let matcher: Matcher

    /// Prepares an audit of `content`.
    public init(content: Content) {
        self.content = content
        self.matcher = Matcher(content: content)
    }

    /// The problems found, each pointing at the intent concerned.
    public func run() -> [ContentDiagnostic] {
        var problems: [ContentDiagnostic] = []
        func report(_ intent: Intent, _ message: String, hint: String) {
            problems.append(
                ContentDiagnostic(
                    file: intent.location.file, line: intent.location.line, column: intent.location.column,
                    message: message, hint: hint))
        }
        for intent in content.intents {
            for suggestion in intent.suggestions {
                if suggestion.lowercased() == "tell me more" || suggestion.lowercased() == "more" { continue }
                switch matcher.match(suggestion) {
                case .answer(let candidate):
                    if case .intent(let id) = candidate.target, content.intent(id: id)?.kind == .outOfScope {
                        report(
                            intent, "suggestion '\(suggestion)' of '\(intent.id)' leads to an out-of-scope reply",
                            hint: "offer a question the charter answers")
                    }
                case .clarify, .fallback:
                    report(
                        intent, "suggestion '\(suggestion)' of '\(intent.id)' is not answered",
                        hint: "add it (or words like it) as an example of the intent it should lead to")
                }
            }
            for example in intent.examples {
                guard case .answer(let candidate) = matcher.match(example) else {
                    report(
                        intent, "example '\(example)' of '\(intent.id)' is not answered",
                        hint: "it is too close to another intent's examples; reword it or add more examples")
                    continue
                }
                if case .intent(let id) = candidate.target, id != intent.id {
                    report(
                        intent, "example '\(example)' of '\(intent.id)' leads to '\(id)' instead",
                        hint: "reword one of the two intents' examples so each question has one home")
                }
            }
        }
        return problems
    }
}
