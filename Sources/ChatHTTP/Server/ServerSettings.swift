/// Everything the HTTP service can be told, built by the command line from flags and environment.
public struct ServerSettings: Sendable, Equatable {
    /// The address to listen on.
    public var host = "127.0.0.1"
    /// The port to listen on (0 picks a free one).
    public var port = 8080
    /// Origins (`https://www.example.org`) whose pages may call the API from a browser.
    public var allowedOrigins: [String] = []
    /// The longest message accepted, in characters.
    public var maxMessageLength = 500
    /// The largest request body accepted, in bytes.
    public var maxBodySize = 16 * 1024
    /// Requests a client may make per minute on average (token bucket refill).
    public var rateLimitPerMinute = 60
    /// Requests a client may make at once before the limit applies (token bucket size).
    public var rateLimitBurst = 20
    /// Read the client address from `X-Forwarded-For` (only behind a trusted reverse proxy).
    public var trustForwardedFor = false
    /// The staff token for `/admin` and `/api/admin/*` (at least 32 characters); nil turns them off (404).
    public var adminToken: String?
    /// How often queued log rows are written.
    public var flushInterval: Duration = .milliseconds(100)

    /// The defaults.
    public init() {}
}
