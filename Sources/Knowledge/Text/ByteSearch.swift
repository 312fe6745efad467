/// Byte-wise search for short ASCII needles: far cheaper than Foundation's `contains`, which goes
/// through UTF-16 for each call.
package enum ByteSearch {
    /// True when `needle` occurs in `bytes` (an empty needle never does).
    package static func contains(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == first {
            var offset = 1
            while offset < needle.count && bytes[start + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
        }
        return false
    }
}
