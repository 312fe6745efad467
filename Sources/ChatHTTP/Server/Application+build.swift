public import DialogueEngine
public import Hummingbird
public import Logging

/// The service's parts, so that tests can reach the log and metrics behind a built application.
public struct ChatService: Sendable {
    /// The councils served, in the order given; the first answers when a request names none and
    /// it is the only one.
    public let councils: [CouncilService]
    /// The first council's assistant.
    public var assistant: Assistant { councils[0].assistant }
    /// The queued unanswered-question log.
    public let log: ResilientLog
    /// The metrics.
    public let metrics: ChatMetrics
    /// The settings.
    public let settings: ServerSettings
    /// Work to run once a day (deleting questions past their retention).
    public let dailyMaintenance: (@Sendable () async -> Void)?
    /// The stored log, for the staff review (`/admin`); nil when it could not be opened.
    public let review: SQLiteUnansweredLog?

    /// Collects the parts for one council, read from `contentSource` (nil for the built-in content).
    public init(
        assistant: Assistant, log: ResilientLog, metrics: ChatMetrics = ChatMetrics(), settings: ServerSettings,
        dailyMaintenance: (@Sendable () async -> Void)? = nil, review: SQLiteUnansweredLog? = nil,
        contentSource: ContentSource? = nil
    ) {
        let council = CouncilService(
            id: assistant.council, assistant: assistant,
            contentReview: contentSource.map { ContentReview(source: $0, log: review, assistant: assistant) })
        self.init(
            councils: [council], log: log, metrics: metrics, settings: settings, dailyMaintenance: dailyMaintenance,
            review: review)
    }

    /// Collects the parts for one or more councils (at least one).
    public init(
        councils: [CouncilService], log: ResilientLog, metrics: ChatMetrics = ChatMetrics(), settings: ServerSettings,
        dailyMaintenance: (@Sendable () async -> Void)? = nil, review: SQLiteUnansweredLog? = nil
    ) {
        precondition(!councils.isEmpty, "a service needs a council")
        self.councils = councils
        self.review = review
        self.log = log
        self.metrics = metrics
        self.settings = settings
        self.dailyMaintenance = dailyMaintenance
    }

    /// The first council's staff actions (assign, ignore, reload); nil when its content folder is
    /// not known.
    public var contentReview: ContentReview? { councils[0].contentReview }

    /// The council a request names, or the only one when it names none.
    ///
    /// - Throws: a 400 ``APIError`` for an unknown council, or for none when several are served.
    func council(_ id: String?) throws -> CouncilService {
        let names = councils.map { "\"\($0.id)\"" }.joined(separator: ", ")
        guard let id else {
            guard councils.count == 1 else {
                throw APIError(
                    .badRequest, code: "council_required",
                    message: "This server answers for several councils: say which with \"council\" (one of \(names)).")
            }
            return councils[0]
        }
        guard let council = councils.first(where: { $0.id == id }) else {
            throw APIError(
                .badRequest, code: "unknown_council",
                message: "There is no council \"\(id.prefix(64))\" here. Use one of \(names).")
        }
        return council
    }

    /// The council a group of questions was asked of. A group from before councils were recorded
    /// (no council) belongs to the only council served; a group of a council not served here is a
    /// 409 naming it, rather than written into another council's folder.
    func council(ofGroup group: MissedGroup) throws -> CouncilService {
        if let council = councils.first(where: { $0.id == group.council }) { return council }
        if group.council.isEmpty && councils.count == 1 { return councils[0] }
        throw APIError(
            .conflict, code: "council_not_served",
            message: group.council.isEmpty
                ? "This question was stored before councils were recorded; with several councils served, assign it with 'charter-chat missed assign --intents DIR'."
                : "This question was asked of the council \"\(group.council)\", which this server does not serve.")
    }

    /// Every route the service answers (also checked against the OpenAPI document by the tests).
    public static let routes: [RouteDescription] =
        [
            RouteDescription(method: .post, path: "/api/chat"), RouteDescription(method: .get, path: "/api/welcome"),
            RouteDescription(method: .post, path: "/api/feedback"),
            RouteDescription(method: .get, path: "/admin"), RouteDescription(method: .post, path: "/admin/sign-in"),
            RouteDescription(method: .post, path: "/admin/action"),
            RouteDescription(method: .get, path: "/api/admin/missed"),
            RouteDescription(method: .get, path: "/api/admin/missed/{id}"),
            RouteDescription(method: .post, path: "/api/admin/missed/{id}/assign"),
            RouteDescription(method: .post, path: "/api/admin/missed/{id}/ignore"),
            RouteDescription(method: .get, path: "/api/admin/feedback"),
            RouteDescription(method: .get, path: "/api/admin/stats"),
            RouteDescription(method: .get, path: "/api/admin/safeguarding"),
            RouteDescription(method: .get, path: "/api/admin/export"),
            RouteDescription(method: .post, path: "/api/admin/reload"),
            RouteDescription(method: .get, path: "/api/health"),
            RouteDescription(method: .get, path: "/metrics"),
        ]
        + StaticFiles.all.map { RouteDescription(method: .get, path: $0.path) }
}

/// Builds the HTTP application: router, middleware and the background log writer.
public func buildApplication(_ service: ChatService, logger: Logger) throws -> some ApplicationProtocol {
    let router = try buildRouter(service)
    return Application(
        router: router,
        configuration: .init(address: .hostname(service.settings.host, port: service.settings.port), serverName: nil),
        services: [LogFlushService(log: service.log, interval: service.settings.flushInterval)]
            + (service.dailyMaintenance.map { [DailyMaintenanceService(task: $0, interval: .seconds(86_400))] } ?? [])
            + service.councils.compactMap { council in
                council.contentReview.map { review in
                    var logger = logger
                    logger[metadataKey: "council"] = "\(council.id)"
                    return ContentReloadService(
                        review: { () throws(ContentReview.Failure) in try review.reload() }, logger: logger)
                }
            },
        logger: logger)
}

/// Builds the router: metrics, security headers, CORS, errors and rate limit around the routes.
public func buildRouter(_ service: ChatService) throws -> Router<ChatRequestContext> {
    let settings = service.settings
    let router = Router(context: ChatRequestContext.self)
    router.add(middleware: RequestMetricsMiddleware(metrics: service.metrics))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: CORSPolicyMiddleware(allowedOrigins: Set(settings.allowedOrigins)))
    router.add(middleware: ErrorMiddleware(routes: ChatService.routes))
    router.add(
        middleware: RateLimitMiddleware(
            limiter: RateLimiter(perMinute: settings.rateLimitPerMinute, burst: settings.rateLimitBurst),
            trustForwardedFor: settings.trustForwardedFor))
    router.addRoutes(
        ChatController(
            service: service, metrics: service.metrics, maxMessageLength: settings.maxMessageLength,
            maxBodySize: settings.maxBodySize
        ).endpoints)
    router.addRoutes(FeedbackController(service: service, maxBodySize: settings.maxBodySize).endpoints)
    router.addRoutes(HealthController(log: service.log).endpoints)
    router.addRoutes(MetricsController(metrics: service.metrics, log: service.log).endpoints)
    router.addRoutes(try StaticController().endpoints)
    if let token = settings.adminToken {
        router.addRoutes(AdminController(service: service, token: token).endpoints)
    }
    return router
}
