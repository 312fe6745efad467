import Foundation
import Synchronization

/// Work started on a thread of its own while its starter goes on, and collected with ``wait()``.
///
/// Content loads on several threads: the safeguarding rules, the largest file and the slowest to
/// compile, are read and compiled beside the intents and the index, and the learned model is read
/// beside the rules. A thread of its own, not a task:
/// loading is synchronous and may be called from a task, which must not wait on the task pool.
package final class BackgroundWork<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let finished = NSCondition()

    /// Starts `work` at once on a new thread.
    package init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let value = work()
            finished.lock()
            result.withLock { $0 = value }
            finished.broadcast()
            finished.unlock()
        }
        thread.start()
    }

    /// Work already done: `value` is there to collect.
    package init(finished value: Value) {
        result.withLock { $0 = value }
    }

    /// Waits for the work to finish and returns its value.
    package func wait() -> Value {
        finished.lock()
        defer { finished.unlock() }
        while true {
            if let value = result.withLock({ $0 }) { return value }
            finished.wait()
        }
    }
}
