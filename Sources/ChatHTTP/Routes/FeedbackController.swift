import DialogueEngine
import Foundation
import Hummingbird

/// `POST /api/feedback`: "Was this helpful?" about one reply.
struct FeedbackController<Context: RequestContext> {
    let assistant: Assistant
    let maxBodySize: Int

    var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self).post("/api/feedback", use: feedback)
    }

    @Sendable func feedback(request: Request, context: Context) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: maxBodySize)
        let fields = try JSONBody.object(
            Array(body.readableBytesView), example: #"{"sessionId": "…", "messageId": "…", "helpful": true}"#)
        let session = try JSONBody.string(fields, "sessionId", required: true)!
        guard ChatController<Context>.isValidSessionID(session) else {
            throw APIError(
                .unprocessableContent, code: "invalid_session_id",
                message: "\"sessionId\" must be the one a reply gave.")
        }
        let message = try JSONBody.string(fields, "messageId", required: true)!
        guard ChatController<Context>.isValidSessionID(message) else {
            throw APIError(
                .unprocessableContent, code: "invalid_message_id",
                message: "\"messageId\" must be the one a reply gave.")
        }
        // JSONDecoder tells a JSON boolean from the numbers 0 and 1, which JSONSerialization does not.
        guard fields["helpful"] != nil else {
            throw APIError(
                .badRequest, code: "missing_helpful", message: "The JSON object has no \"helpful\" (true or false).")
        }
        guard let helpful = try? JSONDecoder().decode(Helpful.self, from: Data(body.readableBytesView)).helpful else {
            throw APIError(.badRequest, code: "invalid_helpful", message: "\"helpful\" must be true or false.")
        }
        let comment = try JSONBody.string(fields, "comment", required: false)
        if let comment, comment.count > 500 {
            throw APIError(
                .unprocessableContent, code: "comment_too_long", message: "\"comment\" may be at most 500 characters.")
        }
        do {
            try await assistant.feedback(
                sessionId: session, messageId: message, helpful: helpful, comment: comment, channel: .http)
        } catch {
            throw APIError(
                .notFound, code: "unknown_message",
                message: "That reply is not known (the conversation may have ended). Ask again, then give feedback.")
        }
        return Response(status: .noContent)
    }
}

/// The `helpful` field alone, decoded strictly.
private struct Helpful: Decodable {
    var helpful: Bool
}

/// Reading a JSON request body with errors that say what to fix.
enum JSONBody {
    /// The body as a JSON object.
    static func object(_ bytes: [UInt8], example: String) throws -> [String: Any] {
        guard !bytes.isEmpty else {
            throw APIError(.badRequest, code: "empty_body", message: "Send a JSON object: \(example).")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw APIError(.badRequest, code: "invalid_utf8", message: "The body is not valid UTF-8 text.")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
            throw APIError(.badRequest, code: "invalid_json", message: "The body is not valid JSON. Send \(example).")
        }
        guard let fields = object as? [String: Any] else {
            throw APIError(.badRequest, code: "invalid_json", message: "The body must be a JSON object: \(example).")
        }
        return fields
    }

    /// A string field; nil when absent (or null) and not required.
    static func string(_ fields: [String: Any], _ name: String, required: Bool) throws -> String? {
        guard let value = fields[name], !(value is NSNull) else {
            if required {
                throw APIError(
                    .badRequest, code: "missing_\(snake(name))", message: "The JSON object has no \"\(name)\".")
            }
            return nil
        }
        guard let text = value as? String, !(value is NSNumber) else {
            throw APIError(.badRequest, code: "invalid_\(snake(name))", message: "\"\(name)\" must be a string.")
        }
        return text
    }

    private static func snake(_ name: String) -> String {
        name.reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }
}
