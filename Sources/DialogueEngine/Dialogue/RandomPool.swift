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
                if filled < count { fillFromStandardLibrary(buffer) }
            #elseif canImport(Darwin)
                arc4random_buf(buffer.baseAddress!, count)
            #else
                fillFromStandardLibrary(buffer)
            #endif
        }
        return bytes
    }

    /// Fills `buffer` from the standard library's secure generator, eight bytes a call (where
    /// /dev/urandom cannot be read, or on a platform with neither it nor arc4random).
    private static func fillFromStandardLibrary(_ buffer: UnsafeMutableRawBufferPointer) {
        var generator = SystemRandomNumberGenerator()
        var offset = 0
        while offset < buffer.count {
            let value: UInt64 = generator.next()
            withUnsafeBytes(of: value) { bytes in
                for byte in bytes.prefix(buffer.count - offset) {
                    buffer[offset] = byte
                    offset += 1
                }
            }
        }
    }
}
