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
        // One pass over the fields: reading one by name (`headers[.contentType]`) joins its values
        // and, with the setters, was most of this middleware's time under load.
        var isHTML = false
        var hasOwn = false
        for field in response.headers {
            if field.name == .contentType, field.value.hasPrefix("text/html") { isHTML = true }
            switch field.name {
            case .xContentTypeOptions, .referrerPolicy, .contentSecurityPolicy, .xFrameOptions: hasOwn = true
            default: break
            }
        }
        var added: [HTTPField] = [
            HTTPField(name: .xContentTypeOptions, value: "nosniff"),
            HTTPField(name: .referrerPolicy, value: "strict-origin-when-cross-origin"),
        ]
        if isHTML {
            added.append(HTTPField(name: .contentSecurityPolicy, value: ContentSecurityPolicy.html))
            added.append(HTTPField(name: .xFrameOptions, value: "DENY"))
        }
        if hasOwn {
            // A route that set one of these is overruled, as a set by name does.
            for field in added { response.headers[field.name] = field.value }
        } else {
            response.headers.append(contentsOf: added)
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
