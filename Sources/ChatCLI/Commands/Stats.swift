import ArgumentParser
import DialogueEngine
import Foundation

/// How the assistant is doing, per day or week.
struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract:
            "Questions, answered, unanswered, clarified and safeguarding replies, and the answer rate; --safeguarding: signals by category."
    )

    @OptionGroup var options: CommonOptions

    /// What `--by` accepts; the parser refuses anything else and lists these.
    enum Period: String, ExpressibleByArgument, CaseIterable {
        case day, week
    }

    @Option(name: .long, help: "day or week.")
    var by = Period.day

    @Flag(name: .long, help: "Write the figures as JSON.")
    var json = false

    @Option(name: .long, help: "Only this council's figures (its id, as served).")
    var council: String?

    @Flag(
        name: .long,
        help: "Show safeguarding signals by day and category instead (counts only: the messages are never stored).")
    var safeguarding = false

    func validate() throws {
    }

    func run() async throws {
        if safeguarding {
            let counts = try await Missed.openLog(options).safeguardingCounts(council: council)
            if json {
                print(try Missed.json(counts))
                return
            }
            print("day         category        count")
            for count in counts {
                print(
                    count.day.padding(toLength: 11, withPad: " ", startingAt: 0) + " "
                        + count.category.padding(toLength: 15, withPad: " ", startingAt: 0) + " " + String(count.count))
            }
            if counts.isEmpty { print("No safeguarding signals counted.") }
            return
        }
        let rows = try await Missed.openLog(options).stats(byWeek: by == .week, council: council)
        if json {
            print(try Missed.json(rows))
            return
        }
        print(
            "period       questions  answered  unanswered  clarified  safeguarding  easy read  helpful  not helpful  answer rate"
        )
        for row in rows {
            let cells: [String] = [
                row.period.padding(toLength: 11, withPad: " ", startingAt: 0),
                String(row.questions).padding(toLength: 9, withPad: " ", startingAt: 0),
                String(row.answered).padding(toLength: 8, withPad: " ", startingAt: 0),
                String(row.unanswered).padding(toLength: 10, withPad: " ", startingAt: 0),
                String(row.clarified).padding(toLength: 9, withPad: " ", startingAt: 0),
                String(row.safeguarding).padding(toLength: 12, withPad: " ", startingAt: 0),
                String(row.easy).padding(toLength: 9, withPad: " ", startingAt: 0),
                String(row.helpful).padding(toLength: 7, withPad: " ", startingAt: 0),
                String(row.notHelpful).padding(toLength: 11, withPad: " ", startingAt: 0),
                String(format: "%.1f%%", row.answerRate * 100),
            ]
            print(cells.joined(separator: "  "))
        }
        if rows.isEmpty { print("No questions counted yet.") }
    }
}
