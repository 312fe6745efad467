import Foundation
import Testing

@testable import ChatHTTP

/// The request bodies' reader against Foundation: what `JSONSerialization` rejects is broken JSON,
/// what it reads as something other than an object is not an object, and an object has the fields
/// `JSONDecoder` (how bodies were read before) gives; on hand-picked and generated bodies.
@Suite struct JSONObjectReaderTests {
    typealias Value = JSONObjectReader.Value

    enum Outcome: Equatable {
        case fields([String: Value])
        case syntax
        case notAnObject
    }

    /// The top-level fields as `JSONDecoder` sees them.
    private struct OracleFields: Decodable {
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        var values: [String: Value] = [:]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            for key in container.allKeys {
                if (try? container.decodeNil(forKey: key)) == true {
                    values[key.stringValue] = .null
                } else if let text = try? container.decode(String.self, forKey: key) {
                    values[key.stringValue] = .string(text)
                } else if let flag = try? container.decode(Bool.self, forKey: key) {
                    values[key.stringValue] = .bool(flag)
                } else {
                    values[key.stringValue] = .other
                }
            }
        }
    }

    static func oracle(_ bytes: [UInt8]) -> Outcome {
        let data = Data(bytes)
        guard let object = try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) else {
            return .syntax
        }
        guard object is [String: Any] else { return .notAnObject }
        guard let fields = try? JSONDecoder().decode(OracleFields.self, from: data) else { return .syntax }
        return .fields(fields.values)
    }

    static func reader(_ bytes: [UInt8]) -> Outcome {
        do {
            return .fields(try JSONObjectReader.fields(of: bytes))
        } catch .notAnObject {
            return .notAnObject
        } catch {
            return .syntax
        }
    }

    @Test(arguments: [
        #"{"message":"hi"}"#, #" { "message" : "hi" , "sessionId" : null } "#, #"{}"#, "{\n\t\"a\":\r\ntrue}",
        #"{"a":false,"b":0,"c":1,"d":-0.5e+3,"e":[1,{"f":[]}],"g":{}}"#, #"{"message":"a\"b\\c\/d\b\f\n\r\t"}"#,
        #"{"message":"caf\u00e9 \ud83d\ude00 \u00E9"}"#, #"{"message":"🙂 é עברית"}"#, #"{"a":1,"a":"two"}"#,
        "\u{FEFF}{\"message\":\"hi\"}",
        // Broken.
        "", " ", "{", "}", #"{"message"}"#, #"{"message":}"#, #"{"message":"hi",}"#, #"{"message":"hi"} x"#,
        #"{'message':'hi'}"#, #"{message:"hi"}"#, #"{"a":01}"#, #"{"a":1.}"#, #"{"a":.5}"#, #"{"a":+1}"#,
        #"{"a":1e}"#, #"{"a":-}"#, #"{"a":tru}"#, #"{"a":nul}"#, #"{"a":NaN}"#, #"{"a":[1,]}"#,
        #"{"a":"\x"}"#, #"{"a":"\u12"}"#, #"{"a":"\ud800"}"#, #"{"a":"\udc00"}"#, #"{"a":"\ud800x"}"#,
        #"{"a":"\ud800\u0041"}"#, "{\"a\":\"tab\there\"}", "{\"a\":\"\u{1}\"}", "{\"a\":\"hi\"}\u{0}",
        "{\"a\":\u{A0}1}", #"{"a":"hi"#, #"{"a":[1,2"#, #"{"a":{"b":1}"#, #"{"a" "b"}"#,
        // Not objects.
        #"["message"]"#, "42", #""text""#, "null", "true", "[]", "-1.5E-2", #"["a",]"#,
    ])
    func agreesWithFoundationOnChosenBodies(_ body: String) {
        let bytes = Array(body.utf8)
        #expect(Self.reader(bytes) == Self.oracle(bytes), "\(body.debugDescription)")
    }

    /// Foundation guesses UTF-16 or UTF-32 from NUL bytes among the first four and reads the text in
    /// that encoding; a request body is UTF-8 (RFC 8259), in which a raw NUL is never JSON. The first
    /// two bodies are what the fuzzer found (Fuzz/corpus keeps them).
    @Test(
        arguments: [
            [0x30, 0, 0, 0, 0], [0, 0x09, 0, 0x30],
            Array("{\"message\":\"hi\"}".utf16).flatMap { [UInt8($0 & 0xFF), 0] },
        ] as [[UInt8]])
    func bytesFoundationReadsAsUTF16OrUTF32AreBrokenJSON(_ bytes: [UInt8]) {
        #expect(Self.oracle(bytes) != .syntax, "Foundation no longer reads these: the case can go")
        #expect(Self.reader(bytes) == .syntax)
    }

    /// JSON's grammar has no range for numbers; JSONSerialization refuses 1e999, JSONDecoder did not.
    @Test func aNumberOutOfRangeIsStillJSON() throws {
        #expect(
            try JSONObjectReader.fields(of: Array(#"{"a":1e999,"message":"hi"}"#.utf8)) == [
                "a": .other, "message": .string("hi"),
            ])
    }

    @Test func nestingIsLimitedAsJSONDecoderLimitsIt() {
        for depth in [10, 510, 511, 512, 513, 600] {
            for open in ["[", "{\"k\":"] {
                let close = open == "[" ? "]" : "}"
                let value = String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
                for body in ["{\"a\":\(value)}", value] {
                    let bytes = Array(body.utf8)
                    #expect(Self.reader(bytes) == Self.oracle(bytes), "depth \(depth) \(open) top \(body.first!)")
                }
            }
        }
    }

    /// Bodies made of JSON-ish pieces, many of them wrong on purpose: a fixed seed, so a failure repeats.
    @Test func agreesWithFoundationOnGeneratedBodies() {
        var generator = Generator(state: 0x4A53_4F4E)
        var disagreements: [String] = []
        var kinds: [String: Int] = [:]
        for _ in 0..<4_000 {
            var body = Self.object(&generator, depth: 0)
            if Int.random(in: 0..<3, using: &generator) == 0 { body = Self.mutate(body, &generator) }
            let bytes = Array(body.utf8)
            let expected = Self.oracle(bytes)
            switch expected {
            case .fields: kinds["fields", default: 0] += 1
            case .syntax: kinds["syntax", default: 0] += 1
            case .notAnObject: kinds["notAnObject", default: 0] += 1
            }
            if Self.reader(bytes) != expected, disagreements.count < 5 { disagreements.append(body.debugDescription) }
        }
        #expect(disagreements.isEmpty, "\(disagreements)")
        // The generator reaches every outcome, and not only failures.
        #expect(kinds["fields", default: 0] > 1_000)
        #expect(kinds["syntax", default: 0] > 300)
        #expect(kinds["notAnObject", default: 0] > 20)
    }

    /// A seeded linear congruential generator (Knuth's MMIX constants, high bits folded into the
    /// low ones): the same sequence on every machine.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }

    private static func pick<T>(_ options: [T], _ generator: inout Generator) -> T {
        options.randomElement(using: &generator)!
    }

    private static func space(_ generator: inout Generator) -> String {
        pick(["", "", "", " ", "\n", "\t ", "\r\n"], &generator)
    }

    private static func stringPiece(_ generator: inout Generator) -> String {
        pick(
            [
                "a", "hi there", "é", "🙂", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\b", "\\f", "\\r", "\\u00e9",
                "\\u00E9", "\\u0000", "\\ud83d\\ude00", "\\ud800", "\\udfff", "\\ud800\\u0041", "\\x", "\\u12g4",
                "\t", "\u{1}", "\u{7F}", "\u{200B}", "עברית", "e\u{301}",
            ], &generator)
    }

    private static func string(_ generator: inout Generator) -> String {
        let count = Int.random(in: 0...4, using: &generator)
        return "\"" + (0..<count).map { _ in stringPiece(&generator) }.joined() + "\""
    }

    private static func scalar(_ generator: inout Generator) -> String {
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: return string(&generator)
        case 1:
            return pick(
                ["0", "-0", "12", "-3.25", "1e5", "2E-3", "0.5e+10", "01", "1.", ".5", "+1", "-", "1e", "0x10"],
                &generator)
        case 2: return pick(["true", "false", "null", "tru", "nul", "True", "NaN"], &generator)
        default: return pick(["[]", "{}", "[1, \"a\"]", "{\"k\": [null]}", "[1,]", "{\"k\"}"], &generator)
        }
    }

    private static func value(_ generator: inout Generator, depth: Int) -> String {
        guard depth < 3, Int.random(in: 0..<4, using: &generator) == 0 else { return scalar(&generator) }
        if Bool.random(using: &generator) { return object(&generator, depth: depth + 1) }
        let count = Int.random(in: 0...3, using: &generator)
        return "["
            + (0..<count).map { _ in space(&generator) + value(&generator, depth: depth + 1) }.joined(
                separator: ",") + "]"
    }

    private static func object(_ generator: inout Generator, depth: Int) -> String {
        let names = ["\"message\"", "\"sessionId\"", "\"helpful\"", "\"a\"", "\"\\u006d\"", "\"\""]
        let count = Int.random(in: 0...4, using: &generator)
        let members = (0..<count).map { _ in
            space(&generator) + pick(names, &generator) + space(&generator) + ":" + space(&generator)
                + value(&generator, depth: depth) + space(&generator)
        }
        return space(&generator) + "{" + members.joined(separator: ",") + "}" + space(&generator)
    }

    /// One small slip: a character removed, doubled or swapped for another, or the body cut short.
    private static func mutate(_ body: String, _ generator: inout Generator) -> String {
        var characters = Array(body)
        guard !characters.isEmpty else { return "x" }
        let at = Int.random(in: 0..<characters.count, using: &generator)
        switch Int.random(in: 0..<5, using: &generator) {
        case 0: characters.remove(at: at)
        case 1: characters.insert(characters[at], at: at)
        case 2: characters[at] = pick(["{", "}", "[", "]", ",", ":", "\"", "\\", " ", "x", "1", "\u{0}"], &generator)
        case 3: characters = Array(characters[..<at])
        default: return pick(["[", "\"s\"", "1", "null"], &generator) + (Bool.random(using: &generator) ? "" : body)
        }
        return String(characters)
    }
}
