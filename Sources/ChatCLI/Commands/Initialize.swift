import ArgumentParser
import DialogueEngine
import Foundation
import Knowledge

/// Writes a council layer from a charter: `charter.md` converted and checked, and `council.yaml`
/// with the council's name and its contacts left as `TODO`s.
struct Initialize: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a council's content folder from its charter, ready to run.",
        discussion: """
            The charter is Markdown: '# title', the introduction, then '## ' before each part (see the README, \
            "The charter format"). Bullets written as '*', '•' or '1.' become '- ' items. Then fill in the TODOs \
            of council.yaml, run 'charter-chat check --intents DIR', and start the assistant with \
            'charter-chat --intents DIR' (or CHARTER_CHAT_INTENTS=DIR).
            """)

    @Argument(help: "The folder to write (it must not exist, or be empty).")
    var directory: String

    @Option(name: .long, help: "The charter, as Markdown.")
    var charter: String

    @Option(name: .long, help: "The council's name, e.g. \"Anytown Borough Council\".")
    var council: String

    @Option(
        name: .customLong("sections-called"),
        help: "What the charter calls its parts, plural (e.g. values, principles, cornerstones).")
    var sectionsCalled: String = "parts"

    func validate() throws {
        if council.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--council needs the council's name.")
        }
        if sectionsCalled.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--sections-called needs a word such as values or principles.")
        }
    }

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: charter) else {
            throw ValidationError("Cannot read the charter '\(charter)'. Check the path.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("The charter '\(charter)' is not UTF-8 text. Save it as UTF-8.")
        }
        let converted = CharterConverter.convert(text)
        let parsed: Charter
        do {
            parsed = try CharterParser.parse(converted, file: charter)
        } catch {
            print(error.description)
            print("Nothing was written. Fix the charter and run init again.")
            throw ExitCode(1)
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: directory, isDirectory: &isDirectory) {
            let empty =
                isDirectory.boolValue && ((try? manager.contentsOfDirectory(atPath: directory))?.isEmpty ?? false)
            guard empty else {
                throw ValidationError("'\(directory)' already exists and is not an empty folder. Choose a new folder.")
            }
        }
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let folder = URL(fileURLWithPath: directory)
            try converted.write(to: folder.appendingPathComponent("charter.md"), atomically: true, encoding: .utf8)
            try CouncilProfile.template(council: council, partsCalled: sectionsCalled)
                .write(to: folder.appendingPathComponent("council.yaml"), atomically: true, encoding: .utf8)
        } catch {
            throw ValidationError("Cannot write '\(directory)': \(error.localizedDescription)")
        }
        let statements = parsed.allStatements.count
        let parts = parsed.cornerstones.count
        let called = parts == 1 ? CouncilProfile.singular(sectionsCalled) : sectionsCalled
        if !parsed.leftOut.isEmpty {
            // Nothing is dropped unseen: the officer can write any of them as a sentence to keep it.
            print(
                "left out as headings or the page around the charter (to keep one, write it as a sentence ending with a full stop, without '### ' or bold):"
            )
            for line in parsed.leftOut { print("  \(charter):\(line.line): \(line.text)") }
        }
        print(
            """
            wrote \(directory)/charter.md (\(parts) \(called), \(statements) statements) \
            and \(directory)/council.yaml
            next: fill in the TODOs of council.yaml, then
              charter-chat check --intents \(directory)
              charter-chat --intents \(directory)
            """)
    }
}
