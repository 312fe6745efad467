import Knowledge

// MARK: Follow-ups

/// "Tell me more", "why?", "what will I see?", "what does that mean?": replies that go on from the
/// conversation's topic rather than match a new one.
extension Assistant {
    /// The most statements whose own words "what does that mean?" repeats after the simpler ones: a
    /// part's list of commitments, not a list of outcomes.
    private static let explainedInOwnWords = 3

    /// "What does that mean?": the topic again in easy-read words, then the charter's own words of
    /// what it quoted (at most ``explainedInOwnWords`` statements).
    private func explainTopic(
        _ intent: Intent, confidence: Double, context: inout DialogueContext, sessionID: String
    ) -> Reply? {
        guard let topic = context.topic else { return nil }
        let simple = compose(topic, style: .easy)
        var parts = [intent.response.text, simple.text].filter { !$0.isEmpty }
        // The charter's own words, when the simpler ones differ from them (a statement without an
        // easy-read form is shown in its own words already).
        let ownWords = simple.sources.map(\.text).filter { !simple.text.contains($0) }
        if !ownWords.isEmpty && simple.sources.count <= Self.explainedInOwnWords {
            if !intent.response.after.isEmpty { parts.append(intent.response.after) }
            parts += ownWords.map { "• " + $0 }
        } else if ownWords.isEmpty, (1...Self.explainedInOwnWords).contains(simple.sources.count),
            simple.text == compose(topic, style: .standard).text,
            let none = engine.content.intent(id: "system.no-simpler").map({ engine.composer.compose($0, style: style) })
        {
            // Nothing simpler is written for it (a council's statement without an easy-read form):
            // say so, rather than call the same words simpler.
            parts = [none.text] + simple.sources.map { "• " + $0.text }
        }
        context.pending = simple.pending
        return Reply(
            reply: parts.joined(separator: "\n"), answered: true, intent: intent.id, confidence: confidence,
            sessionId: sessionID, suggestions: simple.suggestions, sources: simple.sources, kind: .answer)
    }

    /// The part a topic belongs to: the conversation's, or that of the first statement it quotes.
    private func part(of context: DialogueContext) -> Cornerstone? {
        let charter = engine.content.charter
        if let id = context.cornerstone, let part = charter.cornerstone(id: id) { return part }
        guard let topic = context.topic else { return nil }
        return matcher.quotedStatementIDs(topic).lazy.compactMap { charter.cornerstone(containing: $0) }.first
    }

    /// "Tell me more" after a topic that has nothing more of its own: the other statements of its part.
    private func moreInPart(_ part: Cornerstone, context: DialogueContext, after followUp: Intent)
        -> ReplyComposer.Composed?
    {
        guard let lead = engine.content.intent(id: "system.more-in-part"), let topic = context.topic else { return nil }
        let shown = matcher.quotedStatements(topic)
        let rest = (part.commitments + part.outcomes).filter { !shown.contains($0.id) }
        guard !rest.isEmpty else { return nil }
        let filled = filled(lead, for: part)
        return engine.composer.compose(
            Response(text: filled.text, quotes: rest.map(\.id), easy: filled.easy),
            suggestions: followUpSuggestions(followUp, context), style: style)
    }

    /// "Tell me more" after a topic outside the parts (what co-production means, in the
    /// introduction's words): the rest of its section of the charter, or, when all of it was shown,
    /// that this was all, with its words again, rather than ask what the topic was.
    private func moreOutsideParts(_ topic: Target, after followUp: Intent, context: DialogueContext)
        -> ReplyComposer.Composed?
    {
        let charter = engine.content.charter
        let quoted = matcher.quotedStatementIDs(topic)
        guard !quoted.isEmpty else { return nil }
        let shown = Set(quoted)
        let section = [charter.introduction, charter.closing].first { section in
            shown.allSatisfy { id in section.contains { $0.id == id } }
        }
        let rest = (section ?? []).filter { !shown.contains($0.id) }
        if !rest.isEmpty {
            return engine.composer.continuation(
                rest.map(\.id), suggestions: followUpSuggestions(followUp, context), style: style)
        }
        guard let all = engine.content.intent(id: "system.all-of-topic") else { return nil }
        let again = engine.composer.compose(
            Response(text: all.response.text, quotes: quoted, after: all.response.after, easy: all.response.easy),
            suggestions: all.suggestions, style: style)
        // "That is everything" would be untrue of words too long to show again in one reply.
        return again.pending.isEmpty ? again : nil
    }

    /// The response of a system lead written for any part ("… under {part}:"), filled in for `part`.
    private func filled(_ lead: Intent, for part: Cornerstone) -> Response {
        let number = (engine.content.charter.cornerstones.firstIndex { $0.id == part.id } ?? 0) + 1
        return lead.forPart(id: part.id, title: part.title, number: number).response
    }

    /// "Tell me more", "what will I see?": continues the conversation's topic.
    func followUp(_ intent: Intent, confidence: Double, context: inout DialogueContext, sessionID: String)
        -> Reply
    {
        if intent.id.hasSuffix("explain") {
            if let reply = explainTopic(intent, confidence: confidence, context: &context, sessionID: sessionID) {
                return reply
            }
        }
        var composed: ReplyComposer.Composed?
        let wantsOutcomes = intent.id.hasSuffix("outcomes")
        if intent.id.hasSuffix("why") {
            // The charter seldom gives reasons: its words on the topic again, after saying so. With
            // no topic, or after a question about the charter itself, what the charter is for.
            let quoted = context.topic.map { matcher.quotedStatementIDs($0) } ?? []
            let aboutTheCharter = context.topic.map { $0.key.hasPrefix("intent:about.") } ?? false
            if quoted.isEmpty || aboutTheCharter, engine.content.intent(id: "about.why") != nil {
                return answer(
                    Candidate(target: .intent("about.why"), confidence: confidence), context: &context,
                    sessionID: sessionID)
            }
            composed = engine.composer.compose(
                Response(text: intent.response.text, quotes: quoted, easy: intent.response.easy),
                suggestions: followUpSuggestions(intent, context), style: style)
        } else if !context.pending.isEmpty && !wantsOutcomes {
            composed = engine.composer.continuation(
                context.pending, suggestions: followUpSuggestions(intent, context), style: style)
        } else if wantsOutcomes, let cornerstone = context.cornerstone,
            engine.content.charter.cornerstone(id: cornerstone)?.outcomes.isEmpty == false
        {
            composed = engine.composer.compose(
                Response(text: intent.response.text, quotes: [cornerstone + ".outcomes"], easy: intent.response.easy),
                suggestions: followUpSuggestions(intent, context), style: style)
        } else if case .intent(let id)? = context.topic, let topic = engine.content.intent(id: id),
            let more = topic.more
        {
            composed = engine.composer.compose(more, suggestions: topic.suggestions, style: style)
        } else if let cornerstone = context.cornerstone.flatMap({ engine.content.charter.cornerstone(id: $0) }) {
            let topicIntent = engine.content.intent(id: "part." + cornerstone.id)
            if context.topic == .part(cornerstone.id), let more = topicIntent?.more {
                composed = engine.composer.compose(more, suggestions: topicIntent?.suggestions ?? [], style: style)
            } else if let more = moreInPart(cornerstone, context: context, after: intent) {
                composed = more
                // The rest of the part has been shown: a further "more" goes on from the part itself.
                if let topicIntent { context.topic = .intent(topicIntent.id) }
            } else if case .intent(let id)? = context.topic, id == topicIntent?.id,
                let all = engine.content.intent(id: "system.all-of-part")
            {
                // The part was just shown whole: say so, with its words again.
                let filled = filled(all, for: cornerstone)
                composed = engine.composer.compose(
                    Response(
                        text: filled.text, quotes: cornerstone.statements.map(\.id), after: filled.after,
                        easy: filled.easy),
                    suggestions: followUpSuggestions(intent, context), style: style)
            } else if let topicIntent {
                return answer(
                    Candidate(target: .intent(topicIntent.id), confidence: confidence), context: &context,
                    sessionID: sessionID)
            }
        } else if let part = part(of: context) {
            composed = moreInPart(part, context: context, after: intent)
            if composed != nil, engine.content.intent(id: "part." + part.id) != nil {
                context.topic = .part(part.id)
            }
        }
        if composed == nil, intent.id.hasSuffix("more"), let topic = context.topic {
            composed = moreOutsideParts(topic, after: intent, context: context)
        }
        guard let composed else {
            return systemReply(
                engine.content.intent(id: "system.no-context")!, confidence: confidence, sessionID: sessionID)
        }
        context.pending = composed.pending
        if !composed.list.isEmpty { context.list = composed.list }
        return Reply(
            reply: composed.text, answered: true, intent: intent.id, confidence: confidence, sessionId: sessionID,
            suggestions: composed.suggestions, sources: composed.sources, kind: .answer)
    }

    /// The buttons after a follow-up: its intent's suggestions, with `{part}` the conversation's part
    /// and one naming `{other-part}` offered for each of two others (a suggestion naming a part is
    /// left out when the conversation has none).
    private func followUpSuggestions(_ followUp: Intent, _ context: DialogueContext) -> [String] {
        let charter = engine.content.charter
        let current = context.cornerstone.flatMap { charter.cornerstone(id: $0) }
        let others = current.map { current in charter.cornerstones.filter { $0.id != current.id }.prefix(2) } ?? []
        return followUp.suggestions.flatMap { suggestion -> [String] in
            let other = AnswerTimePlaceholder.otherPart.rawValue
            if suggestion.contains(other) { return others.map { suggestion.replacingAll(other, with: $0.title) } }
            let part = AnswerTimePlaceholder.part.rawValue
            guard suggestion.contains(part) else { return [suggestion] }
            return current.map { [suggestion.replacingAll(part, with: $0.title)] } ?? []
        }
    }
}
