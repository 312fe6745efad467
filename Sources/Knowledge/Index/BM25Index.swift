import Foundation

/// A document of the keyword index: the terms of one charter statement or one intent example.
public struct IndexDocument: Sendable, Equatable {
    /// What the document stands for (an intent or statement id); several documents may share it.
    public var key: String
    /// The analysed terms.
    public var terms: [String]

    /// Makes a document.
    public init(key: String, terms: [String]) {
        self.key = key
        self.terms = terms
    }
}

/// One document's match for a query.
public struct IndexHit: Sendable, Equatable {
    /// The document's position in the index (its key: ``BM25Index/key(of:)``).
    public var document: Int
    /// The Okapi BM25 score.
    public var score: Double
    /// Share of the query's weight (IDF × term weight) found in this document, 0…1.
    public var queryCoverage: Double
    /// Share of the document's weight (IDF) that the query found, 0…1.
    public var documentCoverage: Double
    /// Which of the query's distinct terms (see ``BM25Query/terms``) the document
    /// contains, one bit each; terms past the 64th are not recorded.
    public var matchedTerms: UInt64
}

/// A query made ready by ``BM25Index/prepare(_:)``: its distinct terms looked up once, so that a
/// caller and the search share the lookups.
public struct BM25Query: Sendable {
    /// The query's distinct terms in order of first use, each with its highest weight; bit `i` of
    /// ``IndexHit/matchedTerms`` stands for element `i`.
    public let terms: [Term]
    /// Each term's inverse document frequency (``BM25Index/unseenIDF`` for a term no document has).
    public let idfs: [Double]
    /// Each term's number in the index, or -1.
    let numbers: [Int32]
    /// The sum of IDF × weight over the terms: the whole of the query's coverage.
    public let weight: Double
}

/// An Okapi BM25 keyword index, built once from its documents and never changed. Documents that
/// share a key (the examples of one intent) count as one for a term's rarity (IDF).
///
/// Besides the BM25 score, each hit says how much of the question the document explains
/// (`queryCoverage`): a question sharing one common word with a statement scores low there, which
/// is how "can you communicate with my landlord" is told apart from a question about communication.
///
/// Terms are numbered when the index is built and their postings kept in flat arrays with each
/// posting's BM25 contribution worked out in advance, so a search looks each query term up once.
public struct BM25Index: Sendable {
    /// Term-frequency saturation.
    public let k1: Double
    /// Length normalisation.
    public let b: Double
    private let keys: [String]
    private let documentWeights: [Double]
    private let termNumbers: [String: Int32]
    private let termIDFs: [Double]
    /// Term `t`'s postings are `postingStarts[t]..<postingStarts[t + 1]` of the arrays below.
    private let postingStarts: [Int32]
    private let postingDocuments: [Int32]
    /// IDF × the saturated, length-normalised term frequency: the posting's BM25 score at weight 1.
    private let postingImpacts: [Double]
    /// The IDF given to a term no document contains.
    public let unseenIDF: Double

    /// Indexes `documents`.
    public init(documents: [IndexDocument], k1: Double = 1.2, b: Double = 0.75) {
        self.k1 = k1
        self.b = b
        keys = documents.map(\.key)
        let lengths = documents.map { Double($0.terms.count) }
        let averageLength = documents.isEmpty ? 1 : max(1, lengths.reduce(0, +) / Double(documents.count))
        var termNumbers: [String: Int32] = [:]
        var postings: [[(document: Int32, frequency: Int32)]] = []
        for (index, document) in documents.enumerated() {
            var counts: [String: Int32] = [:]
            var order: [String] = []
            for term in document.terms {
                if counts[term] == nil { order.append(term) }
                counts[term, default: 0] += 1
            }
            for term in order {
                let number: Int32
                if let known = termNumbers[term] {
                    number = known
                } else {
                    number = Int32(postings.count)
                    termNumbers[term] = number
                    postings.append([])
                }
                postings[Int(number)].append((Int32(index), counts[term]!))
            }
        }
        // Rarity is counted per key, not per document: a word that many examples of one intent
        // repeat is that intent's topic, and should not look common because of it.
        let documentKeys = keys
        let keyCount = Double(Set(documentKeys).count)
        let termIDFs = postings.map { list in
            Self.idf(documentFrequency: Double(Set(list.map { documentKeys[Int($0.document)] }).count), total: keyCount)
        }
        var postingStarts: [Int32] = [0]
        var postingDocuments: [Int32] = []
        var postingImpacts: [Double] = []
        for (term, list) in postings.enumerated() {
            for (document, frequency) in list {
                let tf = Double(frequency)
                let norm = k1 * (1 - b + b * lengths[Int(document)] / averageLength)
                postingDocuments.append(document)
                postingImpacts.append(termIDFs[term] * tf * (k1 + 1) / (tf + norm))
            }
            postingStarts.append(Int32(postingDocuments.count))
        }
        self.termNumbers = termNumbers
        self.termIDFs = termIDFs
        self.postingStarts = postingStarts
        self.postingDocuments = postingDocuments
        self.postingImpacts = postingImpacts
        self.unseenIDF = Self.idf(documentFrequency: 1, total: keyCount)
        documentWeights = documents.map { document in
            Set(document.terms).reduce(0) { sum, term in sum + termNumbers[term].map { termIDFs[Int($0)] }! }
        }
    }

    private static func idf(documentFrequency df: Double, total: Double) -> Double {
        log(1 + (total - df + 0.5) / (df + 0.5))
    }

    /// The number of documents.
    public var count: Int { keys.count }

    /// The key of the document a hit found.
    public func key(of hit: IndexHit) -> String {
        keys[hit.document]
    }

    /// Every term of the index.
    public var vocabulary: Set<String> { Set(termNumbers.keys) }

    /// The inverse document frequency of `term` (``unseenIDF`` when no document has it).
    public func idf(_ term: String) -> Double {
        termNumbers[term].map { termIDFs[Int($0)] } ?? unseenIDF
    }

    /// The query's distinct terms in order of first use, each with its highest weight.
    private func distinctTerms(_ query: [Term]) -> [Term] {
        var order: [Term] = []
        order.reserveCapacity(query.count)
        for term in query {
            // Queries are a handful of terms: a scan beats hashing each one.
            if let index = order.firstIndex(where: { $0.text == term.text }) {
                order[index].weight = max(order[index].weight, term.weight)
            } else {
                order.append(term)
            }
        }
        return order
    }

    /// `query` made ready for searching: distinct terms, each looked up once.
    public func prepare(_ query: [Term]) -> BM25Query {
        let terms = distinctTerms(query)
        var numbers: [Int32] = []
        var idfs: [Double] = []
        numbers.reserveCapacity(terms.count)
        idfs.reserveCapacity(terms.count)
        var weight = 0.0
        for term in terms {
            let number = termNumbers[term.text] ?? -1
            let idf = number >= 0 ? termIDFs[Int(number)] : unseenIDF
            numbers.append(number)
            idfs.append(idf)
            weight += idf * term.weight
        }
        return BM25Query(terms: terms, idfs: idfs, numbers: numbers, weight: weight)
    }

    /// The documents that share a term with `query`, best BM25 score first.
    public func search(_ query: [Term], limit: Int = 20) -> [IndexHit] {
        search(prepare(query), limit: limit)
    }

    /// The documents that share a term with `query`, best BM25 score first.
    public func search(_ query: BM25Query, limit: Int = 20) -> [IndexHit] {
        guard query.weight > 0 else { return [] }
        // A slot per document says where its sums are kept; sums are kept only for documents hit,
        // in first-hit order.
        var slots = [Int32](repeating: -1, count: keys.count)
        var touched: [Int32] = []
        var sums: [(score: Double, matchedQuery: Double, matchedDocument: Double, mask: UInt64)] = []
        touched.reserveCapacity(keys.count)
        sums.reserveCapacity(keys.count)
        for position in query.numbers.indices {
            let number = Int(query.numbers[position])
            guard number >= 0 else { continue }
            let weight = query.terms[position].weight
            let idf = termIDFs[number]
            let bit: UInt64 = position < 64 ? 1 << UInt64(position) : 0
            for posting in Int(postingStarts[number])..<Int(postingStarts[number + 1]) {
                let document = Int(postingDocuments[posting])
                var slot = Int(slots[document])
                if slot < 0 {
                    slot = sums.count
                    slots[document] = Int32(slot)
                    touched.append(Int32(document))
                    sums.append((0, 0, 0, 0))
                }
                sums[slot].score += postingImpacts[posting] * weight
                sums[slot].matchedQuery += idf * weight
                sums[slot].matchedDocument += idf
                sums[slot].mask |= bit
            }
        }
        // The best `limit` documents, kept in order as they are found (most are turned away by one
        // comparison with the last kept); only those become `IndexHit`s.
        func ahead(_ a: (score: Double, document: Int32), of b: (score: Double, document: Int32)) -> Bool {
            a.score != b.score ? a.score > b.score : a.document < b.document
        }
        var best: [(score: Double, document: Int32)] = []
        best.reserveCapacity(min(limit, sums.count) + 1)
        for slot in sums.indices where limit > 0 {
            let entry = (score: sums[slot].score, document: touched[slot])
            if best.count == limit, let last = best.last, !ahead(entry, of: last) { continue }
            var low = 0
            var high = best.count
            while low < high {
                let middle = (low + high) / 2
                if ahead(best[middle], of: entry) { low = middle + 1 } else { high = middle }
            }
            best.insert(entry, at: low)
            if best.count > limit { best.removeLast() }
        }
        return best.map { _, document in
            let document = Int(document)
            let slot = Int(slots[document])
            let entry = sums[slot]
            return IndexHit(
                document: document,
                score: entry.score,
                queryCoverage: min(1, entry.matchedQuery / query.weight),
                documentCoverage: documentWeights[document] > 0
                    ? min(1, entry.matchedDocument / documentWeights[document]) : 0,
                matchedTerms: entry.mask
            )
        }
    }
}

// MARK: - Archive

extension BM25Index: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        k1 = try archive.read()
        b = try archive.read()
        keys = try archive.read()
        documentWeights = try archive.readBlock(Double.self)
        termNumbers = try archive.read()
        termIDFs = try archive.readBlock(Double.self)
        postingStarts = try archive.readBlock(Int32.self)
        postingDocuments = try archive.readBlock(Int32.self)
        postingImpacts = try archive.readBlock(Double.self)
        unseenIDF = try archive.read()
        guard keys.count == documentWeights.count, postingStarts.count == termIDFs.count + 1,
            postingDocuments.count == postingImpacts.count, Int(postingStarts.last ?? -1) == postingDocuments.count
        else { throw archive.damage("the index's tables do not agree") }
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(k1)
        archive.write(b)
        archive.write(keys)
        archive.write(block: documentWeights)
        archive.write(termNumbers)
        archive.write(block: termIDFs)
        archive.write(block: postingStarts)
        archive.write(block: postingDocuments)
        archive.write(block: postingImpacts)
        archive.write(unseenIDF)
    }
}
