/// Finds the word a misspelling most likely meant, among a known vocabulary.
///
/// A SymSpell-style index: every word of the vocabulary is stored under each string made by
/// deleting up to `maxDistance` of its letters; a misspelling's own deletions then meet those of
/// its neighbours, and the true edit distance (optimal string alignment) decides. Phonetic
/// spellings ("coproducshun") get a second try after a few sound-alike rewrites.
public struct SpellingCorrector: Sendable {
    /// The largest edit distance ever accepted.
    public let maxDistance: Int
    private let words: [String]
    /// Each word's scalars, for the edit distance.
    private let scalars: [[Unicode.Scalar]]
    private let frequencies: [Int]
    private let known: Set<String>
    /// Vocabulary words by the hash of each of their deletion variants (a hash collision only adds
    /// a candidate, which the true edit distance then rejects).
    private let deletes: DeletionTable

    /// Builds the index from words and how often each occurs (higher wins a tie); `maxDistance`
    /// is at most 2.
    public init(frequencies wordFrequencies: [String: Int], maxDistance: Int = 2) {
        self.maxDistance = min(max(maxDistance, 0), 2)
        let sorted = wordFrequencies.keys.sorted()
        self.words = sorted
        let scalars = sorted.map { Array($0.unicodeScalars) }
        self.scalars = scalars
        self.frequencies = sorted.map { wordFrequencies[$0] ?? 0 }
        self.known = Set(sorted)
        // Room for every variant at once (repeats across words only leave some unused): the table
        // never grows.
        let distance = self.maxDistance
        var deletes = DeletionTable(
            capacity: scalars.reduce(0) { total, word in
                word.count >= 3 ? total + Self.deletionCount(length: word.count, upTo: distance) : total
            })
        for (index, word) in scalars.enumerated() where word.count >= 3 {
            let number = Int32(index)
            Self.forEachDeletion(of: word, upTo: distance) { variant in deletes.add(number, under: variant) }
        }
        self.deletes = deletes
    }

    /// True when the word is in the vocabulary as it is.
    public func isKnown(_ word: String) -> Bool {
        known.contains(word)
    }

    /// The vocabulary word closest to `word`, or nil when none is close enough.
    ///
    /// The distance allowed grows with length: none up to four letters, one up to seven, two from
    /// eight; sound-alike rewrites ("shun" → "tion") are tried as well.
    public func correction(for word: String) -> String? {
        if known.contains(word) { return word }
        let length = word.count
        guard length >= 5, word.allSatisfy({ $0.isLetter }) else { return nil }
        let allowed = min(maxDistance, length >= 8 ? 2 : 1)
        if let best = lookup(word, allowed: allowed) { return best }
        for variant in Self.phoneticVariants(of: word) where variant != word {
            if known.contains(variant) { return variant }
            if let best = lookup(variant, allowed: allowed) { return best }
        }
        return nil
    }

    private func lookup(_ word: String, allowed: Int) -> String? {
        var best: (index: Int, distance: Int, frequency: Int)?
        // Candidates are few (tens): a list is cheaper than a set.
        var seen: [Int32] = []
        let source = Array(word.unicodeScalars)
        // A deletion met twice only looks its candidates up again, and `seen` skips them.
        Self.forEachDeletion(of: source, upTo: allowed) { variant in
            var entry = deletes.firstEntry(under: variant)
            while entry >= 0 {
                let candidate = deletes.word(at: entry)
                entry = deletes.entry(after: entry)
                if seen.contains(candidate) { continue }
                seen.append(candidate)
                let target = scalars[Int(candidate)]
                guard abs(target.count - source.count) <= allowed else { continue }
                let distance = Self.editDistance(source, target, limit: allowed)
                guard distance <= allowed else { continue }
                let frequency = frequencies[Int(candidate)]
                let sameStart = target.first == source.first
                if let current = best {
                    let currentSameStart = scalars[current.index].first == source.first
                    // Ties go to the word first in alphabetical order, whatever order candidates came in.
                    if (distance, sameStart ? 0 : 1, -frequency, Int(candidate)) >= (
                        current.distance, currentSameStart ? 0 : 1, -current.frequency, current.index
                    ) {
                        continue
                    }
                }
                best = (Int(candidate), distance, frequency)
            }
        }
        return best.map { words[$0.index] }
    }

    /// Words by the hash of their deletion variants, in flat arrays rather than an array per
    /// variant (tens of thousands of them): an open-addressing table of variant hashes, each slot
    /// heading a chain of entries.
    private struct DeletionTable: Sendable, Archivable {
        private var variants: [UInt64]
        /// Each slot's first entry (-1: the slot is empty).
        private var heads: [Int32]
        /// Each entry's word, and the entry after it in its chain (-1: the last).
        private var words: [Int32] = []
        private var next: [Int32] = []
        private let shift: UInt64

        /// A table for up to `capacity` entries.
        init(capacity: Int) {
            var bits = 4
            while 1 << bits < capacity + capacity / 2 { bits += 1 }
            variants = Array(repeating: 0, count: 1 << bits)
            heads = Array(repeating: -1, count: 1 << bits)
            shift = UInt64(64 - bits)
            words.reserveCapacity(capacity)
            next.reserveCapacity(capacity)
        }

        /// Where `variant` is, or would go.
        private func slot(of variant: UInt64) -> Int {
            var slot = Int((variant &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while heads[slot] >= 0 && variants[slot] != variant { slot = (slot + 1) & (heads.count - 1) }
            return slot
        }

        /// Files `word` under `variant` once: a word's repeated variants ("bok" twice from "book")
        /// come one after the other, so a repeat is the chain's first entry.
        mutating func add(_ word: Int32, under variant: UInt64) {
            let slot = slot(of: variant)
            let head = heads[slot]
            if head >= 0 && words[Int(head)] == word { return }
            variants[slot] = variant
            words.append(word)
            next.append(head)
            heads[slot] = Int32(words.count - 1)
        }

        /// The first entry filed under `variant` (-1: none).
        func firstEntry(under variant: UInt64) -> Int32 { heads[slot(of: variant)] }
        /// The entry after `entry` under the same variant (-1: none).
        func entry(after entry: Int32) -> Int32 { next[Int(entry)] }
        /// The word of `entry`.
        func word(at entry: Int32) -> Int32 { words[Int(entry)] }

        init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
            variants = try archive.readBlock(UInt64.self)
            heads = try archive.readBlock(Int32.self)
            words = try archive.readBlock(Int32.self)
            next = try archive.readBlock(Int32.self)
            shift = try archive.read(UInt64.self)
            guard variants.count == heads.count, heads.count.nonzeroBitCount == 1, words.count == next.count,
                shift == UInt64(64 - heads.count.trailingZeroBitCount)
            else { throw archive.damage("the spelling index's tables do not agree") }
        }

        func write(to archive: inout ArchiveWriter) {
            archive.write(block: variants)
            archive.write(block: heads)
            archive.write(block: words)
            archive.write(block: next)
            archive.write(shift)
        }
    }

    /// How many times ``forEachDeletion(of:upTo:_:)`` calls its body for a word of `length` scalars.
    static func deletionCount(length: Int, upTo distance: Int) -> Int {
        guard distance >= 1, length > 1 else { return 1 }
        guard distance >= 2, length > 2 else { return 1 + length }
        return 1 + length + length * (length - 1) / 2
    }

    /// Calls `body` with the hash of each string made by deleting up to `distance` (at most 2)
    /// characters, the word itself included, repeats included: FNV-1a over the scalars left, so no
    /// string is ever built.
    static func forEachDeletion(
        of scalars: [Unicode.Scalar], upTo distance: Int, _ body: (UInt64) -> Void
    ) {
        func hash(skipping first: Int, _ second: Int) -> UInt64 {
            var value: UInt64 = 0xcbf2_9ce4_8422_2325
            for (index, scalar) in scalars.enumerated() where index != first && index != second {
                value = (value ^ UInt64(scalar.value)) &* 0x100_0000_01b3
            }
            return value
        }
        body(hash(skipping: -1, -1))
        guard distance >= 1, scalars.count > 1 else { return }
        for first in scalars.indices {
            body(hash(skipping: first, -1))
            guard distance >= 2, scalars.count > 2 else { continue }
            for second in (first + 1)..<scalars.count { body(hash(skipping: first, second)) }
        }
    }

    /// Optimal string alignment distance (edits, with a swap of neighbours as one), stopping early
    /// above `limit`; also used for "did you mean" hints in content errors.
    public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a == b { return 0 }
        let n = a.count
        let m = b.count
        let beyond = limit + 1
        if abs(n - m) > limit { return beyond }
        if n == 0 { return m }
        if m == 0 { return n }
        // Only cells within `limit` of the diagonal can stay within the limit: O(n × limit), not O(n × m).
        // Three rows in one buffer on the stack, turned round by swapping their offsets.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (m + 1)) { rows in
            let width = m + 1
            rows.initialize(repeating: beyond)
            var previousPrevious = 0
            var previous = width
            var current = 2 * width
            for j in 0...min(m, limit) { rows[previous + j] = j }
            for i in 1...n {
                let low = max(1, i - limit)
                let high = min(m, i + limit)
                rows[current] = i <= limit ? i : beyond
                if low > 1 { rows[current + low - 1] = beyond }
                var rowMinimum = rows[current]
                if low <= high {
                    for j in low...high {
                        let cost = a[i - 1] == b[j - 1] ? 0 : 1
                        var value = min(
                            rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                            value = min(value, rows[previousPrevious + j - 2] + 1)
                        }
                        rows[current + j] = min(value, beyond)
                        rowMinimum = min(rowMinimum, rows[current + j])
                    }
                }
                if high < m { rows[current + high + 1] = beyond }
                if rowMinimum > limit { return beyond }
                (previousPrevious, previous, current) = (previous, current, previousPrevious)
            }
            return min(rows[previous + m], beyond)
        }
    }

    /// Sound-alike spellings young writers use, rewritten towards standard English.
    static func phoneticVariants(of word: String) -> [String] {
        let bytes = Array(word.utf8)
        var variants: [String] = []
        for rewrite in rewrites where ByteSearch.contains(rewrite.bytes, in: bytes) {
            variants.append(word.replacingAll(rewrite.from, with: rewrite.to))
        }
        return variants
    }

    private static let rewrites: [(from: String, to: String, bytes: [UInt8])] = [
        ("cshun", "ction"), ("shun", "tion"), ("shon", "tion"), ("tshun", "tion"), ("sion", "tion"),
        ("cum", "come"), ("ph", "f"), ("f", "ph"), ("kw", "qu"), ("z", "s"), ("k", "c"), ("ck", "k"),
        ("ee", "ea"), ("oo", "ou"), ("u", "o"), ("er", "our"), ("iv", "ive"), ("ay", "ai"),
    ].map { ($0, $1, Array($0.utf8)) }
}

extension String {
    /// Replaces every occurrence of `target` with `replacement` without Foundation.
    package func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}

// MARK: - Archive

extension SpellingCorrector: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        maxDistance = try archive.read()
        words = try archive.read()
        frequencies = try archive.read()
        deletes = try archive.read(DeletionTable.self)
        guard words.count == frequencies.count else { throw archive.damage("the spelling index's words do not agree") }
        scalars = words.map { Array($0.unicodeScalars) }
        known = Set(words)
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(maxDistance)
        archive.write(words)
        archive.write(frequencies)
        archive.write(deletes)
    }
}
