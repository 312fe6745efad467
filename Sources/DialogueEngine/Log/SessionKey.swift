import Crypto
import Foundation

/// The one-way key a conversation is stored under: a SHA-256 of its session id. The log never holds
/// the id itself, yet `missed forget --session ID` can find everything from one conversation.
public enum SessionKey {
    /// The key for a session id.
    public static func of(_ sessionID: String) -> String {
        SHA256.hash(data: Data(sessionID.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}
