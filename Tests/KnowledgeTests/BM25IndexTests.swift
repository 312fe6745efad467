import Testing

@testable import Knowledge

@Suite struct BM25IndexTests {
    let index = BM25Index(documents: [
        IndexDocument(key: "breaks", terms: ["space", "break", "commun"]),
        IndexDocument(key: "listen", terms: ["listen", "understand"]),
        IndexDocument(key: "listen-calm", terms: ["listen", "calm", "respect"]),
        IndexDocument(key: "voices", terms: ["voic", "heard", "valu"]),
        IndexDocument(key: "long", terms: ["listen", "a", "b", "c", "d", "e", "f", "g", "h"]),
    ])

    private func query(_ terms: String...) -> [Term] { terms.map { Term($0) } }

    @Test func rareTermsOutweighCommonOnes() {
        #expect(index.idf("calm") > index.idf("listen"))
        #expect(index.idf("unseen") >= index.idf("calm"))
    }

    @Test func ranksTheDocumentWithMoreMatchesFirst() {
        let hits = index.search(query("listen", "calm"))
        #expect(hits.first.map(index.key(of:)) == "listen-calm")
        #expect(hits.map(index.key(of:)).contains("listen"))
    }

    @Test func shorterDocumentsWinTies() {
        let hits = index.search(query("listen"))
        #expect(hits.last.map(index.key(of:)) == "long")
    }

    @Test func coverageSaysHowMuchOfTheQueryIsExplained() throws {
        let full = try #require(index.search(query("break")).first)
        #expect(full.queryCoverage == 1)
        let half = try #require(index.search(query("break", "landlord")).first)
        #expect(half.queryCoverage < 0.55)
        #expect(half.documentCoverage < 1)
        #expect(half.matchedTerms == 0b01)
    }

    @Test func noSharedTermMeansNoHit() {
        #expect(index.search(query("pancak")).isEmpty)
        #expect(index.search([]).isEmpty)
    }

    @Test func weightsLowerAMatchsShare() throws {
        let plain = try #require(index.search([Term("break"), Term("calm")]).first { index.key(of: $0) == "breaks" })
        let weak = try #require(
            index.search([Term("break"), Term("calm", weight: 0.2)]).first { index.key(of: $0) == "breaks" })
        #expect(weak.queryCoverage > plain.queryCoverage)
    }
}
