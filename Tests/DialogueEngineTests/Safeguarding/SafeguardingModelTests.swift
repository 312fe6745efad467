import Foundation
import Knowledge
import Testing

@testable import DialogueEngine

/// The learned model that backs up the safeguarding rules (`safeguarding-model.txt`).
@Suite struct SafeguardingModelTests {
    /// A tiny model: "fridge" and the pair "the fridge" raise the score, "cake" lowers it.
    static let text = """
        # a comment
        @bias -2.0
        @threshold 0.7
        @category possible-risk
        fridge 1.5
        the_fridge 1.5
        cake -3.0
        """

    @Test func aModelFileIsReadWithItsHeader() throws {
        let (model, problems) = SafeguardingModel.parse(Self.text, file: "model.txt")
        #expect(problems.isEmpty)
        let read = try #require(model)
        #expect(read.bias == -2 && read.threshold == 0.7 && read.category == "possible-risk")
        #expect(read.weights == ["fridge": 1.5, "the_fridge": 1.5, "cake": -3])
    }

    @Test func problemsInTheFileAreReportedWithTheirLines() {
        let (model, problems) = SafeguardingModel.parse("@bias x\nfridge\n@threshold 0.5\n", file: "m.txt")
        #expect(model == nil)
        #expect(problems.contains { $0.line == 1 && $0.message.contains("'x' is not a number") })
        #expect(problems.contains { $0.line == 2 && $0.message.contains("expected 'feature weight'") })
        #expect(problems.contains { $0.message.contains("'@category'") })
    }

    /// Words as the trainer makes them: lower case, accents and apostrophes dropped, text speak expanded.
    @Test func wordsAreMadeAsTheTrainerMakesThem() {
        let words = SafeguardingModel.words(of: "Mum DOESN'T feed me, café’s shut!! u know", textSpeak: ["u": "you"])
        #expect(words == ["mum", "doesnt", "feed", "me", "cafes", "shut", "you", "know"])
    }

    @Test func theProbabilityIsTheLogisticOfTheFeaturesWeights() throws {
        let model = try #require(SafeguardingModel.parse(Self.text, file: "m").0)
        let both = model.probability(of: "my step mum locks the fridge", textSpeak: [:])
        #expect(abs(both - 1 / (1 + exp(-1.0))) < 1e-9)
        #expect(
            model.strongest(in: "my step mum locks the fridge", textSpeak: [:]).sorted() == ["fridge", "the_fridge"])
        #expect(model.probability(of: "fridge cake", textSpeak: [:]) < 0.1)
        #expect(abs(model.probability(of: "nothing known", textSpeak: [:]) - 1 / (1 + exp(2.0))) < 1e-9)
    }

    /// A message no rule matches but the model flags gets the check-in, and is never stored; a
    /// confident charter answer still wins, as for the possible-risk rules.
    @Test func theModelBacksUpTheRulesWithTheCheckIn() async throws {
        var rules = TestSupport.content.safeguarding
        rules.model = SafeguardingModel.parse(Self.text, file: "m").0
        let base = TestSupport.content
        let content = Content(
            charter: base.charter, intents: base.intents, lexicon: base.lexicon, safeguarding: rules,
            easyStatements: base.easyStatements)
        let memory = InMemoryUnansweredLog()
        let log = ResilientLog(memory, report: { _ in })
        let assistant = Assistant(content: content, log: log)
        let reply = await assistant.respond(to: "my step mum guards the fridge", channel: .cli)
        #expect(reply.intent == "safeguarding.possible-risk")
        #expect(reply.reply.contains("0800 1111"))
        let charter = await assistant.respond(to: "what does co-production mean fridge", channel: .cli)
        #expect(charter.intent == "about.coproduction")
        await log.flush()
        #expect(await memory.questions.isEmpty, "a flagged message is never stored")
        #expect(try await memory.safeguardingCounts().contains { $0.category == "possible-risk" })
    }

    /// A rule's disclosure that the model finds very unlikely becomes the weaker tier (a confident
    /// charter answer may win); one it finds likely stays a disclosure.
    @Test func aDisclosureTheModelDoubtsIsWeighedAsAWeakerSignal() throws {
        var rules = TestSupport.content.safeguarding
        rules.model = SafeguardingModel.parse(Self.text + "\n@doubt 0.2\n", file: "m").0
        #expect(rules.model?.doubtBelow == 0.2)
        let detector = SafeguardingDetector(rules: rules, analyzer: TextAnalyzer(lexicon: TestSupport.content.lexicon))
        let signal = SafeguardingSignal(
            category: "physical", tier: .disclosure, rule: SafeguardingRules.Rule("hit me"), words: ["hit", "me"])
        #expect(detector.weighed(signal, in: "he hit me with cake").tier == .possibleRisk)
        #expect(detector.weighed(signal, in: "he hit me by the fridge").tier == .disclosure)
        #expect(detector.weighed(signal, in: "he hit me with cake").category == "physical")
    }

    @Test func aModelWhoseCategoryIsUnknownIsAContentError() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: TestSupport.contentRoot, to: root.appendingPathComponent("intents"))
        try Self.text.replacingOccurrences(of: "possible-risk", with: "posible-risk").write(
            to: root.appendingPathComponent("intents/base/safeguarding-model.txt"), atomically: true, encoding: .utf8)
        #expect {
            _ = try Content.load(from: root.appendingPathComponent("intents/stoke-on-trent").path)
        } throws: { error in
            (error as? ContentErrors)?.diagnostics.contains {
                $0.file.hasSuffix("safeguarding-model.txt") && $0.message.contains("'posible-risk' is not a category")
            } == true
        }
    }
}
