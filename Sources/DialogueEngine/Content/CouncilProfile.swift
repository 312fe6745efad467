/// A council's own facts, from `council.yaml` in its content layer: its name, what its charter
/// calls its parts, and the contacts that the base layer's replies name as `{placeholders}`.
public struct CouncilProfile: Sendable, Equatable {
    /// The council's name (`council:`), e.g. "Stoke-on-Trent City Council".
    public var name: String
    /// What the charter calls its parts, plural (`parts:`), e.g. "cornerstones".
    public var parts: String
    /// One part (`part-word:`), e.g. "cornerstone".
    public var part: String
    /// Every value by key, as the placeholders `{key}` in replies use them (contacts, the Local
    /// Offer's address, the name and the parts' words).
    public var values: [String: String]

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
}
