import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Random bytes from the system's secure source, read 4 KiB at a time and handed out in order, so
/// that a new session id costs no system call (`SystemRandomNumberGenerator` makes one for every 8
/// bytes). Each byte is handed out once.
package final class RandomPool: Sendable {
    /// The pool every session id is drawn from.
    package static let shared = RandomPool()

    private static let size = 4096
    private let state = Mutex<(bytes: [UInt8], next: Int)>(([], RandomPool.size))

    /// Makes an empty pool; it reads from the system on first use.
    package init() {}

    /// Sixteen random bytes.
    package func sixteenBytes() -> (UInt64, UInt64) {
        state.withLock { state in
            if state.next + 16 > Self.size {
                state.bytes = Self.read(Self.size)
                state.next = 0
            }
            defer { state.next += 16 }
            return state.bytes.withUnsafeBytes { raw in
                (
                    raw.loadUnaligned(fromByteOffset: state.next, as: UInt64.self),
                    raw.loadUnaligned(fromByteOffset: state.next + 8, as: UInt64.self)
                )
            }
        }
    }

    /// `count` bytes from the system's secure random source.
    private static func read(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBytes { buffer in
            #if canImport(Glibc)
                // The kernel's secure source, as getrandom(2) reads it (Glibc's module map does
                // not export getrandom); one open and read per 256 ids.
                var filled = 0
                let file = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
                if file >= 0 {
                    while filled < count {
                        let got = Glibc.read(file, buffer.baseAddress! + filled, count - filled)
                        if got > 0 {
                            filled += got
                        } else if got == 0 || errno != EINTR {
                            break
                        }
                    }
                    close(file)
                }
                if filled < count {
                    // /dev/urandom unreadable (a sandbox without /dev): the standard library's generator.
                    var generator = SystemRandomNumberGenerator()
                    for index in filled..<count { buffer[index] = generator.next() }
                }
            #else
                arc4random_buf(buffer.baseAddress!, count)
            #endif
        }
        return bytes
    }
}
