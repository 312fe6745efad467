import Foundation
import Testing

@testable import DialogueEngine

/// Whatever arrives gets a reply: huge messages, thousands of tokens, and arbitrary Unicode (NUL,
/// combining marks, right-to-left text, emoji). Lone surrogates in JSON are checked at the HTTP layer.
@Suite struct AdversarialInputTests {
    static let assistant = TestSupport.assistant()

    static let oddMessages: [String] = [
        "\u{0}", "\u{0}\u{0}can i have a break\u{0}", String(repeating: "\u{301}", count: 500),
        "ما هو الميثاق؟", "שלום can you help", "\u{202E}kaerb a evah i nac", "👩‍👩‍👧‍👦🏳️‍🌈🙂" + String(repeating: "🙃", count: 300),
        "ｃａｎ ｉ ｈａｖｅ ａ ｂｒｅａｋ", "Z̷̢͎̈a̸̛͓l̶̙̈g̶̣̈́o̵̱͝ break", "\u{FEFF}\u{200B}\u{200D}", "\t\n\r\u{85}\u{2028}",
        String(repeating: "-", count: 10_000), String(repeating: "a", count: 100_000),
        String(repeating: "can i have a break? ", count: 5_000), String(repeating: "😀 x ", count: 20_000),
    ]

    @Test(arguments: oddMessages.indices)
    func anyMessageGetsAReply(_ index: Int) async {
        let reply = await Self.assistant.respond(to: Self.oddMessages[index], channel: .cli)
        #expect(!reply.reply.isEmpty)
        #expect(!reply.sessionId.isEmpty)
    }

    @Test func randomUnicodeNeverCrashesTheAssistant() async {
        var state: UInt64 = 7
        func next(_ bound: UInt32) -> UInt32 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt32(truncatingIfNeeded: state >> 33) % bound
        }
        for _ in 0..<300 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(next(80)) {
                if let scalar = Unicode.Scalar(next(0x1FAFF)) { scalars.append(scalar) }
            }
            let reply = await Self.assistant.respond(to: String(scalars), channel: .cli)
            #expect(!reply.reply.isEmpty)
        }
    }

    /// Clauses of ASCII text are found on bytes; they must be those the character-by-character
    /// path finds, on messages made mostly of words, spaces, sentence ends and dashes.
    @Test func asciiClausesAgreeWithTheGeneralPath() {
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let pieces = ["can", "i", "a", "break", " ", " ", " ", "  ", ".", "?", "!", ";", ":", "-", " - ", "'", "x?y"]
        var split = 0
        for _ in 0..<3_000 {
            let folded = (0..<next(40)).map { _ in pieces[next(pieces.count)] }.joined()
            let fast = Matcher.asciiClauses(of: folded)
            #expect(fast == Matcher.generalClauses(of: folded), "\(folded.debugDescription)")
            if fast?.isEmpty == false { split += 1 }
        }
        // The generated messages reach both outcomes often.
        #expect(split > 300 && split < 2_700)
        #expect(Matcher.asciiClauses(of: "café au lait. and then more words here? yes") == nil)
    }

    /// The only part of matching whose work grows with more than one pass over the message is
    /// judging its clauses; each character is in at most one clause, so the work stays linear.
    @Test(arguments: [1, 10, 100])
    func clauseWorkGrowsLinearlyWithTheMessage(_ copies: Int) {
        let unit = "My son is autistic and hates long meetings. Can he have a break? "
        let message = String(repeating: unit, count: copies)
        let clauses = Matcher.clauses(of: message)
        #expect(clauses.count == 2 * copies)
        #expect(clauses.reduce(0) { $0 + $1.count } <= message.count)
    }
}
