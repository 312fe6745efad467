import Foundation
package import Knowledge

/// A council's own facts, from `council.yaml` in its content layer: its name, what its charter
/// calls its parts, and the contacts that the base layer's replies name as `{placeholders}`.
public struct CouncilProfile: Sendable, Equatable {
    /// Every value by key, as the placeholders `{key}` in replies use them (contacts, the Local
    /// Offer's address, the name and the parts' words). Holds at least ``requiredKeys``.
    public var values: [String: String]

    /// The council's name (`council:`), e.g. "Stoke-on-Trent City Council".
    public var name: String { values["council"] ?? "" }
    /// What the charter calls its parts, plural (`parts:`), e.g. "cornerstones".
    public var parts: String { values["parts"] ?? "" }
    /// One part (`part-word:`), e.g. "cornerstone".
    public var part: String { values["part-word"] ?? "" }

    /// The keys `council.yaml` must have.
    static let requiredKeys = ["council", "parts", "part-word"]
    /// The keys the base layer's replies use, which `init` writes as `TODO`s to fill in.
    static let contactKeys = ["local-offer", "sendiass", "front-door", "front-door-easy", "out-of-hours"]
    /// The marker of a value still to be filled in.
    static let todoMarker = "TODO"

    /// Keys whose value is still a `TODO`, in file order of `contactKeys` then the rest.
    public var todoKeys: [String] {
        values.keys.filter { values[$0]?.hasPrefix(Self.todoMarker) ?? false }.sorted()
    }

    /// The `council.yaml` that `init` writes: the name and parts filled in, the contacts left as
    /// `TODO`s for `check` to report until they are written.
    public static func template(council: String, partsCalled parts: String) -> String {
        let place = placeName(council)
        let part = singular(parts)
        return """
            # \(council)'s council layer: the facts that the base layer's replies name as {placeholders}.
            # Replace every TODO; `charter-chat check` warns about each one left.

            council: \(quoted(council))
            # The place, as replies say "how people in {place} work together".
            place: \(quoted(place))
            # What the charter calls its parts, and one of them.
            parts: \(quoted(parts))
            part-word: \(quoted(part))
            # The SEND Local Offer's web address.
            local-offer: TODO the Local Offer's web address
            # The SEND Information, Advice and Support Service: its name and how to reach it.
            sendiass: TODO the SENDIASS service's name and phone number
            # Where a parent or professional worried about a child is sent (safeguarding replies).
            front-door: TODO the children's services front door, its number and opening hours
            # The same in easy read: short sentences.
            front-door-easy: TODO the front door's name and number, in short sentences
            # Who answers when the front door is closed.
            out-of-hours: TODO the out-of-hours team and its number

            """
    }

    /// "Anytown Borough Council" → "Anytown"; councils named together are each shortened
    /// ("Cambridgeshire County Council and Peterborough City Council" → "Cambridgeshire and
    /// Peterborough").
    static func placeName(_ council: String) -> String {
        for separator in [" and ", " & "] where council.contains(separator) {
            return council.components(separatedBy: separator).map(placeName).joined(separator: separator)
        }
        var name = council.trimmingCharacters(in: .whitespaces)
        for suffix in [
            " Metropolitan Borough Council", " Borough Council", " City Council", " County Council",
            " District Council", " Council",
        ] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
            break
        }
        for prefix in ["City of ", "London Borough of ", "Royal Borough of "] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        return name
    }

    /// One of the parts: "values" → "value", "principles" → "principle", "values and
    /// behaviours" → "value".
    public static func singular(_ parts: String) -> String {
        let first = parts.components(separatedBy: " and ")[0].trimmingCharacters(in: .whitespaces)
        if first.hasSuffix("ies") { return String(first.dropLast(3)) + "y" }
        if first.hasSuffix("s") && !first.hasSuffix("ss") { return String(first.dropLast()) }
        return first
    }

    /// A YAML scalar in double quotes when it needs them.
    private static func quoted(_ text: String) -> String {
        let plain =
            (text.first.map { $0.isLetter || $0.isNumber } ?? false)
            && text.allSatisfy { $0.isLetter || $0.isNumber || " -,.'()&".contains($0) }
        guard !plain || text.isEmpty else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
    }
}

// MARK: - Archive

extension CouncilProfile: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self.init(values: try archive.read())
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(values)
    }
}
