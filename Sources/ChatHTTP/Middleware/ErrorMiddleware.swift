import HTTPTypes
public import Hummingbird
import Logging
import NIOCore

/// Turns every error into the API's JSON error shape: known ones say what to fix; anything
/// unexpected is logged and becomes a 500 that tells nothing of the internals.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The routes and their methods, to tell "wrong method" (405) from "no such route" (404).
    let routes: [RouteDescription]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError where error.status == .notFound {
            let path = request.uri.path
            let allowed = routes.filter { $0.matches(path: path) }.map(\.method)
            if !allowed.isEmpty, !allowed.contains(request.method) {
                return try APIError.methodNotAllowed(request.method, allowed: allowed).response(
                    from: request, context: context)
            }
            return try APIError.notFound(path).response(from: request, context: context)
        } catch is NIOTooManyBytesError {
            return try APIError(
                .contentTooLarge, code: "body_too_large", message: "The request body is too large."
            ).response(from: request, context: context)
        } catch let error as any HTTPResponseError where error.status.code < 500 {
            let message = (error as? HTTPError)?.body ?? error.status.reasonPhrase
            return try APIError(error.status, code: "bad_request", message: message).response(
                from: request, context: context)
        } catch {
            context.logger.error(
                "unexpected error", metadata: ["error.type": "\(type(of: error))", "error": "\(error)"])
            return try APIError.internalError.response(from: request, context: context)
        }
    }
}

/// One route the service answers, for 405 responses and the OpenAPI coverage test.
public struct RouteDescription: Sendable, Equatable {
    /// The method.
    public var method: HTTPRequest.Method
    /// The path, with `{name}` for a parameter.
    public var path: String

    /// True when `path` is this route's path.
    func matches(path other: String) -> Bool {
        let mine = path.split(separator: "/")
        let theirs = other.split(separator: "/")
        guard mine.count == theirs.count else { return false }
        return zip(mine, theirs).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }
}
