public import Hummingbird
public import NIOCore

/// The request context: Hummingbird's core storage plus the connected client's address, which the
/// rate limiter keys on.
public struct ChatRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The connected peer, if known (nil in router tests).
    public let remoteAddress: SocketAddress?

    /// Makes the context for a request arriving on `source.channel`.
    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }
}
