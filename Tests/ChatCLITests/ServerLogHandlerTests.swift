import Logging
import Synchronization
import Testing

@testable import ChatCLI

/// The server's log handler writes what swift-log's StreamLogHandler writes, metadata included.
@Suite struct ServerLogHandlerTests {
    /// Collects what is written.
    final class Lines: TextOutputStream, Sendable {
        private let storage = Mutex("")
        var text: String { storage.withLock { $0 } }
        func write(_ string: String) { storage.withLock { $0 += string } }
    }

    @Test func aLineCarriesItsLabelLevelMetadataAndMessage() {
        let lines = Lines()
        var logger = Logger(label: "charter-chat") { ServerLogHandler(label: $0, stream: lines) }
        logger[metadataKey: "hb.request.id"] = "42"
        logger.info("listening", metadata: ["port": "8080"])
        #expect(lines.text.contains("info charter-chat:"))
        #expect(lines.text.contains("hb.request.id=42"))
        #expect(lines.text.contains("port=8080"))
        #expect(lines.text.hasSuffix("listening\n"))
    }

    @Test func aLineBelowTheLevelIsNotWritten() {
        let lines = Lines()
        var logger = Logger(label: "charter-chat") { ServerLogHandler(label: $0, stream: lines) }
        logger.logLevel = .info
        logger[metadataKey: "hb.request.id"] = "42"
        logger.debug("a request")
        #expect(lines.text.isEmpty)
        logger.notice("started")
        #expect(lines.text.contains("notice charter-chat: hb.request.id=42"))
    }
}
