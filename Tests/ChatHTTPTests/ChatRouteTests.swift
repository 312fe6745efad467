import DialogueEngine
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ChatHTTP

@Suite struct ChatRouteTests {
    @Test func answersWithTheReplyContractAndKeepsTheConversation() async throws {
        let app = try TestSupport.app(TestSupport.service())
        try await app.test(.router) { client in
            let first = try await client.execute(
                uri: "/api/chat", method: .post, headers: [.contentType: "application/json"],
                body: TestSupport.json(["message": "tell me about communicate"]))
            #expect(first.status == .ok)
            #expect(first.headers[.contentType] == "application/json; charset=utf-8")
            #expect(first.headers[.cacheControl] == "no-store")
            let reply = TestSupport.decode(first.body)
            for key in ["reply", "answered", "intent", "confidence", "sessionId", "suggestions", "sources"] {
                #expect(reply[key] != nil, "missing \(key)")
            }
            #expect(reply["intent"] as? String == "part.communicate")
            let session = try #require(reply["sessionId"] as? String)
            let second = try await client.execute(
                uri: "/api/chat", method: .post,
                body: TestSupport.json(["message": "the second one", "sessionId": session]))
            let follow = TestSupport.decode(second.body)
            #expect(follow["sessionId"] as? String == session)
            #expect(follow["intent"] as? String == "statement.communicate.c2")
        }
    }

    /// `"style": "easy"` gives the easy-read reply (the sources keep the charter's exact words); an
    /// unknown style is a clear 422.
    @Test func easyReadIsAskedForByStyle() async throws {
        let app = try TestSupport.app(TestSupport.service())
        try await app.test(.router) { client in
            let standard = TestSupport.decode(
                try await client.execute(
                    uri: "/api/chat", method: .post, body: TestSupport.json(["message": "can i have a break"])
                ).body)
            let easy = TestSupport.decode(
                try await client.execute(
                    uri: "/api/chat", method: .post,
                    body: TestSupport.json(["message": "can i have a break", "style": "easy"])
                ).body)
            #expect(standard["style"] as? String == "standard")
            #expect(easy["style"] as? String == "easy")
            #expect(easy["intent"] as? String == standard["intent"] as? String)
            #expect(easy["reply"] as? String != standard["reply"] as? String)
            let easySources = easy["sources"] as? [[String: String]]
            #expect(easySources == standard["sources"] as? [[String: String]])
            let welcome = try await client.execute(uri: "/api/welcome?style=easy", method: .get)
            #expect(TestSupport.decode(welcome.body)["style"] as? String == "easy")
            let bad = try await client.execute(
                uri: "/api/chat", method: .post, body: TestSupport.json(["message": "hi", "style": "simple"]))
            #expect(bad.status == .unprocessableContent)
            #expect(TestSupport.errorCode(bad.body) == "invalid_style")
            let badWelcome = try await client.execute(uri: "/api/welcome?style=big", method: .get)
            #expect(TestSupport.errorCode(badWelcome.body) == "invalid_style")
        }
    }

    @Test func welcomeComesFromTheContent() async throws {
        let app = try TestSupport.app(TestSupport.service())
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/welcome", method: .get)
            #expect(response.status == .ok)
            let reply = TestSupport.decode(response.body)
            #expect(reply["intent"] as? String == "system.welcome")
            #expect((reply["suggestions"] as? [String])?.isEmpty == false)
            let bad = try await client.execute(uri: "/api/welcome?sessionId=%3Cscript%3E", method: .get)
            #expect(bad.status == .unprocessableContent)
        }
    }

    /// One kind of bad request body and the error it must get.
    struct BadBody: Sendable, CustomTestStringConvertible {
        var name: String
        var body: [UInt8]
        var status: HTTPResponse.Status
        var code: String
        var testDescription: String { name }

        init(_ name: String, _ body: String, _ status: HTTPResponse.Status, _ code: String) {
            self.init(name, Array(body.utf8), status, code)
        }

        init(_ name: String, _ body: [UInt8], _ status: HTTPResponse.Status, _ code: String) {
            self.name = name
            self.body = body
            self.status = status
            self.code = code
        }
    }

    static let badBodies: [BadBody] = [
        BadBody("not json", "hello there", .badRequest, "invalid_json"),
        BadBody("empty body", "", .badRequest, "empty_body"),
        BadBody("array", #"["message"]"#, .badRequest, "invalid_json"),
        BadBody("number", "42", .badRequest, "invalid_json"),
        BadBody("message a number", #"{"message": 12}"#, .badRequest, "invalid_message"),
        BadBody("message true", #"{"message": true}"#, .badRequest, "invalid_message"),
        BadBody("message null", #"{"message": null}"#, .badRequest, "invalid_message"),
        BadBody("message an object", #"{"message": {"a": 1}}"#, .badRequest, "invalid_message"),
        BadBody("no message", #"{"question": "hi"}"#, .badRequest, "missing_message"),
        BadBody("empty message", #"{"message": ""}"#, .unprocessableContent, "empty_message"),
        BadBody("blank message", #"{"message": "   \n "}"#, .unprocessableContent, "empty_message"),
        BadBody("session a number", #"{"message": "hi", "sessionId": 5}"#, .badRequest, "invalid_session_id"),
        BadBody(
            "session bad", #"{"message": "hi", "sessionId": "../../etc"}"#, .unprocessableContent, "invalid_session_id"),
        BadBody("invalid utf-8", [0x7B, 0x22, 0x6D, 0xFF, 0xFE, 0x22, 0x7D], .badRequest, "invalid_utf8"),
        BadBody("truncated json", #"{"message": "hi"#, .badRequest, "invalid_json"),
    ]

    /// Bad input: a clear 4xx with a JSON error, never a 500, and nothing logged as unanswered.
    @Test(arguments: badBodies)
    func badBodiesGetAClearError(_ bad: BadBody) async throws {
        let (name, body, status, code) = (bad.name, bad.body, bad.status, bad.code)
        let memory = InMemoryUnansweredLog()
        let service = TestSupport.service(memory: memory)
        let app = try TestSupport.app(service)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/chat", method: .post, body: ByteBuffer(bytes: body))
            #expect(response.status == status, "\(name)")
            #expect(TestSupport.errorCode(response.body) == code, "\(name)")
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        }
        await service.log.flush()
        #expect(await memory.questions.isEmpty)
    }

    /// JSON lets a string hold half a surrogate pair ("\ud800"); such a body gets a reply or a
    /// clean 4xx JSON error, never a 5xx.
    @Test(arguments: [#"{"message":"\ud800"}"#, #"{"message":"a\udfffb"}"#, #"{"message":"\ud83d\ude00\ud800"}"#])
    func loneSurrogatesGetAReplyOrAClearError(_ body: String) async throws {
        let app = try TestSupport.app(TestSupport.service())
        try await app.test(.router) { client in
            let response = try await client.execute(
                uri: "/api/chat", method: .post, body: ByteBuffer(bytes: Array(body.utf8)))
            #expect(response.status.code < 500)
            if response.status == .ok {
                #expect(TestSupport.decode(response.body)["reply"] as? String != nil)
            } else {
                #expect(TestSupport.errorCode(response.body) != nil)
            }
        }
    }

    @Test func tooLongMessagesAreRefusedWithTheConfiguredLimit() async throws {
        var settings = ServerSettings()
        settings.maxMessageLength = 20
        let memory = InMemoryUnansweredLog()
        let service = TestSupport.service(settings: settings, memory: memory)
        let app = try TestSupport.app(service)
        try await app.test(.router) { client in
            let long = try await client.execute(
                uri: "/api/chat", method: .post, body: TestSupport.json(["message": String(repeating: "é", count: 21)]))
            #expect(long.status == .unprocessableContent)
            #expect(TestSupport.errorCode(long.body) == "message_too_long")
            let exact = try await client.execute(
                uri: "/api/chat", method: .post, body: TestSupport.json(["message": String(repeating: "a", count: 20)]))
            #expect(exact.status == .ok)
        }
    }

    @Test func oversizedBodiesAreRefused() async throws {
        let app = try TestSupport.app(TestSupport.service())
        try await app.test(.router) { client in
            let padding = String(repeating: "x", count: 17 * 1024)
            let response = try await client.execute(
                uri: "/api/chat", method: .post, body: TestSupport.json(["message": "hi", "padding": padding]))
            #expect(response.status == .contentTooLarge)
            #expect(TestSupport.errorCode(response.body) == "body_too_large")
        }
    }

    @Test func wrongMethodsAndUnknownRoutesAreJSONErrors() async throws {
        let app = try TestSupport.app(TestSupport.service())
        try await app.test(.router) { client in
            let get = try await client.execute(uri: "/api/chat", method: .get)
            #expect(get.status == .methodNotAllowed)
            #expect(get.headers[.allow] == "POST")
            #expect(TestSupport.errorCode(get.body) == "method_not_allowed")
            let put = try await client.execute(uri: "/api/health", method: .put)
            #expect(put.status == .methodNotAllowed)
            let unknown = try await client.execute(uri: "/api/nothing-here", method: .get)
            #expect(unknown.status == .notFound)
            #expect(TestSupport.errorCode(unknown.body) == "not_found")
            let traversal = try await client.execute(uri: "/../../etc/passwd", method: .get)
            #expect(traversal.status == .notFound)
        }
    }

    @Test func anUnexpectedFailureIsA500ThatRevealsNothing() async throws {
        struct Secret: Error {}
        let router = Router(context: ChatRequestContext.self)
        router.add(middleware: ErrorMiddleware(routes: []))
        router.get("/boom") { _, _ -> String in throw Secret() }
        let app = Application(router: router)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/boom", method: .get)
            #expect(response.status == .internalServerError)
            #expect(TestSupport.errorCode(response.body) == "internal_error")
            #expect(!String(buffer: response.body).contains("Secret"))
        }
    }
}

@Suite struct FeedbackRouteTests {
    @Test func feedbackOnAReplyIsStoredWithTheQuestionAndAnswer() async throws {
        let memory = InMemoryUnansweredLog()
        let service = TestSupport.service(memory: memory)
        let app = try TestSupport.app(service)
        try await app.test(.router) { client in
            let chat = try await client.execute(
                uri: "/api/chat", method: .post,
                body: TestSupport.json(["message": "can i have a break, my name is Sam"]))
            let reply = TestSupport.decode(chat.body)
            let session = try #require(reply["sessionId"] as? String)
            let message = try #require(reply["messageId"] as? String)
            #expect(!message.isEmpty)
            let response = try await client.execute(
                uri: "/api/feedback", method: .post,
                body: TestSupport.json([
                    "sessionId": session, "messageId": message, "helpful": false, "comment": "too long",
                ]))
            #expect(response.status == .noContent)
            let unknown = try await client.execute(
                uri: "/api/feedback", method: .post,
                body: TestSupport.json(["sessionId": session, "messageId": "nope", "helpful": true]))
            #expect(unknown.status == .notFound)
            #expect(TestSupport.errorCode(unknown.body) == "unknown_message")
        }
        await service.log.flush()
        let stored = try #require(await memory.feedback.first)
        #expect(stored.helpful == false)
        #expect(stored.question == "can i have a break, my name is [name]")
        #expect(stored.answer.contains("space and breaks"))
        #expect(stored.comment == "too long")
        #expect(stored.intent == "topic.breaks")
    }

    @Test(arguments: [
        (#"{"messageId": "a", "helpful": true}"#, "missing_session_id"),
        (#"{"sessionId": "a", "helpful": true}"#, "missing_message_id"),
        (#"{"sessionId": "a", "messageId": "b"}"#, "missing_helpful"),
        (#"{"sessionId": "a", "messageId": "b", "helpful": 1}"#, "invalid_helpful"),
        (#"{"sessionId": "a", "messageId": "b", "helpful": "yes"}"#, "invalid_helpful"),
        (#"{"sessionId": 3, "messageId": "b", "helpful": true}"#, "invalid_session_id"),
        (#"not json"#, "invalid_json"),
    ])
    func badFeedbackGetsAClearError(body: String, code: String) async throws {
        let app = try TestSupport.app(TestSupport.service())
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/api/feedback", method: .post, body: ByteBuffer(string: body))
            #expect(response.status.code >= 400 && response.status.code < 500)
            #expect(TestSupport.errorCode(response.body) == code)
        }
    }
}
