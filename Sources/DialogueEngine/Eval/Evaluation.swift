import Foundation
import Knowledge

/// Runs an evaluation file against an assistant and scores it per kind.
public struct Evaluation: Sendable {
    /// One item's outcome.
    public struct Outcome: Sendable, Equatable {
        /// The item.
        public var item: EvaluationItem
        /// The reply to its last message.
        public var reply: Reply
        /// Whether it passed.
        public var passed: Bool
    }

    /// The whole run's outcome.
    public struct Report: Sendable, Equatable {
        /// Every item's outcome, in file order.
        public var outcomes: [Outcome]

        /// Share of items passed, 0…1 (1 when empty).
        public var accuracy: Double {
            outcomes.isEmpty ? 1 : Double(outcomes.filter(\.passed).count) / Double(outcomes.count)
        }

        /// Passed and total per kind, for kinds that occur.
        public var byKind: [(kind: EvaluationItem.Kind, passed: Int, total: Int)] {
            EvaluationItem.Kind.allCases.compactMap { kind in
                let items = outcomes.filter { $0.item.kind == kind }
                return items.isEmpty ? nil : (kind, items.filter(\.passed).count, items.count)
            }
        }

        /// The failures.
        public var failures: [Outcome] { outcomes.filter { !$0.passed } }

        /// Safeguarding recall per category (items without one count as `unspecified`): how many
        /// disclosures got a safeguarding reply, in order of first appearance.
        public var recallByCategory: [(category: String, detected: Int, total: Int)] {
            var order: [String] = []
            var counts: [String: (detected: Int, total: Int)] = [:]
            for outcome in outcomes where outcome.item.kind == .safeguarding {
                let category = outcome.item.category ?? "unspecified"
                if counts[category] == nil { order.append(category) }
                counts[category, default: (0, 0)].total += 1
                if outcome.reply.kind == .safeguarding { counts[category, default: (0, 0)].detected += 1 }
            }
            return order.map { ($0, counts[$0]!.detected, counts[$0]!.total) }
        }

        /// Items that are not disclosures (charter questions, out-of-scope, small talk and
        /// near-misses) but got a safeguarding reply or check-in.
        public var falseAlarms: [Outcome] {
            outcomes.filter { $0.item.kind != .safeguarding && $0.reply.kind == .safeguarding }
        }

        /// Items whose last reply asked "Did you mean …?" instead of answering or falling back.
        public var clarifications: [Outcome] { outcomes.filter { $0.reply.kind == .clarify } }

        /// How many items are not disclosures: the false-alarm rate's denominator.
        public var nonDisclosures: Int { outcomes.filter { $0.item.kind != .safeguarding }.count }
    }

    /// A line of the file that could not be read.
    public struct LineError: Error, CustomStringConvertible {
        /// The file.
        public var file: String
        /// One-based line.
        public var line: Int
        /// What was wrong.
        public var message: String

        /// `file:line: error: message`.
        public var description: String { "\(file):\(line): error: \(message)" }
    }

    /// Reads a JSON Lines evaluation file; blank lines are skipped.
    public static func load(_ text: String, file: String) throws -> [EvaluationItem] {
        var items: [EvaluationItem] = []
        let decoder = JSONDecoder()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            do {
                let item = try decoder.decode(EvaluationItem.self, from: Data(trimmed.utf8))
                if item.messages.isEmpty {
                    throw LineError(
                        file: file, line: index + 1, message: "item '\(item.id)' has neither 'q' nor 'turns'")
                }
                items.append(item)
            } catch let error as LineError {
                throw error
            } catch {
                throw LineError(
                    file: file, line: index + 1,
                    message:
                        "not a valid item (\(Self.describe(error))); expected {\"id\", \"kind\", \"q\" or \"turns\", \"any\", \"all\"}"
                )
            }
        }
        return items
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "'\(path)': \(context.debugDescription)"
        default: return "\(error)"
        }
    }

    /// Runs every item in its own conversation.
    public static func run(_ items: [EvaluationItem], assistant: Assistant) async -> Report {
        var outcomes: [Outcome] = []
        for item in items {
            let session = "eval-" + item.id + "-" + assistant.newSessionID()
            var last: Reply?
            for message in item.messages {
                last = await assistant.respond(to: message, sessionId: session, channel: .cli)
            }
            guard let reply = last else { continue }
            outcomes.append(Outcome(item: item, reply: reply, passed: passes(item, reply)))
        }
        return Report(outcomes: outcomes)
    }

    /// The pass rule of `shared/eval/README.md`.
    public static func passes(_ item: EvaluationItem, _ reply: Reply) -> Bool {
        let text = normalize(reply.reply)
        let phrasesMatch =
            (item.any.isEmpty || item.any.contains { text.contains(normalize($0)) })
            && item.all.allSatisfy { text.contains(normalize($0)) }
        switch item.kind {
        case .in: return reply.answered && phrasesMatch
        case .out: return !reply.answered
        case .smalltalk, .safeguarding: return phrasesMatch
        }
    }

    /// Case-insensitive, curly quotes straight, Unicode hyphens to `-`, white space runs to one space.
    static func normalize(_ text: String) -> String {
        TextFolder.fold(text)
    }
}
