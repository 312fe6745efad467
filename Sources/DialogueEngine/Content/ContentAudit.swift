import Foundation
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

    /// The problems found, each pointing at the intent concerned; a part's own (its examples are
    /// made from its name) are warnings.
    public func run() -> [ContentDiagnostic] {
        var problems: [ContentDiagnostic] = []
        // A part's copy of an intent written for every part is reported as a warning: its examples
        // are made from the part's name, which the officer may change but the base's words not.
        func report(_ intent: Intent, _ message: String, hint: String, warning: Bool = false) {
            var problem = ContentDiagnostic(
                file: intent.location.file, line: intent.location.line, column: intent.location.column,
                message: message,
                hint: intent.isPartCopy && !hint.contains("charter.md")
                    ? hint + ", or rename the part in charter.md" : hint)
            problem.isWarning = warning || intent.isPartCopy
            problems.append(problem)
        }
        // A reply that quotes what this charter lacks (its introduction, its closing words) says
        // less than it was written to, or "It says:" and then nothing.
        for intent in content.intents where !intent.isPartCopy {
            let replies = [
                (intent.response, "quotes", "add 'unquoted:' to the intent with what to say instead"),
                (intent.more, "quotes in its 'more'", "quote only what the charter has"),
            ]
            for (response, what, hint) in replies {
                guard let response else { continue }
                let missing = QuoteReference.missing(response.quotes, in: content.charter)
                guard !missing.isEmpty else { continue }
                report(
                    intent,
                    "'\(intent.id)' \(what) \(missing.map { "'\($0)'" }.joined(separator: ", ")), which this charter does not have",
                    hint: hint, warning: true)
            }
        }
        // A suggestion that names a part at answer time ("Explain {part}") is checked for each part,
        // where its intent fills the placeholder (see ``AnswerTimePlaceholder/filled(by:)``).
        let titles = content.charter.cornerstones.map(\.title)
        // A clarification's own buttons follow the answers it offers as a way out ("None of these"),
        // not as questions.
        for intent in content.intents where intent.id != "system.clarify" {
            var suggestions: [String] = []
            let fills = AnswerTimePlaceholder.filled(by: intent)
            for suggestion in intent.suggestions {
                let named = AnswerTimePlaceholder.allCases.filter { suggestion.contains($0.rawValue) }
                if let unfilled = named.first(where: { !fills.contains($0) }) {
                    report(
                        intent,
                        "suggestion '\(suggestion)' of '\(intent.id)' names \(unfilled.rawValue), which it does not fill when it answers",
                        hint: "name the part in words, or move the suggestion to a follow-up")
                    continue
                }
                var filled = [suggestion]
                for placeholder in named {
                    filled = filled.flatMap { text in titles.map { text.replacingAll(placeholder.rawValue, with: $0) } }
                }
                suggestions += filled
            }
            for suggestion in suggestions {
                switch matcher.match(suggestion) {
                case .answer(let candidate):
                    guard case .intent(let id) = candidate.target else { break }
                    // "More", "tell me more": a follow-up, answered from the conversation.
                    if content.intent(id: id)?.kind == .outOfScope {
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
            // A part's examples left to another intent that asks them too are checked as well:
            // the part's name may still take them ("What is co-production?").
            for example in intent.examples + intent.examplesLeft {
                guard case .answer(let candidate) = matcher.match(example) else {
                    report(
                        intent, "example '\(example)' of '\(intent.id)' is not answered",
                        hint: "it is too close to another intent's examples; reword it or add more examples")
                    continue
                }
                guard case .intent(let id) = candidate.target, id != intent.id else { continue }
                // A part named as the question is ("## What is co-production?") answers it in the
                // charter's own words: a warning for the base's examples, as the officer can rename
                // the part but not reword them; an error for the council's own, which the officer
                // wrote; with the part's very name in it, nothing to report.
                if content.intent(id: id)?.isPartCopy == true,
                    let part = matcher.cornerstone(of: candidate.target).flatMap(content.charter.cornerstone(id:))
                {
                    let title = ContentLoader.duplicateKey(part.title)
                    if title.isEmpty || !ContentLoader.duplicateKey(example).contains(title) {
                        let own = isCouncilOwn(intent)
                        report(
                            intent, "example '\(example)' of '\(intent.id)' is answered by the part '\(id)'",
                            hint: own
                                ? "reword the example, or rename the part in charter.md"
                                : "rename the part in charter.md if the question should have the other answer",
                            warning: !own)
                    }
                    continue
                }
                // A charter may name a part after what all its parts are called ("Our principles"):
                // there the list of parts' example "what are the principles" names that part.
                let namesThePart =
                    intent.id == Intent.partsListID
                    && matcher.partNamed(by: example).map { $0 == matcher.cornerstone(of: candidate.target) } == true
                if !namesThePart {
                    report(
                        intent, "example '\(example)' of '\(intent.id)' leads to '\(id)' instead",
                        hint: "reword one of the two intents' examples so each question has one home")
                }
            }
        }
        return problems
    }

    /// True for an intent written in the council's own folder, over a base layer.
    private func isCouncilOwn(_ intent: Intent) -> Bool {
        guard content.layers.count > 1, let folder = content.layers.last else { return false }
        return intent.location.file.hasPrefix(ContentLoader.join(folder, ""))
    }

    /// Thesaurus entries that would carry an out-of-scope question into the charter's answers, as
    /// warnings: each out-of-scope example is read again with its words through the thesaurus (as
    /// they would be read if the content did not use them), and a warning is given when it then
    /// gets an answer from the charter.
    public func thesaurusRisks(directory: String) -> [ContentDiagnostic] {
        let thesaurus = content.lexicon.thesaurus
        guard !thesaurus.isEmpty else { return [] }
        let file =
            content.thesaurusFile
            ?? ContentLoader.join(directory, "thesaurus.txt")
        var risks: [ContentDiagnostic] = []
        for intent in content.intents where intent.kind == .outOfScope {
            for example in intent.examples {
                let words = matcher.analyzer.words(example)
                let used = words.filter { thesaurus[$0] != nil }
                guard !used.isEmpty else { continue }
                let reread = words.map { thesaurus[$0] ?? $0 }.joined(separator: " ")
                guard case .answer(let candidate) = matcher.match(reread) else { continue }
                if case .intent(let id) = candidate.target, content.intent(id: id)?.kind != .answer { continue }
                var risk = ContentDiagnostic(
                    file: file,
                    message:
                        "read through the thesaurus (\(used.map { "\($0) → \(thesaurus[$0]!)" }.joined(separator: ", "))), "
                        + "the out-of-scope example '\(example)' of '\(intent.id)' would be answered by '\(candidate.target.key)'",
                    hint:
                        "give the word a better meaning in scripts/thesaurus/slang.txt (or 'word: -' to leave it out) and run "
                        + "scripts/make-thesaurus")
                risk.isWarning = true
                risks.append(risk)
            }
        }
        return risks
    }

    /// Readability of the replies as composed, in both styles: the mean Flesch reading ease and the
    /// longest sentence, over every intent's reply and every statement shown on its own.
    public struct ReadabilityFigures: Sendable, Equatable {
        /// How many replies were measured in each style.
        public var replies: Int
        /// Mean Flesch reading ease of the standard replies.
        public var standardMean: Double
        /// Mean Flesch reading ease of the easy-read replies.
        public var easyMean: Double
        /// The longest sentence of any easy-read reply, in words.
        public var easyLongestSentence: Int
    }

    /// Measures every reply as the assistant would send it, in both styles.
    public func readability() -> ReadabilityFigures {
        let composer = ReplyComposer(content: content)
        var standard: [Double] = []
        var easy: [Double] = []
        var longest = 0
        func measure(_ plain: ReplyComposer.Composed, _ simple: ReplyComposer.Composed) {
            guard let a = Readability.fleschReadingEase(plain.text), let b = Readability.fleschReadingEase(simple.text)
            else { return }
            standard.append(a)
            easy.append(b)
            longest = max(longest, Readability.longestSentence(simple.text))
        }
        for intent in content.intents {
            measure(composer.compose(intent), composer.compose(intent, style: .easy))
        }
        for statement in content.charter.allStatements {
            measure(
                composer.compose(statementID: statement.id), composer.compose(statementID: statement.id, style: .easy))
        }
        func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
        return ReadabilityFigures(
            replies: standard.count, standardMean: mean(standard), easyMean: mean(easy), easyLongestSentence: longest)
    }

    /// Warnings about a charter's shape that loads but that its officer should look at: paragraphs
    /// after a part's list (often the page below the charter, read as the last part's words), and
    /// a charter without an introduction (asked who made it or what it is for, the assistant can
    /// only say that the charter does not say).
    public func charterShape(directory: String) -> [ContentDiagnostic] {
        let file = ContentLoader.join(directory, "charter.md")
        var warnings: [ContentDiagnostic] = []
        func warn(line: Int, _ message: String, hint: String) {
            var warning = ContentDiagnostic(file: file, line: line, column: 1, message: message, hint: hint)
            warning.isWarning = true
            warnings.append(warning)
        }
        // Only the last part: the page below a charter is pasted after it.
        if let part = content.charter.cornerstones.last,
            let listStart = (part.commitments + part.outcomes).map(\.line).min()
        {
            let after = part.description.filter { $0.line > listStart }
            if let first = after.first {
                warn(
                    line: first.line,
                    "\(after.count == 1 ? "a paragraph" : "\(after.count) paragraphs") after the list of the last part, '\(part.title)', read as its own words",
                    hint:
                        "if it is the page around the charter, delete it; if it ends the charter, put it under '## Closing'"
                )
            }
        }
        for heading in content.charter.otherSubListHeadings {
            warn(
                line: heading.line,
                "'### \(heading.text)' is read as a list under the part before it, not as a part of its own",
                hint: "if it is a part, write it with '## '; a list under a part usually opens 'We will' or 'You will'")
        }
        let leftOut = content.charter.leftOut
        if let first = leftOut.first {
            warn(
                line: first.line,
                "\(leftOut.count) line(s) left out as headings or the page around the charter: "
                    + leftOut.map { "\($0.line) '\($0.text)'" }.joined(separator: ", "),
                hint:
                    "if one is the charter's own words, write it as a sentence ending with a full stop (without '### ' or bold)"
            )
        }
        if content.charter.introduction.isEmpty {
            warn(
                line: 1,
                "the charter has no introduction: asked who made it or what it is for, the assistant can only say that the charter does not say",
                hint:
                    "if the charter opens with paragraphs of its own, copy them between the '# ' title and the first '## ' part"
            )
        }
        return warnings
    }

    /// Warnings for each value of `council.yaml` still marked `TODO` (as `init` writes them).
    public func councilTodos() -> [ContentDiagnostic] {
        guard let council = content.council, let folder = content.layers.last else { return [] }
        let file = ContentLoader.join(folder, "council.yaml")
        let lines = (try? String(contentsOfFile: file, encoding: .utf8))?.components(separatedBy: "\n") ?? []
        let lineOf = { (key: String) in (lines.firstIndex { $0.hasPrefix(key + ":") } ?? -1) + 1 }
        return council.todoKeys.sorted { lineOf($0) < lineOf($1) }.map { key in
            let line = lineOf(key)
            var warning = ContentDiagnostic(
                file: file, line: line, column: line > 0 ? key.count + 3 : 0,
                message: "'\(key)' is still TODO: replies that name {\(key)} will say so",
                hint: "write the council's own \(key) in place of the TODO")
            warning.isWarning = true
            return warning
        }
    }

    /// Statements, replies and safeguarding replies without an easy-read form, as warnings: the
    /// content still loads, and the standard words are shown in their place.
    public func easyReadGaps(directory: String) -> [ContentDiagnostic] {
        var gaps: [ContentDiagnostic] = []
        let easyFile = ContentLoader.join(directory, "charter-easy.yaml")
        let missing = content.charter.allStatements.map(\.id).filter { content.easyStatements[$0] == nil }
        if !missing.isEmpty {
            var gap = ContentDiagnostic(
                file: easyFile,
                message: "no easy-read form for \(missing.count) statement(s): \(missing.joined(separator: ", "))",
                hint: "add 'id: easy words' lines to charter-easy.yaml beside charter.md")
            gap.isWarning = true
            gaps.append(gap)
        }
        for intent in content.intents {
            var lacking: [String] = []
            // A reply made only of quotes needs none: the statements' easy forms are shown.
            func needsEasy(_ response: Response) -> Bool {
                response.easy == nil && !(response.text.isEmpty && response.after.isEmpty)
            }
            if needsEasy(intent.response) { lacking.append("its reply") }
            if let more = intent.more, needsEasy(more) { lacking.append("its 'more'") }
            guard !lacking.isEmpty else { continue }
            var gap = ContentDiagnostic(
                file: intent.location.file, line: intent.location.line, column: intent.location.column,
                message: "intent '\(intent.id)' has no easy-read form for \(lacking.joined(separator: " or "))",
                hint: "add 'easy:' with the reply in short sentences and everyday words")
            gap.isWarning = true
            gaps.append(gap)
        }
        for category in content.safeguarding.categories where category.easy == nil {
            var gap = ContentDiagnostic(
                file: ContentLoader.join(directory, "safeguarding.yaml"),
                message: "safeguarding category '\(category.id)' has no easy-read form",
                hint: "add 'easy:' to the category, keeping every number")
            gap.isWarning = true
            gaps.append(gap)
        }
        return gaps
    }
}
