import DialogueEngine
import Foundation
import Testing

@testable import ChatCLI

/// The built `charter-chat` binary, driven as a user or a script would.
@Suite struct EndToEndTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary next to the test bundle (SwiftPM builds both into the same folder).
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "charter-chat")
    }

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs the binary with `arguments`, feeding `input` on standard input.
    static func run(
        _ arguments: [String], input: String = "", environment: [String: String] = [:], in directory: URL? = nil
    ) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var merged = ProcessInfo.processInfo.environment
        // Nothing is kept in the user's cache folder; the test of the cache gives one of its own.
        merged["CHARTER_CHAT_CACHE"] = "off"
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            errors: String(decoding: errors, as: UTF8.self))
    }

    private func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("e2e-\(UUID().uuidString).sqlite").path
    }

    private func remove(database path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test func theBinaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "missing \(Self.binary.path)")
    }

    /// The bytes of a database and its write-ahead log, as text: what a reader of the files could find.
    private func storedBytes(_ path: String) -> String {
        ["", "-wal"].compactMap { FileManager.default.contents(atPath: path + $0) }
            .map { String(decoding: $0, as: UTF8.self) }.joined()
    }

    /// No word of a disclosure or a possible-risk message reaches the SQLite files; only a count by
    /// category does. An ordinary unanswered question is stored, which shows the check can see text.
    @Test func noDisclosureReachesTheDatabase() throws {
        let database = temporaryDatabase()
        defer { remove(database: database) }
        let input =
            [
                "my stepdad grabs me by the neck wen hes drunk",
                "a guy on roblox keeps asking for selfies",
                "i feel really low and nobody notices",
                "how do i bake sourdough bread",
            ].joined(separator: "\n") + "\n"
        let run = try Self.run(["--json", "--database", database], input: input)
        #expect(run.status == 0, "\(run.errors)")
        let stored = storedBytes(database)
        #expect(stored.contains("sourdough"), "the unanswered question is stored")
        let leaked = ["stepdad", "neck", "roblox", "selfies", "nobody notices"].filter { stored.contains($0) }
        #expect(leaked.isEmpty, "these words reached the database: \(leaked)")
        let stats = try Self.run(["stats", "--safeguarding", "--json", "--database", database])
        #expect(stats.output.contains("\"physical\""), "\(stats.output)")
        #expect(stats.output.contains("\"possible-risk\""), "\(stats.output)")
    }

    /// Started from an empty folder, the program answers from the content built into it; staff
    /// actions that would change that content are refused with what to do instead.
    @Test func answersFromAnyFolder() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let ask = try Self.run(["ask", "wat is coproducshun", "--database", empty.path + "/log.sqlite"], in: empty)
        #expect(ask.status == 0, "\(ask.errors)")
        #expect(ask.output.contains("working together"), "\(ask.output)")
        let check = try Self.run(["check"], in: empty)
        #expect(check.status == 0, "\(check.errors)")
        #expect(check.output.contains(BuiltInContent.bundleName), "\(check.output)")
        let assign = try Self.run(
            ["missed", "assign", "1", "topic.breaks", "--database", empty.path + "/log.sqlite"], in: empty)
        #expect(assign.status != 0)
        #expect(assign.errors.contains("--intents"), "\(assign.errors)")
    }

    @Test func pipedJSONConversationKeepsContextAndFollowsTheContract() throws {
        let database = temporaryDatabase()
        defer { remove(database: database) }
        let input =
            "hiya\nwat r the cornerstones\nthe 3rd one\ntell me more\nhow do i bake bread\ni really want to kill myself\n"
        let run = try Self.run(["--json", "--database", database], input: input)
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 6)
        let replies = try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        for reply in replies {
            for key in ["reply", "answered", "intent", "confidence", "sessionId", "suggestions", "sources"] {
                #expect(reply[key] != nil, "missing \(key)")
            }
        }
        #expect(Set(replies.compactMap { $0["sessionId"] as? String }).count == 1)
        #expect(replies[0]["intent"] as? String == "smalltalk.greeting")
        #expect((replies[1]["reply"] as? String)?.contains("Work in Partnership") == true)
        #expect(replies[2]["intent"] as? String == "part.communicate")
        let sources = try #require(replies[2]["sources"] as? [[String: Any]])
        #expect(sources.first?["cornerstone"] as? String == "Communicate")
        #expect(sources.first?["text"] as? String == "We will listen to understand one another")
        #expect(replies[3]["answered"] as? Bool == true)
        #expect(replies[4]["answered"] as? Bool == false)
        #expect((replies[5]["reply"] as? String)?.contains("0800 1111") == true)

        let missed = try Self.run(["missed", "--database", database])
        #expect(missed.status == 0)
        #expect(missed.output.contains("how do i bake bread"))
        #expect(!missed.output.contains("kill"))
    }

    @Test func pipedPlainTextIsOneReplyPerLine() throws {
        let database = temporaryDatabase()
        defer { remove(database: database) }
        let run = try Self.run(["--database", database], input: "what is co-production\ncan i have a break\n")
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains("working together"))
        #expect(lines[1].contains("space and breaks"))
    }

    @Test func askAnswersOnce() throws {
        let database = temporaryDatabase()
        defer { remove(database: database) }
        let run = try Self.run(["ask", "--json", "--database", database, "wot is sarcasam"])
        #expect(run.status == 0)
        #expect(run.output.contains("We do not use sarcasm"))
        // A question it cannot answer is in the log when the command has ended.
        let unanswered = try Self.run(["ask", "--database", database, "how do i fly a kite"])
        #expect(unanswered.status == 0)
        #expect(
            !FileManager.default.fileExists(atPath: database + "-wal"), "the database is closed, not left in its log")
        let missed = try Self.run(["missed", "--database", database])
        #expect(missed.output.contains("how do i fly a kite"), "\(missed.output)")
    }

    /// The second `ask` reads the content compiled by the first, and answers the same; a cache
    /// folder that cannot be written to is reported and the answer still comes.
    @Test func askKeepsTheCompiledContentInTheCacheFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = temporaryDatabase()
        defer { remove(database: database) }
        let question = ["ask", "--database", database, "--cache", folder.path, "wat does coproducshun mean"]
        let first = try Self.run(question)
        #expect(first.status == 0 && first.errors.isEmpty, "\(first.errors)")
        let stored = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(stored.count == 1 && stored[0].hasSuffix(".compiled"), "\(stored)")
        let second = try Self.run(question)
        #expect(second.status == 0 && second.errors.isEmpty, "\(second.errors)")
        #expect(second.output == first.output)
        #expect(first.output.contains("working together"))

        let blocked = folder.appendingPathComponent(stored[0]).appendingPathComponent("cache").path
        let unwritable = try Self.run(["ask", "--database", database, "--cache", blocked, "hi"])
        #expect(unwritable.status == 0)
        #expect(unwritable.errors.contains("cannot keep the compiled content"), "\(unwritable.errors)")
        #expect(!unwritable.output.isEmpty)
    }

    @Test func badInputGetsAClearErrorNotACrash() throws {
        let empty = try Self.run(["ask", ""])
        #expect(empty.status != 0)
        #expect(empty.errors.contains("The question is empty"))
        let missingContent = try Self.run(["ask", "--intents", "/nowhere", "hi"])
        #expect(missingContent.status == 1)
        #expect(missingContent.errors.contains("/nowhere: error: the content directory does not exist"))
        let badLimit = try Self.run(["missed", "--limit", "0"])
        #expect(badLimit.status != 0)
        #expect(badLimit.errors.contains("--limit must be above 0"))
        let badOrigin = try Self.run(["serve", "--allow-origin", "example.org"])
        #expect(badOrigin.status != 0)
        #expect(badOrigin.errors.contains("'example.org' is not an origin"))
        let badPort = try Self.run(["serve", "--port", "70000"])
        #expect(badPort.errors.contains("--port must be between 0 and 65535"))
        let badEnvironment = try Self.run(["ask", "hi"], environment: ["CHARTER_CHAT_MAX_SESSIONS": "lots"])
        #expect(badEnvironment.status != 0)
        #expect(badEnvironment.errors.contains("CHARTER_CHAT_MAX_SESSIONS must be a whole number"))
    }

    @Test func anUnwritableDatabaseIsReportedOnceAndTheChatGoesOn() throws {
        let run = try Self.run(
            ["--database", "/nonexistent/dir/x.sqlite"],
            input: "how do i bake bread\nwhat is co-production\nhow do i fly a kite\n")
        #expect(run.status == 0)
        #expect(run.output.split(separator: "\n").count == 3)
        #expect(run.errors.components(separatedBy: "warning:").count == 2)
    }

    @Test func checkPassesOnTheProjectsContentAndFailsOnBrokenContent() throws {
        let ok = try Self.run(["check"])
        #expect(ok.status == 0, "\(ok.output)")
        #expect(ok.output.hasPrefix("ok:"))
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("intents"), to: root)
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = root.appendingPathComponent("stoke-on-trent")
        try "- id: broken\n  examples: [x y z]\n  quote: nowhere.c1\n  colour: red\n".write(
            to: directory.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let broken = try Self.run(["check", "--intents", directory.path])
        #expect(broken.status == 1)
        #expect(broken.output.contains("broken.yaml:4:3: error: unknown key 'colour'"))
        #expect(broken.output.contains("broken.yaml:3:10: error: 'nowhere.c1' is not a statement"))
    }

    /// `check` lists which statement each theme lends its questions to, marking weak links.
    @Test func checkListsTheThemesLinkedToACouncilsStatements() throws {
        let bcp = Self.packageRoot.appendingPathComponent("Tests/Fixtures/councils/bcp").path
        let check = try Self.run(["check", "--intents", bcp])
        #expect(check.status == 0, "\(check.output)")
        let line = try #require(
            check.output.split(separator: "\n").first { $0.hasPrefix("themes linked to statements (") })
        #expect(line.contains("honesty-and-openness → the-values-we-have-agreed-together.c6"), "\(line)")
        #expect(line.contains("shared-vision → the-values-we-have-agreed-together.c7 (weak, 0."), "\(line)")
        let unlinked = try #require(
            check.output.split(separator: "\n").first { $0.hasPrefix("themes with no statement (") })
        #expect(unlinked.contains("breaks") && !unlinked.contains("honesty-and-openness"), "\(unlinked)")
    }

    @Test func evalReportsAccuracyAndHonoursTheMinimum() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("eval-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
        {"id":"1","kind":"in","q":"wat is coproduction","any":["working together"],"all":[]}
        {"id":"2","kind":"out","q":"how do i bake bread","any":[],"all":[]}
        {"id":"3","kind":"smalltalk","q":"hello","any":["definitely not in the reply"],"all":[]}
        """.write(to: file, atomically: true, encoding: .utf8)
        let run = try Self.run(["eval", file.path])
        #expect(run.status == 0)
        #expect(run.output.contains("overall       2/3  66.7%"))
        #expect(run.output.contains("FAIL 3 [smalltalk] hello"))
        let strict = try Self.run(["eval", file.path, "--min-accuracy", "0.9"])
        #expect(strict.status == 1)
    }
}

/// The review commands against a real SQLite file, as staff would use them.
@Suite struct ReviewCommandTests {
    @Test func everyReviewCommandWorksOnARealFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let intents = directory.appendingPathComponent("intents/stoke-on-trent").path
        try FileManager.default.copyItem(
            atPath: EndToEndTests.packageRoot.appendingPathComponent("intents").path,
            toPath: directory.appendingPathComponent("intents").path)
        let database = directory.appendingPathComponent("log.sqlite").path
        let common = ["--database", database, "--intents", intents]
        let asked = try EndToEndTests.run(
            ["--json"] + common,
            input: "can i bring my hamster along\ncan i bring my hamstr along\nwhat is the wifi password\nhello\n")
        #expect(asked.status == 0)
        let session = try #require(
            (try JSONSerialization.jsonObject(with: Data(asked.output.split(separator: "\n")[0].utf8)) as? [String: Any])?[
                "sessionId"] as? String)

        let list = try EndToEndTests.run(["missed", "list", "--json"] + common)
        #expect(list.status == 0)
        let groups = try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
        #expect(groups.map { $0["count"] as? Int } == [2, 1])
        let hamster = try #require(groups.first?["id"] as? Int)
        let wifi = try #require(groups.last?["id"] as? Int)

        let show = try EndToEndTests.run(["missed", "show", String(hamster)] + common)
        #expect(show.output.contains("can i bring my hamstr along"))
        #expect(show.output.contains("can i bring my hamster along"))

        let badIntent = try EndToEndTests.run(["missed", "assign", String(hamster), "topic.bring-somone"] + common)
        #expect(badIntent.status != 0)
        #expect(badIntent.errors.contains("Did you mean 'topic.bring-someone'?"))
        let assign = try EndToEndTests.run(["missed", "assign", String(hamster), "topic.bring-someone"] + common)
        #expect(assign.status == 0, "\(assign.errors)")
        let answered = try EndToEndTests.run(["ask", "--json", "can i bring my hamster along"] + common)
        #expect(answered.output.contains("\"intent\":\"topic.bring-someone\""))

        let ignore = try EndToEndTests.run(["missed", "ignore", String(wifi)] + common)
        #expect(ignore.status == 0)
        let remaining = try EndToEndTests.run(["missed"] + common)
        #expect(remaining.output.contains("No unanswered questions to show."))
        let all = try EndToEndTests.run(["missed", "list", "--status", "all"] + common)
        #expect(all.output.contains("assigned") && all.output.contains("ignored"))

        let csv = try EndToEndTests.run(["missed", "export", "--format", "csv"] + common)
        #expect(csv.output.hasPrefix("id,status,count,first_seen,last_seen,best_guess,assigned_intent,question\n"))
        #expect(csv.output.split(separator: "\n").count == 3)
        let json = try EndToEndTests.run(["missed", "export", "--format", "json"] + common)
        #expect((try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [Any])?.count == 2)
        let badFormat = try EndToEndTests.run(["missed", "export", "--format", "xls"] + common)
        #expect(badFormat.status != 0)

        let stats = try EndToEndTests.run(["stats", "--json"] + common)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(stats.output.utf8)) as? [[String: Any]])
        #expect(rows.first?["questions"] as? Int == 5)
        let weekly = try EndToEndTests.run(["stats", "--by", "week"] + common)
        #expect(weekly.output.contains("answer rate"))

        let forget = try EndToEndTests.run(["missed", "forget", "--session", session] + common)
        #expect(forget.output.contains("Deleted 3 stored questions"))
    }

    @Test func csvCellsAreQuotedAndFormulaSafe() {
        #expect(CSVCell.escape("plain") == "plain")
        #expect(CSVCell.escape("a, b") == "\"a, b\"")
        #expect(CSVCell.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVCell.escape("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
    }
}
