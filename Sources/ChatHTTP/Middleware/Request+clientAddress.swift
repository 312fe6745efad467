import Foundation
import Hummingbird

extension Request {
    /// The client's address: the first `X-Forwarded-For` entry behind a trusted proxy (which must
    /// replace the header, not append to it), else the connection's peer.
    func clientAddress(remote: String?, trustForwardedFor: Bool) -> String {
        if trustForwardedFor, let forwarded = headers[.xForwardedFor]?.split(separator: ",").first {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return remote ?? "unknown"
    }
}
