import ArgumentParser
import DialogueEngine
import Foundation

/// Lists the questions the assistant could not answer.
struct Missed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List unanswered questions, grouped, most frequent first.")

    @OptionGroup var options: CommonOptions

    @Option(name: .long, help: "How many groups to show.")
    var limit = 50

    @Flag(name: .long, help: "Write the groups as JSON.")
    var json = false

    func validate() throws {
        if limit <= 0 { throw ValidationError("--limit must be above 0.") }
    }

    func run() async throws {
        let configuration = try options.configuration()
        guard FileManager.default.fileExists(atPath: configuration.databasePath) else {
            throw ValidationError(
                "There is no database at '\(configuration.databasePath)' yet. Pass --database PATH, or ask some questions first."
            )
        }
        let log = try SQLiteUnansweredLog(path: configuration.databasePath)
        let groups = try await log.missed(limit: limit)
        if json {
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(groups), as: UTF8.self))
            return
        }
        if groups.isEmpty {
            print("No unanswered questions logged.")
            return
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        print("count  last seen   best guess                      question")
        for group in groups {
            let count = String(group.count).padding(toLength: 5, withPad: " ", startingAt: 0)
            let guess = (group.bestIntent ?? "-").padding(toLength: 30, withPad: " ", startingAt: 0)
            print("\(count)  \(formatter.string(from: group.lastSeen))  \(guess)  \(group.example)")
        }
    }
}
