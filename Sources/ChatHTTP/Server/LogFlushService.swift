import DialogueEngine
import ServiceLifecycle

/// Writes the queued log rows in the background, and all that is left when the service stops.
/// It is listed before the HTTP server, so on shutdown the server stops first (in-flight requests
/// finish) and this flushes after it.
struct LogFlushService: Service {
    let log: ResilientLog
    let interval: Duration

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await log.run(every: interval)
        }
    }
}
