import ServiceLifecycle

/// Runs the daily maintenance (deleting questions past their retention) once a day until the
/// service stops.
struct DailyMaintenanceService: Service {
    let task: @Sendable () async -> Void
    let interval: Duration

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
                await task()
            }
        }
    }
}
