import ArgumentParser
import DialogueEngine
import Knowledge

/// Validates the content directory.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the content in intents/ and report every problem.")

    @OptionGroup var options: CommonOptions

    func run() async throws {
        let configuration = try options.configuration()
        let content: Content
        do {
            content = try Content.load(from: configuration.intentsDirectory)
        } catch {
            print(error.description)
            throw ExitCode(1)
        }
        let problems = ContentAudit(content: content).run()
        if !problems.isEmpty {
            print(ContentErrors(problems).description)
            throw ExitCode(1)
        }
        let statements = content.charter.allStatements.count
        print(
            "ok: \(configuration.intentsDirectory): \(content.charter.cornerstones.count) cornerstones, \(statements) statements, \(content.intentCount) intents"
        )
    }
}
