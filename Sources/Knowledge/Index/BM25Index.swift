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
    /// The document's position in the index.
    public var document: Int
    /// The document's key.
    public var key: String
    /// The Okapi BM25 score.
    public var score: Double
    /// Share of the query's weight (IDF × term weight) found in this document, 0…1.
    public var queryCoverage: Double
    /// Share of the document's weight (IDF) that the query found, 0…1.
    public var documentCoverage: Double
    /// Which of the query's distinct terms (see ``BM25Index/distinctTerms(_:)``) the document
    /// contains, one bit each; terms past the 64th are not recorded.
    public var matchedTerms: UInt64
}

/// An Okapi BM25 keyword index, built once from its documents and never changed. Documents that
/// share a key (the examples of one intent) count as one for a term's rarity (IDF).
///
/// Besides the BM25 score, each hit says how much of the question the document explains
/// (`queryCoverage`): a question sharing one common word with a statement scores low there, which
/// is how "can you communicate with my landlord" is told apart from a question about communication.
public struct BM25Index: Sendable {
    /// Term-frequency saturation.
    public let k1: Double
    /// Length normalisation.
    public let b: Double
    private let keys: [String]
    private let lengths: [Double]
    private let documentWeights: [Double]
    private let averageLength: Double
    private let postings: [String: [(document: Int32, frequency: Int32)]]
    private let idfs: [String: Double]
    /// The IDF given to a term no document contains.
    public let unseenIDF: Double

    /// Indexes `documents`.
    public init(documents: [IndexDocument], k1: Double = 1.2, b: Double = 0.75) {
        self.k1 = k1
        self.b = b
        keys = documents.map(\.key)
        lengths = documents.map { Double($0.terms.count) }
        averageLength = documents.isEmpty ? 1 : max(1, lengths.reduce(0, +) / Double(documents.count))
        var postings: [String: [(document: Int32, frequency: Int32)]] = [:]
        for (index, document) in documents.enumerated() {
            var counts: [String: Int32] = [:]
            for term in document.terms { counts[term, default: 0] += 1 }
            for (term, count) in counts { postings[term, default: []].append((Int32(index), count)) }
        }
        // Rarity is counted per key, not per document: a word that many examples of one intent
        // repeat is that intent's topic, and should not look common because of it.
        let documentKeys = documents.map(\.key)
        let keyCount = Double(Set(documentKeys).count)
        var idfs: [String: Double] = [:]
        for (term, list) in postings {
            let keysWithTerm = Double(Set(list.map { documentKeys[Int($0.document)] }).count)
            idfs[term] = Self.idf(documentFrequency: keysWithTerm, total: keyCount)
        }
        let total = keyCount
        self.postings = postings
        self.idfs = idfs
        self.unseenIDF = Self.idf(documentFrequency: 1, total: total)
        documentWeights = documents.map { document in
            Set(document.terms).reduce(0) { $0 + (idfs[$1] ?? 0) }
        }
    }

    private static func idf(documentFrequency df: Double, total: Double) -> Double {
        log(1 + (total - df + 0.5) / (df + 0.5))
    }

    /// The number of documents.
    public var count: Int { keys.count }

    /// True when some document contains `term`.
    public func contains(_ term: String) -> Bool {
        postings[term] != nil
    }

    /// Every term of the index.
    public var vocabulary: Set<String> { Set(postings.keys) }

    /// The inverse document frequency of `term` (``unseenIDF`` when no document has it).
    public func idf(_ term: String) -> Double {
        idfs[term] ?? unseenIDF
    }

    /// The query's distinct terms in order of first use, each with its highest weight; bit `i`
    /// of ``IndexHit/matchedTerms`` stands for element `i`.
    public func distinctTerms(_ query: [Term]) -> [Term] {
        var order: [Term] = []
        var position: [String: Int] = [:]
        for term in query {
            if let index = position[term.text] {
                order[index].weight = max(order[index].weight, term.weight)
            } else {
                position[term.text] = order.count
                order.append(term)
            }
        }
        return order
    }

    /// The weight a term carries in coverage: its IDF times its weight.
    public func coverageWeight(_ term: Term) -> Double {
        idf(term.text) * term.weight
    }

    /// The documents that share a term with `query`, best BM25 score first.
    public func search(_ query: [Term], limit: Int = 20) -> [IndexHit] {
        let distinct = distinctTerms(query)
        let queryWeight = distinct.reduce(0) { $0 + coverageWeight($1) }
        guard queryWeight > 0 else { return [] }
        // Accumulated per document in flat arrays; `touched` lists the documents hit, in first-hit order.
        var scores = [(score: Double, matchedQuery: Double, matchedDocument: Double, mask: UInt64)](
            repeating: (0, 0, 0, 0), count: keys.count)
        var touched: [Int] = []
        for (position, queryTerm) in distinct.enumerated() {
            let term = queryTerm.text
            let weight = queryTerm.weight
            let bit: UInt64 = position < 64 ? 1 << UInt64(position) : 0
            guard let list = postings[term], let idf = idfs[term] else { continue }
            for (document, frequency) in list {
                let document = Int(document)
                let tf = Double(frequency)
                let norm = k1 * (1 - b + b * lengths[document] / averageLength)
                let score = idf * tf * (k1 + 1) / (tf + norm) * weight
                if scores[document].matchedDocument == 0 { touched.append(document) }
                scores[document].score += score
                scores[document].matchedQuery += idf * weight
                scores[document].matchedDocument += idf
                scores[document].mask |= bit
            }
        }
        // Ranked as plain pairs; only the hits kept become `IndexHit`s.
        var order = touched.map { (score: scores[$0].score, document: $0) }
        order.sort { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
        if order.count > limit { order.removeSubrange(limit...) }
        return order.map { _, document in
            let entry = scores[document]
            return IndexHit(
                document: document,
                key: keys[document],
                score: entry.score,
                queryCoverage: min(1, entry.matchedQuery / queryWeight),
                documentCoverage: documentWeights[document] > 0
                    ? min(1, entry.matchedDocument / documentWeights[document]) : 0,
                matchedTerms: entry.mask
            )
        }
    }
}
