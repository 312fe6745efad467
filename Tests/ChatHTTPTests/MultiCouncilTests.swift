import ChatHTTP
import DialogueEngine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// One server answering for two councils: Stoke-on-Trent and BCP (a fixture charter over the base).
@Suite struct MultiCouncilTests {
    static let token = String(repeating: "m0re-", count: 8)

    /// Both councils' folders copied beside the base, a real SQLite log, and an admin token.
    private func service() throws -> (ChatService, SQLiteUnansweredLog, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("councils-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("intents"), to: root)
        let bcp = root.appendingPathComponent("bcp")
        try FileManager.default.createDirectory(at: bcp, withIntermediateDirectories: true)
        let fixture = TestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/councils/bcp")
        try FileManager.default.copyItem(
            at: fixture.appendingPathComponent("charter.md"), to: bcp.appendingPathComponent("charter.md"))
        let council = try String(contentsOf: fixture.appendingPathComponent("council.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "base: ../../../../intents/base", with: "base: ../base")
        try council.write(to: bcp.appendingPathComponent("council.yaml"), atomically: true, encoding: .utf8)
        let store = try SQLiteUnansweredLog.inMemory()
        let log = ResilientLog(store, report: { _ in })
        var councils: [CouncilService] = []
        for id in ["stoke-on-trent", "bcp"] {
            let source = ContentSource(directory: root.appendingPathComponent(id).path)
            let assistant = Assistant(content: try Content.load(from: source), log: log, council: id)
            councils.append(
                CouncilService(
                    id: id, assistant: assistant,
                    contentReview: ContentReview(source: source, log: store, assistant: assistant)))
        }
        var settings = ServerSettings()
        settings.adminToken = Self.token
        return (ChatService(councils: councils, log: log, settings: settings, review: store), store, root)
    }

    private func chat(_ body: [String: Any], _ client: some TestClientProtocol) async throws -> TestResponse {
        try await client.execute(
            uri: "/api/chat", method: .post, headers: [.contentType: "application/json"], body: TestSupport.json(body))
    }

    @Test func eachRequestIsAnsweredFromItsCouncilsCharter() async throws {
        let (service, _, root) = try service()
        defer { try? FileManager.default.removeItem(at: root) }
        try await TestSupport.app(service).test(.router) { client in
            let stoke = try await chat(["message": "what are the cornerstones", "council": "stoke-on-trent"], client)
            #expect(stoke.status == .ok)
            #expect((TestSupport.decode(stoke.body)["reply"] as? String)?.contains("Welcome and Care") == true)
            let bcp = try await chat(["message": "what are the values", "council": "bcp"], client)
            let reply = TestSupport.decode(bcp.body)["reply"] as? String ?? ""
            #expect(reply.contains("genuine empathy") && !reply.contains("Welcome and Care"))
            let welcome = try await client.execute(uri: "/api/welcome?council=bcp", method: .get)
            let greeting = TestSupport.decode(welcome.body)["reply"] as? String ?? ""
            #expect(greeting.contains("our agreements (charters)"), "\(greeting)")
        }
    }

    @Test func aMissingOrUnknownCouncilIsAClearBadRequest() async throws {
        let (service, store, root) = try service()
        defer { try? FileManager.default.removeItem(at: root) }
        try await TestSupport.app(service).test(.router) { client in
            let none = try await chat(["message": "what is co-production"], client)
            #expect(none.status == .badRequest)
            #expect(TestSupport.errorCode(none.body) == "council_required")
            let unknown = try await chat(["message": "what is co-production", "council": "narnia"], client)
            #expect(unknown.status == .badRequest)
            #expect(TestSupport.errorCode(unknown.body) == "unknown_council")
            let message = (TestSupport.decode(unknown.body)["error"] as? [String: Any])?["message"] as? String ?? ""
            #expect(message.contains("\"narnia\"") && message.contains("\"bcp\""))
            let welcome = try await client.execute(uri: "/api/welcome?council=narnia", method: .get)
            #expect(welcome.status == .badRequest)
            let feedback = try await client.execute(
                uri: "/api/feedback", method: .post, headers: [.contentType: "application/json"],
                body: TestSupport.json(["sessionId": "abc", "messageId": "def", "helpful": true]))
            #expect(TestSupport.errorCode(feedback.body) == "council_required")
        }
        #expect(try await store.allQuestions().isEmpty, "a refused request stores nothing")
    }

    @Test func theLogRecordsTheCouncilAndTheReviewFiltersByIt() async throws {
        let (service, store, root) = try service()
        defer { try? FileManager.default.removeItem(at: root) }
        let bearer: HTTPFields = [.authorization: "Bearer \(Self.token)"]
        try await TestSupport.app(service).test(.router) { client in
            _ = try await chat(["message": "can i bring my hamster to the meeting", "council": "bcp"], client)
            _ = try await chat(["message": "what is the wifi password", "council": "stoke-on-trent"], client)
            await service.log.flush()
            let bcp = try await client.execute(uri: "/api/admin/missed?council=bcp", method: .get, headers: bearer)
            let groups = try JSONSerialization.jsonObject(with: Data(bcp.body.readableBytesView)) as? [[String: Any]]
            #expect(groups?.count == 1)
            #expect(groups?.first?["council"] as? String == "bcp")
            #expect((groups?.first?["example"] as? String)?.contains("hamster") == true)
            let all = try await client.execute(uri: "/api/admin/missed", method: .get, headers: bearer)
            #expect((try JSONSerialization.jsonObject(with: Data(all.body.readableBytesView)) as? [Any])?.count == 2)
            let stats = try await client.execute(uri: "/api/admin/stats?council=bcp", method: .get, headers: bearer)
            let days = try JSONSerialization.jsonObject(with: Data(stats.body.readableBytesView)) as? [[String: Any]]
            #expect(days?.first?["questions"] as? Int == 1)
            let unknown = try await client.execute(
                uri: "/api/admin/stats?council=narnia", method: .get, headers: bearer)
            #expect(unknown.status == .badRequest)
        }
        #expect(try await store.stats(byWeek: false, council: "stoke-on-trent").first?.questions == 1)
        #expect(try await store.groups(status: nil, since: nil, limit: 10, council: "bcp").count == 1)
    }

    @Test func anAssignmentGoesToTheCouncilTheQuestionWasAskedOf() async throws {
        let (service, store, root) = try service()
        defer { try? FileManager.default.removeItem(at: root) }
        let bearer: HTTPFields = [.authorization: "Bearer \(Self.token)", .contentType: "application/json"]
        try await TestSupport.app(service).test(.router) { client in
            _ = try await chat(["message": "how much does a pet hamster cost xyzzy", "council": "bcp"], client)
            await service.log.flush()
            let group = try #require(try await store.groups(status: .new, since: nil, limit: 1, council: "bcp").first)
            let assigned = try await client.execute(
                uri: "/api/admin/missed/\(group.id)/assign", method: .post, headers: bearer,
                body: TestSupport.json(["intent": "about.parts"]))
            #expect(assigned.status == .ok, "\(String(buffer: assigned.body))")
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("bcp/learned.yaml").path))
            #expect(
                !FileManager.default.fileExists(atPath: root.appendingPathComponent("stoke-on-trent/learned.yaml").path)
            )
            let reload = try await client.execute(uri: "/api/admin/reload?council=bcp", method: .post, headers: bearer)
            #expect(reload.status == .ok)
        }
    }

    /// A question asked of a council this server does not serve is not written into another
    /// council's folder.
    @Test func anAssignmentForACouncilNotServedIsRefused() async throws {
        let (service, store, root) = try service()
        defer { try? FileManager.default.removeItem(at: root) }
        try await store.record(
            UnansweredQuestion(
                askedAt: Date(), question: "a question from elsewhere", normalized: "a question from elsewhere",
                channel: .http, outcome: .fallback, bestIntent: nil, score: 0, council: "elsewhere"))
        let group = try #require(try await store.groups(status: .new, since: nil, limit: 1, council: "elsewhere").first)
        let bearer: HTTPFields = [.authorization: "Bearer \(Self.token)", .contentType: "application/json"]
        try await TestSupport.app(service).test(.router) { client in
            let assigned = try await client.execute(
                uri: "/api/admin/missed/\(group.id)/assign", method: .post, headers: bearer,
                body: TestSupport.json(["intent": "about.parts"]))
            #expect(assigned.status == .conflict)
            #expect(TestSupport.errorCode(assigned.body) == "council_not_served")
        }
        for id in ["stoke-on-trent", "bcp"] {
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("\(id)/learned.yaml").path))
        }
    }
}
