/// How a reply is worded.
public enum ReplyStyle: String, Codable, Sendable, CaseIterable {
    /// The charter's own words, quoted.
    case standard
    /// Easy read: short sentences and everyday words, written by hand for every reply and statement;
    /// the charter's exact words stay in the reply's sources.
    case easy
}
