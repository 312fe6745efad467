import ChatHTTP
import DialogueEngine
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// Builds a fresh service per test over the project's content.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let content: Content = {
        do {
            return try Content.load(from: packageRoot.appendingPathComponent("intents/stoke-on-trent").path)
        } catch {
            fatalError("the project's content does not load:\n\(error)")
        }
    }()

    /// A service with an in-memory log (queued, as in production) and `settings`.
    static func service(
        settings: ServerSettings = ServerSettings(), log: ResilientLog? = nil,
        memory: InMemoryUnansweredLog = InMemoryUnansweredLog()
    ) -> ChatService {
        let log = log ?? ResilientLog(memory, queued: true, report: { _ in })
        return ChatService(assistant: Assistant(content: content, log: log), log: log, settings: settings)
    }

    static func app(_ service: ChatService) throws -> some ApplicationProtocol {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return try buildApplication(service, logger: logger)
    }

    static func json(_ object: Any) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    static func decode(_ buffer: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any] ?? [:]
    }

    /// The `error.code` of an error body.
    static func errorCode(_ buffer: ByteBuffer) -> String? {
        (decode(buffer)["error"] as? [String: Any])?["code"] as? String
    }
}
