import HTTPTypes
import Hummingbird

/// The policy for the service's own HTML pages: only its own scripts, styles and API.
enum ContentSecurityPolicy {
    static let html =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
        + "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
}

/// Security headers on every response, and a strict Content-Security-Policy on HTML.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "strict-origin-when-cross-origin"
        if response.headers[.contentType]?.hasPrefix("text/html") == true {
            response.headers[.contentSecurityPolicy] = ContentSecurityPolicy.html
            response.headers[.xFrameOptions] = "DENY"
        }
        return response
    }
}

extension HTTPField.Name {
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}
