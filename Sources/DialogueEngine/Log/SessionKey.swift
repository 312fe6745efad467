import Crypto
import Foundation

/// The one-way key a conversation is stored under: a SHA-256 of its session id. The log never holds
/// the id itself, yet `missed forget --session ID` can find everything from one conversation.
public enum SessionKey {
    /// The key for a session id.
    public static func of(_ sessionID: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(32)
        for byte in SHA256.hash(data: Data(sessionID.utf8)).prefix(16) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
