import Foundation
import Knowledge
import Testing

@testable import DialogueEngine

/// Follow-ups that carry a topic over, for every part and statement, and intents written once for
/// every part of the charter.
@Suite struct TopicFollowUpTests {
    private func conversation(_ messages: [String]) async -> [Reply] {
        let assistant = TestSupport.assistant()
        let session = TestSupport.assistant().newSessionID()
        var replies: [Reply] = []
        for message in messages {
            replies.append(await assistant.respond(to: message, sessionId: session, channel: .cli))
        }
        return replies
    }

    private var charter: Charter { TestSupport.content.charter }

    @Test func aPartTemplateIsWrittenOutForEveryPart() throws {
        for part in charter.cornerstones {
            let outcomes = try #require(TestSupport.content.intent(id: "part.\(part.id).outcomes"))
            #expect(outcomes.response.quotes == ["\(part.id).outcomes"])
            #expect(outcomes.response.text.contains(part.title))
            #expect(outcomes.examples.allSatisfy { !$0.contains("{") })
            #expect(TestSupport.content.intent(id: "part.\(part.id).commitments") != nil)
        }
    }

    @Test func aTemplateWithAnUnknownQuoteIsAnError() {
        #expect {
            _ = try Content.load(
                from: TestSupport.intentsDirectory,
                replacing: [
                    "cornerstones.yaml": """
                    - id: part.{id}.sideways
                      each: part
                      examples: ["{part} sideways"]
                      reply: x
                      quote: "{id}.sideways"
                    """
                ])
        } throws: { error in
            (error as? ContentErrors)?.diagnostics.contains { $0.message.contains("'welcome-and-care.sideways'") }
                == true
        }
        #expect {
            _ = try Content.load(
                from: TestSupport.intentsDirectory,
                replacing: ["cornerstones.yaml": "- id: x.{id}\n  each: paragraph\n  examples: [a]\n  reply: x\n"])
        } throws: { error in
            (error as? ContentErrors)?.diagnostics.contains { $0.message.contains("'each' must be 'part'") } == true
        }
    }

    @Test(arguments: [
        // (asked about a part in everyday words, what it should quote)
        ("what outcomes does work in partnership have", "work-in-partnership.outcomes"),
        ("what will i feel and see with value and include", "value-and-include.outcomes"),
        ("what does communicate promise", "communicate"),
        ("what does welcome and care commit to", "welcome-and-care"),
    ])
    func askingWhatOnePartPromisesGetsThatPart(question: String, quote: String) async throws {
        let reply = try #require(await conversation([question]).last)
        let statements = try #require(QuoteReference(quote, in: charter)?.statements(in: charter))
        #expect(reply.answered)
        #expect(reply.sources.first?.text == statements.first?.text, "\(question) → \(reply.intent)")
    }

    @Test func whatDoesThatMeanGivesTheTopicInSimplerWordsAndTheCharterOwnWords() async throws {
        let replies = await conversation(["can i have breaks", "what does that mean"])
        let last = try #require(replies.last)
        let breaks = try #require(charter.allStatements.first { $0.text.contains("space and breaks") })
        #expect(last.intent == "followup.explain")
        #expect(last.reply.contains(try #require(TestSupport.content.easyStatements[breaks.id])))
        #expect(last.reply.contains(breaks.text))
        #expect(last.sources.map(\.text) == [breaks.text])
    }

    @Test func whatDoesThatMeanWithoutATopicAsksForOne() async {
        let reply = await conversation(["what does that mean"]).last
        #expect(reply?.intent == "system.no-context")
    }

    /// "Tell me more" after any statement goes on with the other statements of its part.
    @Test(arguments: ["communicate.c2", "value-and-include.o4", "work-in-partnership.c2"])
    func tellMeMoreAfterAStatementShowsTheRestOfItsPart(statementID: String) async throws {
        let assistant = TestSupport.assistant()
        let session = TestSupport.assistant().newSessionID()
        let statement = try #require(charter.statement(id: statementID))
        let first = await assistant.respond(to: statement.text, sessionId: session, channel: .cli)
        #expect(first.sources.contains { $0.text == statement.text })
        let more = await assistant.respond(to: "tell me more", sessionId: session, channel: .cli)
        let part = try #require(charter.cornerstone(containing: statementID))
        let others = Set((part.commitments + part.outcomes).map(\.text))
        #expect(more.answered)
        #expect(!more.sources.isEmpty)
        #expect(more.sources.allSatisfy { others.contains($0.text) && !first.sources.map(\.text).contains($0.text) })
    }

    @Test(arguments: [
        // (topic, a carried-over question, the part the answer should come from)
        ("whats work in partnership", "does it say anything about time", "work-in-partnership"),
        ("tell me about communicate", "and what about time", "communicate"),
    ])
    func aCarriedOverQuestionFavoursThePartBeingTalkedAbout(topic: String, followUp: String, part: String) async throws
    {
        let reply = try #require(await conversation([topic, followUp]).last)
        let texts = Set(try #require(charter.cornerstone(id: part)).commitments.map(\.text))
            .union(try #require(charter.cornerstone(id: part)).outcomes.map(\.text))
        #expect(reply.answered)
        #expect(reply.sources.contains { texts.contains($0.text) }, "\(followUp) → \(reply.intent)")
    }

    @Test(arguments: [
        ("and what about breaks", true), ("does it say anything about time", true), ("what about", false),
        ("andrew says hi", false), ("what is co-production", false),
    ])
    func carryOverOpeningsAreRecognised(message: String, carries: Bool) {
        let matcher = TestSupport.assistant().matcher
        #expect(matcher.carriesTopicOver(matcher.analyze(message).typedWords) == carries)
    }
}
