import Foundation
public import Hummingbird

/// An error the API reports to its client as `{"error": {"code": "…", "message": "…"}}`.
public struct APIError: HTTPResponseError, Sendable, Equatable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A stable, machine-readable code such as `message_too_long`.
    public var code: String
    /// What was wrong and how to fix it, for a developer reading the response.
    public var message: String
    /// Extra headers (`Retry-After`, `Allow`).
    public var headers: HTTPFields

    /// Makes an error.
    public init(_ status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    private struct Body: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
        }
        var error: Detail
    }

    /// The JSON response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try JSONEncoder().encode(Body(error: .init(code: code, message: message)))
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    // MARK: Common errors

    static func notFound(_ path: String) -> APIError {
        APIError(
            .notFound, code: "not_found",
            message: "There is nothing at '\(path)'. See /api/openapi.yaml for the routes.")
    }

    static func methodNotAllowed(_ method: HTTPRequest.Method, allowed: [HTTPRequest.Method]) -> APIError {
        let names = allowed.map(\.rawValue).joined(separator: ", ")
        return APIError(
            .methodNotAllowed, code: "method_not_allowed",
            message: "\(method.rawValue) is not allowed here; use \(names).", headers: [.allow: names])
    }

    static let internalError = APIError(
        .internalServerError, code: "internal_error", message: "Something went wrong on our side. Please try again.")
}
