import Foundation
import Yams

/// `intents/learned.yaml`: examples added from the review of unanswered questions (`missed
/// assign`). It is written by the program, never by hand-edited files, and maps intent ids to
/// extra examples.
public enum LearnedExamples {
    /// The file's name in the content directory.
    public static let fileName = "learned.yaml"

    static let header = """
        # Examples learned from questions the assistant could not answer, added by
        # `charter-chat missed assign ID INTENT`. Each key is an intent id; its examples are added to
        # that intent when the content is loaded. You may edit or remove lines; keep the layout.

        """

    /// A problem writing the file.
    public struct WriteError: Error, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// The path of the directory's `learned.yaml`.
    static func path(in directory: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent(fileName).path
    }

    /// The text `learned.yaml` would have with `example` added to `intent`, or nil when the example
    /// is there already.
    static func adding(_ example: String, to intent: String, in directory: String) throws(WriteError) -> String? {
        let path = path(in: directory)
        var learned: [String: [String]] = [:]
        if let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
            !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        {
            do {
                learned = try YAMLDecoder().decode([String: [String]].self, from: text)
            } catch {
                throw WriteError(
                    description: "\(path) could not be read (\(error)); fix it with `charter-chat check` first")
            }
        }
        let clean = example.trimmingCharacters(in: .whitespacesAndNewlines)
        if learned[intent, default: []].contains(clean) { return nil }
        learned[intent, default: []].append(clean)
        let encoder = YAMLEncoder()
        encoder.options.sortKeys = true
        do {
            return header + (try encoder.encode(learned))
        } catch {
            throw WriteError(description: "cannot encode \(path): \(error)")
        }
    }

    /// Writes `text` as the directory's `learned.yaml` atomically: a temporary file in the same
    /// directory, then a rename over the old one, so a reader sees the old file or the new one.
    static func write(_ text: String, in directory: String) throws(WriteError) {
        let path = path(in: directory)
        let temporary = URL(fileURLWithPath: directory).appendingPathComponent(
            ".\(fileName).\(UUID().uuidString).tmp"
        ).path
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw WriteError(description: "cannot write \(temporary): \(error.localizedDescription)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw WriteError(description: "cannot replace \(path): \(reason)")
        }
    }
}
