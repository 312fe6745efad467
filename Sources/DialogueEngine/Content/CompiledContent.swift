/// Content ready to answer from: loaded, with its index, spelling corrector and safeguarding rules
/// built (see ``ContentCache``).
public struct CompiledContent: Sendable {
    /// The matcher, which holds the content.
    package let matcher: Matcher

    /// The content.
    public var content: Content { matcher.content }

    /// Compiles loaded content.
    public init(_ content: Content) {
        matcher = Matcher(content: content)
    }

    /// Content compiled already.
    package init(_ matcher: Matcher) {
        self.matcher = matcher
    }
}
