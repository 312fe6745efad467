import Testing

@testable import DialogueEngine

/// The pool of random bytes that session ids are drawn from.
@Suite struct RandomPoolTests {
    /// 4 KiB hold 256 draws: draws on both sides of several refills are all different, and their
    /// bytes are not a constant or a counter.
    @Test func drawsAcrossRefillsAreDistinct() {
        let pool = RandomPool()
        let draws = (0..<1000).map { _ in pool.sixteenBytes() }
        #expect(Set(draws.map { "\($0.0)-\($0.1)" }).count == draws.count)
        #expect(Set(draws.map(\.0)).count == draws.count)
        // Over 16,000 random bytes every byte value turns up.
        var seen = Set<UInt8>()
        for (first, second) in draws {
            withUnsafeBytes(of: (first, second)) { seen.formUnion($0) }
        }
        #expect(seen.count == 256)
    }

    /// Two pools draw independently.
    @Test func twoPoolsDoNotRepeatEachOther() {
        let first = (0..<300).map { _ in RandomPool().sixteenBytes() }.map { "\($0.0)-\($0.1)" }
        #expect(Set(first).count == first.count)
    }
}
