import Knowledge
import Testing

@testable import DialogueEngine

@Suite struct SafeguardingPatternTests {
    static let lists = ["family": ["mum", "step dad", "@elders"], "elders": ["nan"], "me": ["me", "myself"]]
    static let analyzer = TextAnalyzer(lexicon: Lexicon())

    /// The positions a rule matches in `message`, or nil.
    static func match(_ rule: String, _ message: String, guards: [String] = []) -> [String]? {
        let rules = SafeguardingRules(
            categories: [SafeguardingRules.Category(id: "test", reply: "r", rules: [.init(rule)])], lists: lists,
            guards: guards.map { .init($0) })
        let detector = SafeguardingDetector(rules: rules, analyzer: analyzer)
        return detector.detect(words: analyzer.words(message))?.words
    }

    @Test(arguments: [
        // (rule, message, the words matched or nil)
        ("hurt me", "he keeps hurting me", ["hurting", "me"]),
        ("hurt me", "it hurts my little brother me", nil),
        ("hit|slap @me", "she slaps myself", ["slaps", "myself"]),
        ("@family ... hit me", "my step dad came home late and hit me", ["step", "dad", "hit", "me"]),
        ("@family hits", "nan hits", ["nan", "hits"]),
        ("(on my own|alone) ... days", "left on my own for days", ["on", "my", "own", "days"]),
        ("(on my own|alone) ... days", "on my days", nil),
        ("(on my own)|alone|(by myself) ... days", "left by myself for days", ["by", "myself", "days"]),
        ("(checks her)|\"controlling\"", "my xbox controller is dead", nil),
        ("(checks her)|\"controlling\"", "he is controlling", ["controlling"]),
        ("scared $", "im so scared lol", ["scared"]),
        ("scared $", "scared of the spiders in my room", nil),
        ("\"touched\" me", "get in touch with me", nil),
        ("\"touched\" me", "he touched me", ["touched", "me"]),
        ("pics & pay|money", "pay or he posts my pics", ["pay", "pics"]),
        ("pics & pay|money", "he posts my pics", nil),
    ])
    func patternsMatchAsDocumented(rule: String, message: String, expected: [String]?) {
        #expect(Self.match(rule, message) == expected, "'\(rule)' on '\(message)'")
    }

    /// The detector tries only rules whose rarest part has a word in the message; a rule whose
    /// rare word comes late, or sits in an `&` pattern, must still be found.
    @Test(
        arguments: [
            ("my nan took off her belt", ["nan", "belt"]),
            ("my nan was late", nil),
            ("he has got pics of me", ["pics", "me"]),
            ("he has got me", nil),
            ("mum said i was useless again", ["mum", "useless"]),
            // The rare part's key is its first word's stem, its exact word, or a phrase's first word.
            ("my nan keeps her belts in a drawer", ["nan", "belts"]),
            ("he touched my mum", ["touched", "mum"]),
            ("he touches my mum", nil),
            ("step dad gave me a black eye", ["step", "dad", "black", "eye"]),
            ("step dad has a black cat", nil),
        ] as [(String, [String]?)])
    func rulesAreFoundByTheirRarestPart(message: String, expected: [String]?) {
        let rules = SafeguardingRules(
            categories: [
                SafeguardingRules.Category(
                    id: "test", reply: "r",
                    rules: [
                        .init("@family ... belt"), .init("@me & pics"), .init("@family ... useless|worthless"),
                        .init("\"touched\" ... @family"), .init("@family ... (black eye)"),
                    ])
            ], lists: Self.lists, guards: [])
        let detector = SafeguardingDetector(rules: rules, analyzer: Self.analyzer)
        #expect(detector.detect(words: Self.analyzer.words(message))?.words == expected, "'\(message)'")
    }

    @Test func guardsHideTheirWordsFromRules() {
        #expect(Self.match("kill", "killing it at football", guards: ["killing it"]) == nil)
        #expect(Self.match("kill", "he will kill me", guards: ["killing it"]) == ["kill"])
    }

    /// A guard sets aside a rule's match that lies in its span when the guard's own words (read
    /// nearest its end) are the rule's key words, those of its rarest part, or half of its words.
    @Test(arguments: [
        // (rule, guard, message, the words matched or nil when set aside)
        ("@family ... hit|push @me", "@family ... hit|push @me ... accident", "mum hit me by accident", nil),
        (
            "@family ... hit|push @me", "@family ... hit|push @me ... accident",
            "mum hit me then push me by accident", ["mum", "hit", "me"]
        ),
        ("afraid", "spiders ... afraid", "spiders in my room i am afraid", nil),
        ("kill", "killing it", "killing it and he will kill me", ["kill"]),
    ])
    func guardsSetAsideOnlyWhatTheirOwnWordsSay(rule: String, guard: String, message: String, expected: [String]?) {
        #expect(
            Self.match(rule, message, guards: [`guard`]) == expected,
            "'\(rule)' guarded by '\(`guard`)' on '\(message)'")
    }

    /// Half of a rule's words said by the guard's own set the match aside, even when its key word
    /// ("nan", rarer than "beat" among these rules) lies between them.
    @Test func halfOfARulesWordsSaidByAGuardSetItAside() {
        let rules = SafeguardingRules(
            categories: [
                SafeguardingRules.Category(id: "test", reply: "r", rules: [.init("beat ... nan"), .init("beat me")])
            ],
            lists: [:], guards: [.init("beat ... chess")])
        let detector = SafeguardingDetector(rules: rules, analyzer: Self.analyzer)
        #expect(detector.detect(words: Self.analyzer.words("i can never beat my nan at chess")) == nil)
        #expect(detector.detect(words: Self.analyzer.words("i beat my nan"))?.words == ["beat", "nan"])
    }

    @Test func aPatternReadsFromTheStartOrNearestItsEnd() throws {
        let pattern = try #require(
            SafeguardingPattern.rule("mum ... hit ... me", lists: [:], analyzer: Self.analyzer).first)
        let words = Self.analyzer.words("mum hit me and hit me again")
        let stems = words.map(PorterStemmer.stem)
        #expect(pattern.match(at: 0, words: words, stems: stems) == [0, 1, 2])
        #expect(pattern.match(at: 0, words: words, stems: stems, latest: true) == [0, 4, 5])
        #expect(pattern.match(at: 1, words: words, stems: stems, latest: true) == nil)
        // Within a clause, no gap reaches past "then".
        let clauses = Self.analyzer.words("mum hit me then it was me")
        let clauseStems = clauses.map(PorterStemmer.stem)
        #expect(pattern.match(at: 0, words: clauses, stems: clauseStems) == [0, 1, 2])
        let wide = try #require(
            SafeguardingPattern.rule("mum ... was ... me", lists: [:], analyzer: Self.analyzer).first)
        #expect(wide.match(at: 0, words: clauses, stems: clauseStems) == [0, 5, 6])
        #expect(wide.match(at: 0, words: clauses, stems: clauseStems, withinClause: true) == nil)
    }

    @Test func disclosuresWinOverPossibleRiskWhateverTheOrder() {
        let rules = SafeguardingRules(
            categories: [
                SafeguardingRules.Category(id: "low", tier: .possibleRisk, reply: "r", rules: [.init("scared")]),
                SafeguardingRules.Category(id: "high", reply: "r", rules: [.init("hit me")]),
            ], lists: [:])
        let detector = SafeguardingDetector(rules: rules, analyzer: Self.analyzer)
        #expect(detector.detect(words: Self.analyzer.words("im scared he will hit me"))?.category == "high")
        #expect(detector.detect(words: Self.analyzer.words("im scared"))?.tier == .possibleRisk)
    }

    @Test(arguments: [
        ("hit @famly", "unknown word list '@famly' (did you mean '@family'?)"),
        ("(on my own|alone", "'(' without ')'"),
        ("(a|(b c))", "a group inside a group"),
        ("hit||me", "empty alternative"),
        ("(at @me|near)", "a word list cannot be part of a longer alternative"),
        ("...", "the pattern has no words"),
        ("x(a|b)", "mixes a group with other letters"),
        ("(a|b)(c|d)", "mixes a group with other letters"),
        ("(a ... b|c)", "inside the group"),
        ("\"hold me\"", "is not one quoted word"),
        ("scared $ now", "'$' must be the last part"),
        ("hit ...", "'...' at the end"),
    ])
    func badRulesSayWhatIsWrong(rule: String, message: String) {
        #expect {
            _ = try SafeguardingPattern.rule(rule, lists: Self.lists, analyzer: Self.analyzer)
        } throws: { error in
            (error as? SafeguardingPattern.ParseError)?.message.contains(message) == true
        }
    }
}
