import Testing

@testable import Knowledge

@Suite struct TextAnalyzerTests {
    let analyzer = TextAnalyzer(
        lexicon: Lexicon(
            synonymGroups: [
                ["co-production", "coproduction", "co production"],
                ["children", "kids", "young people"],
                ["breaks", "break", "time out"],
            ],
            textSpeak: ["u": "you", "ppl": "people", "2": "to", "wat": "what"],
            weakWords: ["charter", "mean"],
            dictionary: ["price", "rain"]))

    private func terms(_ text: String, corrector: SpellingCorrector? = nil) -> [String] {
        analyzer.analyze(text, corrector: corrector).terms.map(\.text)
    }

    @Test func spellingsOfOneIdeaMeet() {
        let forms = ["co-production", "coproduction", "co production", "Co‑Production"]
        let results = Set(forms.map { Set(terms($0)) })
        #expect(results.count == 1)
    }

    @Test func synonymsShareATerm() {
        #expect(terms("kids") == terms("young people"))
        #expect(terms("time out") == terms("breaks"))
        #expect(terms("a break") == terms("breaks"))
    }

    /// A phrase of a synonym group is met in other forms of its first word, as a one-word member is.
    @Test(arguments: ["i was talked down to", "they keep talking down to me", "she talks down to us"])
    func aPhraseMeetsItsGroupInOtherFormsOfItsFirstWord(text: String) {
        let analyzer = TextAnalyzer(lexicon: Lexicon(synonymGroups: [["patronising", "talk down"]]))
        #expect(analyzer.analyze(text).terms.map(\.text).contains("=patronising"), "\(text)")
        #expect(!analyzer.analyze("they talked to me").terms.map(\.text).contains("=patronising"))
    }

    /// A phrasal verb is met with a short object between its verb and particle, and only then.
    @Test(arguments: [
        ("will they follow it up", true), ("nobody is following things up", true), ("they followed up", true),
        ("follow the long thread up", false), ("follow it", false), ("it is up to them to follow", false),
    ])
    func aPhrasalVerbIsMetAroundItsObject(text: String, meets: Bool) {
        let analyzer = TextAnalyzer(lexicon: Lexicon(synonymGroups: [["follow up", "following up", "followed up"]]))
        #expect(analyzer.analyze(text).terms.map(\.text).contains("=followup") == meets, "\(text)")
    }

    /// "Talk him down" calms someone; only "talk down to" patronises.
    @Test func talkingSomeoneDownIsNotTalkingDownToThem() {
        let analyzer = TextAnalyzer(lexicon: Lexicon(synonymGroups: [["patronising", "talk down"]]))
        #expect(!analyzer.analyze("the staff talk him down calmly").terms.map(\.text).contains("=patronising"))
    }

    /// "4" is text speak for "for" before a pronoun or determiner and at the end of a message; a
    /// number elsewhere.
    @Test(arguments: [
        ("will they have time 4 me", ["will", "they", "have", "time", "for", "me"]),
        ("who is it 4", ["who", "is", "it", "for"]),
        ("who is this charter 4", ["who", "is", "this", "charter", "for"]),
        ("wat is this charter 4", ["what", "is", "this", "charter", "for"]),
        ("what is that meeting 4", ["what", "is", "that", "meeting", "for"]),
        ("what about that part 4", ["what", "about", "that", "part", "4"]),
        ("is he in this year 4", ["is", "he", "in", "this", "year", "4"]),
        ("name the 4 cornerstones", ["name", "the", "4", "cornerstones"]),
        ("name all 4", ["name", "all", "4"]), ("what is part 4", ["what", "is", "part", "4"]),
        ("my daughter is 4", ["my", "daughter", "is", "4"]), ("i have 4 kids", ["i", "have", "4", "kids"]),
    ])
    func fourIsForOnlyWhereItReadsSo(text: String, words: [String]) {
        #expect(analyzer.words(text) == words)
    }

    /// "Only" says how much, not what about: "im only 14" must not meet "not only the SENCO's job".
    @Test func onlyIsAStopWord() {
        #expect(terms("why should they listen to me im only 14") == ["listen"])
    }

    @Test func textSpeakIsExpandedAndStopWordsDropped() {
        let analysed = analyzer.analyze("wat will ppl say 2 u")
        #expect(analysed.words == ["what", "will", "people", "say", "to", "you"])
        #expect(analysed.terms.map(\.text) == ["peopl", "sai"])
        #expect(analysed.typedWords == ["wat", "will", "ppl", "say", "2", "u"])
    }

    @Test(arguments: [
        ("what kind of document is it", ["document"]), ("will they be kind to me", ["kind"]),
        ("what sort of help does it give", ["help", "give"]), ("can they sort it out", ["sort"]),
        ("a different type of help", ["differ", "help"]), ("kind people", ["kind", "peopl"]),
    ])
    func kindOfOnlyPointsOn(text: String, expected: [String]) {
        #expect(terms(text) == expected)
    }

    @Test(arguments: [
        ("can you tell me a bit more", ["tell"]), ("im a little bit worried", ["worri"]),
        ("what are the main bits", ["main", "bit"]), ("tell me a tiny bit more", ["tell"]),
        ("tell me abit more", ["tell"]), ("can you say a little more", ["sai"]),
        ("im a little worried", ["littl", "worri"]),
        ("which bit is about breaks", ["bit", "=breaks"]),
    ])
    func aBitSaysHowMuch(text: String, expected: [String]) {
        #expect(terms(text) == expected)
    }

    /// A word the thesaurus reads as "kind" is still a term before "of": only "kind" as written
    /// points on.
    @Test func aWordReadAsKindIsKeptBeforeOf() {
        let reading = TextAnalyzer(lexicon: Lexicon(dictionary: ["tolerant"], thesaurus: ["tolerant": "kind"]))
        let corrector = SpellingCorrector(frequencies: ["kind": 3, "staff": 2])
        let terms = reading.analyze("are staff tolerant of my son", corrector: corrector).terms.map(\.text)
        #expect(terms.contains("kind"), "\(terms)")
    }

    @Test func typedWordsAreTheWordsBeforeExpansionAndCorrection() {
        let corrector = SpellingCorrector(frequencies: ["listen": 1, "second": 1])
        let plain = analyzer.analyze("the Second one", corrector: corrector)
        #expect(plain.typedWords == ["the", "second", "one"])
        #expect(plain.typedWords == plain.words)
        let fixed = analyzer.analyze("lisen, co-op 2nd", corrector: corrector)
        #expect(fixed.words.first == "listen")
        #expect(fixed.typedWords == ["lisen", "co", "op", "coop", "2nd"])
        #expect(analyzer.analyze("").typedWords.isEmpty)
    }

    @Test func weakWordsWeighLess() {
        let analysed = analyzer.analyze("what does the charter mean")
        #expect(analysed.terms.allSatisfy { $0.weight < 0.5 })
    }

    /// A weak word's other forms are weak too; a weak adverb that stems to its adjective
    /// ("honestly", "honest") is weak only as written.
    @Test(arguments: [
        ("honestly", true), ("honest", false), ("explained", true), ("explain", true), ("reply", true),
        ("replies", true),
    ])
    func weakFormsAndAdverbs(word: String, weak: Bool) {
        let analyzer = TextAnalyzer(lexicon: Lexicon(weakWords: ["honestly", "explain", "reply"]))
        let weight = analyzer.analyze(word).terms.first?.weight
        #expect(weight == (weak ? TextAnalyzer.weakWeight : 1), "\(word): \(String(describing: weight))")
    }

    @Test func misspellingsAreCorrectedButRealWordsAreNot() {
        let corrector = SpellingCorrector(frequencies: ["listen": 1, "place": 1, "main": 1])
        let analysed = analyzer.analyze("lisen price rain", corrector: corrector)
        #expect(analysed.words == ["listen", "price", "rain"])
        #expect(analysed.unknownWords == ["price", "rain"])
        #expect(analysed.terms.first == Term("listen", weight: TextAnalyzer.correctedWeight))
    }
}
