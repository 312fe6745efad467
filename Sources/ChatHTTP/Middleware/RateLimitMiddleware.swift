import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Applies the per-client rate limit to the API (not to health checks, metrics or static files):
/// over the limit, a 429 with `Retry-After`.
struct RateLimitMiddleware<Context: RequestContext & RemoteAddressRequestContext>: RouterMiddleware {
    let limiter: RateLimiter
    let trustForwardedFor: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let path = request.uri.path
        guard path.hasPrefix("/api/"), path != "/api/health", path != "/api/openapi.yaml", request.method != .options
        else {
            return try await next(request, context)
        }
        let client = request.clientAddress(
            remote: context.remoteAddress?.ipAddress, trustForwardedFor: trustForwardedFor)
        if let wait = limiter.acquire(client) {
            throw APIError(
                .tooManyRequests, code: "rate_limited",
                message: "Too many requests. Please wait \(wait) second\(wait == 1 ? "" : "s") and try again.",
                headers: [.retryAfter: String(wait)])
        }
        return try await next(request, context)
    }
}
