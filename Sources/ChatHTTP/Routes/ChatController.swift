import DialogueEngine
import Foundation
import Hummingbird

/// `POST /api/chat`: a message in, the reply contract out. Every kind of bad input gets a 4xx that
/// says what to fix, and none of it reaches the assistant or the unanswered-question log.
struct ChatController<Context: RequestContext> {
    let assistant: Assistant
    let metrics: ChatMetrics
    let maxMessageLength: Int
    let maxBodySize: Int

    /// The request body.
    struct ChatRequest: Equatable {
        var message: String
        var sessionId: String?
    }

    /// The body as JSON gives it: each field absent, null, a string or something else, so that
    /// each case gets its own error.
    private struct Body: Decodable {
        enum Field {
            case absent, null, string(String), other
        }

        enum Keys: String, CodingKey {
            case message, sessionId
        }

        var message: Field
        var sessionId: Field

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            message = Self.field(.message, in: container)
            sessionId = Self.field(.sessionId, in: container)
        }

        private static func field(_ key: Keys, in container: KeyedDecodingContainer<Keys>) -> Field {
            guard container.contains(key) else { return .absent }
            if (try? container.decodeNil(forKey: key)) == true { return .null }
            if let text = try? container.decode(String.self, forKey: key) { return .string(text) }
            return .other
        }
    }

    let decoder = JSONDecoder()

    var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self)
            .post("/api/chat", use: chat)
            .get("/api/welcome", use: welcome)
    }

    /// `GET /api/welcome`: the greeting and starter questions, so the widget's words come from the content.
    @Sendable func welcome(request: Request, context: Context) async throws -> Response {
        var session: String?
        if let given = request.uri.queryParameters["sessionId"].map(String.init) {
            guard Self.isValidSessionID(given) else {
                throw APIError(
                    .unprocessableContent, code: "invalid_session_id",
                    message: "\"sessionId\" must be 1 to 64 letters, digits, '-' or '_'.")
            }
            session = given
        }
        return json(assistant.welcome(sessionId: session))
    }

    @Sendable func chat(request: Request, context: Context) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: maxBodySize)
        let input = try decode(Array(body.readableBytesView))
        let reply = await assistant.respond(to: input.message, sessionId: input.sessionId, channel: .http)
        metrics.reply(reply)
        return json(reply)
    }

    private func json(_ reply: Reply) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ReplyJSON.encode(reply)))
    }

    /// Reads and checks the body.
    func decode(_ bytes: [UInt8]) throws -> ChatRequest {
        guard !bytes.isEmpty else {
            throw APIError(
                .badRequest, code: "empty_body", message: "Send a JSON object: {\"message\": \"your question\"}.")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw APIError(.badRequest, code: "invalid_utf8", message: "The body is not valid UTF-8 text.")
        }
        let body: Body
        do {
            body = try decoder.decode(Body.self, from: Data(text.utf8))
        } catch DecodingError.typeMismatch {
            throw APIError(
                .badRequest, code: "invalid_json", message: "The body must be a JSON object with a \"message\".")
        } catch {
            throw APIError(
                .badRequest, code: "invalid_json",
                message: "The body is not valid JSON. Send {\"message\": \"your question\"}.")
        }
        let message: String
        switch body.message {
        case .absent:
            throw APIError(.badRequest, code: "missing_message", message: "The JSON object has no \"message\".")
        case .null, .other:
            throw APIError(.badRequest, code: "invalid_message", message: "\"message\" must be a string.")
        case .string(let text):
            message = text
        }
        if message.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            throw APIError(
                .unprocessableContent, code: "empty_message", message: "\"message\" is empty. Type a question.")
        }
        if message.utf8.count > maxMessageLength, message.count > maxMessageLength {
            throw APIError(
                .unprocessableContent, code: "message_too_long",
                message:
                    "\"message\" is \(message.count) characters long; the most is \(maxMessageLength). Ask a shorter question."
            )
        }
        var sessionID: String?
        switch body.sessionId {
        case .absent, .null:
            break
        case .other:
            throw APIError(.badRequest, code: "invalid_session_id", message: "\"sessionId\" must be a string.")
        case .string(let session):
            guard Self.isValidSessionID(session) else {
                throw APIError(
                    .unprocessableContent, code: "invalid_session_id",
                    message:
                        "\"sessionId\" must be 1 to 64 letters, digits, '-' or '_'; send back the one a reply gave.")
            }
            sessionID = session
        }
        return ChatRequest(message: message, sessionId: sessionID)
    }

    static func isValidSessionID(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count)
            && id.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x5F
            }
    }
}
