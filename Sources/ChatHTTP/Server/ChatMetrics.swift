import CoreMetrics
import DialogueEngine
import Foundation
import Prometheus
import Synchronization

/// The service's metrics in Prometheus form: requests by route and status, replies by kind, and
/// request latency. It owns its registry (no global metrics system), so every app and every test
/// has its own.
public struct ChatMetrics: Sendable {
    private let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    /// Counters and timers made once and reused: making one looks it up in the registry.
    private let handles = Handles()
    private let outcomes: [String: CoreMetrics.Counter]

    private final class Handles: Sendable {
        let requests = Mutex<[String: (CoreMetrics.Counter, CoreMetrics.Timer)]>([:])
    }

    /// Makes an empty set of metrics.
    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["charter_chat_request_duration_seconds"] = [
            .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2.5),
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1),
        ]
        self.factory = factory
        var outcomes: [String: CoreMetrics.Counter] = [:]
        for outcome in ["answered", "unanswered", "safeguarding"] {
            outcomes[outcome] = Counter(
                label: "charter_chat_questions_total", dimensions: [("outcome", outcome)], factory: factory)
        }
        self.outcomes = outcomes
    }

    /// Counts a finished request and records how long it took.
    func request(route: String, method: String, status: Int, duration: Duration) {
        let key = "\(method) \(status) \(route)"
        let (counter, timer) = handles.requests.withLock { handles in
            if let found = handles[key] { return found }
            let made = (
                Counter(
                    label: "charter_chat_http_requests_total",
                    dimensions: [("route", route), ("method", method), ("status", String(status))], factory: factory),
                Timer(label: "charter_chat_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            )
            // Routes, methods and statuses are few, but a client may invent methods: keep the table bounded.
            if handles.count < 1_000 { handles[key] = made }
            return made
        }
        counter.increment()
        timer.recordNanoseconds(duration.nanoseconds)
    }

    /// Counts a reply by what it was.
    func reply(_ reply: Reply) {
        let outcome: String
        switch reply.kind {
        case .answer, .smalltalk: outcome = "answered"
        case .clarify, .fallback: outcome = "unanswered"
        case .safeguarding: outcome = "safeguarding"
        }
        outcomes[outcome]?.increment()
    }

    /// The metrics in the Prometheus text format, with the log's state read now.
    func exposition(log: ResilientLog) async -> String {
        let dropped = log.dropped
        let pending = log.pendingCount
        let written = await log.written
        let degraded = await log.state == .degraded
        Gauge(label: "charter_chat_log_dropped_rows", factory: factory).record(dropped)
        Gauge(label: "charter_chat_log_pending_rows", factory: factory).record(pending)
        Gauge(label: "charter_chat_log_written_rows", factory: factory).record(written)
        Gauge(label: "charter_chat_log_degraded", factory: factory).record(degraded ? 1 : 0)
        return registry.emitToString()
    }
}

extension Duration {
    /// The whole duration in nanoseconds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
