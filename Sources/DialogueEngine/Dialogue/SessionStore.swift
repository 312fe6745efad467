import Foundation
import Synchronization

/// The conversations in progress: each session's context, forgotten after an idle time, and at
/// most `capacity` of them (the least recently used goes first), so memory stays bounded.
///
/// A lock, not an actor: reading and saving a context are short, and a reply should not wait for
/// two hops to another executor.
package final class SessionStore: Sendable {
    /// A source of the current time, injected so tests can move it.
    package typealias Now = @Sendable () -> ContinuousClock.Instant

    /// A class, so that looking at an entry's time or sequence does not copy its context (every
    /// list in it retained and released), and a save changes the entry in place.
    private final class Entry {
        var context: DialogueContext
        var lastUsed: ContinuousClock.Instant
        var sequence: UInt64

        init(context: DialogueContext, lastUsed: ContinuousClock.Instant, sequence: UInt64) {
            self.context = context
            self.lastUsed = lastUsed
            self.sequence = sequence
        }
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var sequence: UInt64 = 0
        var order: [(id: String, sequence: UInt64)] = []
        /// Where the live part of `order` starts: dropping from the front is a move of this mark.
        var start = 0
    }

    private let ttl: Duration
    private let capacity: Int
    private let now: Now
    private let state = Mutex(State())

    /// Makes a store whose contexts expire after `ttl` idle and which holds at most `capacity`.
    package init(ttl: Duration, capacity: Int, now: @escaping Now = { ContinuousClock.now }) {
        self.ttl = ttl
        self.capacity = max(1, capacity)
        self.now = now
    }

    /// The number of live sessions.
    package var count: Int { state.withLock { $0.entries.count } }

    /// The context of `id`, or an empty one when it is new or expired.
    package func context(for id: String) -> DialogueContext {
        let instant = now()
        return state.withLock { state in
            guard let entry = state.entries[id] else { return DialogueContext() }
            if instant - entry.lastUsed > ttl {
                state.entries[id] = nil
                return DialogueContext()
            }
            return entry.context
        }
    }

    /// Stores the context of `id`, evicting expired and then least recently used sessions.
    package func save(_ context: DialogueContext, for id: String) {
        var context = context
        store(&context, for: id) { _ in }
    }

    /// Stores the context of `id` with `message` added to its recent replies, of which it keeps
    /// the last `limit`. The list is added to in place when the caller gives up its copy (`consume`).
    package func save(
        _ context: consuming DialogueContext, for id: String, adding message: RecentMessage, keeping limit: Int
    ) {
        var context = context
        store(&context, for: id) { context in
            context.recent.append(message)
            if context.recent.count > limit { context.recent.removeFirst(context.recent.count - limit) }
        }
    }

    /// Stores `context` after `change`, evicting expired and then least recently used sessions.
    /// The stored copy is dropped first, so that `change` finds the context's lists unshared.
    private func store(
        _ context: inout DialogueContext, for id: String, after change: (inout DialogueContext) -> Void
    ) {
        let instant = now()
        state.withLock { state in
            state.sequence += 1
            if let entry = state.entries[id] {
                // The stored copy goes first, so that the change finds the lists unshared.
                entry.context = DialogueContext()
                change(&context)
                entry.context = context
                entry.lastUsed = instant
                entry.sequence = state.sequence
            } else {
                change(&context)
                state.entries[id] = Entry(context: context, lastUsed: instant, sequence: state.sequence)
            }
            state.order.append((id, state.sequence))
            if state.order.count - state.start > capacity * 2 { compact(&state) }
            while state.entries.count > capacity, state.start < state.order.count {
                let oldest = state.order[state.start]
                state.start += 1
                if let entry = state.entries[oldest.id], entry.sequence == oldest.sequence {
                    state.entries[oldest.id] = nil
                }
            }
            if state.start < state.order.count, let entry = state.entries[state.order[state.start].id],
                instant - entry.lastUsed > ttl
            {
                state.entries = state.entries.filter { instant - $0.value.lastUsed <= ttl }
                compact(&state)
            }
            if state.start > 1_024 && state.start * 2 > state.order.count { compact(&state) }
        }
    }

    private func compact(_ state: inout State) {
        let entries = state.entries
        state.order = state.order[state.start...].filter { entries[$0.id]?.sequence == $0.sequence }
        state.start = 0
    }
}
