import Foundation
import Testing

@testable import DialogueEngine

@Suite struct EvaluationTests {
    /// A question set of `Tests/DialogueEngineTests/Fixtures`.
    private static func fixture(_ name: String) throws -> [EvaluationItem] {
        let path = TestSupport.packageRoot.appendingPathComponent("Tests/DialogueEngineTests/Fixtures/" + name).path
        return try Evaluation.load(try String(contentsOfFile: path, encoding: .utf8), file: path)
    }

    /// The project's own question set (written for this project, not copied from any test set):
    /// misspellings, text speak, fragments, parents' long messages, follow-ups, out-of-scope and
    /// disclosures. It guards answer quality as the content changes.
    @Test func ownQuestionSetScoresWell() async throws {
        let items = try Self.fixture("questions.jsonl")
        #expect(items.count >= 300)
        let report = await Evaluation.run(items, assistant: TestSupport.assistant())
        let failures = report.failures.map {
            "\($0.item.id): \($0.item.messages.joined(separator: " → ")) → \($0.reply.intent)"
        }
        #expect(report.accuracy >= 0.93, "\(failures.joined(separator: "\n"))")
        for (kind, passed, total) in report.byKind {
            switch kind {
            case .safeguarding: #expect(passed == total, "every disclosure must be signposted: \(failures)")
            case .out: #expect(Double(passed) / Double(total) >= 0.9, "out of scope: \(failures)")
            case .in, .smalltalk: #expect(Double(passed) / Double(total) >= 0.9, "\(kind): \(failures)")
            }
        }
    }

    /// The tuning sets (written from the charter and `USERS.md` for choosing the matcher's figures
    /// and content): in-scope questions in everyday words, parents' long messages, practitioners'
    /// formal ones and follow-ups. A floor a little under today's figures (one or two answers, a few
    /// on the largest set), so that a change that loses ground shows. The second, third and fourth
    /// sets were written later, each by someone who had not seen the content.
    @Test(
        arguments: [
            ("tuning.jsonl", 220, 0.9, 0.8), ("tuning-2.jsonl", 160, 0.85, 0.9),
            ("tuning-3.jsonl", 130, 0.8, 0.9), ("tuning-4.jsonl", 150, 0.87, 0.82),
        ] as [(String, Int, Double, Double)])
    func tuningSetDoesNotLoseGround(file: String, size: Int, inScope: Double, outOfScope: Double) async throws {
        let path = TestSupport.packageRoot.appendingPathComponent("Tests/DialogueEngineTests/Fixtures/" + file).path
        let items = try Evaluation.load(try String(contentsOfFile: path, encoding: .utf8), file: path)
        #expect(items.count >= size)
        let report = await Evaluation.run(items, assistant: TestSupport.assistant())
        var rates: [EvaluationItem.Kind: Double] = [:]
        for (kind, passed, total) in report.byKind { rates[kind] = Double(passed) / Double(total) }
        #expect((rates[.in] ?? 0) >= inScope)
        #expect((rates[.out] ?? 0) >= outOfScope)
        #expect(rates[.smalltalk] == 1)
        #expect(Double(report.clarifications.count) / Double(report.outcomes.count) < 0.05)
    }

    @Test func passRulesFollowTheFormat() {
        func reply(_ text: String, answered: Bool) -> Reply {
            Reply(
                reply: text, answered: answered, intent: "x", confidence: 1, sessionId: "s", suggestions: [],
                sources: [], kind: .answer)
        }
        let item = EvaluationItem(id: "a", kind: .in, q: "q", any: ["each other’s time"], all: ["Work–Together"])
        #expect(Evaluation.passes(item, reply("We  WORK-together, knowing each other's time.", answered: true)))
        #expect(!Evaluation.passes(item, reply("We work-together, knowing each other's time.", answered: false)))
        #expect(!Evaluation.passes(item, reply("each other's time", answered: true)))
        let out = EvaluationItem(id: "b", kind: .out, q: "q")
        #expect(Evaluation.passes(out, reply("anything", answered: false)))
        #expect(!Evaluation.passes(out, reply("anything", answered: true)))
    }

    @Test func badLinesAreReportedWithTheirNumber() {
        let text = "{\"id\":\"a\",\"kind\":\"in\",\"q\":\"x\"}\n\n{\"id\":\"b\",\"kind\":\"sideways\",\"q\":\"y\"}\n"
        #expect {
            _ = try Evaluation.load(text, file: "set.jsonl")
        } throws: { error in
            (error as? Evaluation.LineError)?.description.hasPrefix("set.jsonl:3: error:") == true
        }
        #expect(throws: Evaluation.LineError.self) {
            _ = try Evaluation.load("{\"id\":\"c\",\"kind\":\"in\"}", file: "f")
        }
    }
}
