import Testing

@testable import Knowledge

@Suite struct TextFolderTests {
    @Test(arguments: [
        ("Co-Production", "co-production"),
        ("CO‐PRODUCTION", "co-production"),  // U+2010 hyphen
        ("co‑production", "co-production"),  // U+2011 non-breaking hyphen
        ("co–production", "co-production"),  // en dash
        ("co—production", "co-production"),  // em dash
        ("Café naïve", "cafe naive"),
        ("it’s", "it's"),
        ("“quoted”", "\"quoted\""),
        ("what\u{00A0}is   this", "what is this"),
        ("  spaced\tout\n", "spaced out"),
        ("really???!!!", "really?!"),
        ("wait......", "wait."),
        ("zero\u{200B}width", "zerowidth"),
        ("ＦＵＬＬ", "full"),
        ("", ""),
        ("🙂 hi 🙂", "🙂 hi 🙂"),
    ])
    func folds(input: String, expected: String) {
        #expect(TextFolder.fold(input) == expected)
    }

    @Test func foldingIsIdempotent() {
        for text in ["Co‑Production!!!", "What’s  SEND?", "Ünïcödé — “text”"] {
            let once = TextFolder.fold(text)
            #expect(TextFolder.fold(once) == once)
        }
    }
}
