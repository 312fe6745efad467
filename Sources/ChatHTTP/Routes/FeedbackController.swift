import DialogueEngine
import Hummingbird

/// `POST /api/feedback`: "Was this helpful?" about one reply.
struct FeedbackController<Context: RequestContext> {
    let service: ChatService
    let maxBodySize: Int

    var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self).post("/api/feedback", use: feedback)
    }

    @Sendable func feedback(request: Request, context: Context) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: maxBodySize)
        let fields = try JSONBody(
            Array(body.readableBytesView), example: #"{"sessionId": "…", "messageId": "…", "helpful": true}"#)
        let session = try fields.string("sessionId", required: true)!
        guard ChatController<Context>.isValidSessionID(session) else {
            throw APIError(
                .unprocessableContent, code: "invalid_session_id",
                message: "\"sessionId\" must be the one a reply gave.")
        }
        let message = try fields.string("messageId", required: true)!
        guard ChatController<Context>.isValidSessionID(message) else {
            throw APIError(
                .unprocessableContent, code: "invalid_message_id",
                message: "\"messageId\" must be the one a reply gave.")
        }
        let helpful = try fields.bool("helpful")
        let comment = try fields.string("comment", required: false)
        if let comment, comment.count > 500 {
            throw APIError(
                .unprocessableContent, code: "comment_too_long", message: "\"comment\" may be at most 500 characters.")
        }
        let council = try service.council(try fields.string("council", required: false))
        do {
            try await council.assistant.feedback(
                sessionId: session, messageId: message, helpful: helpful, comment: comment, channel: .http)
        } catch {
            throw APIError(
                .notFound, code: "unknown_message",
                message: "That reply is not known (the conversation may have ended). Ask again, then give feedback.")
        }
        return Response(status: .noContent)
    }
}

/// A JSON request body, read once (``JSONObjectReader``), with errors that say what to fix. Each
/// field is told apart as absent, null, a string, a boolean (never the numbers 0 and 1) or something else.
struct JSONBody {
    private let fields: [String: JSONObjectReader.Value]

    /// Reads `bytes` as a JSON object; `example` shows a good body in the errors.
    init(_ bytes: [UInt8], example: String) throws {
        guard !bytes.isEmpty else {
            throw APIError(.badRequest, code: "empty_body", message: "Send a JSON object: \(example).")
        }
        // Checked in place (no copy into a String first).
        guard (try? UTF8Span(validating: bytes.span)) != nil else {
            throw APIError(.badRequest, code: "invalid_utf8", message: "The body is not valid UTF-8 text.")
        }
        do {
            fields = try JSONObjectReader.fields(of: bytes)
        } catch .notAnObject {
            throw APIError(.badRequest, code: "invalid_json", message: "The body must be a JSON object: \(example).")
        } catch {
            throw APIError(.badRequest, code: "invalid_json", message: "The body is not valid JSON. Send \(example).")
        }
    }

    /// A string field. Absent, or null when `nullIsAbsent`, is nil, or `missing_…` when `required`;
    /// anything else that is not a string is `invalid_…`.
    func string(_ name: String, required: Bool, nullIsAbsent: Bool = true) throws -> String? {
        switch fields[name] {
        case .string(let text):
            return text
        case nil,
            .null where nullIsAbsent:
            if required {
                throw APIError(
                    .badRequest, code: "missing_\(Self.snake(name))", message: "The JSON object has no \"\(name)\".")
            }
            return nil
        default:
            throw APIError(
                .badRequest, code: "invalid_\(Self.snake(name))", message: "\"\(name)\" must be a string.")
        }
    }

    /// An optional boolean field: nil when absent or null.
    func optionalBool(_ name: String) throws -> Bool? {
        switch fields[name] {
        case nil, .null?: return nil
        default: return try bool(name)
        }
    }

    /// A required boolean field.
    func bool(_ name: String) throws -> Bool {
        switch fields[name] {
        case .bool(let flag):
            return flag
        case nil:
            throw APIError(
                .badRequest, code: "missing_\(Self.snake(name))",
                message: "The JSON object has no \"\(name)\" (true or false).")
        default:
            throw APIError(
                .badRequest, code: "invalid_\(Self.snake(name))", message: "\"\(name)\" must be true or false.")
        }
    }

    private static func snake(_ name: String) -> String {
        name.reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }
}
