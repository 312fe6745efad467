import ArgumentParser
import DialogueEngine
import Foundation

/// The conversation: a REPL in a terminal, one reply a line from a pipe.
struct Chat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat", abstract: "Talk with the assistant (the default).")

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: "Write each reply as one JSON object a line.")
    var json = false

    @Flag(name: .long, help: "Easy read: short sentences and everyday words.")
    var easy = false

    func run() async throws {
        let runtime = try options.runtime()
        let interactive = isatty(STDIN_FILENO) == 1 && !json
        let session = runtime.assistant.newSessionID()
        let printer = ReplyPrinter(json: json, interactive: interactive)
        if interactive {
            printer.printWelcome(runtime.assistant.welcome(sessionId: session, style: easy ? .easy : .standard))
        }
        while true {
            if interactive { printer.prompt() }
            guard let line = readLine(strippingNewline: true) else { break }
            if interactive {
                switch line.trimmingCharacters(in: .whitespaces).lowercased() {
                case "quit", "exit", ":q", "/quit":
                    return
                case "help", "/help", "?":
                    printer.printHelp()
                    continue
                case "":
                    continue
                default:
                    break
                }
            }
            let reply = await runtime.assistant.respond(
                to: line, sessionId: session, channel: .cli, style: easy ? .easy : .standard)
            try printer.print(reply)
        }
    }
}
