import DialogueEngine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import ChatHTTP

/// CORS, rate limiting, security headers, health, metrics and static files.
@Suite struct PolicyTests {
    private func settings(origins: [String] = [], perMinute: Int = 60, burst: Int = 20) -> ServerSettings {
        var settings = ServerSettings()
        settings.allowedOrigins = origins
        settings.rateLimitPerMinute = perMinute
        settings.rateLimitBurst = burst
        return settings
    }

    @Test func allowedOriginsGetCORSHeadersAndOthersDoNot() async throws {
        let app = try TestSupport.app(TestSupport.service(settings: settings(origins: ["https://www.example.org"])))
        try await app.test(.router) { client in
            let allowed = try await client.execute(
                uri: "/api/chat", method: .post, headers: [.origin: "https://www.example.org"],
                body: TestSupport.json(["message": "hi"]))
            #expect(allowed.headers[.accessControlAllowOrigin] == "https://www.example.org")
            #expect(allowed.headers[.vary] == "Origin")
            let refused = try await client.execute(
                uri: "/api/chat", method: .post, headers: [.origin: "https://evil.example"],
                body: TestSupport.json(["message": "hi"]))
            #expect(refused.headers[.accessControlAllowOrigin] == nil)
            let preflight = try await client.execute(
                uri: "/api/chat", method: .options,
                headers: [.origin: "https://www.example.org", .accessControlRequestMethod: "POST"])
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("POST") == true)
            #expect(preflight.headers[.accessControlAllowHeaders] == "Content-Type")
            let refusedPreflight = try await client.execute(
                uri: "/api/chat", method: .options,
                headers: [.origin: "https://evil.example", .accessControlRequestMethod: "POST"])
            #expect(refusedPreflight.status == .forbidden)
            #expect(refusedPreflight.headers[.accessControlAllowOrigin] == nil)
        }
    }

    @Test func aClientOverTheRateLimitGets429WithRetryAfter() async throws {
        let memory = InMemoryUnansweredLog()
        // One token a minute, so that a slow machine cannot refill the bucket during the test.
        let service = TestSupport.service(settings: settings(perMinute: 1, burst: 3), memory: memory)
        let app = try TestSupport.app(service)
        try await app.test(.router) { client in
            for _ in 0..<3 {
                let response = try await client.execute(
                    uri: "/api/chat", method: .post, body: TestSupport.json(["message": "how do i bake bread"]))
                #expect(response.status == .ok)
            }
            let limited = try await client.execute(
                uri: "/api/chat", method: .post, body: TestSupport.json(["message": "how do i bake bread"]))
            #expect(limited.status == .tooManyRequests)
            // The wait is at most a minute, less by the time the requests took.
            let wait = try #require(limited.headers[.retryAfter].flatMap { Int($0) })
            #expect((1...60).contains(wait), "Retry-After \(wait)")
            #expect(TestSupport.errorCode(limited.body) == "rate_limited")
            // Health checks are not limited.
            let health = try await client.execute(uri: "/api/health", method: .get)
            #expect(health.status == .ok)
        }
        await service.log.flush()
        #expect(await memory.questions.count == 3)
    }

    @Test func tokenBucketRefillsOverTime() {
        let elapsed = Mutex<Duration>(.zero)
        let start = ContinuousClock.now
        let limiter = RateLimiter(perMinute: 60, burst: 2, now: { start + elapsed.withLock { $0 } })
        #expect(limiter.acquire("a") == nil)
        #expect(limiter.acquire("a") == nil)
        #expect(limiter.acquire("a") == 1)
        #expect(limiter.acquire("b") == nil)
        elapsed.withLock { $0 = .seconds(1) }
        #expect(limiter.acquire("a") == nil)
        #expect(limiter.acquire("a") == 1)
    }

    @Test func theClientTableStaysBounded() {
        let limiter = RateLimiter(perMinute: 60, burst: 5, maxClients: 100)
        for index in 0..<1_000 { _ = limiter.acquire("client-\(index)") }
        #expect(limiter.clientCount <= 100)
    }

    @Test func healthReportsADegradedDatabase() async throws {
        let broken = ResilientLog(nil, problem: "cannot open", queued: true, report: { _ in })
        let app = try TestSupport.app(TestSupport.service(log: broken))
        try await app.test(.router) { client in
            let chat = try await client.execute(
                uri: "/api/chat", method: .post, body: TestSupport.json(["message": "hi"]))
            #expect(chat.status == .ok)
            let response = try await client.execute(uri: "/api/health", method: .get)
            #expect(response.status == .ok)
            let health = TestSupport.decode(response.body)
            #expect(health["status"] as? String == "degraded")
            #expect(health["database"] as? String == "degraded")
            // The reply's row could not be kept: health and the metric both count it.
            #expect(health["droppedWrites"] as? Int == 1)
            let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            let dropped = metrics.split(separator: "\n").first { $0.hasPrefix("charter_chat_log_dropped_rows ") }
            #expect(dropped.flatMap { Double($0.split(separator: " ").last ?? "") } == 1)
        }
        let healthy = try TestSupport.app(TestSupport.service())
        try await healthy.test(.router) { client in
            let response = try await client.execute(uri: "/api/health", method: .get)
            #expect(TestSupport.decode(response.body)["status"] as? String == "ok")
        }
    }

    @Test func metricsCountRequestsAndOutcomes() async throws {
        let app = try TestSupport.app(TestSupport.service())
        try await app.test(.router) { client in
            for message in ["what is co-production", "how do i bake bread", "i really want to kill myself"] {
                _ = try await client.execute(
                    uri: "/api/chat", method: .post, body: TestSupport.json(["message": message]))
            }
            _ = try await client.execute(uri: "/api/chat", method: .post, body: ByteBuffer(string: "nope"))
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = String(buffer: response.body)
            #expect(text.contains(#"charter_chat_http_requests_total{route="/api/chat",method="POST",status="200"} 3"#))
            #expect(text.contains(#"charter_chat_http_requests_total{route="/api/chat",method="POST",status="400"} 1"#))
            #expect(text.contains(#"charter_chat_questions_total{outcome="answered"} 1"#))
            #expect(text.contains(#"charter_chat_questions_total{outcome="unanswered"} 1"#))
            #expect(text.contains(#"charter_chat_questions_total{outcome="safeguarding"} 1"#))
            #expect(text.contains("charter_chat_request_duration_seconds_bucket"))
            #expect(text.contains("charter_chat_log_dropped_rows"))
        }
    }

    @Test func securityHeadersAndAStrictPolicyOnHTML() async throws {
        let app = try TestSupport.app(TestSupport.service())
        try await app.test(.router) { client in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let policy = try #require(page.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'none'"))
            #expect(policy.contains("script-src 'self'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(page.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(page.headers[HTTPField.Name("Referrer-Policy")!] != nil)
            let api = try await client.execute(uri: "/api/health", method: .get)
            #expect(api.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(api.headers[.contentSecurityPolicy] == nil)
            #expect(api.headers[HTTPField.Name("X-Frame-Options")!] == nil)
            for response in [page, api] {
                let names = response.headers.map { $0.name.canonicalName }
                #expect(names.count == Set(names).count, "\(names)")
            }
        }
    }

    /// A route that sets one of the security headers itself is overruled, with no second copy.
    @Test func securityHeadersOverruleARoutesOwn() async throws {
        let router = Router()
        router.add(middleware: SecurityHeadersMiddleware())
        router.get("/framed") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/html", HTTPField.Name("X-Frame-Options")!: "SAMEORIGIN"])
        }
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/framed", method: .get)
            #expect(response.headers[values: HTTPField.Name("X-Frame-Options")!] == ["DENY"])
            #expect(response.headers[values: .contentSecurityPolicy] == [ContentSecurityPolicy.html])
            #expect(response.headers[values: HTTPField.Name("X-Content-Type-Options")!] == ["nosniff"])
        }
    }

    @Test func theWidgetIsSmallSelfContainedAndCached() async throws {
        let app = try TestSupport.app(TestSupport.service())
        try await app.test(.router) { client in
            let widget = try await client.execute(uri: "/widget.js", method: .get)
            #expect(widget.status == .ok)
            #expect(widget.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(widget.body.readableBytes < 30 * 1024)
            let source = String(buffer: widget.body)
            #expect(source.contains("attachShadow"))
            #expect(!source.contains("innerHTML"), "replies must be inserted as text")
            #expect(!source.contains("http://") && !source.contains("https://cdn"))
            let etag = try #require(widget.headers[.eTag])
            let again = try await client.execute(uri: "/widget.js", method: .get, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
        }
    }
}
