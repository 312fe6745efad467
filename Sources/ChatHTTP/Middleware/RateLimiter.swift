import Synchronization

/// A token bucket per client: `burst` requests at once, refilled at `perMinute`. The table of
/// clients is bounded: when it is full, clients whose buckets are full again are forgotten first.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let ratePerSecond: Double
    private let burst: Double
    private let maxClients: Int
    private let now: @Sendable () -> ContinuousClock.Instant
    private let buckets = Mutex<[String: Bucket]>([:])

    init(
        perMinute: Int, burst: Int, maxClients: Int = 100_000,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.ratePerSecond = Double(max(1, perMinute)) / 60
        self.burst = Double(max(1, burst))
        self.maxClients = maxClients
        self.now = now
    }

    /// The number of clients remembered.
    var clientCount: Int { buckets.withLock { $0.count } }

    /// Takes a token for `client`: nil when allowed, or the seconds to wait when not.
    func acquire(_ client: String) -> Int? {
        let instant = now()
        return buckets.withLock { buckets in
            var bucket = buckets[client] ?? Bucket(tokens: burst, updated: instant)
            let elapsed =
                Double((instant - bucket.updated).components.seconds)
                + Double((instant - bucket.updated).components.attoseconds) / 1e18
            bucket.tokens = min(burst, bucket.tokens + elapsed * ratePerSecond)
            bucket.updated = instant
            var wait: Int?
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
            } else {
                wait = Int(((1 - bucket.tokens) / ratePerSecond).rounded(.up))
            }
            if buckets[client] == nil, buckets.count >= maxClients {
                Self.prune(&buckets, at: instant, ratePerSecond: ratePerSecond, burst: burst, keep: maxClients / 2)
            }
            buckets[client] = bucket
            return wait
        }
    }

    private static func prune(
        _ buckets: inout [String: Bucket], at instant: ContinuousClock.Instant, ratePerSecond: Double, burst: Double,
        keep: Int
    ) {
        // Clients whose bucket has refilled lose nothing by being forgotten.
        buckets = buckets.filter { _, bucket in
            let elapsed = Double((instant - bucket.updated).components.seconds)
            return bucket.tokens + elapsed * ratePerSecond < burst
        }
        if buckets.count > keep {
            let newest = buckets.sorted { $0.value.updated > $1.value.updated }.prefix(keep)
            buckets = Dictionary(uniqueKeysWithValues: newest.map { ($0.key, $0.value) })
        }
    }
}
