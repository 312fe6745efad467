import ChatHTTP
import DialogueEngine
import Foundation
import HummingbirdTesting
import Testing

/// Through the HTTP API: no word of a disclosure or a possible-risk message reaches SQLite, whether
/// as a question, as feedback on its reply or as a feedback comment; only counts by category do.
@Suite struct SafeguardingStorageTests {
    @Test func noDisclosureReachesTheDatabase() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sg-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let sqlite = try SQLiteUnansweredLog(path: path)
        let log = ResilientLog(sqlite, queued: true, report: { _ in })
        let app = try TestSupport.app(TestSupport.service(log: log))
        try await app.test(.router) { client in
            var replies: [[String: Any]] = []
            for message in [
                "mums boyfriend locks me in the shed", "someone on discord wants my address",
                "i feel really low tonight", "how do i grow tomatoes in a greenhouse",
            ] {
                let response = try await client.execute(
                    uri: "/api/chat", method: .post, body: TestSupport.json(["message": message]))
                #expect(response.status == .ok)
                replies.append(TestSupport.decode(response.body))
            }
            #expect(replies.prefix(3).allSatisfy { $0["kind"] as? String == "safeguarding" })
            for (reply, comment) in zip(replies, ["still in the shed now", "he sent me his snapchat", "ok", "useful"]) {
                let response = try await client.execute(
                    uri: "/api/feedback", method: .post,
                    body: TestSupport.json([
                        "sessionId": reply["sessionId"] as! String, "messageId": reply["messageId"] as! String,
                        "helpful": false, "comment": comment,
                    ]))
                #expect(response.status == .noContent)
            }
            let disclosingComment = try await client.execute(
                uri: "/api/feedback", method: .post,
                body: TestSupport.json([
                    "sessionId": replies[3]["sessionId"] as! String, "messageId": replies[3]["messageId"] as! String,
                    "helpful": false, "comment": "my dad hits me with a belt",
                ]))
            #expect(disclosingComment.status == .noContent)
        }
        await log.flush()
        let stored = ["", "-wal"].compactMap { FileManager.default.contents(atPath: path + $0) }
            .map { String(decoding: $0, as: UTF8.self) }.joined()
        #expect(stored.contains("greenhouse"), "the ordinary unanswered question is stored")
        let leaked = ["boyfriend", "discord", "snapchat", "really low", "belt"].filter { stored.contains($0) }
        #expect(leaked.isEmpty, "these words reached the database: \(leaked)")
        let counts = try await sqlite.safeguardingCounts()
        #expect(Set(counts.map(\.category)).isSuperset(of: ["online", "possible-risk"]))
        // The three disclosures and the belt comment, each once (the other comments carry no signal
        // of their own: their text is withheld because they answer a disclosure).
        #expect(counts.reduce(0) { $0 + $1.count } == 4)
    }
}
