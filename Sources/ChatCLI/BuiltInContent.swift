import Foundation

/// The project's content as built into the program (the package resources of this target), so
/// that it answers when started from any folder.
enum BuiltInContent {
    /// The resource bundle's name, as SwiftPM makes it for this target.
    static let bundleName = "charter-chat_ChatCLI.resources"
    /// The council folder inside the built-in content that answers by default.
    static let council = "stoke-on-trent"

    /// The folder holding the built-in content (`base` and the default council): in the resource
    /// bundle beside the executable. Nil when the bundle was not installed with the program (then
    /// `--intents` and `--base` are needed).
    ///
    /// Looked up here rather than through `Bundle.module`, which stops the program when the bundle
    /// is missing instead of letting it say what to do.
    static var directory: String? {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent(bundleName),
            executable.deletingLastPathComponent().appendingPathComponent(bundleName),
        ]
        return candidates.map(\.path).first { path in
            FileManager.default.fileExists(atPath: path + "/" + council + "/charter.md")
        }
    }
}
