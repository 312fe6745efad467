import Testing

@testable import DialogueEngine

/// Questions outside the charter fall back honestly instead of matching a random statement,
/// including those that share a word with the charter.
@Suite struct FallbackTests {
    @Test(arguments: [
        "what will the weather be on saturday",
        "who scored for stoke on tuesday",
        "help me with my science homework",
        "when does the 21 bus go to longton",
        "how do you make a cheese sandwich",
        "zzzzzz",
        "0123 456",
        "how much is council tax in stoke",
        "can you communicate with my broadband provider",
        "how do i share a photo on instagram",
        "welcome mat for my front door",
        "what is the value of my house",
        "partnership deals for football clubs",
        "can you listen to my song",
        "where can i buy a care home bed",
        "breaking news today",
        "what is a shared drive",
        "how do i claim carers allowance",
    ])
    func outOfScopeFallsBack(question: String) async {
        let log = InMemoryUnansweredLog()
        let reply = await TestSupport.assistant(log: log).respond(to: question, channel: .cli)
        #expect(!reply.answered, "'\(question)' was answered with \(reply.intent)")
        #expect(reply.sources.isEmpty)
        #expect(reply.kind == .fallback || reply.kind == .clarify)
        #expect(await log.questions.count == 1)
    }

    /// Questions for a date, a place, an amount or a person: the charter states none.
    @Test(arguments: [
        ("when is the bin collection", true), ("where is the next forum", true), ("how long does it take", true),
        ("what time is the meeting", true), ("whats the date of the forum", true), ("who is the head of send", true),
        ("who's my caseworker", true), ("who’s the senco", true), ("whens the forum", true),
        ("My son's review was last week. How long have the council got to reply?", true),
        ("when i feel anxious can i have a break", false), ("what is co-production", false),
        ("who made the charter", false), ("how do they listen", false), ("how many ppl helped make it", true),
        ("how much say do young people get", false),
        ("How many times do I have to explain his needs? What does the charter say about listening?", false),
    ])
    func questionsForFactsAreRecognised(message: String, asksForAFact: Bool) {
        #expect(Matcher.asksForAFact(message) == asksForAFact)
    }

    /// A charter answer to such a question must be surer than the ordinary floor; an answer whose
    /// own examples ask such questions, or one to a message about the charter itself, still stands.
    @Test func aQuestionForAFactNeedsASurerAnswer() async {
        let assistant = TestSupport.assistant()
        let question = "how many goals did stoke score"
        let reply = await assistant.respond(to: question, channel: .cli)
        #expect(!reply.answered, "answered with \(reply.intent)")
        var settings = MatcherSettings()
        settings.factFloor = 0
        let before = Matcher(content: TestSupport.content, settings: settings).match(question)
        guard case .answer = before else {
            Issue.record("without the floor, \(before) (the test no longer tests the floor)")
            return
        }
        // "how long till …" is one of topic.follow-up's examples' shapes; the charter is named in the
        // second; the third is an example of about.parts.
        for message in [
            "how long till they get back to me", "who is the charter meant for", "how many cornerstones are there",
        ] {
            let reply = await assistant.respond(to: message, channel: .cli)
            #expect(reply.answered, "\(message): \(reply.intent)")
        }
    }

    /// With the floor above every answer, a question for a fact is still answered where the answer's
    /// own examples ask such questions (topic.follow-up: "how long till they message me back"), or
    /// where it names co-production itself; any other falls back.
    @Test func answersWhoseExamplesAskForFactsAndMessagesAboutTheCharterKeepTheirFloor() {
        var settings = MatcherSettings()
        settings.factFloor = 0.99
        let matcher = Matcher(content: TestSupport.content, settings: settings)
        for message in ["how long till they get back to me", "when do i get the papers before a meeting"] {
            guard case .answer = matcher.match(message) else {
                Issue.record("'\(message)' → \(matcher.match(message))")
                continue
            }
        }
        guard case .fallback = matcher.match("how many goals did stoke score") else {
            Issue.record("a question for a fact with no such examples was answered")
            return
        }
    }

    @Test func fallbackIsKindAndOffersWaysOn() async {
        let reply = await TestSupport.assistant().respond(to: "what's the best pizza topping", channel: .cli)
        #expect(reply.reply.contains("the Stoke-on-Trent SEND Co-production Charter"))
        #expect(reply.suggestions.count >= 2)
        #expect(reply.intent == "system.fallback")
    }

    @Test(arguments: [
        "how do i get an ehc plan", "can my son get free school transport", "how do i claim pip",
        "My daughter is autistic. Does that include short breaks?",
    ])
    func nearbySendTopicsFallBackWithAPointer(question: String) async {
        let log = InMemoryUnansweredLog()
        let reply = await TestSupport.assistant(log: log).respond(to: question, channel: .http)
        #expect(!reply.answered)
        #expect(reply.reply.contains("Local Offer"))
        #expect(reply.intent.hasPrefix("outofscope."))
        let logged = await log.questions
        #expect(logged.map(\.channel) == [.http])
    }

    @Test(arguments: ["", "   ", "\n\t"])
    func anEmptyMessageAsksForAQuestionAndIsNotLogged(message: String) async {
        let log = InMemoryUnansweredLog()
        let reply = await TestSupport.assistant(log: log).respond(to: message, channel: .cli)
        #expect(reply.answered)
        #expect(reply.intent == "system.empty")
        #expect(reply.reply.contains("the Stoke-on-Trent SEND Co-production Charter"))
        #expect(!reply.suggestions.isEmpty)
        #expect(await log.questions.isEmpty)
    }

    @Test func anEmptyMessageIsAnsweredInTheStyleAsked() async {
        let assistant = TestSupport.assistant()
        let standard = await assistant.respond(to: " ", channel: .http)
        let easy = await assistant.respond(to: " ", channel: .http, style: .easy)
        #expect(easy.intent == "system.empty")
        #expect(easy.style == .easy)
        #expect(easy.reply != standard.reply)
    }

    @Test func contentWithoutAnEmptyMessageReplyGreetsInstead() async throws {
        let full = TestSupport.content
        let system = full.intents.filter { $0.id.hasPrefix("system.") && $0.id != "system.empty" }
        let content = Content(
            charter: full.charter, intents: system, lexicon: full.lexicon, safeguarding: full.safeguarding)
        try #require(full.intent(id: "system.empty") != nil)
        let assistant = Assistant(content: content, log: ResilientLog(InMemoryUnansweredLog(), report: { _ in }))
        let reply = await assistant.respond(to: "", channel: .cli)
        #expect(reply.intent == "system.empty")
        #expect(reply.reply == assistant.welcome().reply)
    }

    @Test func twoEquallyGoodAnswersLeadToAClarification() async throws {
        let content = TestSupport.content(with: [
            Intent(id: "test.bikes", examples: ["bike shed rules"], response: Response(text: "Bikes go in the shed.")),
            Intent(id: "test.cars", examples: ["car park rules"], response: Response(text: "Cars go in the car park.")),
        ])
        let log = InMemoryUnansweredLog()
        let assistant = Assistant(content: content, log: ResilientLog(log, report: { _ in }))
        let reply = await assistant.respond(to: "rules", channel: .cli)
        #expect(reply.kind == .clarify)
        #expect(!reply.answered)
        #expect(Set(reply.suggestions.prefix(2)) == ["Bike shed rules?", "Car park rules?"])
        // Then the way out that system.clarify offers, while there is room for it.
        let wayOut = try #require(content.intent(id: "system.clarify")?.suggestions.first)
        #expect(reply.suggestions.last == wayOut)
        let logged = try #require(await log.questions.first)
        #expect(logged.outcome == .clarify)
        // Each offered suggestion leads to its answer.
        let followed = await assistant.respond(to: "Bike shed rules?", channel: .cli)
        #expect(followed.reply == "Bikes go in the shed.")
    }
}
