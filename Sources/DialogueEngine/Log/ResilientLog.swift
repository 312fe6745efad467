public import Foundation
import Synchronization

/// Puts a log in front of the conversation so that storage trouble never breaks it.
///
/// Writes go into a bounded queue. In direct mode (the command line) each write is flushed at
/// once; in queued mode (the server) ``run(every:)`` flushes the queue in batches, one transaction
/// each, so a request never waits on the disk. A failed flush keeps its rows and is retried; when
/// the queue is full the oldest rows are dropped and counted. Failures are reported once
/// (through `report`) until writes work again.
public actor ResilientLog {
    /// Whether writes are working.
    public enum State: String, Sendable, Equatable, Codable {
        /// The last flush worked.
        case ok
        /// The log could not be opened, or the last flush failed.
        case degraded
    }

    private enum Pending: Sendable {
        case question(UnansweredQuestion)
        case safeguarding(SafeguardingEvent)
        case tally(Tally)
        case feedback(Feedback)
    }

    /// Rows waiting to be written and rows given up, behind a lock: adding a row is a few
    /// instructions on the caller's thread, not a hop to this actor.
    private struct Queue {
        var pending: [Pending] = []
        var dropped = 0
    }

    private nonisolated let log: (any UnansweredLog)?
    private let report: @Sendable (String) -> Void
    private nonisolated let queued: Bool
    private nonisolated let capacity: Int
    private nonisolated let queue = Mutex(Queue())
    private var reported = false
    /// The current state.
    public private(set) var state: State
    /// Rows written so far.
    public private(set) var written = 0

    /// Rows that could not be written and were given up.
    public nonisolated var dropped: Int { queue.withLock { $0.dropped } }

    /// Wraps `log`; nil means it could not be opened (`problem` says why, reported once).
    ///
    /// - Parameters:
    ///   - queued: false writes each row at once; true leaves writing to ``run(every:)`` and ``flush()``.
    ///   - capacity: the most rows waiting; beyond it the oldest are dropped.
    public init(
        _ log: (any UnansweredLog)?, problem: String? = nil, queued: Bool = false, capacity: Int = 100_000,
        report: @escaping @Sendable (String) -> Void
    ) {
        self.log = log
        self.report = report
        self.queued = queued
        self.capacity = max(1, capacity)
        self.state = log == nil || problem != nil ? .degraded : .ok
        if let problem {
            report(problem)
            reported = true
        }
    }

    /// Rows waiting to be written.
    public nonisolated var pendingCount: Int { queue.withLock { $0.pending.count } }

    /// Stores the question (now, or with the next flush).
    public nonisolated func record(_ question: UnansweredQuestion) async {
        await enqueue(.question(question))
    }

    /// Counts a safeguarding signal of `category` (now, or with the next flush).
    public nonisolated func recordSafeguarding(
        at date: Date, category: String = "unspecified", channel: Channel, council: String = ""
    ) async {
        await enqueue(
            .safeguarding(SafeguardingEvent(date: date, channel: channel, category: category, council: council)))
    }

    /// Stores a "Was this helpful?" answer (now, or with the next flush).
    public nonisolated func recordFeedback(_ feedback: Feedback) async {
        await enqueue(.feedback(feedback))
    }

    /// Counts a reply of any kind, for the statistics.
    public nonisolated func tally(
        _ kind: Reply.Kind, at date: Date, channel: Channel, style: ReplyStyle = .standard, council: String = ""
    ) async {
        await enqueue(.tally(Tally(date: date, channel: channel, kind: kind, style: style, council: council)))
    }

    private nonisolated func enqueue(_ item: Pending) async {
        let capacity = capacity
        let hasLog = log != nil
        queue.withLock { queue in
            guard hasLog else {
                queue.dropped += 1
                return
            }
            queue.pending.append(item)
            if queue.pending.count > capacity {
                let excess = queue.pending.count - capacity
                queue.pending.removeFirst(excess)
                queue.dropped += excess
            }
        }
        if hasLog && !queued { await flush() }
    }

    /// The flush being written, if any: flushes never overlap, so a failed batch cannot be put
    /// back after a later flush has already run.
    private var inFlight: Task<Void, Never>?

    /// Writes every waiting row in one batch; on failure they wait for the next try. Waits for a
    /// flush already in progress first. The write runs in its own task: cancelling the caller
    /// (a server shutting down) does not cut it short.
    public func flush() async {
        while let running = inFlight {
            await running.value
            if inFlight == running { inFlight = nil }
        }
        let task = Task { await self.writePending() }
        inFlight = task
        await task.value
        if inFlight == task { inFlight = nil }
    }

    private func writePending() async {
        guard let log else { return }
        let batch = queue.withLock { queue in
            let batch = queue.pending
            queue.pending.removeAll(keepingCapacity: true)
            return batch
        }
        guard !batch.isEmpty else { return }
        var rows = LogBatch()
        for item in batch {
            switch item {
            case .question(let question): rows.questions.append(question)
            case .safeguarding(let event): rows.safeguarding.append(event)
            case .tally(let tally): rows.tallies.append(tally)
            case .feedback(let feedback): rows.feedback.append(feedback)
            }
        }
        do {
            try await log.write(rows)
            written += batch.count
            state = .ok
            reported = false
        } catch {
            // Keep the rows, oldest first, for the next try; the bound still holds.
            let capacity = capacity
            queue.withLock { queue in
                let waiting = batch + queue.pending
                if waiting.count > capacity { queue.dropped += waiting.count - capacity }
                queue.pending = Array(waiting.suffix(capacity))
            }
            // A write cut short by shutdown is not a storage fault: the final flush writes the rows.
            if error is CancellationError { return }
            state = .degraded
            if !reported {
                reported = true
                report(
                    "warning: could not write to the unanswered-question log (\(error)); answers go on, but unanswered questions are not being saved until it works again"
                )
            }
        }
    }

    /// Flushes every `interval` until cancelled, then flushes what is left.
    public func run(every interval: Duration = .milliseconds(100)) async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
            } catch {
                break
            }
            await flush()
        }
        // Whatever is left; the write runs in its own task, so this task's cancellation does not stop it.
        await flush()
    }
}
