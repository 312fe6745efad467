import Testing

@testable import Knowledge

/// The thesaurus reads a word the content does not use as one it does, at a lower weight, for
/// questions only; the words themselves stay as written.
@Suite struct ThesaurusTests {
    let analyzer = TextAnalyzer(
        lexicon: Lexicon(
            synonymGroups: [["sarcasm", "sarcastic"], ["patronising", "talk down"]],
            dictionary: ["snarky", "belittle", "natter", "weather"],
            thesaurus: ["snarky": "sarcastic", "belittle": "patronising", "natter": "talk", "speak": "talk"]))
    let corrector = SpellingCorrector(frequencies: [
        "staff": 1, "sarcasm": 3, "sarcastic": 1, "patronising": 2, "talk": 4, "speak": 2,
    ])

    @Test(arguments: [
        // (question, the words read through the thesaurus, the terms that stand for them)
        ("staff are snarky", ["snarky → sarcastic"], ["staff", "=sarcasm"]),
        ("they belittled me", ["belittled → patronising"], ["=patronising"]),
        ("belittling", ["belittling → patronising"], ["=patronising"]),
        ("can we natter", ["natter → talk"], ["talk"]),
        // A word the content uses is its own meaning, even with an entry.
        ("can we speak", [], ["speak"]),
        // A word with no entry stays unknown.
        ("what is the weather", [], ["weather"]),
    ])
    func everydayWordsAreReadAsTheContentsWords(question: String, expansions: [String], terms: [String]) {
        let analysed = analyzer.analyze(question, corrector: corrector)
        #expect(analysed.expansions.map { "\($0.word) → \($0.meaning)" } == expansions)
        #expect(analysed.terms.map(\.text) == terms)
        // The word read through the thesaurus is the last of each question here.
        #expect(analysed.terms.last?.weight == (expansions.isEmpty ? 1 : TextAnalyzer.thesaurusWeight))
    }

    @Test func aStemWithTwoMeaningsIsLeftOutRatherThanDecidedByChance() {
        let analyzer = TextAnalyzer(
            lexicon: Lexicon(thesaurus: ["appreciate": "value", "appreciation": "hold"]))
        let corrector = SpellingCorrector(frequencies: ["value": 1, "hold": 1])
        #expect(analyzer.analyze("appreciate", corrector: corrector).expansions.map(\.meaning) == ["value"])
        #expect(analyzer.analyze("appreciation", corrector: corrector).expansions.map(\.meaning) == ["hold"])
        // "appreciated" shares the stem of both: no guess.
        #expect(analyzer.analyze("appreciated", corrector: corrector).expansions.isEmpty)
    }

    @Test func theWordsStayAsWritten() {
        let analysed = analyzer.analyze("staff are snarky", corrector: corrector)
        #expect(analysed.words == ["staff", "are", "snarky"])
        #expect(analysed.unknownWords.isEmpty)
    }

    @Test func indexedTextIsNotReadThroughTheThesaurus() {
        // Without a corrector (as the index is built) the content's own words are used as they are.
        #expect(analyzer.analyze("snarky").terms.map(\.text) == [PorterStemmer.stem("snarky")])
        #expect(analyzer.analyze("snarky").expansions.isEmpty)
    }

    @Test func anExpansionWeighsLessThanTheWordItself() {
        let own = analyzer.analyze("sarcastic", corrector: corrector).terms
        let read = analyzer.analyze("snarky", corrector: corrector).terms
        #expect(own.map(\.text) == read.map(\.text))
        #expect(read[0].weight < own[0].weight)
    }
}
