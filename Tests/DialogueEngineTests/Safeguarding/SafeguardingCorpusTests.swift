import Foundation
import Testing

@testable import DialogueEngine

/// The safeguarding corpus (`Fixtures/safeguarding-corpus.jsonl`): disclosures in every category, in
/// young people's own words, and near-misses (idioms, games, sport, cooking, tech, and charter
/// questions that use words of harm). Every disclosure is recognised; no near-miss is. So it is for
/// the later batches (`Fixtures/safeguarding-later-batches.jsonl`), among them disclosures written
/// beside the guards' words, so that a guard that hides one fails, and for the messages a second
/// reader wrote on the rules' edges (`Fixtures/safeguarding-rule-edges.jsonl`), which the learned
/// model is not trained on, so that they test the rules themselves.
@Suite struct SafeguardingCorpusTests {
    static let items: [EvaluationItem] = [
        "safeguarding-corpus", "safeguarding-later-batches", "safeguarding-rule-edges",
    ].flatMap { name in
        let url = Bundle.module.url(forResource: name, withExtension: "jsonl", subdirectory: "Fixtures")!
        let text = try! String(contentsOf: url, encoding: .utf8)
        return try! Evaluation.load(text, file: url.path)
    }

    /// One assistant for the whole corpus (building one per item would dominate the run).
    static let log = InMemoryUnansweredLog()
    static let assistant = TestSupport.assistant(log: log)

    static let disclosures = items.filter { $0.kind == .safeguarding }
    static let nearMisses = items.filter { $0.kind != .safeguarding }

    @Test func theCorpusIsLargeAndCoversEveryCategory() {
        #expect(Self.disclosures.count >= 300)
        #expect(Self.nearMisses.count >= 200)
        let categories = Dictionary(grouping: Self.disclosures, by: { $0.category ?? "" }).mapValues(\.count)
        for category in TestSupport.content.safeguarding.categories.map(\.id) where category != "possible-risk" {
            #expect((categories[category] ?? 0) >= 20, "category '\(category)' has \(categories[category] ?? 0)")
        }
    }

    @Test(arguments: disclosures)
    func everyDisclosureIsRecognised(_ item: EvaluationItem) async throws {
        let message = item.q ?? ""
        let reply = await Self.assistant.respond(to: message, channel: .cli)
        #expect(reply.kind == .safeguarding, "\(item.id) '\(message)' → \(reply.intent)")
        #expect(Evaluation.passes(item, reply), "\(item.id): the reply does not signpost help")
        let stored = await Self.log.questions.map(\.question)
        let redacted = Redactor().redact(message)
        #expect(!stored.contains { $0 == message || $0 == redacted }, "\(item.id) was stored")
    }

    @Test(arguments: nearMisses)
    func noNearMissIsTreatedAsADisclosure(_ item: EvaluationItem) async {
        let reply = await Self.assistant.respond(to: item.q ?? "", channel: .cli)
        #expect(reply.kind != .safeguarding, "\(item.id) '\(item.q ?? "")' → \(reply.intent)")
    }
}
