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
        return try json(assistant.welcome(sessionId: session))
    }

    @Sendable func chat(request: Request, context: Context) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: maxBodySize)
        let input = try decode(Array(body.readableBytesView))
        let reply = await assistant.respond(to: input.message, sessionId: input.sessionId, channel: .http)
        metrics.reply(reply)
        return try json(reply)
    }

    private func json(_ reply: Reply) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = try encoder.encode(reply)
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
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
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw APIError(
                .badRequest, code: "invalid_json",
                message: "The body is not valid JSON. Send {\"message\": \"your question\"}.")
        }
        guard let fields = object as? [String: Any] else {
            throw APIError(
                .badRequest, code: "invalid_json", message: "The body must be a JSON object with a \"message\".")
        }
        guard let rawMessage = fields["message"] else {
            throw APIError(.badRequest, code: "missing_message", message: "The JSON object has no \"message\".")
        }
        guard let message = rawMessage as? String, !(rawMessage is NSNumber) else {
            throw APIError(.badRequest, code: "invalid_message", message: "\"message\" must be a string.")
        }
        if message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw APIError(
                .unprocessableContent, code: "empty_message", message: "\"message\" is empty. Type a question.")
        }
        if message.count > maxMessageLength {
            throw APIError(
                .unprocessableContent, code: "message_too_long",
                message:
                    "\"message\" is \(message.count) characters long; the most is \(maxMessageLength). Ask a shorter question."
            )
        }
        var sessionID: String?
        if let rawSession = fields["sessionId"], !(rawSession is NSNull) {
            guard let session = rawSession as? String, !(rawSession is NSNumber) else {
                throw APIError(.badRequest, code: "invalid_session_id", message: "\"sessionId\" must be a string.")
            }
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
