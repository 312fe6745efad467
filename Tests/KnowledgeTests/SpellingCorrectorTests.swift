import Testing

@testable import Knowledge

@Suite struct SpellingCorrectorTests {
    let corrector = SpellingCorrector(frequencies: [
        "coproduction": 3, "welcome": 5, "sarcasm": 1, "listen": 4, "break": 2, "breaks": 2, "disabilities": 1,
        "communicate": 3, "accessible": 2, "together": 6, "stakeholder": 2,
    ])

    @Test(arguments: [
        ("coproducshun", "coproduction"),  // sound-alike spelling
        ("welcum", "welcome"),
        ("sarcasam", "sarcasm"),
        ("lisen", "listen"),
        ("comunicate", "communicate"),
        ("accesible", "accessible"),
        ("togther", "together"),
        ("stakholder", "stakeholder"),
        ("disabilitys", "disabilities"),
    ])
    func correctsNearMisses(typed: String, meant: String) {
        #expect(corrector.correction(for: typed) == meant)
    }

    @Test(arguments: ["xylophone", "pancakes", "brk", "qwertyuiop", "lis"])
    func leavesFarOrShortWordsUncorrected(typed: String) {
        #expect(corrector.correction(for: typed) == nil)
    }

    @Test func knownWordsStayAsTheyAre() {
        #expect(corrector.correction(for: "listen") == "listen")
        #expect(corrector.isKnown("sarcasm"))
        #expect(!corrector.isKnown("sarcasam"))
    }

    @Test(arguments: [
        ("kitten", "sitting", 3), ("abc", "acb", 1), ("", "abc", 3), ("same", "same", 0), ("flaw", "lawn", 2),
    ])
    func measuresEditDistance(a: String, b: String, distance: Int) {
        #expect(SpellingCorrector.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: 5) == distance)
    }

    /// The index is sized from this count: it must be the number of variants there are.
    @Test func deletionCountIsTheNumberOfVariants() {
        for length in 0...9 {
            for distance in 0...2 {
                var calls = 0
                let word = Array(String(repeating: "a", count: length).unicodeScalars)
                SpellingCorrector.forEachDeletion(of: word, upTo: distance) { _ in calls += 1 }
                #expect(
                    SpellingCorrector.deletionCount(length: length, upTo: distance) == calls, "\(length) \(distance)")
            }
        }
    }
}
