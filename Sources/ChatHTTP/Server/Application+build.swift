public import DialogueEngine
public import Hummingbird
public import Logging

/// The service's parts, so that tests can reach the log and metrics behind a built application.
public struct ChatService: Sendable {
    /// The assistant answering messages.
    public let assistant: Assistant
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
    /// Where the content is read from, for assigning questions to intents and reloading.
    public let contentSource: ContentSource?

    /// Collects the parts.
    public init(
        assistant: Assistant, log: ResilientLog, metrics: ChatMetrics = ChatMetrics(), settings: ServerSettings,
        dailyMaintenance: (@Sendable () async -> Void)? = nil, review: SQLiteUnansweredLog? = nil,
        contentSource: ContentSource? = nil
    ) {
        self.review = review
        self.contentSource = contentSource
        self.contentReview = contentSource.map { ContentReview(source: $0, log: review, assistant: assistant) }
        self.assistant = assistant
        self.log = log
        self.metrics = metrics
        self.settings = settings
        self.dailyMaintenance = dailyMaintenance
    }

    /// Staff actions (assign, ignore, reload) over the content directory and the stored log; nil
    /// when the content directory is not known. One value, so that assignments take turns.
    public let contentReview: ContentReview?

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
            + (service.contentReview.map { review in
                [
                    ContentReloadService(
                        review: { () throws(ContentReview.Failure) in try review.reload() }, logger: logger)
                ]
            } ?? []),
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
            assistant: service.assistant, metrics: service.metrics, maxMessageLength: settings.maxMessageLength,
            maxBodySize: settings.maxBodySize
        ).endpoints)
    router.addRoutes(
        FeedbackController(assistant: service.assistant, maxBodySize: settings.maxBodySize).endpoints)
    router.addRoutes(HealthController(log: service.log).endpoints)
    router.addRoutes(MetricsController(metrics: service.metrics, log: service.log).endpoints)
    router.addRoutes(try StaticController().endpoints)
    if let token = settings.adminToken {
        router.addRoutes(AdminController(service: service, token: token).endpoints)
    }
    return router
}
