import DialogueEngine
import Foundation

/// Writes replies for people (a terminal), for pipes (one line each) or as JSON Lines.
struct ReplyPrinter {
    let json: Bool
    let interactive: Bool

    func printWelcome(_ reply: Reply) {
        write(reply.reply)
        write("Try asking: " + reply.suggestions.map { "\"\($0)\"" }.joined(separator: ", "))
        write("Type 'help' for help, 'quit' (or Ctrl-D) to leave.")
        write("")
    }

    func printHelp() {
        write(
            """
            Ask a question about the Stoke-on-Trent SEND Co-production Charter in your own words.
            For example: "what does co-production mean", "can I have a break", "tell me more".
            Type 'quit' or press Ctrl-D to leave.

            """)
    }

    /// Writes a line straight to standard output, unbuffered, so a program reading the pipe sees
    /// each reply as soon as it is made.
    private func write(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func prompt() {
        FileHandle.standardOutput.write(Data("> ".utf8))
    }

    func print(_ reply: Reply) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(reply)
            write(String(decoding: data, as: UTF8.self))
        } else if interactive {
            write(reply.reply)
            if !reply.suggestions.isEmpty {
                write("  (You could ask: " + reply.suggestions.joined(separator: " | ") + ")")
            }
            write("")
        } else {
            write(reply.reply.split(separator: "\n").joined(separator: " "))
        }
    }
}
