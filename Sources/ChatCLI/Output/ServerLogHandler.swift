import Logging

/// The server's log handler: lines as swift-log's `StreamLogHandler` writes them, on standard output,
/// but with the metadata formatted only when a line is written. `StreamLogHandler` formats its
/// metadata every time it changes, and Hummingbird sets a request id in every request's logger, so
/// each request paid for formatting that a line at the `info` level never shows.
struct ServerLogHandler: LogHandler {
    /// Lines below this level are not written.
    var logLevel: Logger.Level = .info
    /// The logger's metadata, formatted only into a line that is written.
    var metadata: Logger.Metadata = [:]
    /// Metadata added to every line (swift-log's global provider by default).
    var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let stream: (any TextOutputStream & Sendable)?

    /// A handler for `label` that writes to `stream` (standard output when nil).
    init(label: String, stream: (any TextOutputStream & Sendable)? = nil) {
        self.label = label
        self.stream = stream
        self.metadataProvider = LoggingSystem.metadataProvider
    }

    /// One metadata item.
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes the line as `StreamLogHandler` does.
    func log(event: LogEvent) {
        var handler =
            stream.map { StreamLogHandler(label: label, stream: $0, metadataProvider: metadataProvider) }
            ?? StreamLogHandler.standardOutput(label: label, metadataProvider: metadataProvider)
        handler.logLevel = logLevel
        handler.metadata = metadata
        handler.log(event: event)
    }
}
