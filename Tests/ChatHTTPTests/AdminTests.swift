import DialogueEngine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChatHTTP

/// `/admin` and `/api/admin/*`: closed unless configured, and closed to anyone without the token.
@Suite struct AdminTests {
    static let token = String(repeating: "s3cret-", count: 6)

    /// A service with a real (in-memory) SQLite review log and a copy of the content.
    private func adminService() throws -> (ChatService, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("admin-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("intents"), to: root)
        let directory = root.appendingPathComponent("stoke-on-trent")
        let store = try SQLiteUnansweredLog.inMemory()
        let log = ResilientLog(store, report: { _ in })
        var settings = ServerSettings()
        settings.adminToken = Self.token
        let service = ChatService(
            assistant: Assistant(content: try Content.load(from: directory.path), log: log), log: log,
            settings: settings, review: store, contentSource: ContentSource(directory: directory.path))
        return (service, directory)
    }

    private var bearer: HTTPFields { [.authorization: "Bearer \(Self.token)"] }

    @Test func adminIsNotThereWithoutAToken() async throws {
        let app = try TestSupport.app(TestSupport.service())
        try await app.test(.router) { client in
            for path in ["/admin", "/api/admin/missed", "/api/admin/stats"] {
                let response = try await client.execute(uri: path, method: .get, headers: bearer)
                #expect(response.status == .notFound, "\(path)")
            }
        }
    }

    @Test func theAPIRefusesMissingWrongAndURLTokens() async throws {
        let (service, directory) = try adminService()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let app = try TestSupport.app(service)
        try await app.test(.router) { client in
            let none = try await client.execute(uri: "/api/admin/missed", method: .get)
            #expect(none.status == .unauthorized)
            let wrong = try await client.execute(
                uri: "/api/admin/missed", method: .get, headers: [.authorization: "Bearer \(Self.token)x"])
            #expect(wrong.status == .unauthorized)
            let inURL = try await client.execute(uri: "/api/admin/missed?token=\(Self.token)", method: .get)
            #expect(inURL.status == .badRequest)
            #expect(TestSupport.errorCode(inURL.body) == "token_in_url")
            let right = try await client.execute(uri: "/api/admin/missed", method: .get, headers: bearer)
            #expect(right.status == .ok)
        }
    }

    @Test func assignThroughTheAPIMakesTheAssistantAnswer() async throws {
        let (service, directory) = try adminService()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let app = try TestSupport.app(service)
        try await app.test(.router) { client in
            let question = "can i bring my hamster along"
            let first = try await client.execute(
                uri: "/api/chat", method: .post, body: TestSupport.json(["message": question]))
            #expect(TestSupport.decode(first.body)["answered"] as? Bool == false)
            let list = try await client.execute(uri: "/api/admin/missed", method: .get, headers: bearer)
            let groups = try #require(
                try JSONSerialization.jsonObject(with: Data(list.body.readableBytesView)) as? [[String: Any]])
            let id = try #require(groups.first?["id"] as? Int)
            let detail = try await client.execute(uri: "/api/admin/missed/\(id)", method: .get, headers: bearer)
            #expect(detail.status == .ok)
            let bad = try await client.execute(
                uri: "/api/admin/missed/\(id)/assign", method: .post, headers: bearer,
                body: TestSupport.json(["intent": "topic.nope"]))
            #expect(bad.status == .unprocessableContent)
            let assign = try await client.execute(
                uri: "/api/admin/missed/\(id)/assign", method: .post, headers: bearer,
                body: TestSupport.json(["intent": "topic.bring-someone"]))
            #expect(assign.status == .ok)
            let again = try await client.execute(
                uri: "/api/chat", method: .post, body: TestSupport.json(["message": question]))
            #expect(TestSupport.decode(again.body)["intent"] as? String == "topic.bring-someone")
            let stats = try await client.execute(uri: "/api/admin/stats", method: .get, headers: bearer)
            #expect(stats.status == .ok)
            let csv = try await client.execute(uri: "/api/admin/export?format=csv", method: .get, headers: bearer)
            #expect(String(buffer: csv.body).hasPrefix("id,status,count"))
            let reload = try await client.execute(uri: "/api/admin/reload", method: .post, headers: bearer)
            #expect(reload.status == .ok)
        }
    }

    /// An assignment that would break the content is refused with its errors, and nothing is written:
    /// the next restart still finds content that loads.
    @Test func anAssignmentThatWouldBreakTheContentIsRefusedBeforeWriting() async throws {
        let (service, directory) = try adminService()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let store = try #require(service.review)
        // "hello" is an example of smalltalk.greeting; stored as if it had been unanswered.
        try await store.record(
            UnansweredQuestion(
                askedAt: Date(), question: "hello", normalized: "hello", channel: .http, outcome: .fallback,
                bestIntent: nil, score: 0, sessionKey: "k"))
        let id = try #require(try await store.groups(status: .new, since: nil, limit: 1).first?.id)
        let app = try TestSupport.app(service)
        try await app.test(.router) { client in
            let assign = try await client.execute(
                uri: "/api/admin/missed/\(id)/assign", method: .post, headers: bearer,
                body: TestSupport.json(["intent": "topic.breaks"]))
            #expect(assign.status == .unprocessableContent)
            #expect(TestSupport.errorCode(assign.body) == "invalid_content")
            #expect(String(buffer: assign.body).contains("is also an example of"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("learned.yaml").path))
        #expect(try await store.group(id: id)?.group.status == .new)
        _ = try Content.load(from: directory.path)
    }

    /// Safeguarding signals are counted by category and shown to staff, never their words.
    @Test func safeguardingCountsAreShownByCategory() async throws {
        let (service, directory) = try adminService()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let app = try TestSupport.app(service)
        try await app.test(.router) { client in
            _ = try await client.execute(
                uri: "/api/chat", method: .post,
                body: TestSupport.json(["message": "someone online asked for my nudes"]))
            await service.log.flush()
            let counts = try await client.execute(uri: "/api/admin/safeguarding", method: .get, headers: bearer)
            #expect(counts.status == .ok)
            let rows = try #require(
                try JSONSerialization.jsonObject(with: Data(counts.body.readableBytesView)) as? [[String: Any]])
            #expect(rows.first?["category"] as? String == "online")
            #expect(rows.first?["count"] as? Int == 1)
            #expect(!String(buffer: counts.body).contains("nudes"))
            let signIn = try await client.execute(
                uri: "/admin/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=\(Self.token)"))
            let cookie = try #require(signIn.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            let page = try await client.execute(uri: "/admin", method: .get, headers: [.cookie: cookie])
            let html = String(buffer: page.body)
            #expect(html.contains("Safeguarding signals by day and category"))
            #expect(html.contains("<td>online</td><td>1</td>"))
        }
    }

    @Test func brokenContentIsRefusedOnReloadAndTheOldContentServes() async throws {
        let (service, directory) = try adminService()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        try "- id: broken\n  examples: [x]\n  quote: nowhere.c9\n".write(
            to: directory.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let app = try TestSupport.app(service)
        try await app.test(.router) { client in
            let reload = try await client.execute(uri: "/api/admin/reload", method: .post, headers: bearer)
            #expect(reload.status == .unprocessableContent)
            #expect(String(buffer: reload.body).contains("nowhere.c9"))
            let chat = try await client.execute(
                uri: "/api/chat", method: .post, body: TestSupport.json(["message": "can i have a break"]))
            #expect(TestSupport.decode(chat.body)["intent"] as? String == "topic.breaks")
        }
    }

    @Test func thePageSignsInWithACookieAndRefusesCrossSiteForms() async throws {
        let (service, directory) = try adminService()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let app = try TestSupport.app(service)
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/admin", method: .get)
            #expect(String(buffer: page.body).contains("Sign in"))
            let wrong = try await client.execute(
                uri: "/admin/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=nope"))
            #expect(wrong.status == .unauthorized)
            let signIn = try await client.execute(
                uri: "/admin/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=\(Self.token)"))
            #expect(signIn.status == .seeOther)
            let cookie = try #require(signIn.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains(Self.token))
            let session = String(cookie.split(separator: ";")[0])
            let signedIn = try await client.execute(uri: "/admin", method: .get, headers: [.cookie: session])
            let html = String(buffer: signedIn.body)
            #expect(html.contains("Questions the assistant could not answer"))
            let csrf = try #require(html.firstMatch(of: /name="csrf" value="([0-9a-f]+)"/)?.output.1)
            // No CSRF token: refused.
            let forged = try await client.execute(
                uri: "/admin/action", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "action=reload"))
            #expect(forged.status == .forbidden)
            // A form posted from another site: refused even with the right token.
            let crossSite = try await client.execute(
                uri: "/admin/action", method: .post,
                headers: [
                    .cookie: session, .contentType: "application/x-www-form-urlencoded",
                    .origin: "https://evil.example",
                ],
                body: ByteBuffer(string: "action=reload&csrf=\(csrf)"))
            #expect(crossSite.status == .forbidden)
            let ok = try await client.execute(
                uri: "/admin/action", method: .post,
                headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "action=reload&csrf=\(csrf)"))
            #expect(ok.status == .seeOther)
        }
    }

    @Test func failedSignInsAreRateLimited() async throws {
        let (service, directory) = try adminService()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let app = try TestSupport.app(service)
        try await app.test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<7 {
                let response = try await client.execute(
                    uri: "/admin/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "token=guess"))
                statuses.append(response.status)
            }
            // Five attempts a minute: the sixth is refused unless the machine took 12 s over one.
            #expect(statuses.prefix(5).allSatisfy { $0 == .unauthorized })
            #expect(statuses.dropFirst(5).contains(.tooManyRequests), "\(statuses)")
        }
    }

    @Test func tokensAreComparedWhole() {
        #expect(AdminController<ChatRequestContext>.constantTimeEqual("abc", "abc"))
        #expect(!AdminController<ChatRequestContext>.constantTimeEqual("abc", "abd"))
        #expect(!AdminController<ChatRequestContext>.constantTimeEqual("abc", "abcd"))
        #expect(!AdminController<ChatRequestContext>.constantTimeEqual("", "a"))
    }
}
