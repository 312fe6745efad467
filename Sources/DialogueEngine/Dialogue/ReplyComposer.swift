import Knowledge

/// Turns a chosen intent or statement into reply text, sources and suggestions, keeping replies
/// short: a long list is cut after about ``wordBudget`` words and the rest kept for "more".
package struct ReplyComposer: Sendable {
    /// Aim for replies no longer than this many words.
    package static let wordBudget = 80
    /// Always show at least this many quoted statements before cutting.
    package static let minimumItems = 3

    package let content: Content
    /// Every intent's reply with its own suggestions, composed once per style: content never changes.
    private let intentReplies: [ReplyStyle: [String: Composed]]

    /// What a reply says and what the conversation should remember about it.
    package struct Composed: Sendable, Equatable {
        package var text: String
        package var sources: [Reply.Source]
        package var suggestions: [String]
        /// Statements left for "more".
        package var pending: [String]
        /// What "the first one" would pick after this reply.
        package var list: [Target]
    }

    /// Makes a composer for `content`.
    package init(content: Content) {
        let composer = ReplyComposer(content: content, intentReplies: [:])
        var replies: [ReplyStyle: [String: Composed]] = [:]
        for style in ReplyStyle.allCases {
            for intent in content.intents {
                replies[style, default: [:]][intent.id] = composer.compose(
                    intent.response, suggestions: intent.suggestions, style: style)
            }
        }
        self.init(content: content, intentReplies: replies)
    }

    private init(content: Content, intentReplies: [ReplyStyle: [String: Composed]]) {
        self.content = content
        self.intentReplies = intentReplies
    }

    /// The reply for an intent, with the intent's own suggestions.
    package func compose(_ intent: Intent, style: ReplyStyle = .standard) -> Composed {
        intentReplies[style]?[intent.id] ?? compose(intent.response, suggestions: intent.suggestions, style: style)
    }

    /// The reply for a content response (`reply`, `quote`, `after`; `easy` in the easy style).
    package func compose(_ response: Response, suggestions: [String], style: ReplyStyle = .standard) -> Composed {
        var statements: [Statement] = []
        var lines: [String] = []
        for reference in response.quotes {
            guard let quote = QuoteReference(reference, in: content.charter) else { continue }
            if quote == .cornerstoneTitles, let listed = content.charter.listedStatements {
                statements += listed
            } else if quote == .cornerstoneTitles {
                lines += content.charter.cornerstones.enumerated().map { "\($0.offset + 1). \($0.element.title)" }
            } else {
                statements += quote.statements(in: content.charter)
            }
        }
        if style == .easy, let easy = response.easy {
            return assemble(
                lead: easy, lines: lines, statements: statements, after: "", suggestions: suggestions, style: style)
        }
        return assemble(
            lead: response.text, lines: lines, statements: statements, after: response.after, suggestions: suggestions,
            style: style)
    }

    /// The reply for one charter statement on its own.
    package func compose(statementID: String, style: ReplyStyle = .standard) -> Composed {
        let charter = content.charter
        guard let statement = charter.statement(id: statementID) else {
            return Composed(text: "", sources: [], suggestions: [], pending: [], list: [])
        }
        var suggestions: [String] = []
        let lead: String
        if let cornerstone = charter.cornerstone(containing: statementID) {
            let part = AnswerTimePlaceholder.part.rawValue
            lead = leadText("system.statement", style: style).replacingAll(part, with: cornerstone.title)
            suggestions = (content.intent(id: "system.statement")?.suggestions ?? []).map {
                $0.replacingAll(part, with: cornerstone.title)
            }
        } else {
            lead = leadText("system.statement-outside", style: style)
            suggestions = content.intent(id: "system.statement-outside")?.suggestions ?? []
        }
        return assemble(
            lead: lead, lines: [], statements: Self.withItsList(statement, in: charter), after: "",
            suggestions: suggestions, style: style)
    }

    /// A part's last paragraph, when it leads into the part's list ("They will welcome you by:"),
    /// is shown with that list; any other statement alone. (A lead-in of the introduction or the
    /// closing is shown alone: their paragraphs carry no list of their own.)
    static func withItsList(_ statement: Statement, in charter: Charter) -> [Statement] {
        guard statement.kind == .paragraph, statement.text.hasSuffix(":"),
            let part = charter.cornerstone(containing: statement.id), part.description.last?.id == statement.id,
            !part.commitments.isEmpty
        else { return [statement] }
        return [statement] + part.commitments
    }

    /// The next part of a long reply.
    package func continuation(_ pending: [String], suggestions: [String], style: ReplyStyle = .standard) -> Composed {
        let statements = pending.compactMap { content.charter.statement(id: $0) }
        return assemble(
            lead: leadText("system.continuation", style: style), lines: [],
            statements: statements, after: "", suggestions: suggestions, style: style)
    }

    /// The words of a system reply that leads into quoted statements (or says more is to come), in
    /// `style`: the loader requires these intents, so only content assembled in code lacks them.
    private func leadText(_ id: String, style: ReplyStyle) -> String {
        guard let response = content.intent(id: id)?.response else { return "" }
        return (style == .easy ? response.easy : nil) ?? response.text
    }

    /// How a statement is shown: its own words, or its easy-read form when there is one.
    private func shownText(_ statement: Statement, style: ReplyStyle) -> String {
        style == .easy ? content.easyStatements[statement.id] ?? statement.text : statement.text
    }

    private func assemble(
        lead: String, lines: [String], statements: [Statement], after: String, suggestions: [String],
        style: ReplyStyle
    ) -> Composed {
        var parts: [String] = []
        if !lead.isEmpty { parts.append(lead) }
        parts += lines
        var words = parts.reduce(0) { $0 + Self.wordCount($1) } + Self.wordCount(after)
        var shown: [Statement] = []
        var pending: [String] = []
        for statement in statements {
            let cost = Self.wordCount(shownText(statement, style: style))
            if pending.isEmpty && (shown.count < Self.minimumItems || words + cost <= Self.wordBudget) {
                shown.append(statement)
                words += cost
            } else {
                pending.append(statement.id)
            }
        }
        // A part's paragraph shown with its list ("They will communicate with you … by:") leads
        // into the items: it is not one of them, in the text or for "the first one".
        let hasItems = shown.contains { $0.kind != .paragraph }
        parts += shown.map { (hasItems && $0.kind == .paragraph ? "" : "• ") + shownText($0, style: style) }
        if !pending.isEmpty {
            let more = leadText("system.more-to-come", style: style)
            if !more.isEmpty { parts.append(more) }
        } else if !after.isEmpty {
            parts.append(after)
        }
        let sources = shown.map { Reply.Source(cornerstone: sourceName(of: $0), text: $0.text) }
        var offered = suggestions
        if !pending.isEmpty {
            offered.insert(contentsOf: content.intent(id: "system.more-to-come")?.suggestions ?? [], at: 0)
        }
        let listed = hasItems ? shown.filter { $0.kind != .paragraph } : shown
        // An introduction that lists the parts by name: "the second one" is the second part named.
        let named = shown.compactMap { content.charter.cornerstone(namedBy: $0) }
        let list: [Target] =
            named.count > 1
            ? named.map { .part($0.id) } : listed.count > 1 ? listed.map { .statement($0.id) } : []
        return Composed(
            text: parts.joined(separator: "\n"), sources: sources, suggestions: Array(offered.prefix(3)),
            pending: pending, list: list)
    }

    private func sourceName(of statement: Statement) -> String {
        if let cornerstone = content.charter.cornerstone(containing: statement.id) { return cornerstone.title }
        return statement.id.hasPrefix("closing") ? "Closing" : "Introduction"
    }

    /// Words as a reader counts them.
    package static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let isSeparator = byte == 0x20 || byte == 0x0A
            if !isSeparator && !inWord { count += 1 }
            inWord = !isSeparator
        }
        return count
    }
}
