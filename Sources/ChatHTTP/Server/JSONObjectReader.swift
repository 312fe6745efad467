/// Reads the top-level fields of a JSON object (RFC 8259) from UTF-8 bytes, telling each value
/// apart as null, a string, a boolean or something else, which is checked for syntax and skipped.
///
/// The request bodies are flat objects of a few short fields, for which Foundation's `JSONDecoder`
/// took a third as long as answering the question (its generic decoding machinery, measured with
/// perf under load). This reader gives the fields `JSONDecoder` gave, and rejects the slips that
/// `JSONDecoder` let through as a field of the wrong type ("01", "\\x", a lone surrogate, a raw tab
/// in a string) as broken JSON, as `JSONSerialization` does; one comma before a closing bracket is
/// allowed, as both allow it. Differential property tests hold it to both.
struct JSONObjectReader {
    /// A field's value.
    enum Value: Equatable {
        case null, string(String), bool(Bool), other
    }

    /// Why the bytes were not read.
    enum Failure: Error, Equatable {
        /// Not JSON at all, or broken JSON.
        case syntax
        /// Valid JSON, but not an object at the top.
        case notAnObject
    }

    /// The deepest nesting accepted (as `JSONDecoder`).
    static let maxDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The object's fields. The bytes must be valid UTF-8.
    static func fields(of bytes: [UInt8]) throws(Failure) -> [String: Value] {
        let result: Result<[String: Value], Failure> = bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONObjectReader(buffer)
            return Result { () throws(Failure) in try reader.readDocument() }
        }
        return try result.get()
    }

    private mutating func readDocument() throws(Failure) -> [String: Value] {
        // A byte order mark is allowed before the text, as JSONDecoder allows it.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipSpace()
        guard position < bytes.count else { throw .syntax }
        guard bytes[position] == UInt8(ascii: "{") else {
            // Valid JSON that is not an object is a different mistake from broken JSON.
            _ = try readValue(depth: 0)
            try expectEnd()
            throw .notAnObject
        }
        var fields: [String: Value] = [:]
        try readMembers(closing: UInt8(ascii: "}"), depth: 0, named: true) { name, value in
            // A repeated name keeps its first value, as JSONDecoder did.
            if let name, fields[name] == nil { fields[name] = value }
        }
        try expectEnd()
        return fields
    }

    private mutating func expectEnd() throws(Failure) {
        skipSpace()
        guard position == bytes.count else { throw .syntax }
    }

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Any value; `depth` counts the arrays and objects it is inside. Numbers, arrays and objects
    /// are checked and passed over: to the request, they are all `.other`.
    private mutating func readValue(depth: Int) throws(Failure) -> Value {
        guard let first = peek() else { throw .syntax }
        switch first {
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "n"):
            try expectWord("null")
            return .null
        case UInt8(ascii: "t"):
            try expectWord("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return .bool(false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
        case UInt8(ascii: "["): try readMembers(closing: UInt8(ascii: "]"), depth: depth, named: false) { _, _ in }
        case UInt8(ascii: "{"): try readMembers(closing: UInt8(ascii: "}"), depth: depth, named: true) { _, _ in }
        default: throw .syntax
        }
        return .other
    }

    /// The members of an array or (`named`) an object, from its opening bracket past its closing
    /// one, each handed to `body` with its name in an object.
    private mutating func readMembers(
        closing close: UInt8, depth: Int, named: Bool, _ body: (String?, Value) -> Void
    ) throws(Failure) {
        guard depth < Self.maxDepth else { throw .syntax }
        position += 1
        skipSpace()
        if peek() == close {
            position += 1
            return
        }
        while true {
            skipSpace()
            var name: String?
            if named {
                guard peek() == UInt8(ascii: "\"") else { throw .syntax }
                name = try readString()
                skipSpace()
                guard peek() == UInt8(ascii: ":") else { throw .syntax }
                position += 1
                skipSpace()
            }
            body(name, try readValue(depth: depth + 1))
            if try atEndOfMembers(closing: close) { return }
        }
    }

    /// After a member: true past the closing bracket, false past a comma before another member.
    /// One comma before the closing bracket is allowed, as Foundation's parsers allow it.
    private mutating func atEndOfMembers(closing close: UInt8) throws(Failure) -> Bool {
        skipSpace()
        guard let next = peek() else { throw .syntax }
        position += 1
        if next == close { return true }
        guard next == UInt8(ascii: ",") else { throw .syntax }
        skipSpace()
        guard peek() == close else { return false }
        position += 1
        return true
    }

    private mutating func expectWord(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count else { throw .syntax }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { throw .syntax }
        position += count
    }

    /// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    private mutating func skipNumber() throws(Failure) {
        if peek() == UInt8(ascii: "-") { position += 1 }
        guard let first = peek(), isDigit(first) else { throw .syntax }
        position += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard let digit = peek(), isDigit(digit) else { throw .syntax }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard let digit = peek(), isDigit(digit) else { throw .syntax }
            skipDigits()
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) { position += 1 }
    }

    /// A string, from its opening quote; escapes are resolved.
    private mutating func readString() throws(Failure) -> String {
        position += 1
        let start = position
        // Most strings have no escape: they are made straight from the bytes.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw .syntax }
            position += 1
        }
        guard position < bytes.count else { throw .syntax }
        var text = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try readEscape(into: &text)
            case ..<0x20:
                throw .syntax
            default:
                text.append(byte)
            }
        }
        throw .syntax
    }

    /// The escape after a backslash, appended as UTF-8.
    private mutating func readEscape(into text: inout [UInt8]) throws(Failure) {
        guard let letter = peek() else { throw .syntax }
        position += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(letter)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try readHex()
            var value = UInt32(unit)
            if UTF16.isLeadSurrogate(unit) {
                // A lead surrogate must be followed by an escaped trail surrogate.
                guard bytes.count - position >= 2, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw .syntax }
                position += 2
                let trail = try readHex()
                guard UTF16.isTrailSurrogate(trail) else { throw .syntax }
                value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(trail) - 0xDC00)
            } else if UTF16.isTrailSurrogate(unit) {
                throw .syntax
            }
            guard let scalar = Unicode.Scalar(value) else { throw .syntax }
            text.append(contentsOf: UTF8.encode(scalar)!)
        default:
            throw .syntax
        }
    }

    private mutating func readHex() throws(Failure) -> UInt16 {
        guard bytes.count - position >= 4 else { throw .syntax }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw .syntax
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }
}
