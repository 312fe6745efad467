import ArgumentParser
import DialogueEngine
import Foundation

/// One question, one answer.
struct Ask: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask", abstract: "Answer one question and exit.")

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: "Write the reply as JSON.")
    var json = false

    @Flag(name: .long, help: "Easy read: short sentences and everyday words.")
    var easy = false

    @Flag(name: .long, help: "Show how the question was read and the best-ranked answers (for tuning content).")
    var explain = false

    @Argument(help: "The question, in quotes.")
    var question: String

    func validate() throws {
        if question.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError(
                "The question is empty. Write it in quotes: charter-chat ask \"what is co-production\"")
        }
    }

    func run() async throws {
        let runtime = try options.runtime(logToDatabase: !explain)
        if explain { print(runtime.assistant.explain(question)) }
        let reply = await runtime.assistant.respond(
            to: question, channel: .cli, style: easy ? .easy : .standard)
        try ReplyPrinter(json: json, interactive: true).print(reply)
        // The log was written before the reply came back (it is not queued here); flushing is a
        // safety net. With the database closed, the process ends here instead of freeing the
        // content, index and rules one by one, which takes about as long as answering did.
        await runtime.log.flush()
        do {
            try runtime.store?.close()
        } catch {
            Runtime.warn("warning: could not close the database '\(runtime.configuration.databasePath)': \(error)")
        }
        Foundation.exit(0)
    }
}
