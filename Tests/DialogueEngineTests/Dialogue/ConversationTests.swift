import Foundation
import Synchronization
import Testing

@testable import DialogueEngine

/// Follow-ups that only make sense in context.
@Suite struct ConversationTests {
    private func conversation(_ messages: [String], assistant: Assistant = TestSupport.assistant()) async -> [Reply] {
        let session = TestSupport.assistant().newSessionID()
        var replies: [Reply] = []
        for message in messages {
            replies.append(await assistant.respond(to: message, sessionId: session, channel: .cli))
        }
        return replies
    }

    private func statementTexts(_ ids: [String]) -> [String] {
        ids.compactMap { TestSupport.content.charter.statement(id: $0)?.text }
    }

    @Test(arguments: [
        ("the first one", "welcome-and-care"), ("2nd", "value-and-include"), ("number three", "communicate"),
        ("tell me about the fourth", "work-in-partnership"), ("the last one", "work-in-partnership"),
        ("3", "communicate"), ("number 2", "value-and-include"), ("ok and the last one?", "work-in-partnership"),
        ("so what about the third one", "communicate"),
    ])
    func ordinalsPickFromTheCornerstoneList(followUp: String, cornerstone: String) async throws {
        let replies = await conversation(["what r the cornerstones", followUp])
        let last = try #require(replies.last)
        #expect(last.intent == "part." + cornerstone)
        let commitments = try #require(TestSupport.content.charter.cornerstone(id: cornerstone)?.commitments)
        #expect(last.sources.map(\.text) == commitments.map(\.text))
    }

    /// Named with the word for a part, a position needs no list shown first; without it, it does.
    @Test(arguments: [
        ("whats the 2nd cornerstone", "part.value-and-include"),
        ("what is the last cornerstone", "part.work-in-partnership"), ("the 3rd cornerstone pls", "part.communicate"),
    ])
    func aCornerstoneByItsPositionNeedsNoListFirst(message: String, intent: String) async {
        let reply = await TestSupport.assistant().respond(to: message, channel: .cli)
        #expect(reply.intent == intent)
        #expect(reply.answered)
    }

    /// Named as a cornerstone, a position is read among the cornerstones even while a cornerstone's
    /// own list is the one shown last ("the second one" would pick its second commitment).
    @Test func aCornerstoneByItsPositionIsReadAmongTheCornerstonesAfterAnotherList() async throws {
        let replies = await conversation(["tell me about communicate", "what about the 2nd cornerstone"])
        #expect(try #require(replies.last).intent == "part.value-and-include")
    }

    @Test func aPositionAloneAtTheStartIsNotReadAsACornerstone() async {
        let reply = await TestSupport.assistant().respond(to: "what is the 4th one", channel: .cli)
        #expect(reply.intent != "part.work-in-partnership")
    }

    /// "The next one" moves on from the item picked last, or from the cornerstone being talked about.
    @Test(arguments: [
        (["what are the cornerstones", "the second one", "and the next one?"], "part.communicate"),
        (["what are the cornerstones", "the third one", "the one before"], "part.value-and-include"),
        (["tell me about communicate", "what about the next one"], "part.work-in-partnership"),
        (["tell me about communicate", "the first one", "next", "next please"], "statement.communicate.c3"),
    ])
    func theNextOneMovesOnInTheListLastPickedFrom(messages: [String], intent: String) async throws {
        let replies = await conversation(messages)
        #expect(try #require(replies.last).intent == intent)
    }

    /// "Next" after the last item (or "the one before" the first) says there is no other one and
    /// keeps the place, rather than wrapping round or reading "next" as a topic.
    @Test func thereIsNoNextOneAfterTheLast() async throws {
        let replies = await conversation([
            "what are the cornerstones", "the last one", "next", "the one before", "what are the cornerstones",
            "the first one", "the one before",
        ])
        #expect(replies[2].intent == "system.end-of-list" && replies[2].answered)
        #expect(replies[3].intent == "part.communicate")
        #expect(replies[6].intent == "system.end-of-list")
    }

    /// A position past the end of the list just shown, or of the parts when it names them, is
    /// answered as "next" past the end is; "the last one" never is past it.
    @Test(arguments: [
        (["what r the cornerstones", "the fifth one"], "system.end-of-list"),
        (["what is the 6th cornerstone"], "system.end-of-list"),
        (["what r the cornerstones", "the last one"], "part.work-in-partnership"),
    ])
    func aPositionPastTheEndSaysThereIsNone(messages: [String], intent: String) async throws {
        let replies = await conversation(messages)
        #expect(try #require(replies.last).intent == intent)
    }

    /// Not past the end: a position in the part of a long list still to come ("There is more"), or a
    /// bare digit that is text speak ("is it 4 me" after a list of three).
    @Test func aPositionStillToComeOrADigitIsNotPastTheEnd() async throws {
        let assistant = TestSupport.assistant()
        let outcomes = await assistant.respond(
            to: "what are the outcomes of welcome and care", sessionId: "long", channel: .cli)
        let all = try #require(TestSupport.content.charter.cornerstone(id: "welcome-and-care")?.outcomes)
        try #require(outcomes.sources.count < all.count)
        let later = await assistant.respond(
            to:
                "the \(["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"][all.count]) one",
            sessionId: "long", channel: .cli)
        #expect(later.intent != "system.end-of-list")
        #expect(!OrdinalReference.isPastTheEnd(["is", "it", "4", "me"], count: 3))
        #expect(OrdinalReference.isPastTheEnd(["number", "4"], count: 3))
        #expect(OrdinalReference.isPastTheEnd(["the", "4th", "one"], count: 3))
    }

    @Test(
        arguments: [
            (["and", "the", "next", "one"], 1), (["the", "one", "before"], -1), (["next"], 1),
            (["what", "happens", "next"], nil), (["next", "or", "previous"], nil), (["the", "second", "one"], nil),
        ] as [([String], Int?)])
    func stepsAreReadOnlyFromWordsThatNameOne(words: [String], step: Int?) {
        #expect(OrdinalReference.step(in: words) == step)
    }

    /// "Two of them" is a number of items, not the second one.
    @Test(
        arguments: [
            (["tell", "me", "about", "two", "of", "them"], nil), (["ok", "and", "the", "last", "one"], 3),
            (["the", "2nd", "value"], 1), (["what", "about", "the", "weather"], nil),
        ] as [([String], Int?)])
    func positionsAreReadOnlyFromWordsThatNameOne(words: [String], index: Int?) {
        #expect(OrdinalReference.index(in: words, count: 4) == index)
    }

    @Test func ordinalsAfterACornerstonePickItsCommitments() async throws {
        let replies = await conversation(["tell me about communicate", "the second one"])
        #expect(replies.last?.sources.map(\.text) == statementTexts(["communicate.c2"]))
    }

    @Test(arguments: [
        "tell me more", "more please", "go on", "what else", "more", "what else does the charter say about that",
        "does it say anything else", "anything else about that", "what else is there",
    ])
    func moreAfterACornerstoneGivesItsOutcomes(followUp: String) async throws {
        let replies = await conversation(["tell me about value and include", followUp])
        let last = try #require(replies.last)
        #expect(last.answered)
        let outcomes = statementTexts(["value-and-include.o1", "value-and-include.o2", "value-and-include.o3"])
        #expect(Array(last.sources.map(\.text).prefix(3)) == outcomes)
    }

    @Test func longListsArePagedAndMoreShowsTheRest() async throws {
        let replies = await conversation(["communication", "tell me more", "more"])
        let outcomes = try #require(TestSupport.content.charter.cornerstone(id: "communicate")?.outcomes.map(\.text))
        let firstPage = replies[1].sources.map(\.text)
        let secondPage = replies[2].sources.map(\.text)
        #expect(!firstPage.isEmpty && !secondPage.isEmpty)
        #expect(firstPage + secondPage == outcomes)
        let moreToCome = try #require(TestSupport.content.intent(id: "system.more-to-come"))
        #expect(replies[1].reply.hasSuffix(moreToCome.response.text))
        #expect(replies[1].suggestions.first == moreToCome.suggestions.first)
        #expect(ReplyComposer.wordCount(replies[1].reply) <= ReplyComposer.wordBudget + 20)
    }

    /// A follow-up's buttons come from its intent: one naming `{other-part}` is offered for two parts
    /// other than the conversation's, and the placeholder is never shown.
    @Test func aFollowUpOffersOtherPartsFromItsIntentsSuggestions() async throws {
        let replies = await conversation(["communication", "tell me more", "more"])
        let suggestions = try #require(replies.last?.suggestions)
        #expect(suggestions.contains("Explain Welcome and Care") && suggestions.contains("Explain Value and Include"))
        #expect(!suggestions.contains("Explain Communicate"))
        #expect(!suggestions.contains { $0.contains("{") })
        // With no part in the conversation (a statement of the introduction), a suggestion naming
        // one is left out and the placeholder is never shown.
        let introduction = try #require(TestSupport.content.charter.statement(id: "introduction.p1"))
        let alone = await conversation([introduction.text, "why"])
        #expect(alone.last?.intent == "followup.why")
        let offered = try #require(alone.last?.suggestions)
        #expect(!offered.isEmpty && !offered.contains { $0.contains("{") || $0.hasPrefix("Explain") })
    }

    /// "What will I see?" after a part leads its outcomes with the follow-up intent's own words, in
    /// easy read too.
    @Test func outcomesAreLedByTheFollowUpsOwnWords() async throws {
        let intent = try #require(TestSupport.content.intent(id: "followup.outcomes"))
        let standard = await conversation(["tell me about communicate", "what will i see"])
        #expect(standard.last?.reply.hasPrefix(intent.response.text) == true)
        let easy = TestSupport.assistant()
        _ = await easy.respond(to: "tell me about communicate", sessionId: "e", channel: .cli, style: .easy)
        let easyReply = await easy.respond(to: "what will i see", sessionId: "e", channel: .cli, style: .easy)
        #expect(easyReply.reply.hasPrefix(try #require(intent.response.easy)))
    }

    @Test(arguments: [
        "what will i see?", "give me an example", "how?", "like what", "how will they do that", "for example",
        "how do they do that", "wat does that mean for me", "can you give me some examples",
        "what does that mean for my family", "what does that mean for us",
    ])
    func whatWillISeeGivesTheOutcomesOfTheCornerstoneInFocus(followUp: String) async throws {
        let replies = await conversation(["work in partnership", followUp])
        let outcome = statementTexts(["work-in-partnership.o1"])
        #expect(replies.last?.sources.first.map { [$0.text] } == outcome)
    }

    /// "Mean" as in "what does it mean", not as in unkind ("will they be mean to me").
    @Test func whatTheCharterMeansForMeIsAboutTheCharter() async throws {
        let replies = await conversation(["what does the charter mean for me"])
        #expect(replies[0].intent == "about.charter")
        let unkind = await conversation(["will they be mean to me"])
        #expect(unkind[0].intent == "topic.friendly-welcome")
    }

    /// "Why" is a stop word: "why was it written" is known by its whole shape, not by "written".
    @Test func whyWasItWrittenAsksWhatTheCharterIsFor() async throws {
        let replies = await conversation(["who is the charter for?", "and why was it written?"])
        #expect(replies.last?.intent == "about.why")
    }

    @Test func aTopicCarriesToTheNextQuestion() async throws {
        let replies = await conversation(["tell me about communicate", "what about breaks?"])
        #expect(replies.last?.sources.map(\.text).contains(statementTexts(["communicate.o3"])[0]) == true)
        let switched = await conversation(["value and include", "and work in partnership?"])
        #expect(switched.last?.intent == "part.work-in-partnership")
    }

    /// "Why?" after a topic gives the charter's words on it again, saying the charter seldom gives
    /// reasons; with no topic, or after a question about the charter itself, what the charter is for.
    @Test func whyRepeatsTheTopicsWordsOrSaysWhatTheCharterIsFor() async throws {
        let replies = await conversation(["is it ok to disagree", "why?"])
        #expect(replies[1].intent == "followup.why", "\(replies[1].intent)")
        #expect(replies[1].reply.contains("doesn't always give its reasons"))
        #expect(!replies[1].sources.isEmpty)
        #expect(Set(replies[1].sources.map(\.text)).isSubset(of: Set(replies[0].sources.map(\.text))))
        let alone = await conversation(["why"])
        #expect(alone[0].intent == "about.why", "\(alone[0].intent)")
        let charter = await conversation(["what is the charter", "how come"])
        #expect(charter[1].intent == "about.why", "\(charter[1].intent)")
    }

    /// "After" says when: "and after the meeting?" asks about following up, not about meetings.
    @Test func afterTheMeetingCarriesOverToFollowingUp() async throws {
        let replies = await conversation([
            "What does the charter expect of staff when they talk with families?", "and after the meeting?",
        ])
        #expect(replies[1].reply.contains("Follow-up communication"), "\(replies[1].intent)")
    }

    /// "What does that mean?" after a part: its list in simpler words, then in the charter's own.
    @Test func explainingAPartGivesSimplerWordsThenTheCharters() async throws {
        let replies = await conversation(["explain the welcome and care cornerstone", "what does that mean"])
        #expect(replies[1].intent == "followup.explain", "\(replies[1].intent)")
        let part = try #require(TestSupport.content.charter.cornerstone(id: "welcome-and-care"))
        for commitment in part.commitments {
            #expect(replies[1].reply.contains(commitment.text), "\(commitment.text)")
        }
        #expect(replies[1].reply.count > replies[0].reply.count)
    }

    /// "And the Communicate ones?" after one part's outcomes asks for that part's outcomes, not
    /// for the part as a whole; a part named without carrying the topic over is the whole part.
    @Test func anotherPartsListOfTheSameKind() async throws {
        let outcomes = await conversation([
            "what are the outcomes under value and include", "and the communicate ones?",
        ])
        #expect(outcomes[1].intent == "part.communicate.outcomes", "\(outcomes[1].intent)")
        let commitments = await conversation([
            "what are the commitments under welcome and care", "what about work in partnership",
        ])
        #expect(commitments[1].intent == "part.work-in-partnership.commitments", "\(commitments[1].intent)")
        let whole = await conversation(["what are the outcomes under value and include", "tell me about communicate"])
        #expect(whole[1].intent == "part.communicate", "\(whole[1].intent)")
        let asked = await conversation([
            "what are the outcomes under value and include", "and what is communicate about?",
        ])
        #expect(asked[1].intent == "part.communicate", "\(asked[1].intent)")
    }

    @Test func moreWithoutAnyContextAsksWhatAbout() async throws {
        let replies = await conversation(["tell me more"])
        #expect(replies[0].intent == "system.no-context")
        #expect(!replies[0].suggestions.isEmpty)
    }

    @Test func sessionsAreSeparate() async throws {
        let assistant = TestSupport.assistant()
        _ = await assistant.respond(to: "tell me about communicate", sessionId: "a", channel: .cli)
        let other = await assistant.respond(to: "the second one", sessionId: "b", channel: .cli)
        #expect(other.intent != "statement.communicate.c2")
        let same = await assistant.respond(to: "the second one", sessionId: "a", channel: .cli)
        #expect(same.intent == "statement.communicate.c2")
    }

    @Test func contextExpiresAfterTheIdleTime() async throws {
        let elapsed = Mutex<Duration>(.zero)
        let start = ContinuousClock.now
        let sessions = SessionStore(ttl: .seconds(60), capacity: 10, now: { start + elapsed.withLock { $0 } })
        let assistant = Assistant(
            content: TestSupport.content, log: ResilientLog(InMemoryUnansweredLog(), report: { _ in }),
            sessions: sessions,
            settings: MatcherSettings())
        _ = await assistant.respond(to: "tell me about communicate", sessionId: "s", channel: .cli)
        elapsed.withLock { $0 = .seconds(59) }
        #expect(
            await assistant.respond(to: "the second one", sessionId: "s", channel: .cli).intent
                == "statement.communicate.c2")
        elapsed.withLock { $0 = .seconds(59 + 61) }
        #expect(
            await assistant.respond(to: "the second one", sessionId: "s", channel: .cli).intent
                != "statement.communicate.c2")
    }

    @Test func theNumberOfSessionsIsBounded() async throws {
        let sessions = SessionStore(ttl: .seconds(600), capacity: 3)
        var context = DialogueContext()
        context.cornerstone = "communicate"
        for id in ["a", "b", "c", "d", "e"] { sessions.save(context, for: id) }
        #expect(sessions.count == 3)
        #expect(sessions.context(for: "a") == DialogueContext())
        #expect(sessions.context(for: "e") == context)
    }

    @Test func feedbackReachesTheLastTwentyRepliesOnly() async throws {
        let assistant = TestSupport.assistant()
        var ids: [String] = []
        for number in 0..<(Assistant.rememberedReplies + 3) {
            ids.append(
                await assistant.respond(to: "question \(number) about breaks", sessionId: "f", channel: .cli).messageId)
        }
        #expect(Set(ids).count == ids.count)
        for (index, id) in ids.enumerated() {
            var outcome: Assistant.FeedbackError?
            do {
                try await assistant.feedback(sessionId: "f", messageId: id, helpful: true, comment: nil, channel: .cli)
            } catch {
                outcome = error
            }
            #expect(outcome == (index < 3 ? .unknownMessage : nil), "reply \(index)")
        }
    }

    @Test func sessionIDsAreRandomVersion4UUIDsInLowerCase() throws {
        let assistant = TestSupport.assistant()
        let ids = (0..<200).map { _ in assistant.newSessionID() }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let uuid = try #require(UUID(uuidString: id), "\(id)")
            #expect(uuid.uuidString.lowercased() == id)
            let groups = id.split(separator: "-").map(\.count)
            #expect(groups == [8, 4, 4, 4, 12])
            #expect(id.dropFirst(14).first == "4")
            #expect("89ab".contains(id.dropFirst(19).first!))
        }
        // Every hex digit turns up in the random places (not a constant or a counter).
        let randomPlaces = ids.flatMap { id in id.enumerated().filter { ![8, 13, 14, 18, 19, 23].contains($0.offset) } }
        #expect(Set(randomPlaces.map(\.element)).count == 16)
    }

    /// Ids are drawn from a pool of random bytes refilled every 256 ids: many tasks drawing at once,
    /// across several refills, never get the same id.
    @Test func sessionIDsDrawnFromManyTasksAtOnceAreDistinct() async {
        let assistant = TestSupport.assistant()
        let ids = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { (0..<500).map { _ in assistant.newSessionID() } } }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(ids.count == 4000)
        #expect(Set(ids).count == ids.count)
    }

    @Test func messageIDsAreTwelveBase36DigitsInOrder() {
        let ids = (0..<50).map { _ in Assistant.newMessageID() }
        for id in ids {
            #expect(id.utf8.count == 12)
            #expect(id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) })
        }
        // Zero-padded to one width, so text order is number order.
        #expect(ids == ids.sorted())
        #expect(zip(ids, ids.dropFirst()).allSatisfy { UInt64($0, radix: 36)! + 1 == UInt64($1, radix: 36)! })
    }

    @Test(arguments: [
        ("", 3, ""), ("abc", 3, "abc"), ("abcd", 3, "abc"), ("ééé", 2, "éé"), ("é", 1, "é"),
        ("🙂🙂", 1, "🙂"), ("e\u{301}x", 1, "e\u{301}"),
    ])
    func leadingKeepsTheFirstCharacters(text: String, count: Int, expected: String) {
        #expect(text.leading(count) == expected)
        #expect(text.leading(count) == String(text.prefix(count)))
    }

    @Test func smallTalkDoesNotLoseTheTopic() async throws {
        let replies = await conversation(["tell me all about welcome and care", "thanks", "tell me more"])
        #expect(replies[1].kind == .smalltalk)
        #expect(replies[2].sources.first?.text == statementTexts(["welcome-and-care.o1"]).first)
    }
}
