import Testing

@testable import Knowledge

/// Examples from M.F. Porter, "An algorithm for suffix stripping" (1980), step by step, and from
/// the reference vocabulary published with the algorithm.
@Suite struct PorterStemmerTests {
    @Test(arguments: [
        // Step 1a
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "ti"), ("caress", "caress"), ("cats", "cat"),
        // Step 1b
        ("feed", "feed"), ("agreed", "agre"), ("plastered", "plaster"), ("bled", "bled"), ("motoring", "motor"),
        ("sing", "sing"), ("conflated", "conflat"), ("troubled", "troubl"), ("sized", "size"), ("hopping", "hop"),
        ("tanned", "tan"), ("falling", "fall"), ("hissing", "hiss"), ("fizzed", "fizz"), ("failing", "fail"),
        ("filing", "file"),
        // Step 1c
        ("happy", "happi"), ("sky", "sky"),
        // Step 2
        ("relational", "relat"), ("conditional", "condit"), ("rational", "ration"), ("valenci", "valenc"),
        ("hesitanci", "hesit"), ("digitizer", "digit"), ("conformabli", "conform"), ("radicalli", "radic"),
        ("differentli", "differ"), ("vileli", "vile"), ("analogousli", "analog"), ("vietnamization", "vietnam"),
        ("predication", "predic"), ("operator", "oper"), ("feudalism", "feudal"), ("decisiveness", "decis"),
        ("hopefulness", "hope"), ("callousness", "callous"), ("formaliti", "formal"), ("sensitiviti", "sensit"),
        ("sensibiliti", "sensibl"),
        // Step 3
        ("triplicate", "triplic"), ("formative", "form"), ("formalize", "formal"), ("electriciti", "electr"),
        ("electrical", "electr"), ("hopeful", "hope"), ("goodness", "good"),
        // Step 4
        ("revival", "reviv"), ("allowance", "allow"), ("inference", "infer"), ("airliner", "airlin"),
        ("gyroscopic", "gyroscop"), ("adjustable", "adjust"), ("defensible", "defens"), ("irritant", "irrit"),
        ("replacement", "replac"), ("adjustment", "adjust"), ("dependent", "depend"), ("adoption", "adopt"),
        ("homologou", "homolog"), ("communism", "commun"), ("activate", "activ"), ("angulariti", "angular"),
        ("homologous", "homolog"), ("effective", "effect"), ("bowdlerize", "bowdler"),
        // Step 5
        ("probate", "probat"), ("rate", "rate"), ("cease", "ceas"), ("controll", "control"), ("roll", "roll"),
        // Reference vocabulary
        ("generalizations", "gener"), ("oscillators", "oscil"), ("communication", "commun"),
        ("listening", "listen"), ("listened", "listen"), ("disabilities", "disabl"), ("disability", "disabl"),
    ])
    func stems(word: String, stem: String) {
        #expect(PorterStemmer.stem(word) == stem)
    }

    /// "-ly" after these letters is dropped as in Porter's later English stemmer, so the adverb
    /// meets its adjective; after others, in its exceptions and "friendly", and in a word too short to
    /// hold a stem, it stays.
    @Test(arguments: [
        ("promptly", "prompt"), ("openly", "open"), ("honestly", "honest"), ("quickly", "quick"),
        ("properly", "proper"), ("kindly", "kind"), ("calmly", "calm"), ("clearly", "clear"),
        ("early", "earli"), ("only", "onli"), ("friendly", "friendli"), ("family", "famili"),
        ("reply", "repli"), ("bully", "bulli"), ("rely", "reli"), ("lies", "li"), ("unfriendly", "unfriendli"),
        ("ugly", "ugli"), ("idly", "idli"),
    ])
    func dropsAdverbEndings(word: String, stem: String) {
        #expect(PorterStemmer.stem(word) == stem)
    }

    /// "-ification" is read as "-ify": the noun meets its verb.
    @Test(arguments: [
        ("identification", "identifying"), ("clarification", "clarify"), ("notifications", "notified"),
        ("qualification", "qualify"),
    ])
    func nounsInIficationMeetTheirVerbs(noun: String, verb: String) {
        #expect(PorterStemmer.stem(noun) == PorterStemmer.stem(verb))
    }

    @Test(arguments: ["a", "is", "ab", "café", "co-op", "123", "UPPER"])
    func leavesShortOrNonLetterWordsAlone(word: String) {
        #expect(PorterStemmer.stem(word) == word)
    }
}
