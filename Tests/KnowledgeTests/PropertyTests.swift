import Testing

@testable import Knowledge

/// Properties checked on many generated inputs (a fixed seed, so a failure repeats): the fast paths
/// agree with the general ones, and no input, however odd, crashes the text analysis.
@Suite struct PropertyTests {
    /// SplitMix64: small, seeded, the same sequence on every machine.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func asciiText(_ generator: inout Generator) -> String {
        let length = Int.random(in: 0...40, using: &generator)
        let bytes = (0..<length).map { _ in
            // Mostly letters, spaces and punctuation, with every other ASCII byte now and then.
            Int.random(in: 0..<4, using: &generator) == 0
                ? UInt8.random(in: 0...127, using: &generator)
                : Array("ab -'!?.Zc\t9".utf8).randomElement(using: &generator)!
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Scalars from the ranges that break naive text code: controls and NUL, combining marks,
    /// right-to-left scripts, emoji and their joiners, variation selectors, CJK, dashes and quotes.
    static func unicodeText(_ generator: inout Generator) -> String {
        let ranges: [ClosedRange<UInt32>] = [
            0x00...0x7F, 0x80...0x2FF, 0x300...0x36F, 0x590...0x6FF, 0x200B...0x200F, 0x2010...0x2027,
            0x202A...0x202E, 0xFE00...0xFE0F, 0x1F300...0x1F6FF, 0x1F900...0x1F9FF, 0x4E00...0x4E50, 0xFFF0...0xFFFF,
        ]
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...60, using: &generator) {
            let range = ranges.randomElement(using: &generator)!
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &generator)) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    @Test func asciiFoldingMatchesTheGeneralFolding() {
        var generator = Generator(state: 1)
        for _ in 0..<3_000 {
            let text = Self.asciiText(&generator)
            #expect(TextFolder.fold(text) == TextFolder.foldScalars(text), "\(Array(text.utf8))")
        }
    }

    @Test func asciiTokenisingMatchesTheGeneralTokenising() {
        var generator = Generator(state: 2)
        for _ in 0..<3_000 {
            let text = TextFolder.fold(Self.asciiText(&generator))
            #expect(Tokenizer.tokenize(text) == Tokenizer.tokenizeCharacters(text), "\(text)")
        }
    }

    @Test func byteSearchFindsWhatTheStandardLibraryFinds() {
        var generator = Generator(state: 3)
        var found = 0
        for _ in 0..<3_000 {
            let haystack = Array(Self.asciiText(&generator).utf8)
            let needle = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                Array("ab -".utf8).randomElement(using: &generator)!
            }
            let expected = !needle.isEmpty && haystack.firstRange(of: needle) != nil
            #expect(ByteSearch.contains(needle, in: haystack) == expected, "\(needle) in \(haystack)")
            if expected { found += 1 }
        }
        #expect(found > 300 && found < 2_700)
    }

    /// The textbook optimal-string-alignment distance, every cell computed.
    static func referenceDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    @Test func bandedEditDistanceMatchesTheFullTable() {
        var generator = Generator(state: 3)
        let alphabet = Array("abc".unicodeScalars)
        for _ in 0..<3_000 {
            let a = (0..<Int.random(in: 0...9, using: &generator)).map { _ in alphabet.randomElement(using: &generator)!
            }
            let b = (0..<Int.random(in: 0...9, using: &generator)).map { _ in alphabet.randomElement(using: &generator)!
            }
            let limit = Int.random(in: 0...4, using: &generator)
            let expected = min(Self.referenceDistance(a, b), limit + 1)
            #expect(SpellingCorrector.editDistance(a, b, limit: limit) == expected, "\(a) \(b) \(limit)")
        }
    }

    @Test func anyUnicodeIsFoldedTokenisedAndAnalysedWithoutCrashing() {
        var generator = Generator(state: 4)
        let analyzer = TextAnalyzer(lexicon: Lexicon(synonymGroups: [["break", "rest"]], textSpeak: ["u": "you"]))
        let corrector = SpellingCorrector(frequencies: ["break": 3, "listen": 2, "meeting": 1])
        for _ in 0..<2_000 {
            let text = Self.unicodeText(&generator)
            let folded = TextFolder.fold(text)
            // Folding is idempotent, and leaves no controls or runs of spaces behind.
            #expect(TextFolder.fold(folded) == folded)
            #expect(!folded.contains("  "))
            #expect(!folded.unicodeScalars.contains { $0.properties.generalCategory == .control })
            let tokens = Tokenizer.tokenize(folded)
            #expect(tokens.allSatisfy { !$0.text.isEmpty })
            _ = analyzer.analyze(text, corrector: corrector)
        }
    }
}
