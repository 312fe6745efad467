import Testing

@testable import Knowledge

@Suite struct TokenizerTests {
    private func words(_ text: String) -> [String] {
        Tokenizer.tokenize(TextFolder.fold(text)).map(\.text)
    }

    @Test(arguments: [
        ("what does co-production mean?", ["what", "does", "co", "production", "coproduction", "mean"]),
        ("each other's time", ["each", "others", "time"]),
        ("I can't, won't!", ["i", "cant", "wont"]),
        ("4 cornerstones", ["4", "cornerstones"]),
        ("hello,world", ["hello", "world"]),
        ("--- ... !!!", []),
        ("stoke-on-trent", ["stoke", "on", "trent", "stokeontrent"]),
        ("self- harm", ["self", "harm"]),
        ("'quoted'", ["quoted"]),
        ("emoji👍here", ["emoji", "here"]),
    ])
    func splits(input: String, expected: [String]) {
        #expect(words(input) == expected)
    }

    @Test func marksHyphenatedParts() {
        let tokens = Tokenizer.tokenize("co-production works")
        #expect(tokens.map(\.isHyphenated) == [true, true, true, false])
    }
}
