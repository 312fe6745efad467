import ArgumentParser
import DialogueEngine
import Foundation

/// Scores the assistant on a question file.
struct Evaluate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run an evaluation file (JSON Lines) and print accuracy per kind and each failure.")

    @OptionGroup var options: CommonOptions

    @Argument(help: "The evaluation file, e.g. ../shared/eval/dev.jsonl.")
    var file: String

    @Option(
        name: .long, help: "Exit with status 1 when overall accuracy is below this (0…1, or a percentage such as 90).")
    var minAccuracy: Double?

    @Flag(name: .long, help: "Print only the summary, not each failure.")
    var quiet = false

    @Option(
        name: .customLong("setting"),
        help: ArgumentHelp(
            "Override a matcher figure for a tuning sweep, as name=value (repeatable).",
            discussion: "Names: \(MatcherSettings.names.joined(separator: ", "))."))
    var settings: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write every reply to this file, one JSON object a line (id, intent, reply).",
            discussion: "Two runs' files compare a content change's effect on every answer.",
            valueName: "file"))
    var replies: String?

    func validate() throws {
        _ = try matcherSettings()
        if let minAccuracy, minAccuracy < 0 || minAccuracy > 100 {
            throw ValidationError("--min-accuracy must be between 0 and 1 (or 0 and 100 as a percentage).")
        }
    }

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("Cannot read '\(file)'. Check the path.")
        }
        let items: [EvaluationItem]
        do {
            items = try Evaluation.load(String(decoding: data, as: UTF8.self), file: file)
        } catch let error as Evaluation.LineError {
            throw ValidationError(error.description)
        }
        let runtime = try options.runtime(logToDatabase: false)
        var assistant = runtime.assistant
        if !settings.isEmpty {
            assistant = Assistant(
                content: runtime.content, log: runtime.log,
                sessions: SessionStore(
                    ttl: .seconds(runtime.configuration.sessionTTL), capacity: runtime.configuration.maxSessions),
                settings: try matcherSettings())
        }
        let report = await Evaluation.run(items, assistant: assistant)
        if let replies { try Self.write(report, to: replies) }
        if !quiet {
            for failure in report.failures {
                let message = failure.item.messages.joined(separator: " → ")
                let reply = failure.reply.reply.replacingOccurrences(of: "\n", with: " ")
                print("FAIL \(failure.item.id) [\(failure.item.kind.rawValue)] \(message)")
                print(
                    "     got (\(failure.reply.intent), answered: \(failure.reply.answered), \(String(format: "%.2f", failure.reply.confidence))): \(reply.prefix(160))"
                )
            }
            if !report.failures.isEmpty { print("") }
        }
        for (kind, passed, total) in report.byKind {
            print(
                "\(kind.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) \(passed)/\(total)  \(Self.percent(Double(passed) / Double(total)))"
            )
        }
        let passed = report.outcomes.filter(\.passed).count
        print("overall       \(passed)/\(report.outcomes.count)  \(Self.percent(report.accuracy))")
        let clarifications = report.clarifications.count
        print(
            "clarifications \(clarifications)/\(report.outcomes.count)  \(Self.percent(report.outcomes.isEmpty ? 0 : Double(clarifications) / Double(report.outcomes.count))) of replies asked \"Did you mean …?\""
        )
        let recall = report.recallByCategory
        if !recall.isEmpty {
            print("")
            print("safeguarding recall by category (a safeguarding reply or check-in):")
            for (category, detected, total) in recall {
                print(
                    "  \(category.padding(toLength: 14, withPad: " ", startingAt: 0)) \(detected)/\(total)  \(Self.percent(Double(detected) / Double(total)))"
                )
            }
            let detected = recall.reduce(0) { $0 + $1.detected }
            let total = recall.reduce(0) { $0 + $1.total }
            print(
                "  \("all".padding(toLength: 14, withPad: " ", startingAt: 0)) \(detected)/\(total)  \(Self.percent(Double(detected) / Double(total)))"
            )
        }
        if report.nonDisclosures > 0 && (!recall.isEmpty || !report.falseAlarms.isEmpty) {
            let alarms = report.falseAlarms
            print(
                "false alarms: \(alarms.count)/\(report.nonDisclosures) non-disclosures got a safeguarding reply  \(Self.percent(Double(alarms.count) / Double(report.nonDisclosures)))"
            )
            if !quiet {
                for alarm in alarms {
                    print("  \(alarm.item.id) (\(alarm.reply.intent)): \(alarm.item.messages.joined(separator: " → "))")
                }
            }
        }
        if let minAccuracy {
            let threshold = minAccuracy > 1 ? minAccuracy / 100 : minAccuracy
            if report.accuracy < threshold {
                print("below the minimum accuracy of \(Self.percent(threshold))")
                throw ExitCode(1)
            }
        }
    }

    /// The defaults with each `--setting name=value` applied.
    private func matcherSettings() throws -> MatcherSettings {
        var result = MatcherSettings()
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1]), result.setting(parts[0], to: value) else {
                throw ValidationError(
                    "--setting '\(setting)' is not name=value with a known name and a number; names: \(MatcherSettings.names.joined(separator: ", "))."
                )
            }
        }
        return result
    }

    /// One line a reply, in the order of the file: `{"id":…,"intent":…,"reply":…}`.
    private static func write(_ report: Evaluation.Report, to path: String) throws {
        struct Line: Encodable {
            var id: String
            var intent: String
            var reply: String
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = ""
        for outcome in report.outcomes {
            let line = Line(id: outcome.item.id, intent: outcome.reply.intent, reply: outcome.reply.reply)
            text += String(decoding: try encoder.encode(line), as: UTF8.self) + "\n"
        }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw ValidationError("Cannot write the replies to '\(path)': \(error.localizedDescription)")
        }
    }

    static func percent(_ value: Double) -> String {
        String(format: "%.1f%%", value * 100)
    }
}
