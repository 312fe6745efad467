import Foundation

/// The conversations in progress: each session's context, forgotten after an idle time, and at
/// most `capacity` of them (the least recently used goes first), so memory stays bounded.
package actor SessionStore {
    /// A source of the current time, injected so tests can move it.
    package typealias Now = @Sendable () -> ContinuousClock.Instant

    private struct Entry {
        var context: DialogueContext
        var lastUsed: ContinuousClock.Instant
        var sequence: UInt64
    }

    private let ttl: Duration
    private let capacity: Int
    private let now: Now
    private var entries: [String: Entry] = [:]
    private var sequence: UInt64 = 0
    private var order: [(id: String, sequence: UInt64)] = []

    /// Makes a store whose contexts expire after `ttl` idle and which holds at most `capacity`.
    package init(ttl: Duration, capacity: Int, now: @escaping Now = { ContinuousClock.now }) {
        self.ttl = ttl
        self.capacity = max(1, capacity)
        self.now = now
    }

    /// The number of live sessions.
    package var count: Int { entries.count }

    /// The context of `id`, or an empty one when it is new or expired.
    package func context(for id: String) -> DialogueContext {
        guard let entry = entries[id] else { return DialogueContext() }
        if now() - entry.lastUsed > ttl {
            entries[id] = nil
            return DialogueContext()
        }
        return entry.context
    }

    /// Stores the context of `id`, evicting expired and then least recently used sessions.
    package func save(_ context: DialogueContext, for id: String) {
        let instant = now()
        sequence += 1
        entries[id] = Entry(context: context, lastUsed: instant, sequence: sequence)
        order.append((id, sequence))
        if order.count > capacity * 2 { compactOrder() }
        while entries.count > capacity, !order.isEmpty {
            let oldest = order.removeFirst()
            if let entry = entries[oldest.id], entry.sequence == oldest.sequence { entries[oldest.id] = nil }
        }
        if let first = order.first, let entry = entries[first.id], instant - entry.lastUsed > ttl {
            removeExpired(at: instant)
        }
    }

    private func removeExpired(at instant: ContinuousClock.Instant) {
        entries = entries.filter { instant - $0.value.lastUsed <= ttl }
        compactOrder()
    }

    private func compactOrder() {
        order = order.filter { entries[$0.id]?.sequence == $0.sequence }
    }
}
