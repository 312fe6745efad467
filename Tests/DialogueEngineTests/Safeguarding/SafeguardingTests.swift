import Foundation
import Testing

@testable import DialogueEngine

@Suite struct SafeguardingTests {
    /// Disclosures in young people's own words, each with the category its rule names.
    @Test(arguments: [
        ("my brother hits me when mum is out", "physical"),
        ("sum1 is hurtin me", "physical"),
        ("got a black eye off my step dad", "physical"),
        ("kids at skool r bulying me", "bullying"),
        ("they spit on me on the bus evry day", "bullying"),
        ("i want 2 die", "suicidal"),
        ("every1 wud be better off without me", "suicidal"),
        ("im going to take all my pills tonite", "suicidal"),
        ("i've been self-harming", "self-harm"),
        ("i burn my arms with a lighter", "self-harm"),
        ("a man on snap keeps asking for pics of me", "online"),
        ("he says he will share my video unless i pay", "online"),
        ("older lads make me hold packages for them", "exploitation"),
        ("they make me do drops after school", "exploitation"),
        ("i have to do a run for him tonight", "exploitation"),
        ("my uncle touched me inappropriately", "sexual"),
        ("no food in the house for days", "neglect"),
        ("mum leaves me on my own all weekend", "neglect"),
        ("my carer takes my money", "carers-staff"),
        ("dad hits my mum when hes drunk", "domestic"),
        ("i got kicked out and got nowhere to sleep", "unsafe-home"),
        ("my step dad says im worthless every day", "emotional"),
        ("i think my neighbours son is being hit", "worried-adult"),
    ])
    func disclosuresAreSignpostedFirst(message: String, category: String) async throws {
        let log = InMemoryUnansweredLog()
        let reply = await TestSupport.assistant(log: log).respond(to: message, channel: .cli)
        #expect(reply.kind == .safeguarding, "'\(message)' → \(reply.intent)")
        #expect(reply.intent == "safeguarding." + category, "'\(message)'")
        #expect(reply.answered)
        #expect(reply.sources.isEmpty, "a safeguarding reply never quotes the charter")
        #expect(reply.reply.contains("999"), "every safeguarding reply says to call 999 in danger")
        if category != "worried-adult" {
            #expect(reply.reply.contains("not your fault"), "every reply to a young person says it is not their fault")
        }
        #expect(await log.questions.isEmpty, "a disclosure must never be stored")
        #expect(try await log.safeguardingCounts().map(\.category) == [category])
    }

    /// Each category's reply signposts the services the issue names for it, with local contacts
    /// filled in from `contacts:`.
    @Test(arguments: [
        ("i keep cutting myself", ["Samaritans", "116 123", "SHOUT", "85258", "HOPELINE247", "0800 068 4141", "999"]),
        ("i wanna kill myself", ["Samaritans", "116 123", "SHOUT", "85258", "HOPELINE247", "0800 068 4141", "999"]),
        ("some1 on insta wants my nudes", ["Childline", "Report Remove", "CEOP", "999"]),
        ("my dad beats me up", ["trusted adult", "Childline", "0800 1111", "999"]),
        ("i think a pupil is being abused at home", ["NSPCC", "0808 800 5000", "01782 235100", "01782 234234", "999"]),
    ])
    func repliesSignpostByCategory(message: String, phrases: [String]) async {
        let reply = await TestSupport.assistant().respond(to: message, channel: .cli)
        for phrase in phrases {
            #expect(reply.reply.contains(phrase), "'\(message)' → \(reply.intent) lacks '\(phrase)'")
        }
        #expect(!reply.reply.contains("{"), "every contact name is filled in")
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
        #expect(stored[0].comment == Assistant.withheldDisclosure, "a comment on a reply to a disclosure is withheld")
        #expect(stored[1].question == "what is co-production")
        #expect(stored[1].comment == Assistant.withheldDisclosure)
        #expect(stored[2].comment == "clear, thanks")
        // The disclosure and the comment that disclosed are both counted, by category.
        let counts = try await log.safeguardingCounts()
        #expect(Set(counts.map(\.category)) == ["physical", "suicidal"])
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
        "does everyone share the same vision",
        "do i get dropped after the first meeting",
        "do i have to run the meeting myself",
        "As parents, what does this mean to us?",
        "mum here, what does that mean to me?",
    ])
    func ordinaryQuestionsAreNotTreatedAsDisclosures(message: String) async {
        let reply = await TestSupport.assistant().respond(to: message, channel: .cli)
        #expect(reply.kind != .safeguarding, "'\(message)' was treated as a disclosure")
    }

    /// The guards the issue names: idioms and harmless uses of words of harm.
    @Test(arguments: [
        "im killing it at college", "dead tired after swimming", "i could murder a pizza", "break a leg tonight",
        "we shoot a film for media studies", "how do i beat the high score", "this homework is killing me",
        "my phone died", "cut the onions small", "my feet are killing me",
        "she had a panic attack before her exam", "the change of room threw her for the whole day",
        "he is to start at his new school in september", "my son is being left out of parties",
        "bath time helps him calm down", "my son screams at the barber's",
        "the school didn't tell me he had a nosebleed at lunch today",
        "the taxi to school keeps turning up late, how do i sort out her transport",
        "he can't cope on the bus. can he get free school transport?", "i cant cope in the canteen its too loud",
        "my sister pushed me by accident", "got bruises all over from rugby on saturday",
        "will the staff wrk with me or just do things 2 me", "so the barriers will not exist?",
        "my mum took us swimming then my sister kicked me by accident",
        "that youth group does not exist any more",
        "i want to dye my hair blue", "i cut the grass for my nan", "my cat scratched me till it bled",
        "my arms are covered in paint from art",
        "my brother keeps pinching my chargers", "dad hits the gym every saturday morning before work",
    ])
    func idiomsAreGuarded(message: String) async throws {
        let log = InMemoryUnansweredLog()
        let reply = await TestSupport.assistant(log: log).respond(to: message, channel: .cli)
        #expect(reply.kind != .safeguarding, "'\(message)' → \(reply.intent)")
        #expect(try await log.safeguardingCount() == 0)
    }

    /// A guard sets aside only a match made of its own words: harm beside an idiom is still harm.
    @Test(arguments: [
        "my coach hits me at the gym", "my teacher hit me with a book",
        "the older boys do stuff to me in the changing rooms and i hate it",
        "will he play with me or do things to me again", "i cant cope on the bus because he touches me",
        "will they be with me or rape me and do things to me",
        "do they talk with me or hit me and do stuff to me", "do staff stay with me or do things to me when im in bed",
        "dad beats me when i lose a game",
        "my dad hits me when i miss the ball", "he said he will kill me if i tell",
        "he had a panic attack and then attacked my mum", "he threw her against the wall",
        "my daughter is being left on her own for days", "mum has not ate anything since yesterday",
        "my stepdad keeps turning up at the house shouting",
        "a boy at our club keeps turning up hungry and in the same clothes",
        "someone keeps turning up late at night", "he does stuff to me",
        "he will play with me but then he just wants to do stuff to me",
        "my uncle keeps doing stuff to me instead of playing with me",
        "he is doing things to me rather than with me",
        "my dad punched me then pushed me over by accident", "she slapped me, then pushed me over by mistake",
        "the group does not exist now and i wish i did not exist either",
        "do they stay with me or let him do stuff to me", "will you be with me or will he do stuff to me",
        "got bruises all over and i said it was rugby but it wasnt",
        "my stepdad punched me then knocked into me by accident", "dad belt, then he pushed me by accident",
        "bruises everywhere and i have to tell school it was trampoline",
        "my dad hits me at the gym", "my brother kicks me when i hit the ball",
        "i wanna end my life so i smashed my phone", "i got battered at home after the game",
        "i am sick of being on my own, nobody feeds me",
    ])
    func guardsDoNotHideADisclosureBesideThem(message: String) async throws {
        let log = InMemoryUnansweredLog()
        let reply = await TestSupport.assistant(log: log).respond(to: message, channel: .cli)
        #expect(reply.kind == .safeguarding, "'\(message)' → \(reply.intent)")
        #expect(await log.questions.isEmpty)
    }

    @Test func safeguardingComesBeforeAnyCharterMatch() async {
        // Mentions a charter topic (breaks) and a disclosure: the disclosure wins.
        let reply = await TestSupport.assistant().respond(
            to: "can i have a break, someone at home hurts me", channel: .cli)
        #expect(reply.kind == .safeguarding)
    }

    /// A weaker signal gets a gentle check-in with Childline's number, unless the message is also a
    /// charter question answered with confidence; either way its words are not stored.
    @Test func possibleRiskChecksInOrAnswersTheCharter() async throws {
        let log = InMemoryUnansweredLog()
        let assistant = TestSupport.assistant(log: log)
        let checkIn = await assistant.respond(to: "im not ok", sessionId: "r", channel: .http)
        #expect(checkIn.kind == .safeguarding)
        #expect(checkIn.intent == "safeguarding.possible-risk")
        #expect(checkIn.reply.contains("0800 1111"))
        let answered = await assistant.respond(
            to: "i feel really low, is it okay to disagree", sessionId: "r", channel: .http)
        #expect(answered.kind == .answer, "a confident charter answer is still given: \(answered.intent)")
        #expect(!answered.sources.isEmpty)
        try await assistant.feedback(
            sessionId: "r", messageId: answered.messageId, helpful: true, comment: nil, channel: .http)
        #expect(await log.feedback.first?.question == Assistant.withheldDisclosure)
        #expect(await log.questions.isEmpty)
        #expect(try await log.safeguardingCounts().map(\.count) == [2])
    }

    /// A charter match made only of the words a possible risk was read from ("mean" as in "what
    /// does it mean") does not outweigh the risk: the message asks nothing else.
    @Test(arguments: [
        "my mum is so mean to me", "my stepdad is horrible to me", "people are nasty to me at school",
        "the kids in my class were really horrible to me today", "i cant cope at school",
        "i can't cope with school anymore",
    ])
    func aRiskIsNotAnsweredFromItsOwnWords(message: String) async {
        let reply = await TestSupport.assistant().respond(to: message, channel: .http)
        #expect(reply.kind == .safeguarding, "'\(message)' → \(reply.intent)")
    }

    /// A message about a meeting is answered from a lower floor, but a weak charter match never
    /// outweighs a sign of risk in it.
    @Test func aWeakAnswerAboutAMeetingDoesNotOutweighARisk() async {
        let assistant = TestSupport.assistant()
        let message = "whats the point of the meeting if i wont be here in a few weeks"
        #expect(assistant.explain(message).contains("scope: yes"))
        let reply = await assistant.respond(to: message, sessionId: "w", channel: .http)
        #expect(reply.kind == .safeguarding, "got \(reply.intent)")
        #expect(reply.reply.contains("0800 1111"))
    }

    /// `--explain` names the rule, where it is written and the words it matched.
    @Test func explainShowsTheRuleAndItsWords() {
        let text = TestSupport.assistant().explain("my stepdad beats me up")
        let line = text.split(separator: "\n").first { $0.hasPrefix("safeguarding:") }
        #expect(line?.contains("physical (disclosure)") == true, "\(text)")
        #expect(line?.contains("safeguarding.yaml:") == true)
        #expect(line?.hasSuffix("beats me") == true)
        #expect(TestSupport.assistant().explain("what is co-production").contains("safeguarding: no"))
    }
}
