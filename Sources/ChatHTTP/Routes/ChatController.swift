import DialogueEngine
import Foundation
import Hummingbird

/// `POST /api/chat`: a message in, the reply contract out. Every kind of bad input gets a 4xx that
/// says what to fix, and none of it reaches the assistant or the unanswered-question log.
struct ChatController<Context: RequestContext> {
    let service: ChatService
    let metrics: ChatMetrics
    let maxMessageLength: Int
    let maxBodySize: Int

    /// The request body.
    struct ChatRequest: Equatable {
        var message: String
        var sessionId: String?
        var style = ReplyStyle.standard
        var repeated = false
        var council: String?
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
        var style = ReplyStyle.standard
        if let given = request.uri.queryParameters["style"].map(String.init) {
            guard let parsed = ReplyStyle(rawValue: given) else { throw Self.invalidStyle }
            style = parsed
        }
        let council = try service.council(request.uri.queryParameters["council"].map(String.init))
        return json(council.assistant.welcome(sessionId: session, style: style))
    }

    @Sendable func chat(request: Request, context: Context) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: maxBodySize)
        let input = try decode(Array(body.readableBytesView))
        let assistant = try service.council(input.council).assistant
        let reply = await assistant.respond(
            to: input.message, sessionId: input.sessionId, channel: .http, style: input.style,
            repeated: input.repeated)
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
        let fields = try JSONBody(bytes, example: #"{"message": "your question"}"#)
        // A null message is a wrong message, not a missing one; a null sessionId starts a conversation.
        let message = try fields.string("message", required: true, nullIsAbsent: false)!
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
        let sessionID = try fields.string("sessionId", required: false)
        if let sessionID, !Self.isValidSessionID(sessionID) {
            throw APIError(
                .unprocessableContent, code: "invalid_session_id",
                message: "\"sessionId\" must be 1 to 64 letters, digits, '-' or '_'; send back the one a reply gave.")
        }
        var style = ReplyStyle.standard
        if let given = try fields.string("style", required: false) {
            guard let parsed = ReplyStyle(rawValue: given) else { throw Self.invalidStyle }
            style = parsed
        }
        let repeated = try fields.optionalBool("repeat") ?? false
        let council = try fields.string("council", required: false)
        return ChatRequest(
            message: message, sessionId: sessionID, style: style, repeated: repeated, council: council)
    }

    /// The error for a `style` other than `easy` or `standard`.
    static var invalidStyle: APIError {
        APIError(
            .unprocessableContent, code: "invalid_style",
            message: "\"style\" must be \"easy\" (easy read) or \"standard\"; leave it out for standard.")
    }

    static func isValidSessionID(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count)
            && id.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x5F
            }
    }
}
