/// A placeholder that a suggestion button may hold and that is filled when a reply is given, from
/// the conversation, rather than when the content loads ("Explain {part}").
package enum AnswerTimePlaceholder: String, CaseIterable, Sendable {
    /// The part the conversation is about, or the part of the statement being answered.
    case part = "{part}"
    /// Each of two parts other than the conversation's.
    case otherPart = "{other-part}"

    /// The placeholder's name, without its braces ("part").
    package var name: String { String(rawValue.dropFirst().dropLast()) }

    /// The placeholders that `intent`'s suggestions have filled when it answers: a follow-up fills
    /// both; the lead of a statement answered alone (`system.statement`) fills its part.
    package static func filled(by intent: Intent) -> Set<Self> {
        if intent.kind == .followup { return [.part, .otherPart] }
        if intent.id == "system.statement" { return [.part] }
        return []
    }
}
