import ArgumentParser
import DialogueEngine
import Foundation
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
            content = try Content.load(from: configuration.contentSource)
        } catch {
            print(error.description)
            throw ExitCode(1)
        }
        let audit = ContentAudit(content: content)
        let problems = audit.run()
        if problems.contains(where: { !$0.isWarning }) {
            print(ContentErrors(problems).description)
            throw ExitCode(1)
        }
        for warning in problems {
            print(warning.description)
        }
        for warning in audit.charterShape(directory: configuration.intentsDirectory) {
            print(warning.description)
        }
        for gap in audit.easyReadGaps(directory: configuration.intentsDirectory) {
            print(gap.description)
        }
        for risk in audit.thesaurusRisks(directory: configuration.intentsDirectory) {
            print(risk.description)
        }
        for todo in audit.councilTodos() {
            print(todo.description)
        }
        let statements = content.charter.allStatements.count
        let partCount = content.charter.cornerstones.count
        let partsCalled =
            partCount == 1 ? (content.council?.part ?? "part") : (content.council?.parts ?? "parts")
        print(
            "ok: \(configuration.intentsDirectory): \(partCount) \(partsCalled), \(statements) statements, \(content.intentCount) intents"
        )
        if !content.themeLinks.isEmpty {
            let links = content.themeLinks.sorted { $0.key < $1.key }.map { name, link in
                "\(name) → \(link.statement)"
                    + (link.isWeak ? String(format: " (weak, %.2f)", link.strength) : "")
            }
            print("themes linked to statements (\(links.count)): " + links.joined(separator: ", "))
            // The shared ideas this charter says nothing close to: a council may name its own
            // statement for one in a themes.yaml of its own.
            let unlinked = content.themes.map(\.name).filter { content.themeLinks[$0] == nil }.sorted()
            if !unlinked.isEmpty {
                print("themes with no statement (\(unlinked.count)): " + unlinked.joined(separator: ", "))
            }
        }
        let figures = audit.readability()
        print(
            "readability (Flesch reading ease, mean over \(figures.replies) replies): standard "
                + String(format: "%.1f", figures.standardMean) + ", easy read "
                + String(format: "%.1f", figures.easyMean)
                + "; longest easy-read sentence \(figures.easyLongestSentence) words")
    }
}
