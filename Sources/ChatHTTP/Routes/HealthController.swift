import DialogueEngine
import Foundation
import Hummingbird

/// `GET /api/health`: the process is alive; the body says whether the log's database is writable.
struct HealthController<Context: RequestContext> {
    let log: ResilientLog

    /// The health report.
    struct Health: ResponseEncodable, Equatable {
        var status: String
        var database: ResilientLog.State
        var pendingWrites: Int
        var droppedWrites: Int
    }

    var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self).get("/api/health", use: health)
    }

    @Sendable func health(request: Request, context: Context) async throws -> Health {
        let state = await log.state
        return Health(
            status: state == .ok ? "ok" : "degraded", database: state, pendingWrites: log.pendingCount,
            droppedWrites: log.dropped)
    }
}

/// `GET /metrics`: Prometheus text format.
struct MetricsController<Context: RequestContext> {
    let metrics: ChatMetrics
    let log: ResilientLog

    var endpoints: RouteCollection<Context> {
        RouteCollection(context: Context.self).get("/metrics", use: exposition)
    }

    @Sendable func exposition(request: Request, context: Context) async throws -> Response {
        let text = await metrics.exposition(log: log)
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
