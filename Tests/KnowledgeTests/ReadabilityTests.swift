import Testing

@testable import Knowledge

@Suite struct ReadabilityTests {
    @Test(arguments: [
        ("cat", 1), ("table", 2), ("make", 1), ("people", 2), ("together", 3), ("co-production", 4),
        ("happy", 2), ("listen", 2), ("the", 1), ("I", 1),
    ])
    func syllablesAreCountedByVowelGroups(word: String, count: Int) {
        #expect(Readability.syllables(in: word) == count, "\(word)")
    }

    @Test func sentencesSplitAtStopsColonsAndLines() {
        let text = "We will listen. Is that okay? The charter says:\n• We will be kind\n• You will feel welcome"
        #expect(
            Readability.sentences(text) == [
                "We will listen.", "Is that okay?", "The charter says:", "We will be kind", "You will feel welcome",
            ])
        #expect(Readability.longestSentence(text) == 4)
        #expect(Readability.sentences("Open 8.30am to 5pm. See ceop.police.uk now.").count == 2)
        #expect(Readability.words("Call 0800 1111, it's free.") == ["Call", "0800", "1111", "it's", "free"])
    }

    /// With `beforeCapital` (how the matcher splits statements), a stop ends a sentence only before a
    /// capital: "e.g. parents" stays whole.
    @Test(arguments: [
        (
            "We communicate with genuine empathy. We are mindful of our own bias.  Empathy is at the heart!",
            ["We communicate with genuine empathy.", "We are mindful of our own bias.", "Empathy is at the heart!"]
        ),
        ("Everyone is valued, e.g. parents. and carers", ["Everyone is valued, e.g. parents. and carers"]),
        ("What can and can't be done? Always. ", ["What can and can't be done?", "Always."]),
        ("One sentence only", ["One sentence only"]),
    ])
    func statementsAreSplitIntoSentences(text: String, sentences: [String]) {
        #expect(Readability.sentences(text, beforeCapital: true) == sentences)
    }

    /// A title's stop ends no sentence; a stop after a word that only looks like one does.
    @Test(arguments: [
        ("Ask Dr. Smith or Cllr. Jones. They will help.", ["Ask Dr. Smith or Cllr. Jones.", "They will help."]),
        ("We met Mrs. Ahmed. She listened.", ["We met Mrs. Ahmed.", "She listened."]),
        ("Don't miss. Come along.", ["Don't miss.", "Come along."]),
        ("We meet on the 21st. Then we decide.", ["We meet on the 21st.", "Then we decide."]),
        ("Talk to your GP or dr. Then call us.", ["Talk to your GP or dr.", "Then call us."]),
    ])
    func titlesDoNotEndSentences(text: String, sentences: [String]) {
        #expect(Readability.sentences(text) == sentences)
        #expect(Readability.sentences(text, beforeCapital: true) == sentences)
    }

    @Test func fleschTellsEasyFromHardText() throws {
        let easy = try #require(Readability.fleschReadingEase("We will be kind. You can ask for a break."))
        let hard = try #require(
            Readability.fleschReadingEase(
                "Responses to individual needs and changing circumstances are creative and flexible."))
        #expect(easy > 90)
        #expect(hard < 30)
        #expect(Readability.fleschReadingEase("") == nil)
    }
}
