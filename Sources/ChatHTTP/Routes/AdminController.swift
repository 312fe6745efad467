import DialogueEngine
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// The staff review on the web: `/admin` (an HTML page) and `/api/admin/*` (JSON, mirroring the
/// `missed` and `stats` commands). Only registered when an admin token is configured.
///
/// The JSON API takes `Authorization: Bearer TOKEN`. The page signs in with the token once and then
/// uses an HttpOnly, SameSite=Strict cookie (Secure behind HTTPS); its forms carry a CSRF token.
/// Tokens are compared in constant time, never read from URLs, never logged; failed sign-ins are
/// rate-limited.
struct AdminController<Context: RequestContext & RemoteAddressRequestContext> {
    let service: ChatService
    let token: String
    let sessions = AdminSessions()
    let signInLimiter = RateLimiter(perMinute: 5, burst: 5)

    static var cookieName: String { "cc_admin" }

    var endpoints: RouteCollection<Context> {
        let routes = RouteCollection(context: Context.self)
        routes.get("/admin") { request, context in try await page(request, context: context) }
        routes.post("/admin/sign-in") { request, context in try await signIn(request, context: context) }
        routes.post("/admin/action") { request, context in try await action(request, context: context) }
        routes.get("/api/admin/missed") { request, context in
            _ = try authorize(request, stateChanging: false)
            let status = request.uri.queryParameters["status"].map(String.init) ?? "new"
            let limit = Int(request.uri.queryParameters["limit"].map(String.init) ?? "100") ?? 100
            return try json(
                try await review().groups(
                    status: MissedGroup.Status(rawValue: status), since: nil, limit: max(1, limit),
                    council: try councilFilter(request)))
        }
        routes.get("/api/admin/missed/{id}") { request, context in
            _ = try authorize(request, stateChanging: false)
            guard let (group, questions) = try await review().group(id: try id(context)) else { throw noGroup }
            return try json(GroupDetail(group: group, questions: questions))
        }
        routes.post("/api/admin/missed/{id}/assign") { request, context in
            _ = try authorize(request, stateChanging: true)
            var request = request
            let fields = try JSONBody(
                Array(try await request.collectBody(upTo: 4096).readableBytesView),
                example: #"{"intent": "topic.breaks"}"#)
            let intent = try fields.string("intent", required: true)!
            let group = try await assign(try id(context), to: intent)
            return try json(group)
        }
        routes.post("/api/admin/missed/{id}/ignore") { request, context in
            _ = try authorize(request, stateChanging: true)
            // Ignoring needs the log only, not the content folder.
            guard try await review().setStatus(.ignored, of: try id(context)) else { throw noGroup }
            return Response(status: .noContent)
        }
        routes.get("/api/admin/feedback") { request, context in
            _ = try authorize(request, stateChanging: false)
            return try json(
                try await review().feedback(helpful: false, limit: 200, council: try councilFilter(request)))
        }
        routes.get("/api/admin/stats") { request, context in
            _ = try authorize(request, stateChanging: false)
            let byWeek = request.uri.queryParameters["by"] == "week"
            return try json(try await review().stats(byWeek: byWeek, council: try councilFilter(request)))
        }
        routes.get("/api/admin/safeguarding") { request, context in
            _ = try authorize(request, stateChanging: false)
            return try json(try await review().safeguardingCounts(council: try councilFilter(request)))
        }
        routes.get("/api/admin/export") { request, context in
            _ = try authorize(request, stateChanging: false)
            return try await export(
                format: request.uri.queryParameters["format"].map(String.init) ?? "csv",
                council: try councilFilter(request))
        }
        routes.post("/api/admin/reload") { request, context in
            _ = try authorize(request, stateChanging: true)
            let reloaded = try reloadContent(council: try councilFilter(request))
            return try json(["intents": reloaded.reduce(0) { $0 + $1.content.intentCount }])
        }
        return routes
    }

    // MARK: Authorisation

    /// Who is asking: Bearer token or signed-in cookie. State-changing cookie requests need the
    /// CSRF token and a same-origin `Origin`.
    @discardableResult
    func authorize(_ request: Request, stateChanging: Bool, csrf: String? = nil) throws -> AdminSession? {
        if request.uri.queryParameters["token"] != nil || request.uri.queryParameters["access_token"] != nil {
            throw APIError(
                .badRequest, code: "token_in_url",
                message: "Never put the admin token in a URL; send it as 'Authorization: Bearer TOKEN'.")
        }
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            guard Self.constantTimeEqual(String(header.dropFirst(7)), token) else { throw Self.unauthorized }
            return nil
        }
        guard let cookie = Self.cookie(Self.cookieName, in: request), let session = sessions.session(cookie) else {
            throw Self.unauthorized
        }
        if stateChanging {
            if let origin = request.headers[.origin], let host = request.head.authority,
                URL(string: origin)?.host.map({ host.hasPrefix($0) }) != true
            {
                throw APIError(.forbidden, code: "cross_site", message: "Cross-site requests are refused.")
            }
            let given = csrf ?? request.headers[HTTPField.Name("X-CSRF-Token")!]
            guard let given, Self.constantTimeEqual(given, session.csrf) else {
                throw APIError(
                    .forbidden, code: "csrf", message: "The form is out of date. Reload the page and try again.")
            }
        }
        return session
    }

    static var unauthorized: APIError {
        APIError(
            .unauthorized, code: "unauthorized", message: "Sign in at /admin, or send 'Authorization: Bearer TOKEN'.",
            headers: [.wwwAuthenticate: "Bearer"])
    }

    var noGroup: APIError { APIError(.notFound, code: "no_such_group", message: "There is no such group.") }

    /// Compares two strings in time that does not depend on where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        var difference = UInt8(truncatingIfNeeded: left.count ^ right.count)
        for index in 0..<max(left.count, right.count) {
            let x = index < left.count ? left[index] : 0
            let y = index < right.count ? right[index] : 0
            difference |= x ^ y
        }
        return difference == 0 && left.count == right.count
    }

    static func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for part in header.split(separator: ";") {
                let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if pair.count == 2, pair[0] == name { return String(pair[1]) }
            }
        }
        return nil
    }

    // MARK: Work

    func review() throws -> SQLiteUnansweredLog {
        guard let review = service.review else {
            throw APIError(
                .serviceUnavailable, code: "database_unavailable", message: "The log's database is not available.")
        }
        return review
    }

    func id(_ context: Context) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else {
            throw APIError(.badRequest, code: "invalid_id", message: "The group id must be a whole number.")
        }
        return id
    }

    /// The council a request's `?council=` names (checked: an unknown one is a 400), or nil for
    /// every council.
    func councilFilter(_ request: Request) throws -> String? {
        guard let id = request.uri.queryParameters["council"].map(String.init), !id.isEmpty else { return nil }
        return try service.council(id).id
    }

    /// A council's staff actions; a 503 when its content folder is not known (built-in content).
    func contentReview(_ council: CouncilService) throws -> ContentReview {
        guard let review = council.contentReview else { throw noContentDirectory }
        return review
    }

    var noContentDirectory: APIError {
        APIError(.serviceUnavailable, code: "no_content_directory", message: "The content directory is not known.")
    }

    /// The review service's refusals as HTTP errors.
    func httpError(_ failure: ContentReview.Failure) -> APIError {
        switch failure {
        case .noGroup: return noGroup
        case .unknownIntent:
            return APIError(.unprocessableContent, code: "unknown_intent", message: failure.description)
        case .invalidContent:
            return APIError(.unprocessableContent, code: "invalid_content", message: failure.description)
        case .writeFailed: return APIError(.internalServerError, code: "write_failed", message: failure.description)
        }
    }

    /// Assigns the group to an intent of the council it was asked of.
    func assign(_ id: Int64, to intent: String) async throws -> MissedGroup {
        guard let (group, _) = try await review().group(id: id) else { throw noGroup }
        do {
            return try await contentReview(try service.council(ofGroup: group)).assign(id, to: intent)
        } catch let failure as ContentReview.Failure {
            throw httpError(failure)
        }
    }

    /// Re-reads one council's content, or every council's (those with a content folder); invalid
    /// content is refused with its errors and the running content stays.
    @discardableResult
    func reloadContent(council: String?) throws -> [(council: String, content: Content)] {
        let councils = try council.map { [try service.council($0)] } ?? service.councils
        let reviews = councils.compactMap { council in council.contentReview.map { (council.id, $0) } }
        // Built-in content has no folder to read again: with nothing to reload, say so (503).
        guard !reviews.isEmpty else { throw noContentDirectory }
        do {
            return try reviews.map { ($0.0, try $0.1.reload()) }
        } catch let failure as ContentReview.Failure {
            throw httpError(failure)
        }
    }

    func export(format: String, council: String?) async throws -> Response {
        let groups = try await review().groups(status: nil, since: nil, limit: Int.max, council: council)
        switch format {
        case "json":
            return try json(groups)
        case "csv":
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"unanswered-questions.csv\"",
                ],
                body: .init(byteBuffer: ByteBuffer(string: CSVCell.groups(groups))))
        default:
            throw APIError(.badRequest, code: "invalid_format", message: "format must be csv or json.")
        }
    }

    func json<T: Encodable>(_ value: T) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    struct GroupDetail: Encodable {
        var group: MissedGroup
        var questions: [UnansweredQuestion]
    }

    // MARK: HTML

    func signIn(_ request: Request, context: Context) async throws -> Response {
        var request = request
        let form = Self.form(try await request.collectBody(upTo: 4096))
        // Behind the proxy every connection comes from it: failed sign-ins are counted per client.
        let client = request.clientAddress(
            remote: context.remoteAddress?.ipAddress, trustForwardedFor: service.settings.trustForwardedFor)
        guard let given = form["token"], Self.constantTimeEqual(given, token) else {
            if let wait = signInLimiter.acquire(client) {
                throw APIError(
                    .tooManyRequests, code: "rate_limited", message: "Too many failed sign-ins. Wait \(wait) seconds.",
                    headers: [.retryAfter: String(wait)])
            }
            return html(AdminPage.signIn(error: "That token is not right."), status: .unauthorized)
        }
        let session = sessions.create()
        let secure = request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https" || request.uri.scheme == .https
        var response = Response(status: .seeOther, headers: [.location: "/admin"])
        response.headers[.setCookie] =
            "\(Self.cookieName)=\(session.id); Path=/; HttpOnly; SameSite=Strict; Max-Age=28800\(secure ? "; Secure" : "")"
        return response
    }

    func page(_ request: Request, context: Context) async throws -> Response {
        if request.uri.queryParameters["token"] != nil { try authorize(request, stateChanging: false) }
        guard let cookie = Self.cookie(Self.cookieName, in: request), let session = sessions.session(cookie) else {
            return html(AdminPage.signIn(error: nil))
        }
        let review = try review()
        let council = try councilFilter(request)
        let groups = try await review.groups(status: .new, since: nil, limit: 100, council: council)
        let unhelpful = try await review.feedback(helpful: false, limit: 50, council: council)
        let weeks = try await review.stats(byWeek: true, council: council)
        let safeguarding = try await review.safeguardingCounts(council: council)
        let assistant = try service.council(council ?? service.councils[0].id).assistant
        let intents = assistant.content.intentIDs.filter { !$0.hasPrefix("system.") }.sorted()
        let notice = request.uri.queryParameters["done"].map(String.init)
        return html(
            AdminPage.review(
                groups: groups, unhelpful: unhelpful, weeks: weeks, safeguarding: safeguarding, intents: intents,
                csrf: session.csrf, notice: notice,
                councils: service.councils.count > 1 ? service.councils.map(\.id) : [], council: council
            ))
    }

    /// The page's forms: assign, ignore, reload.
    func action(_ request: Request, context: Context) async throws -> Response {
        var request = request
        let form = Self.form(try await request.collectBody(upTo: 4096))
        try authorize(request, stateChanging: true, csrf: form["csrf"] ?? "")
        var done = "Done."
        switch form["action"] {
        case "assign":
            guard let id = form["id"].flatMap({ Int64($0) }), let intent = form["intent"] else { throw noGroup }
            let group = try await assign(id, to: intent)
            done = "Added “\(group.example)” to \(intent)."
        case "ignore":
            guard let id = form["id"].flatMap({ Int64($0) }), try await review().setStatus(.ignored, of: id) else {
                throw noGroup
            }
            done = "Ignored."
        case "reload":
            let reloaded = try reloadContent(council: nil)
            done = "Content reloaded: \(reloaded.reduce(0) { $0 + $1.content.intentCount }) intents."
        default:
            throw APIError(.badRequest, code: "invalid_action", message: "Unknown action.")
        }
        let query = done.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return Response(status: .seeOther, headers: [.location: "/admin?done=\(query)"])
    }

    func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// An `application/x-www-form-urlencoded` body.
    static func form(_ buffer: ByteBuffer) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(buffer: buffer).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            if let key = parts.first { fields[key] = parts.count > 1 ? parts[1] : "" }
        }
        return fields
    }
}

/// A signed-in admin browser.
struct AdminSession: Sendable {
    var id: String
    var csrf: String
    var expires: Date
}

/// Signed-in admin browsers, in memory (a restart signs everyone out), for eight hours each.
final class AdminSessions: Sendable {
    private let sessions = Mutex<[String: AdminSession]>([:])

    func create() -> AdminSession {
        let session = AdminSession(id: Self.random(), csrf: Self.random(), expires: Date().addingTimeInterval(8 * 3600))
        sessions.withLock { sessions in
            sessions = sessions.filter { $0.value.expires > Date() }
            sessions[session.id] = session
        }
        return session
    }

    func session(_ id: String) -> AdminSession? {
        sessions.withLock { sessions in
            guard let session = sessions[id], session.expires > Date() else { return nil }
            return session
        }
    }

    /// 32 random bytes, hex.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
