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

    /// Adds `example` to `intent` in the directory's `learned.yaml`, creating it if needed.
    /// Returns false when the example was there already.
    @discardableResult
    public static func add(_ example: String, to intent: String, in directory: String) throws -> Bool {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(fileName).path
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
        if learned[intent, default: []].contains(clean) { return false }
        learned[intent, default: []].append(clean)
        let encoder = YAMLEncoder()
        encoder.options.sortKeys = true
        let body = try encoder.encode(learned)
        do {
            try (header + body).write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw WriteError(description: "cannot write \(path): \(error.localizedDescription)")
        }
        return true
    }
}
