import DialogueEngine
import Foundation
import NIOCore
import Testing

@testable import ChatHTTP

/// The hand-written reply encoder against `JSONEncoder`: the same document for awkward text.
@Suite struct ReplyJSONTests {
    static let texts = [
        "", "plain", "quote \" and backslash \\ and slash /", "lines\nand\ttabs\r\u{8}\u{C}",
        "controls \u{0}\u{1}\u{1F}\u{7F}", "accents é ü, emoji 👩‍👩‍👧 and RTL مرحبا", "\u{2028}\u{2029}\u{FEFF}",
    ]

    static let replies: [Reply] = texts.enumerated().map { index, text in
        Reply(
            reply: text, answered: index % 2 == 0, intent: "intent." + text,
            confidence: [0, 1, 0.5, 0.123, 0.999, 1e-7, 0.3][index], sessionId: "s-\(index)",
            suggestions: index == 0 ? [] : [text, "More"],
            sources: index == 1 ? [] : [Reply.Source(cornerstone: "Communicate", text: text)],
            kind: [.answer, .smalltalk, .safeguarding, .clarify, .fallback, .answer, .answer][index],
            messageId: "m\(index)")
    }

    @Test(arguments: replies.indices)
    func theWrittenJSONIsTheEncodersDocument(_ index: Int) throws {
        let reply = Self.replies[index]
        var buffer = ReplyJSON.encode(reply)
        let written = Data(buffer.readBytes(length: buffer.readableBytes) ?? [])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let expected = try encoder.encode(reply)
        // Decoded back, it is the same reply, and the same JSON value as the encoder's.
        #expect(try JSONDecoder().decode(Reply.self, from: written) == reply)
        let writtenObject = try JSONSerialization.jsonObject(with: written) as? NSDictionary
        let expectedObject = try JSONSerialization.jsonObject(with: expected) as? NSDictionary
        #expect(writtenObject == expectedObject)
        // Keys in the encoder's order, slashes as they are.
        let keys = ["reply", "answered", "intent", "confidence", "sessionId", "suggestions", "sources", "kind"]
        let text = String(decoding: written, as: UTF8.self)
        let positions = keys.compactMap { text.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions == positions.sorted() && positions.count == keys.count)
        #expect(!text.contains("\\/"))
    }
}
