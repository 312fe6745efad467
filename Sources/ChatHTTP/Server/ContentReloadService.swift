import DialogueEngine
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// Re-reads the content on SIGHUP (`systemctl reload`, `kill -HUP`) until the service stops. Content
/// with errors is refused and logged; the running content stays in place.
struct ContentReloadService: Service {
    let review: @Sendable () throws(ContentReview.Failure) -> Content
    let logger: Logger

    func run() async throws {
        // The default action of SIGHUP ends the process: it is ignored, and delivered to the sequence.
        signal(SIGHUP, SIG_IGN)
        let signals = await UnixSignalsSequence(trapping: .sighup)
        await cancelWhenGracefulShutdown {
            for await _ in signals {
                do throws(ContentReview.Failure) {
                    let content = try review()
                    logger.info("content reloaded", metadata: ["intents": "\(content.intentCount)"])
                } catch {
                    logger.error(
                        "content not reloaded; the running content stays in place",
                        metadata: ["errors": "\(error.description)"])
                }
            }
        }
    }
}
