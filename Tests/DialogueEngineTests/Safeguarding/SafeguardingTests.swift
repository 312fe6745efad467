import Testing

@testable import DialogueEngine

@Suite struct SafeguardingTests {
    @Test(arguments: [
        "my brother hits me when mum is out",
        "someone keeps hurting me",
        "i get bullied every day",
        "they bully me at college",
        "kids at skool r bulying me",
        "i want 2 die",
        "i wanna kill myself",
        "I HATE MY LIFE",
        "i've been self-harming",
        "i keep cutting myself",
        "i dont feel safe",
        "i do not feel safe at home",
        "im scared to go home tonight",
        "my uncle touched me inappropriately",
        "i'm being abused",
        "he threatened me",
        "thinking of suicide",
        "sum1 is hurtin me",
        "my stepdad beats me up",
        "nobody would care if i was gone better off dead",
    ])
    func disclosuresAreSignpostedFirst(message: String) async throws {
        let log = InMemoryUnansweredLog()
        let reply = await TestSupport.assistant(log: log).respond(to: message, channel: .cli)
        #expect(reply.kind == .safeguarding, "'\(message)' → \(reply.intent)")
        #expect(reply.answered)
        #expect(reply.sources.isEmpty)
        for phrase in ["trusted adult", "Childline", "0800 1111", "999", "Samaritans", "116 123"] {
            #expect(reply.reply.contains(phrase))
        }
        #expect(await log.questions.isEmpty, "a disclosure must never be stored")
        #expect(try await log.safeguardingCount() == 1)
    }

    /// Feedback stores the question it was about: never the words of a disclosure, whether in the
    /// question the reply answered or in the comment.
    @Test func feedbackNeverStoresADisclosure() async throws {
        let log = InMemoryUnansweredLog()
        let assistant = TestSupport.assistant(log: log)
        let reply = await assistant.respond(to: "my stepdad beats me up", sessionId: "s", channel: .http)
        #expect(reply.kind == .safeguarding)
        try await assistant.feedback(
            sessionId: "s", messageId: reply.messageId, helpful: false, comment: "still scared", channel: .http)
        let other = await assistant.respond(to: "what is co-production", sessionId: "s", channel: .http)
        try await assistant.feedback(
            sessionId: "s", messageId: other.messageId, helpful: false, comment: "i wanna kill myself",
            channel: .http)
        try await assistant.feedback(
            sessionId: "s", messageId: other.messageId, helpful: true, comment: "clear, thanks", channel: .http)
        let stored = await log.feedback
        try #require(stored.count == 3)
        #expect(stored[0].question == Assistant.withheldDisclosure)
        #expect(!stored[0].question.contains("stepdad"))
        #expect(stored[1].question == "what is co-production")
        #expect(stored[1].comment == Assistant.withheldDisclosure)
        #expect(stored[2].comment == "clear, thanks")
        // The disclosure and the comment that disclosed are both counted.
        #expect(try await log.safeguardingCount() == 2)
    }
    @Test(arguments: [
        "will i feel safe",
        "is it a safe place",
        "can i have a break",
        "will people be sarcastic",
        "what if i disagree",
        "will they make fun of me",
        "do you share information",
        "i'm nervous about the meeting",
    ])
    func ordinaryQuestionsAreNotTreatedAsDisclosures(message: String) async {
        let reply = await TestSupport.assistant().respond(to: message, channel: .cli)
        #expect(reply.kind != .safeguarding, "'\(message)' was treated as a disclosure")
    }

    @Test func safeguardingComesBeforeAnyCharterMatch() async {
        // Mentions a charter topic (breaks) and a disclosure: the disclosure wins.
        let reply = await TestSupport.assistant().respond(
            to: "can i have a break, someone at home hurts me", channel: .cli)
        #expect(reply.kind == .safeguarding)
    }
}
