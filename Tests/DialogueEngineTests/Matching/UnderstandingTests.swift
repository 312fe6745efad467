import Foundation
import Knowledge
import Testing

@testable import DialogueEngine

/// How the matcher decides between answering, asking and falling back, and how it understands
/// questions in everyday words.
@Suite struct UnderstandingTests {
    private static func candidate(_ id: String, _ confidence: Double) -> Candidate {
        Candidate(target: .intent(id), confidence: confidence)
    }

    private enum Verdict: String { case answer, clarify, fallback }

    @Test(
        arguments: [
            // (best, rival, related, verdict): ask only when an unrelated rival is within the margin of
            // a best that is not confident; else answer above the floor; else fall back.
            (0.30, nil, false, "fallback"),
            (0.39, 0.38, false, "fallback"),
            (0.42, nil, false, "answer"),
            (0.45, 0.448, false, "clarify"),
            (0.45, 0.448, true, "answer"),
            (0.45, 0.44, false, "answer"),
            (0.45, 0.38, false, "answer"),
            (0.50, 0.39, false, "answer"),
            (0.79, 0.79, false, "clarify"),
            (0.80, 0.80, false, "answer"),
            (0.95, 0.949, false, "answer"),
        ] as [(Double, Double?, Bool, String)])
    func clarificationPolicy(best: Double, rival: Double?, related: Bool, verdict: String) {
        #expect(Self.verdict(best: best, rival: rival, related: related, inScope: false) == verdict)
    }

    /// What ``Matcher/decide(best:rival:related:inScope:settings:)`` makes of a best answer "a" and
    /// a rival "b" with the default settings; an answer is "a", a question offers "a" then "b".
    private static func verdict(
        best: Double, rival: Double?, related: Bool, inScope: Bool, asks: Bool = true, asksForAFact: Bool = false
    ) -> String {
        let result = Matcher.decide(
            best: candidate("a", best), rival: rival.map { candidate("b", $0) }, related: related,
            inScope: inScope, asks: asks, asksForAFact: asksForAFact, settings: MatcherSettings())
        switch result {
        case .answer(let answer):
            #expect(answer.target == .intent("a"))
            return Verdict.answer.rawValue
        case .clarify(let options):
            #expect(options.map(\.target) == [.intent("a"), .intent("b")])
            return Verdict.clarify.rawValue
        case .fallback: return Verdict.fallback.rawValue
        }
    }

    @Test(
        arguments: [
            // (best, rival, in scope, verdict): a message naming co-production itself is answered
            // from the lower scoped floor; the margin rule is the same.
            (0.35, nil, false, "fallback"),
            (0.35, nil, true, "answer"),
            (0.27, 0.20, true, "answer"),
            (0.24, nil, true, "fallback"),
            (0.35, 0.348, true, "clarify"),
            (0.35, 0.348, false, "fallback"),
        ] as [(Double, Double?, Bool, String)])
    func scopedFloor(best: Double, rival: Double?, inScope: Bool, verdict: String) {
        #expect(Self.verdict(best: best, rival: rival, related: false, inScope: inScope) == verdict)
    }

    @Test(
        arguments: [
            // (best, in scope, asks, verdict): a message that asks nothing and does not name
            // co-production is answered only from the statement floor.
            (0.5, false, true, "answer"),
            (0.5, false, false, "fallback"),
            (0.65, false, false, "answer"),
            (0.3, true, false, "answer"),
        ] as [(Double, Bool, Bool, String)])
    func statementFloor(best: Double, inScope: Bool, asks: Bool, verdict: String) {
        #expect(Self.verdict(best: best, rival: nil, related: false, inScope: inScope, asks: asks) == verdict)
    }

    @Test(
        arguments: [
            // (best, asks for a fact, verdict): a question for a date, a place, an amount or a person
            // is answered only from the fact floor.
            (0.5, false, "answer"),
            (0.5, true, "fallback"),
            (0.65, true, "answer"),
            (0.3, true, "fallback"),
        ] as [(Double, Bool, String)])
    func factFloor(best: Double, asksForAFact: Bool, verdict: String) {
        #expect(
            Self.verdict(best: best, rival: nil, related: false, inScope: false, asksForAFact: asksForAFact) == verdict)
    }

    @Test(arguments: [
        ("what does co-production mean", true),
        ("breaks?", true),
        ("tell me about communicate", true),
        ("i cant read well can they use pictures", true),
        ("My son is autistic and hates change. Is that something the charter covers", true),
        ("we won the match three nil today", false),
        ("my phone ran out of battery during the call", false),
    ])
    func aMessageThatAsksIsToldApart(message: String, asks: Bool) {
        #expect(TestSupport.assistant().matcher.asks(message) == asks, "'\(message)'")
    }

    @Test(arguments: ["we won the match three nil today", "my phone ran out of battery during the call"])
    func everydayNewsIsNotAnsweredWithTheCharter(message: String) async {
        let reply = await TestSupport.assistant().respond(to: message, channel: .cli)
        #expect(!reply.answered && reply.sources.isEmpty, "'\(message)' → \(reply.intent)")
    }

    @Test(arguments: [
        ("the last meeting went on for ages, should they be shorter", true),
        ("is my review going to be at school", true),
        ("does the charter say anything about it", true),
        ("how do i boil an egg", false),
        ("what products do you sell", false),
    ])
    func scopeWordsMarkAMessageAsAboutCoProduction(message: String, inScope: Bool) {
        let matcher = TestSupport.assistant().matcher
        #expect(matcher.isInScope(matcher.analyze(message)) == inScope, "'\(message)'")
    }

    /// The base layer's text speak, as every council reads it.
    @Test(arguments: [
        ("will they b honest wiv me", "will they be honest with me"),
        ("do they wrk with me or just do stuff 2 me", "do they work with me or just do stuff to me"),
        ("is it wrking", "is it working"),
    ])
    func baseTextSpeakIsReadAsWords(message: String, words: String) {
        let matcher = TestSupport.assistant().matcher
        #expect(matcher.analyze(message).words.joined(separator: " ") == words)
    }

    @Test func thePolicyFiguresAreOrdered() {
        let settings = MatcherSettings()
        #expect(settings.answerFloor < settings.confident)
        #expect(settings.scopedFloor <= settings.answerFloor)
        #expect(settings.answerFloor <= settings.statementFloor && settings.statementFloor < settings.confident)
        #expect(settings.answerFloor <= settings.factFloor && settings.factFloor < settings.confident)
        #expect(settings.clarifyMargin > 0 && settings.clarifyMargin < settings.confident - settings.answerFloor)
        var tuned = settings
        let known = tuned.setting("answerFloor", to: 0.3)
        #expect(known && tuned.answerFloor == 0.3)
        let unknown = tuned.setting("answerfloor", to: 0.3)
        #expect(!unknown)
    }

    @Test(arguments: [
        ("will staff be sneery", "topic.friendly-language"),
        ("im knackered can i stop for a bit", "topic.breaks"),
    ])
    func everydayWordsReachTheirAnswer(question: String, intent: String) async {
        let assistant = TestSupport.assistant()
        #expect(assistant.explain(question).contains("thesaurus"))
        let reply = await assistant.respond(to: question, channel: .cli)
        #expect(reply.intent == intent, "'\(question)' got \(reply.intent)")
    }

    /// Common words that WordNet reads in a rare sense are kept out of the thesaurus, or given
    /// their everyday meaning, by `scripts/thesaurus/slang.txt`.
    @Test(
        arguments: [
            ("silent", "speak"), ("emergency", nil), ("sick", nil), ("further", nil), ("harm", nil),
            ("certain", nil), ("attend", "participate"), ("uncommunicative", "communicate"), ("stalking", nil),
        ] as [(String, String?)])
    func commonWordsKeepTheirEverydayMeaning(word: String, meaning: String?) {
        #expect(TestSupport.content.lexicon.thesaurus[word] == meaning, "\(word)")
    }

    @Test func theProjectsThesaurusCarriesNoOutOfScopeQuestionIntoTheCharter() {
        #expect(!TestSupport.content.lexicon.thesaurus.isEmpty)
        #expect(ContentAudit(content: TestSupport.content).thesaurusRisks(directory: "intents").isEmpty)
    }

    @Test func aRiskyThesaurusEntryIsWarnedOf() throws {
        let content = try Content.load(
            from: TestSupport.intentsDirectory, replacing: ["thesaurus.txt": "weather: conditions\n"])
        let risks = ContentAudit(content: content).thesaurusRisks(directory: "intents")
        let risk = try #require(risks.first)
        #expect(risk.isWarning)
        #expect(risk.description.contains("weather → conditions"))
        #expect(risk.description.contains("outofscope."))
        #expect(risk.file.hasSuffix("base/thesaurus.txt"), "the layer's file that holds the entry: \(risk.file)")
    }

    @Test func aMalformedThesaurusLineIsReportedWithItsLine() {
        #expect {
            _ = try Content.load(
                from: TestSupport.intentsDirectory,
                replacing: ["thesaurus.txt": "# words\nsnarky: sarcastic\nrude mean\n"])
        } throws: { error in
            (error as? ContentErrors)?.diagnostics.contains {
                $0.file.hasSuffix("thesaurus.txt") && $0.line == 3
                    && $0.message.contains("expected 'word: content-word'")
            } == true
        }
    }
}

/// Small talk answers only a message of its own shape; question focus in long messages.
@Suite struct MessageShapeTests {
    @Test(arguments: [
        // (message, small talk expected)
        ("whats your name", true),
        ("cheers mate", true),
        ("hiya", true),
        ("who made you", true),
        ("do i have to talk or can i type it", false),
        ("thanks, what does co-production mean", false),
        ("My son has lots of ideas but only when nobody asks him. Is that okay?", false),
        ("can you help me understand what co-production means", false),
    ])
    func smallTalkNeedsItsWholeShape(message: String, isSmallTalk: Bool) async {
        let reply = await TestSupport.assistant().respond(to: message, channel: .cli)
        #expect((reply.kind == .smalltalk) == isSmallTalk, "'\(message)' → \(reply.intent)")
    }

    @Test(arguments: [
        // (context first, then the question; words of the statement the answer must quote)
        (
            "My daughter is twelve and has a hearing impairment, and big meetings wear her out. Can she take breaks?",
            "space and breaks"
        ),
        (
            "We moved here last spring and my son started at a new school in September. Will the staff listen to him?",
            "listen to understand"
        ),
        (
            "I work nights and I am always tired at the reviews. Can I get the papers in good time before the meeting?",
            "given in good time"
        ),
        (
            "My daughter is fifteen and gets worn out halfway through long reviews. Does the charter allow that?",
            "space and breaks"
        ),
    ])
    func theQuestionOutweighsTheContextBeforeIt(message: String, words: String) async throws {
        let (reply, statement) = try await answer(message, statementWith: words)
        #expect(reply.sources.contains { $0.text == statement.text }, "'\(message)' → \(reply.intent)")
    }

    @Test(arguments: [
        (
            "I am a parent. My son is autistic. Can he have breaks?",
            ["i am a parent", "my son is autistic", "can he have breaks?"]
        ),
        ("short question", []),
    ])
    func longMessagesAreSplitIntoClauses(message: String, clauses: [String]) {
        #expect(Matcher.clauses(of: message).map { $0.trimmingCharacters(in: .whitespaces) } == clauses)
    }

    /// A statement of several sentences is met by a question about one of them, which the whole
    /// statement's other words would dilute.
    @Test func aQuestionAboutOneSentenceOfALongStatementFindsIt() async throws {
        let charter = """
            # Anytown Values
            These are our values.
            ## Our values
            - We communicate with genuine empathy. We are mindful of our own internal bias and prejudice, \
            and challenge this. Empathy is at the heart of every interaction in every meeting we hold.
            - We are honest with each other about what can be done.
            """.replacingOccurrences(of: "\\\n", with: "")
        let content = try TestSupport.councilContent([
            "charter.md": charter, "council.yaml": TestSupport.anytownCouncil(parts: "values", partWord: "value"),
        ])
        let matcher = Matcher(content: content)
        let ranked = matcher.rank("do they challenge their prejudice")
        let empathy = try #require(content.charter.allStatements.first { $0.text.hasPrefix("We communicate") })
        #expect(ranked.first?.target == .statement(empathy.id))
        #expect((ranked.first?.confidence ?? 0) >= 0.8, "\(ranked.first?.confidence ?? 0)")
    }
}

/// A question clause that points back at the context gets no focus of its own.
@Suite struct QuestionFocusTests {
    @Test(arguments: [
        ("does the charter support that?", true), ("is it okay to say so", true), ("can he have breaks?", false),
        ("what does the charter say about information", false),
    ])
    func pointingBackIsRecognised(clause: String, pointsBack: Bool) {
        #expect(Matcher.pointsBack(clause) == pointsBack)
    }

    @Test(arguments: [
        ("is that really okay?", true), ("will that be alright", true), ("is that going to be a problem?", true),
        ("is that what the charter means by a welcoming place?", false), ("is it okay to disagree", false),
        ("that is okay", false),
    ])
    func aShortQuestionAboutWhatCameBeforeIsRecognised(clause: String, asksAboutThat: Bool) {
        #expect(Matcher.asksAboutThat(Tokenizer.tokenize(TextFolder.fold(clause)).map(\.text)) == asksAboutThat)
    }

    /// Word-for-word likeness reads a message without its polite opening, "please" or "a bit", on
    /// both sides: "can you tell me a bit more" has the shape of "tell me more".
    @Test(arguments: [
        ("can you tell me a bit more please", ["tell", "me", "more"]), ("could you explain", ["explain"]),
        ("ok can you tell me a bit more", ["tell", "me", "more"]),
        ("thank you could you tell me a little more", ["tell", "me", "more"]), ("hello there", ["hello", "there"]),
        ("will you be kind to me", ["be", "kind", "to", "me"]),
        ("can i have a break", ["can", "i", "have", "a", "break"]),
        ("a little bit more", ["more"]), ("the main bits", ["the", "main", "bits"]), ("please", ["please"]),
    ])
    func likenessReadsTheShapeWithoutPoliteWords(message: String, shape: [String]) {
        #expect(Matcher.shapeWords(message.split(separator: " ").map(String.init)) == shape)
    }

    @Test(arguments: [
        "can you tell me more", "could you tell me a bit more", "tell me a little bit more please",
        "ok can you tell me a bit more", "thanks, can you tell me a tiny bit more", "please can you tell me more",
    ])
    func aPoliteTellMeMoreIsAFollowUp(_ more: String) async throws {
        let assistant = TestSupport.assistant()
        _ = await assistant.respond(to: "tell me about communicate", sessionId: "s", channel: .cli)
        #expect(await assistant.respond(to: more, sessionId: "s", channel: .cli).intent == "followup.more")
    }

    /// "Is that okay?" after the context: the answer is about the context, not about being okay.
    @Test(arguments: [
        (
            "The papers for my son's review always arrive the evening before, so there is no time to read them. Is that okay?",
            "given in good time"
        ),
        (
            "My daughter gets tired halfway through long meetings and needs to stop for a bit. Will that be alright?",
            "space and breaks"
        ),
    ])
    func aQuestionAboutWhatCameBeforeIsAnsweredFromTheContext(message: String, words: String) async throws {
        let (reply, statement) = try await answer(message, statementWith: words)
        #expect(reply.sources.first?.text == statement.text, "'\(message)' → \(reply.intent)")
    }

    @Test func theContextAnswersAQuestionThatPointsBackAtIt() async throws {
        let reply = await TestSupport.assistant().respond(
            to:
                "My son is 16 and wants a say in his own plan instead of the adults deciding it all. Does the charter support that?",
            channel: .cli)
        let decisions = try #require(
            TestSupport.content.charter.allStatements.first { $0.text.hasPrefix("Decision making processes") })
        #expect(reply.sources.contains { $0.text == decisions.text }, "\(reply.intent)")
    }

    /// "What does the charter say?" alone asks for the list of cornerstones; after some context it
    /// asks about the context, so that clause names no answer of its own.
    @Test func aClauseOfWeakWordsLeavesTheAnswerToTheContext() async {
        let message =
            "I always feel like the teachers think their ideas matter more than mine. What does the charter say?"
        let alone = await TestSupport.assistant().respond(to: "What does the charter say?", channel: .cli)
        #expect(alone.intent == "about.parts")
        let reply = await TestSupport.assistant().respond(to: message, channel: .cli)
        #expect(reply.answered && reply.intent != "about.parts", "\(reply.intent)")
        // The context is about whose views count.
        #expect(
            reply.sources.contains { $0.text.contains("voices") || $0.text.contains("contribution") }, "\(reply.intent)"
        )
    }

    /// A question of stop words only ("Who is it for?") is still judged by its shape after context.
    @Test func aClauseOfStopWordsIsStillAQuestion() async {
        let reply = await TestSupport.assistant().respond(
            to: "My daughter is 15 and has autism. Who is it for?", channel: .cli)
        #expect(reply.intent == "about.who-for")
    }

    /// A follow-up ("does it say anything else") is a whole message: the last clause of a longer one
    /// ("… Does the charter say anything about that?") is a question about the context, not "more".
    @Test(arguments: [
        "My daughter needs to move around a lot in long meetings. Does the charter say anything about that?",
        "i get really nervous when lots of people talk at once. wat does the charter say about that",
    ])
    func aClauseIsNeverAFollowUp(message: String) async {
        let reply = await TestSupport.assistant().respond(to: message, channel: .cli)
        #expect(reply.intent != "system.no-context" && !reply.intent.hasPrefix("followup."), "\(reply.intent)")
        #expect(reply.answered, "\(reply.intent)")
    }
}

/// A close runner-up is quoted after an intent's answer that is not confident, and after any answer
/// that is one statement of the charter, instead of being left out.
@Suite struct RunnerUpTests {
    private static let message = "will my family be told whats going on"

    @Test func aCloseRunnerUpIsQuotedAfterAnAnswerThatIsNotConfident() async throws {
        let assistant = TestSupport.assistant()
        let matcher = assistant.matcher
        guard case .answer(let best) = matcher.match(Self.message) else {
            Issue.record("'\(Self.message)' was not answered")
            return
        }
        let also = try #require(best.also)
        #expect(best.confidence < matcher.settings.confident)
        let shown = matcher.quotedStatements(best.target)
        let added = matcher.quotedStatementIDs(also).filter { !shown.contains($0) }
        #expect(!added.isEmpty)
        let reply = await assistant.respond(to: Self.message, channel: .cli)
        #expect(reply.reply.contains("And the charter also says:"))
        for id in added.prefix(2) {
            let statement = try #require(TestSupport.content.charter.statement(id: id))
            #expect(reply.sources.contains { $0.text == statement.text }, "\(id) is not quoted")
        }
    }

    @Test func withoutAMarginNoRunnerUpIsQuoted() async {
        var settings = MatcherSettings()
        settings.alsoMargin = 0
        let matcher = Matcher(content: TestSupport.content, settings: settings)
        guard case .answer(let best) = matcher.match(Self.message) else {
            Issue.record("'\(Self.message)' was not answered")
            return
        }
        #expect(best.also == nil)
    }

    @Test(arguments: ["what does co-production mean", "name the cornerstones for me", "hello there"])
    func confidentIntentsAndSmallTalkStandAlone(message: String) async {
        let matcher = TestSupport.assistant().matcher
        guard case .answer(let best) = matcher.match(message) else {
            Issue.record("'\(message)' was not answered")
            return
        }
        #expect(best.also == nil, "'\(message)' got a runner-up \(String(describing: best.also))")
        let reply = await TestSupport.assistant().respond(to: message, channel: .cli)
        #expect(!reply.reply.contains("also says"))
    }

    /// Two statements of a council's charter that a message fits equally are quoted together, not
    /// offered as a choice; with the floor out of reach, the same two are offered.
    @Test func twoStatementsThatFitEquallyAreQuotedTogether() async throws {
        let charter = """
            # Anytown Charter
            ## Gardens
            - We will share the garden rota with every family.
            ## Kitchens
            - We will share the kitchen rota with every family.
            """
        let content = try TestSupport.councilContent([
            "charter.md": charter, "council.yaml": TestSupport.anytownCouncil(parts: "values", partWord: "value"),
        ])
        let statements = content.charter.allStatements.map(\.text).filter { $0.contains("rota") }
        #expect(statements.count == 2)
        let reply = await TestSupport.assistant(content: content).respond(to: "is there a rota", channel: .cli)
        #expect(reply.answered && reply.kind != .clarify, "\(reply.intent)")
        #expect(Set(reply.sources.map(\.text)) == Set(statements))
        var settings = MatcherSettings()
        settings.bothStatementsFloor = 1.01
        let offered = Matcher(content: content, settings: settings).match("is there a rota")
        guard case .clarify(let options) = offered else {
            Issue.record("expected a choice, got \(offered)")
            return
        }
        #expect(options.count == 2)
        // A statement's answer takes its close runner-up even when it is confident.
        var confident = MatcherSettings()
        confident.confident = 0.01
        guard case .answer(let best) = Matcher(content: content, settings: confident).match("is there a rota"),
            case .statement = best.target
        else {
            Issue.record("expected a statement's answer")
            return
        }
        #expect(best.also != nil)
    }
}

/// The project assistant's reply to `message`, expected to be an answer, and the charter statement
/// that holds `words`.
private func answer(_ message: String, statementWith words: String) async throws -> (Reply, Statement) {
    let reply = await TestSupport.assistant().respond(to: message, channel: .cli)
    let statement = try #require(TestSupport.content.charter.allStatements.first { $0.text.contains(words) })
    #expect(reply.answered, "'\(message)' → \(reply.intent)")
    return (reply, statement)
}
