import ChatHTTP
import DialogueEngine
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The real server on an ephemeral port, over real sockets.
@Suite struct LiveServerTests {
    @Test func answersAndFlushesPendingWritesOnGracefulShutdown() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("log.sqlite").path
        var settings = ServerSettings()
        settings.port = 0
        // Long enough that the write is still queued when the server is told to stop.
        settings.flushInterval = .seconds(3600)
        let log = ResilientLog(try SQLiteUnansweredLog(path: path), queued: true, report: { _ in })
        let service = TestSupport.service(settings: settings, log: log)
        let app = try TestSupport.app(service)
        try await app.test(.live) { client in
            let response = try await client.execute(
                uri: "/api/chat", method: .post, headers: [.contentType: "application/json"],
                body: TestSupport.json(["message": "what time does the ice rink open"]))
            #expect(response.status == .ok)
            #expect(TestSupport.decode(response.body)["answered"] as? Bool == false)
            #expect(log.pendingCount == 2)  // the question and its reply tally
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.headers[.contentSecurityPolicy] != nil)
        }
        // The server has shut down gracefully: the queued row was flushed to the file.
        let stored = try await SQLiteUnansweredLog(path: path).allQuestions()
        #expect(stored.map(\.question) == ["what time does the ice rink open"])
        #expect(stored.first?.channel == .http)
    }
}
