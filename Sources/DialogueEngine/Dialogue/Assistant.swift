public import Foundation
import Knowledge
import Synchronization

/// The conversation engine: takes a message and a session, returns a ``Reply``.
///
/// Order of work: safeguarding first, then a follow-up to the conversation ("the second one",
/// "tell me more"), then matching. Fallbacks and clarifications are logged, redacted.
public struct Assistant: Sendable {
    /// What answering needs from the content, built together and swapped together on reload.
    /// A class: a request holds it with one reference, not a copy of every table.
    package final class Engine: Sendable {
        let content: Content
        let matcher: Matcher
        let composer: ReplyComposer
        /// What "what are the parts?" lists: the parts or, for a charter of one list, its
        /// statements. Positions named with the word for a part ("the 2nd cornerstone") and "the
        /// next one" after a part are read in it.
        let parts: [Target]
        /// The council's word for a part as a message types it, singular and plural
        /// ("cornerstone", "cornerstones"); empty for content without a council.
        let partWords: Set<String>

        init(content: Content, matcher: Matcher, composer: ReplyComposer) {
            self.content = content
            self.matcher = matcher
            self.composer = composer
            let overview = content.intent(id: Intent.partsListID)
            let listed = overview.map { Self.listed(by: $0, in: content) } ?? []
            parts = listed.isEmpty ? overview.map { composer.compose($0, style: .standard).list } ?? [] : listed
            let part = content.council.map { TextFolder.fold($0.part) } ?? ""
            partWords = part.isEmpty ? [] : [part, part + "s"]
        }

        /// The items an intent's reply lists for "the second one" (its `list`), as targets.
        func listed(by intent: Intent) -> [Target] {
            Self.listed(by: intent, in: content)
        }

        private static func listed(by intent: Intent, in content: Content) -> [Target] {
            intent.list.map { item in content.intent(id: item) != nil ? .intent(item) : .statement(item) }
        }
    }

    /// The current engine; a reload swaps it atomically while conversations go on.
    private final class EngineBox: Sendable {
        let current: Mutex<Engine>
        init(_ engine: Engine) { current = Mutex(engine) }
    }

    private let box: EngineBox
    /// The engine one request works with from start to end, even if a reload happens meanwhile.
    private var pinned: Engine?
    /// How the request being answered wants its reply worded.
    var style = ReplyStyle.standard
    /// False when the message repeats the previous one in another style: it is answered, not counted.
    private var counted = true
    private let settings: MatcherSettings
    /// The content and what is built from it: the one pinned for a request, else the current one.
    var engine: Engine { pinned ?? box.current.withLock { $0 } }

    /// The content this assistant answers from.
    public var content: Content { engine.content }
    package var matcher: Matcher { engine.matcher }
    private let sessions: SessionStore
    private let log: ResilientLog
    private let redactor = Redactor()
    private let clock: @Sendable () -> Date
    /// Where new session ids' random bytes come from.
    private let randomBytes = RandomPool()
    /// The council this assistant answers for, recorded with everything it logs (empty when the
    /// program serves one council).
    public let council: String

    /// Makes an assistant over loaded content.
    ///
    /// - Parameters:
    ///   - sessionTTL: how long an idle conversation keeps its context.
    ///   - maxSessions: the most conversations remembered at once.
    ///   - council: the council's id, when one program serves several.
    public init(
        content: Content, log: ResilientLog, sessionTTL: Duration = .seconds(30 * 60), maxSessions: Int = 10_000,
        council: String = "", clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.init(
            content: content, log: log, sessions: SessionStore(ttl: sessionTTL, capacity: maxSessions),
            settings: MatcherSettings(), council: council, clock: clock)
    }

    /// Makes an assistant over compiled content (see ``ContentCache``).
    public init(
        compiled: CompiledContent, log: ResilientLog, sessionTTL: Duration = .seconds(30 * 60),
        maxSessions: Int = 10_000, council: String = ""
    ) {
        self.init(
            matcher: compiled.matcher, log: log, sessions: SessionStore(ttl: sessionTTL, capacity: maxSessions),
            settings: compiled.matcher.settings, council: council, clock: { Date() })
    }

    package init(
        content: Content, log: ResilientLog, sessions: SessionStore, settings: MatcherSettings, council: String = "",
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.init(
            matcher: Matcher(content: content, settings: settings), log: log, sessions: sessions, settings: settings,
            council: council, clock: clock)
    }

    private init(
        matcher: Matcher, log: ResilientLog, sessions: SessionStore, settings: MatcherSettings, council: String,
        clock: @escaping @Sendable () -> Date
    ) {
        self.council = council
        self.box = EngineBox(
            Engine(content: matcher.content, matcher: matcher, composer: ReplyComposer(content: matcher.content)))
        self.settings = settings
        self.sessions = sessions
        self.log = log
        self.clock = clock
    }

    private static func engine(for content: Content, settings: MatcherSettings) -> Engine {
        Engine(
            content: content, matcher: Matcher(content: content, settings: settings),
            composer: ReplyComposer(content: content))
    }

    /// Answers from `content` from now on; conversations keep their context.
    public func reload(_ content: Content) {
        let fresh = Self.engine(for: content, settings: settings)
        box.current.withLock { $0 = fresh }
    }

    /// The greeting shown when a conversation starts.
    public func welcome(sessionId: String? = nil, style: ReplyStyle = .standard) -> Reply {
        greeting(engine.content.intent(id: "system.welcome")!, sessionId: sessionId, style: style)
    }

    /// A system intent's reply that starts or restarts a conversation: its text and suggestions.
    private func greeting(_ intent: Intent, sessionId: String?, style: ReplyStyle) -> Reply {
        let composed = engine.composer.compose(intent, style: style)
        var reply = Reply(
            reply: composed.text, answered: true, intent: intent.id, confidence: 1,
            sessionId: sessionId ?? newSessionID(), suggestions: composed.suggestions, sources: [],
            kind: .smalltalk)
        reply.style = style
        return reply
    }

    /// How many recent replies a conversation remembers for feedback.
    static let rememberedReplies = 20

    /// Why feedback could not be taken.
    public enum FeedbackError: Error, Equatable {
        /// No such reply in that conversation (or the conversation has expired).
        case unknownMessage
    }

    /// Records whether a reply helped. Unhelpful ones appear in the review with the question and answer.
    public func feedback(
        sessionId: String, messageId: String, helpful: Bool, comment: String?, channel: Channel
    ) async throws(FeedbackError) {
        var context = sessions.context(for: sessionId)
        guard let message = context.recent.first(where: { $0.id == messageId }) else { throw .unknownMessage }
        // A comment is typed text like any message: a disclosure in it is counted, never stored.
        let signal = comment.flatMap(safeguardingSignal(in:))
        let discloses = signal != nil
        if let signal {
            await log.recordSafeguarding(at: clock(), category: signal.category, channel: channel, council: council)
        }
        // A comment on a reply to a disclosure goes on from it: it is withheld as well.
        let note =
            discloses || message.question == Self.withheldDisclosure
            ? Self.withheldDisclosure
            : comment.map { redactor.redact($0.leading(500)) }.flatMap { $0.isEmpty ? nil : $0 }
        await log.recordFeedback(
            Feedback(
                givenAt: clock(), sessionKey: context.logKey(for: sessionId), messageId: messageId,
                helpful: helpful,
                comment: note, question: message.question, intent: message.intent, answer: message.answer,
                channel: channel, style: message.style, council: council))
    }

    /// What is kept instead of text that disclosed harm.
    static let withheldDisclosure = "[safeguarding: not stored]"

    /// The safeguarding signal in `text`, of either tier, if any.
    private func safeguardingSignal(in text: String) -> SafeguardingSignal? {
        let analysed = matcher.analyze(text)
        return matcher.safeguarding.signal(in: text, words: analysed.words, stems: analysed.stems)
    }

    /// Numbers this process's replies; with a random start per process, message ids do not repeat.
    private static let replies = Atomic<UInt64>(UInt64.random(in: 0...(1 << 40)))

    /// A 12-character id for one reply, unique within the process (no random bytes needed per reply:
    /// it only has to tell one reply of a conversation from another).
    static func newMessageID() -> String {
        var number = replies.add(1, ordering: .relaxed).newValue
        // Twelve base-36 digits, zero-padded (36^12 > 2^62: the counter never runs out of them).
        return String(unsafeUninitializedCapacity: 12) { buffer in
            for place in (0..<12).reversed() {
                let digit = UInt8(number % 36)
                buffer[place] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                number /= 36
            }
            return 12
        }
    }

    /// A fresh random session id: a version-4 UUID in lower case, its bytes from the system's secure
    /// random source through a ``RandomPool`` (no system call per id). (`UUID()` itself opens
    /// /dev/urandom on every call here: a file opened per conversation, which showed under load;
    /// `UUID(uuid:)` only formats.)
    public func newSessionID() -> String {
        var bytes = randomBytes.sixteenBytes()
        return withUnsafeMutableBytes(of: &bytes) { raw in
            raw[6] = raw[6] & 0x0F | 0x40
            raw[8] = raw[8] & 0x3F | 0x80
            return UUID(uuid: raw.load(as: uuid_t.self)).uuidString.lowercased()
        }
    }

    /// Answers `message` in the conversation `sessionId` (a new one when nil).
    ///
    /// - Parameter repeated: true when the message is the previous one asked again in another style
    ///   (the widget's "Simpler words"): it is answered but not counted or logged a second time.
    public func respond(
        to message: String, sessionId: String? = nil, channel: Channel, style: ReplyStyle = .standard,
        repeated: Bool = false
    ) async -> Reply {
        var assistant = self
        assistant.pinned = engine
        assistant.style = style
        return await assistant.respondPinned(to: message, sessionId: sessionId, channel: channel, repeated: repeated)
    }

    private mutating func respondPinned(
        to message: String, sessionId: String?, channel: Channel, repeated: Bool
    ) async -> Reply {
        let sessionID = sessionId ?? newSessionID()
        var context = sessions.context(for: sessionID)
        // A repeat is honoured only for the conversation's last message: it is answered from the
        // context as it was before that message, and not counted again.
        let hash = message.hashValue
        if repeated, context.lastMessageHash == hash, let before = context.beforeLast {
            context.restore(before)
            counted = false
        } else {
            context.beforeLast = context.snapshot
            context.lastMessageHash = hash
            counted = true
        }
        // Redacted once: the log (first 1,000 characters) and the recent replies (first 500) share
        // it when the message is no longer than either. Matching sees the whole message stripped.
        let leading = message.leading(1000)
        let (redacted, strippedLeading) = redactor.redactAndStrip(leading)
        let stripped = leading.utf8.count == message.utf8.count ? strippedLeading : redactor.strip(message)
        var signal: SafeguardingSignal?
        var reply = await respond(
            to: message, redacted: redacted, stripped: stripped, context: &context, sessionID: sessionID,
            channel: channel, signal: &signal)
        reply.messageId = Self.newMessageID()
        reply.style = style
        // What feedback on this reply would store: never the words of a disclosure or a possible risk.
        let question =
            signal != nil
            ? Self.withheldDisclosure : message.utf8.count <= 500 ? redacted : redactor.redact(message.leading(500))
        let recent = RecentMessage(
            // Feedback keeps no category of a disclosure: with its time and conversation key it would
            // say more than the daily counts do.
            id: reply.messageId, question: question,
            intent: reply.kind == .safeguarding ? "safeguarding" : reply.intent, answer: reply.reply.leading(500),
            date: clock(), style: style)
        sessions.save(context, for: sessionID, adding: recent, keeping: Self.rememberedReplies)
        if counted && reply.intent != "system.empty" {
            await log.tally(reply.kind, at: clock(), channel: channel, style: style, council: council)
        }
        return reply
    }

    private func respond(
        to message: String, redacted: String, stripped: String, context: inout DialogueContext, sessionID: String,
        channel: Channel, signal: inout SafeguardingSignal?
    ) async -> Reply {
        // The message is analysed once; safeguarding, matching and the log share the result.
        let analysed = matcher.analyze(message)
        let words = analysed.words
        if words.isEmpty && message.allSatisfy({ $0.isWhitespace }) {
            // Content that has no reply for an empty message greets instead.
            let intent = engine.content.intent(id: "system.empty") ?? engine.content.intent(id: "system.welcome")!
            var reply = greeting(intent, sessionId: sessionID, style: style)
            reply.intent = "system.empty"
            return reply
        }
        // Safeguarding first. A disclosure is answered at once; a possible risk ("I'm not okay") still
        // gets a confident charter answer, and otherwise a gentle check-in. Neither is ever stored.
        signal = matcher.safeguarding.signal(in: message, words: words, stems: analysed.stems)
        if let found = signal {
            if counted {
                await log.recordSafeguarding(
                    at: clock(), category: found.category, channel: channel, council: council)
            }
            if found.tier == .disclosure { return safeguardingReply(found, sessionID: sessionID) }
        }
        // Positions are read from the words as typed: text speak would turn "2" into "to". One named
        // with what the charter calls its parts ("what is the 2nd cornerstone?") is read in the
        // charter's own list of them, whatever was shown before; any other ("the second one") in the
        // list the conversation showed last.
        let typed = analysed.typedWords
        let parts = engine.parts
        let namesParts = typed.contains(where: engine.partWords.contains)
        if namesParts, let index = OrdinalReference.index(in: typed, count: parts.count) {
            return pick(ListPosition(list: parts, index: index), context: &context, sessionID: sessionID)
        }
        if !context.list.isEmpty, let index = OrdinalReference.index(in: typed, count: context.list.count) {
            return pick(ListPosition(list: context.list, index: index), context: &context, sessionID: sessionID)
        }
        // "The fifth one" of a list of three, all shown: say there is no such one, rather than match
        // the words. (With more of the list still to come, it is matched as before.)
        if namesParts || context.pending.isEmpty,
            OrdinalReference.isPastTheEnd(typed, count: namesParts ? parts.count : context.list.count),
            let end = endOfList(sessionID: sessionID)
        {
            return end
        }
        // "And the next one?": on from the item picked last, or from the part (or, for a charter of
        // one list, the statement) being talked about.
        if let step = OrdinalReference.step(in: typed), var position = currentPosition(context) {
            if position.list.indices.contains(position.index + step) {
                position.index += step
                return pick(position, context: &context, sessionID: sessionID)
            }
            // Past either end: say so and keep the place, rather than read "next" as a topic.
            if let end = endOfList(sessionID: sessionID) { return end }
        }
        context.position = nil
        let forMatching = stripped == message ? analysed : matcher.analyze(stripped)
        let result = matcher.match(stripped, analysed: forMatching, topic: context.cornerstone)
        if let found = signal, !answersTheCharter(result) || !saysMoreThan(found, words: forMatching.words) {
            return safeguardingReply(found, sessionID: sessionID)
        }
        switch result {
        case .answer(let candidate):
            if case .intent(let id) = candidate.target, let intent = engine.content.intent(id: id) {
                if intent.kind == .followup {
                    return followUp(intent, confidence: candidate.confidence, context: &context, sessionID: sessionID)
                }
                if intent.kind == .outOfScope {
                    let composed = engine.composer.compose(intent, style: style)
                    await logUnanswered(
                        message, redacted: redacted, words: words, outcome: .fallback, best: candidate,
                        channel: channel,
                        key: context.logKey(for: sessionID))
                    return Reply(
                        reply: composed.text, answered: false, intent: intent.id, confidence: candidate.confidence,
                        sessionId: sessionID, suggestions: composed.suggestions, sources: [], kind: .fallback)
                }
            }
            let carried = sameListOfAnotherPart(candidate, context: context, words: analysed.typedWords)
            return answer(carried ?? candidate, context: &context, sessionID: sessionID)
        case .clarify(let candidates):
            await logUnanswered(
                message, redacted: redacted, words: words, outcome: .clarify, best: candidates.first,
                channel: channel,
                key: context.logKey(for: sessionID))
            let intent = engine.content.intent(id: "system.clarify")!
            let options = candidates.map(label(for:))
            let composed = engine.composer.compose(intent.response, suggestions: [], style: style)
            return Reply(
                reply: composed.text, answered: false, intent: intent.id, confidence: candidates.first?.confidence ?? 0,
                sessionId: sessionID, suggestions: options + intent.suggestions.prefix(max(0, 3 - options.count)),
                sources: [], kind: .clarify)
        case .fallback(let best):
            await logUnanswered(
                message, redacted: redacted, words: words, outcome: .fallback, best: best, channel: channel,
                key: context.logKey(for: sessionID))
            let intent = engine.content.intent(id: "system.fallback")!
            let composed = engine.composer.compose(intent, style: style)
            return Reply(
                reply: composed.text, answered: false, intent: intent.id, confidence: best?.confidence ?? 0,
                sessionId: sessionID, suggestions: composed.suggestions, sources: [], kind: .fallback)
        }
    }

    /// "And the Communicate ones?", "what about Communicate?" after one part's outcomes (or
    /// commitments): the same list of the part now named. Only a message that says "ones" or
    /// "those", or names nothing but the part after a carry-over opening, asks this; "and what is
    /// Communicate about?" asks for the part.
    private func sameListOfAnotherPart(_ candidate: Candidate, context: DialogueContext, words: [String])
        -> Candidate?
    {
        let lists = [".outcomes", ".commitments"]
        guard case .intent(let id) = candidate.target, id.hasPrefix("part."),
            !lists.contains(where: { id.hasSuffix($0) }),
            case .intent(let topic)? = context.topic, topic.hasPrefix("part."),
            let list = lists.first(where: { topic.hasSuffix($0) }), topic != id + list,
            engine.content.intent(id: id + list) != nil,
            let part = engine.content.charter.cornerstone(id: String(id.dropFirst(5)))
        else { return nil }
        let title = Set(matcher.words(of: part.title))
        let namesOnlyThePart = matcher.afterCarryOver(words).map { rest in
            rest.allSatisfy { $0 == "the" || title.contains($0) }
        }
        guard words.contains("ones") || words.contains("those") || namesOnlyThePart == true else { return nil }
        var carried = candidate
        carried.target = .intent(id + list)
        carried.also = nil
        return carried
    }

    /// The reply of a safeguarding category: signposting, never a charter quote.
    private func safeguardingReply(_ signal: SafeguardingSignal, sessionID: String) -> Reply {
        let category = engine.content.safeguarding.category(id: signal.category)
        return Reply(
            reply: (style == .easy ? category?.easy : nil) ?? category?.reply ?? "", answered: true,
            intent: "safeguarding." + signal.category, confidence: 1,
            sessionId: sessionID, suggestions: category?.suggestions ?? [], sources: [], kind: .safeguarding)
    }

    /// True when `result` is a confident answer from the charter (not small talk, a follow-up or an
    /// out-of-scope example): what a possible-risk message still gets.
    private func answersTheCharter(_ result: MatchResult) -> Bool {
        // The lower floor for messages about meetings never outweighs a sign of risk: only an
        // answer that clears the ordinary floor does.
        guard case .answer(let candidate) = result, candidate.confidence >= matcher.settings.answerFloor else {
            return false
        }
        guard case .intent(let id) = candidate.target else { return true }
        return engine.content.intent(id: id)?.kind == .answer
    }

    /// Whether the message says anything beyond the words a rule read a possible risk from: "my
    /// mum is so mean to me" is not a question about what the charter means, while "I'm not okay,
    /// can I have a break?" asks about breaks. (The learned model weighs every word, so its signal
    /// leaves the message whole.)
    private func saysMoreThan(_ signal: SafeguardingSignal, words: [String]) -> Bool {
        guard !signal.isLearned, !signal.words.isEmpty else { return true }
        var rest = words
        for word in signal.words {
            if let index = rest.firstIndex(of: word) { rest.remove(at: index) }
        }
        return !matcher.analyze(rest.joined(separator: " ")).terms.isEmpty
    }

    /// "There isn't another one in that list", when the content has words for it.
    private func endOfList(sessionID: String) -> Reply? {
        engine.content.intent(id: "system.end-of-list").map { systemReply($0, confidence: 1, sessionID: sessionID) }
    }

    /// A system intent's reply, as small talk: it answers, but about the conversation, not the charter.
    func systemReply(_ intent: Intent, confidence: Double, sessionID: String) -> Reply {
        let composed = engine.composer.compose(intent.response, suggestions: intent.suggestions, style: style)
        return Reply(
            reply: composed.text, answered: true, intent: intent.id, confidence: confidence, sessionId: sessionID,
            suggestions: composed.suggestions, sources: [], kind: .smalltalk)
    }

    /// Answers with a target and remembers it as the topic.
    func answer(_ candidate: Candidate, context: inout DialogueContext, sessionID: String) -> Reply {
        let composed: ReplyComposer.Composed
        var kind = Reply.Kind.answer
        var intentName: String
        var list: [Target] = []
        composed = withRunnerUp(compose(candidate.target, style: style), candidate)
        switch candidate.target {
        case .statement(let id):
            intentName = "statement." + id
        case .intent(let id):
            let intent = engine.content.intent(id: id)!
            intentName = id
            if intent.kind == .smalltalk { kind = .smalltalk }
            list = engine.listed(by: intent)
        }
        if kind == .answer {
            context.topic = candidate.target
            context.cornerstone = matcher.cornerstone(of: candidate.target) ?? context.cornerstone
            context.list = list.isEmpty ? composed.list : list
            context.pending = composed.pending
        }
        return Reply(
            reply: composed.text, answered: true, intent: intentName, confidence: candidate.confidence,
            sessionId: sessionID, suggestions: composed.suggestions, sources: composed.sources, kind: kind)
    }

    /// The reply with the statements of a close runner-up (``Candidate/also``) that it does not quote
    /// already, at most two, unless the reply is long enough to hold some back for "more".
    private func withRunnerUp(_ composed: ReplyComposer.Composed, _ candidate: Candidate) -> ReplyComposer.Composed {
        guard let also = candidate.also, composed.pending.isEmpty else { return composed }
        let shown = matcher.quotedStatements(candidate.target)
        let extra = matcher.quotedStatementIDs(also).filter { !shown.contains($0) }.prefix(2)
        guard !extra.isEmpty else { return composed }
        let more = engine.composer.continuation(Array(extra), suggestions: [], style: style)
        var joined = composed
        joined.text += "\n" + more.text
        joined.sources += more.sources
        return joined
    }

    /// Answers the item at `position` and remembers the place, for "the next one".
    private func pick(_ position: ListPosition, context: inout DialogueContext, sessionID: String) -> Reply {
        let reply = answer(
            Candidate(target: position.list[position.index], confidence: 1), context: &context, sessionID: sessionID)
        // An item with no list of its own (a statement) leaves the list it was picked from in
        // place: "the first one", then "the second one", picks on in it.
        if context.list.isEmpty { context.list = position.list }
        context.position = position
        return reply
    }

    /// Where "the next one" starts from: the item picked last by its position, else the topic's
    /// place in the charter's own list of parts; for a statement, its part's place when the part is
    /// that one statement, else its place in its part's list when that list has others (a part's
    /// lone paragraph has no next one of its own: the message is matched instead).
    private func currentPosition(_ context: DialogueContext) -> ListPosition? {
        if let position = context.position { return position }
        let parts = engine.parts
        guard let topic = context.topic else { return nil }
        if let index = parts.firstIndex(of: topic) { return ListPosition(list: parts, index: index) }
        guard case .statement(let id) = topic, let part = engine.content.charter.cornerstone(containing: id) else {
            return nil
        }
        if part.statements.count == 1, let index = parts.firstIndex(of: .part(part.id)) {
            return ListPosition(list: parts, index: index)
        }
        for list in [part.description, part.commitments, part.outcomes] where list.count > 1 {
            if let index = list.firstIndex(where: { $0.id == id }) {
                return ListPosition(list: list.map { .statement($0.id) }, index: index)
            }
        }
        return nil
    }

    /// A target's reply in `style`.
    func compose(_ target: Target, style: ReplyStyle) -> ReplyComposer.Composed {
        switch target {
        case .statement(let id): return engine.composer.compose(statementID: id, style: style)
        case .intent(let id): return engine.composer.compose(engine.content.intent(id: id)!, style: style)
        }
    }

    /// The words a suggestion button shows for a candidate; asking it leads back to that candidate.
    private func label(for candidate: Candidate) -> String {
        switch candidate.target {
        case .statement(let id):
            return engine.content.charter.statement(id: id)?.text ?? id
        case .intent(let id):
            guard let example = engine.content.intent(id: id)?.examples.first else { return id }
            return example.prefix(1).uppercased() + example.dropFirst() + (example.hasSuffix("?") ? "" : "?")
        }
    }

    private func logUnanswered(
        _ message: String, redacted: String, words: [String], outcome: UnansweredQuestion.Outcome,
        best: Candidate?, channel: Channel,
        key: String
    ) async {
        guard counted else { return }
        // `words` are the message's own; they stand for the redacted text when nothing was redacted.
        let normalized = (redacted == message ? words : matcher.words(of: redacted)).joined(separator: " ")
        let bestIntent: String? = best.map { candidate in
            switch candidate.target {
            case .intent(let id): return id
            case .statement(let id): return "statement." + id
            }
        }
        await log.record(
            UnansweredQuestion(
                askedAt: clock(), question: redacted, normalized: normalized, channel: channel, outcome: outcome,
                bestIntent: bestIntent, score: best?.confidence ?? 0, sessionKey: key, style: style,
                council: council))
    }
}
