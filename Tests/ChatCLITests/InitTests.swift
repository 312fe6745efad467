import Foundation
import Testing

/// `charter-chat init`: from a council's charter to a folder that runs, as an officer would use it.
@Suite struct InitTests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func initWritesACouncilFolderThatChecksAndAnswers() throws {
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // A charter as copied from a web page: '*' and numbered bullets, Windows line ends.
        let source = scratch.appendingPathComponent("charter-source.md")
        try """
        # Anytown SEND Charter\r
        This charter says how families and services in Anytown work together.\r
        \r
        View the charter (PDF)\r
        ## Be Kind\r
        * We will be kind to everyone.\r
        * We will say hello.\r
        ## Listen Well\r
        1. We will listen to what you tell us.\r
        """.write(to: source, atomically: true, encoding: .utf8)
        let council = scratch.appendingPathComponent("anytown").path
        let run = try EndToEndTests.run([
            "init", council, "--charter", source.path, "--council", "Anytown Borough Council", "--sections-called",
            "promises",
        ])
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        #expect(run.output.contains("2 promises, 4 statements"))
        // Nothing is left out unseen: the page's own line is listed with its number.
        #expect(run.output.contains("\(source.path):4: View the charter (PDF)"), "\(run.output)")
        let charter = try String(contentsOfFile: council + "/charter.md", encoding: .utf8)
        #expect(charter.contains("- We will be kind to everyone.\n- We will say hello."))
        #expect(charter.contains("- We will listen to what you tell us."))
        #expect(!charter.contains("\r"))
        let yaml = try String(contentsOfFile: council + "/council.yaml", encoding: .utf8)
        #expect(yaml.contains("council: Anytown Borough Council\n"))
        #expect(yaml.contains("place: Anytown\n"))
        #expect(yaml.contains("parts: promises\n") && yaml.contains("part-word: promise\n"))
        #expect(yaml.contains("front-door: TODO"))

        let check = try EndToEndTests.run(["check", "--intents", council], in: scratch)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("council.yaml:") && check.output.contains("warning: 'front-door' is still TODO"))
        #expect(check.output.contains("ok: \(council): 2 promises, 4 statements"))
        #expect(
            check.output.contains(
                "charter.md:4:1: warning: 1 line(s) left out as headings or the page around the charter: 4 'View the charter (PDF)'"
            ), "\(check.output)")

        // Run from an empty folder: the base layer is the one built into the program.
        let ask = try EndToEndTests.run(["ask", "--intents", council, "what are the promises"], in: scratch)
        #expect(ask.status == 0, "\(ask.errors)")
        #expect(ask.output.contains("1. Be Kind") && ask.output.contains("2. Listen Well"))
        let statement = try EndToEndTests.run(
            ["ask", "--intents", council, "are you going to listen to what i say"], in: scratch)
        #expect(statement.output.contains("We will listen to what you tell us."))
    }

    /// A charter of one part is counted as one: "1 promise", not "1 promises".
    @Test func oneElementIsCountedInTheSingular() throws {
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let source = scratch.appendingPathComponent("charter-source.md")
        try "# Anytown Charter\nWhy we made it.\n## Our promise\n- We will be kind.\n".write(
            to: source, atomically: true, encoding: .utf8)
        let council = scratch.appendingPathComponent("anytown").path
        let run = try EndToEndTests.run([
            "init", council, "--charter", source.path, "--council", "Anytown Council", "--sections-called", "promises",
        ])
        #expect(run.output.contains("(1 promise, 2 statements)"), "\(run.output)\(run.errors)")
        let check = try EndToEndTests.run(["check", "--intents", council], in: scratch)
        #expect(check.output.contains("ok: \(council): 1 promise, 2 statements"), "\(check.output)")
    }

    @Test func aCharterWithErrorsIsReportedWithItsPositionAndNothingIsWritten() throws {
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let source = scratch.appendingPathComponent("charter.md")
        try "Just some text with no title\n- an item\n".write(to: source, atomically: true, encoding: .utf8)
        let council = scratch.appendingPathComponent("anytown").path
        let run = try EndToEndTests.run(["init", council, "--charter", source.path, "--council", "Anytown Council"])
        #expect(run.status == 1)
        #expect(run.output.contains("\(source.path):1:"), "\(run.output)")
        #expect(run.output.contains("error:") && run.output.contains("hint:"))
        #expect(!FileManager.default.fileExists(atPath: council))
    }

    @Test func initDoesNotWriteOverAnExistingFolder() throws {
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try "keep me".write(to: scratch.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let run = try EndToEndTests.run([
            "init", scratch.path, "--charter",
            EndToEndTests.packageRoot.appendingPathComponent(
                "intents/stoke-on-trent/charter.md"
            ).path, "--council", "Anytown Council",
        ])
        #expect(run.status != 0)
        #expect(run.errors.contains("already exists and is not an empty folder"))
        #expect(try String(contentsOf: scratch.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me")
    }
}
