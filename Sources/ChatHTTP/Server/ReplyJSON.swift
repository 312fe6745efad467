public import DialogueEngine
public import NIOCore

/// Writes a ``Reply`` as JSON straight into a `ByteBuffer`: the same document `JSONEncoder` makes
/// (keys in declaration order, slashes unescaped), without its reflection and intermediate values.
/// The reply is the hot path's only output, so it is written by hand; tests compare the two.
public enum ReplyJSON {
    /// The reply as a JSON document.
    public static func encode(_ reply: Reply) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(256 + reply.reply.utf8.count * 2)
        buffer.writeStaticString("{\"reply\":")
        write(reply.reply, to: &buffer)
        buffer.writeStaticString(reply.answered ? ",\"answered\":true,\"intent\":" : ",\"answered\":false,\"intent\":")
        write(reply.intent, to: &buffer)
        buffer.writeStaticString(",\"confidence\":")
        write(reply.confidence, to: &buffer)
        buffer.writeStaticString(",\"sessionId\":")
        write(reply.sessionId, to: &buffer)
        buffer.writeStaticString(",\"suggestions\":[")
        for (index, suggestion) in reply.suggestions.enumerated() {
            if index > 0 { buffer.writeStaticString(",") }
            write(suggestion, to: &buffer)
        }
        buffer.writeStaticString("],\"sources\":[")
        for (index, source) in reply.sources.enumerated() {
            buffer.writeStaticString(index > 0 ? ",{\"cornerstone\":" : "{\"cornerstone\":")
            write(source.cornerstone, to: &buffer)
            buffer.writeStaticString(",\"text\":")
            write(source.text, to: &buffer)
            buffer.writeStaticString("}")
        }
        buffer.writeStaticString("],\"kind\":")
        write(reply.kind.rawValue, to: &buffer)
        buffer.writeStaticString(",\"messageId\":")
        write(reply.messageId, to: &buffer)
        buffer.writeStaticString(",\"style\":")
        write(reply.style.rawValue, to: &buffer)
        buffer.writeStaticString("}")
        return buffer
    }

    /// A JSON number: whole numbers without a fraction, others in Swift's shortest round-trip form.
    private static func write(_ number: Double, to buffer: inout ByteBuffer) {
        if !number.isFinite {
            buffer.writeStaticString("0")
        } else if number == number.rounded(), abs(number) < 1e15 {
            buffer.writeString(String(Int64(number)))
        } else {
            buffer.writeString(String(number))
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string: quotes, backslashes and control characters escaped; everything else as UTF-8.
    private static func write(_ text: String, to buffer: inout ByteBuffer) {
        buffer.writeInteger(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<index]))
                switch byte {
                case 0x22: buffer.writeStaticString("\\\"")
                case 0x5C: buffer.writeStaticString("\\\\")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x08: buffer.writeStaticString("\\b")
                case 0x0C: buffer.writeStaticString("\\f")
                default:
                    buffer.writeStaticString("\\u00")
                    buffer.writeInteger(hex[Int(byte >> 4)])
                    buffer.writeInteger(hex[Int(byte & 0x0F)])
                }
                start = index + 1
            }
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start...]))
        }
        buffer.writeInteger(UInt8(ascii: "\""))
    }
}
