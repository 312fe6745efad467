import ArgumentParser
import DialogueEngine
import Foundation

/// The review of questions the assistant could not answer.
struct Missed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missed",
        abstract: "Review unanswered questions: list, show, assign to an intent, ignore, export, forget.",
        subcommands: [List.self, Show.self, Assign.self, Ignore.self, Export.self, Forget.self, Unhelpful.self],
        defaultSubcommand: List.self)

    /// Opens the log named by the options, or says how to point at it.
    static func openLog(_ options: CommonOptions) throws -> SQLiteUnansweredLog {
        let configuration = try options.configuration()
        guard FileManager.default.fileExists(atPath: configuration.databasePath) else {
            throw ValidationError(
                "There is no database at '\(configuration.databasePath)' yet. Pass --database PATH, or ask some questions first."
            )
        }
        return try SQLiteUnansweredLog(path: configuration.databasePath)
    }

    static func date(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }

    static func printTable(_ groups: [MissedGroup]) {
        if groups.isEmpty {
            print("No unanswered questions to show.")
            return
        }
        print("id     count  first seen  last seen   status    best guess                      question")
        for group in groups {
            let cells = [
                String(group.id).padding(toLength: 6, withPad: " ", startingAt: 0),
                String(group.count).padding(toLength: 5, withPad: " ", startingAt: 0),
                date(group.firstSeen), date(group.lastSeen),
                group.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0),
                (group.assignedIntent ?? group.bestIntent ?? "-").padding(toLength: 30, withPad: " ", startingAt: 0),
                group.example,
            ]
            print(cells.joined(separator: "  "))
        }
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension Missed {
    /// `missed list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Groups of unanswered questions (like questions and small typos together), most frequent first.")

        @OptionGroup var options: CommonOptions

        @Option(name: .long, help: "Only questions asked on or after this day (YYYY-MM-DD).")
        var since: String?

        @Option(name: .long, help: "new, assigned, ignored or all.")
        var status = "new"

        @Option(name: .long, help: "How many groups to show.")
        var limit = 50

        @Option(name: .long, help: "Only questions asked of this council (its id, as served).")
        var council: String?

        @Flag(name: .long, help: "Write the groups as JSON.")
        var json = false

        func validate() throws {
            if limit <= 0 { throw ValidationError("--limit must be above 0.") }
            if status != "all" && MissedGroup.Status(rawValue: status) == nil {
                throw ValidationError("--status must be new, assigned, ignored or all, not '\(status)'.")
            }
            if let since, Self.parseDay(since) == nil {
                throw ValidationError("--since must be a day like 2026-11-01, not '\(since)'.")
            }
        }

        static func parseDay(_ text: String) -> Date? {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            return formatter.date(from: text)
        }

        func run() async throws {
            let log = try Missed.openLog(options)
            let groups = try await log.groups(
                status: MissedGroup.Status(rawValue: status), since: since.flatMap(Self.parseDay), limit: limit,
                council: council)
            if json { print(try Missed.json(groups)) } else { Missed.printTable(groups) }
        }
    }

    /// `missed show ID`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "One group with every wording and when it was asked.")

        @OptionGroup var options: CommonOptions

        @Argument(help: "The group's id (from `missed list`).")
        var id: Int64

        func run() async throws {
            let log = try Missed.openLog(options)
            guard let (group, questions) = try await log.group(id: id) else {
                throw ValidationError("There is no group \(id). See `charter-chat missed list --status all`.")
            }
            print("group \(group.id): \(group.count) question\(group.count == 1 ? "" : "s"), \(group.status.rawValue)")
            if let intent = group.assignedIntent { print("assigned to: \(intent)") }
            for question in questions {
                let guess =
                    question.bestIntent.map { "  (best guess \($0), \(String(format: "%.2f", question.score)))" } ?? ""
                print(
                    "\(ISO8601DateFormatter().string(from: question.askedAt))  \(question.channel.rawValue)  \(question.question)\(guess)"
                )
            }
        }
    }

    /// `missed assign ID INTENT`.
    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign",
            abstract: "Make the group's question an example of an intent (written to intents/learned.yaml).")

        @OptionGroup var options: CommonOptions

        @Argument(help: "The group's id (from `missed list`).")
        var id: Int64

        @Argument(help: "The intent's id, e.g. topic.breaks.")
        var intent: String

        func run() async throws {
            let configuration = try options.configuration()
            if configuration.intentsAreBuiltIn {
                throw ValidationError(
                    "The content built into the program cannot be changed. Pass --intents DIR (or set CHARTER_CHAT_INTENTS) with the content folder to add the example to."
                )
            }
            let review = ContentReview(source: configuration.contentSource, log: try Missed.openLog(options))
            let group: MissedGroup
            do {
                group = try await review.assign(id, to: intent)
            } catch let failure as ContentReview.Failure {
                if case .invalidContent = failure {
                    print(failure.description)
                    throw ExitCode(1)
                }
                throw ValidationError(failure.description)
            }
            print(
                "\"\(group.example)\" is now an example of \(intent) (\(configuration.intentsDirectory)/\(LearnedExamples.fileName))."
            )
            print("A running server answers it after a reload (`kill -HUP`, the admin page's Reload, or a restart).")
        }
    }

    /// `missed ignore ID`.
    struct Ignore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ignore",
            abstract: "Never show this group as new again, even when asked again.")

        @OptionGroup var options: CommonOptions

        @Argument(help: "The group's id (from `missed list`).")
        var id: Int64

        func run() async throws {
            let configuration = try options.configuration()
            do {
                try await ContentReview(source: configuration.contentSource, log: try Missed.openLog(options))
                    .ignore(id)
            } catch let failure as ContentReview.Failure {
                throw ValidationError(failure.description)
            }
            print("Group \(id) is ignored.")
        }
    }

    /// `missed export`.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Every group, for a spreadsheet (csv) or another tool (json).")

        @OptionGroup var options: CommonOptions

        /// What `--format` accepts; the parser refuses anything else and lists these.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case csv, json
        }

        @Option(name: .long, help: "csv or json.")
        var format = Format.csv

        func run() async throws {
            let groups = try await Missed.openLog(options).groups(status: nil, since: nil, limit: Int.max)
            if format == .json {
                print(try Missed.json(groups))
                return
            }
            print(CSVCell.groups(groups), terminator: "")
        }
    }

    /// `missed unhelpful`.
    struct Unhelpful: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unhelpful",
            abstract: "Answers people said did not help, with the question and the answer given.")

        @OptionGroup var options: CommonOptions

        @Option(name: .long, help: "How many to show.")
        var limit = 50

        @Flag(name: .long, help: "Write them as JSON.")
        var json = false

        func run() async throws {
            let items = try await Missed.openLog(options).feedback(helpful: false, limit: limit)
            if json {
                print(try Missed.json(items))
                return
            }
            if items.isEmpty { print("No unhelpful answers reported.") }
            for item in items {
                print("\(Missed.date(item.givenAt))  \(item.intent)")
                print("  question: \(item.question)")
                print("  answer:   \(item.answer.split(separator: "\n").joined(separator: " / "))")
                if let comment = item.comment { print("  comment:  \(comment)") }
            }
        }
    }

    /// `missed forget --session ID`.
    struct Forget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forget",
            abstract: "Delete everything stored from one conversation (for data requests).")

        @OptionGroup var options: CommonOptions

        @Option(name: .long, help: "The conversation's session id (the sessionId of its replies).")
        var session: String

        func run() async throws {
            let deleted = try await Missed.openLog(options).forget(sessionID: session)
            print("Deleted \(deleted) stored question\(deleted == 1 ? "" : "s") from that conversation.")
        }
    }
}
