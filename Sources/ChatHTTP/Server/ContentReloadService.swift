import DialogueEngine
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// Re-reads the content on SIGHUP (`systemctl reload`, `kill -HUP`) until the service stops. Content
/// with errors is refused and logged; the running content stays in place.
struct ContentReloadService: Service {
    /// Re-reads the content and answers from it, or says why not.
    let review: @Sendable () throws(ContentReview.Failure) -> Content
    /// Where reloads and refusals are reported.
    let logger: Logger

    /// Waits for SIGHUP until graceful shutdown; each one reloads the content.
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
