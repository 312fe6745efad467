/// Reads back, in order, the values an ``ArchiveWriter`` wrote.
///
/// Every read checks that the archive holds what it asks for: a damaged or truncated archive
/// throws ``Damage`` instead of giving wrong values.
package struct ArchiveReader {
    /// Why an archive could not be read.
    package struct Damage: Error, Sendable, Equatable, CustomStringConvertible {
        /// Where in the archive it was found, in bytes.
        package var offset: Int
        /// What was wrong.
        package var problem: String
        /// A problem found at `offset`.
        package init(offset: Int, problem: String) {
            self.offset = offset
            self.problem = problem
        }

        /// Says what was wrong and where.
        package var description: String { "\(problem) at byte \(offset)" }
    }

    /// The bytes being read (a section of the archive), valid while ``reading(_:in:_:)`` runs.
    private let bytes: UnsafeRawBufferPointer
    /// Where ``bytes`` start in the archive, for the places that ``Damage`` gives.
    private let base: Int
    /// Where the next read starts, from ``bytes``'s start.
    private var offset = 0

    /// Reads `range` of `bytes` (all of them when nil) with `body`, which must not keep the reader.
    ///
    /// The reader reads the bytes in place, without a reference to count for each value read.
    package static func reading<Result>(
        _ bytes: [UInt8], in range: Range<Int>? = nil, _ body: (inout ArchiveReader) throws(Damage) -> Result
    ) throws(Damage) -> Result {
        let range = (range ?? bytes.indices).clamped(to: bytes.indices)
        var result: Swift.Result<Result, Damage>?
        bytes.withUnsafeBytes { raw in
            var reader = ArchiveReader(bytes: UnsafeRawBufferPointer(rebasing: raw[range]), base: range.lowerBound)
            do throws(Damage) {
                result = .success(try body(&reader))
            } catch {
                result = .failure(error)
            }
        }
        return try result!.get()
    }

    private init(bytes: UnsafeRawBufferPointer, base: Int) {
        self.bytes = bytes
        self.base = base
    }

    /// The bytes of the section ``ArchiveWriter/writeSection(_:)`` wrote here, as a range of the
    /// archive to read with ``reading(_:in:_:)``; the reader goes on after it.
    package mutating func readSection() throws(Damage) -> Range<Int> {
        let length = try readFixed(UInt64.self)
        guard length <= UInt64(bytes.count - offset) else { throw damage("a section is longer than the archive") }
        let start = base + offset
        offset += Int(length)
        return start..<start + Int(length)
    }

    /// True when every byte has been read.
    package var isAtEnd: Bool { offset == bytes.count }

    /// Reads a value of the type the caller expects.
    package mutating func read<T: Archivable>(_ type: T.Type = T.self) throws(Damage) -> T {
        try T(from: &self)
    }

    /// A ``Damage`` at the current place.
    package func damage(_ problem: String) -> Damage {
        Damage(offset: base + offset, problem: problem)
    }

    /// Reads a whole number written by ``ArchiveWriter/write(integer:)``.
    package mutating func readInteger() throws(Damage) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count else { throw damage("the archive ends inside a number") }
            let byte = bytes[offset]
            offset += 1
            guard shift < 64 else { throw damage("a number is longer than 64 bits") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let signed = Int(truncatingIfNeeded: Int64(bitPattern: value))
        return Int(bitPattern: UInt(bitPattern: signed) >> 1) ^ -(signed & 1)
    }

    /// Reads a count: a whole number no larger than the bytes left could hold, so that damage
    /// never makes a reader reserve room for billions of elements.
    package mutating func readCount(bytesEach: Int = 1) throws(Damage) -> Int {
        let count = try readInteger()
        guard count >= 0, count <= (bytes.count - offset) / max(bytesEach, 1) else {
            throw damage("a count of \(count) does not fit in what is left")
        }
        return count
    }

    /// Reads `count` raw bytes.
    package mutating func readBytes(_ count: Int) throws(Damage) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= bytes.count - offset else { throw damage("the archive ends inside a value") }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    /// Reads a fixed-width number written by ``ArchiveWriter/write(fixed:)``.
    package mutating func readFixed<T: FixedWidthInteger>(_ type: T.Type = T.self) throws(Damage) -> T {
        let size = MemoryLayout<T>.size
        guard size <= bytes.count - offset else { throw damage("the archive ends inside a number") }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return T(littleEndian: value)
    }

    /// Reads an array written by ``ArchiveWriter/write(block:)`` (fixed-width numbers).
    package mutating func readBlock<T: FixedWidthInteger>(_ type: T.Type = T.self) throws(Damage) -> [T] {
        let size = MemoryLayout<T>.size
        let count = try readCount(bytesEach: size)
        let start = offset
        offset += count * size
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count {
                buffer[index] = T(littleEndian: bytes.loadUnaligned(fromByteOffset: start + index * size, as: T.self))
            }
            initialized = count
        }
    }

    /// Reads an array of doubles written by ``ArchiveWriter/write(block:)``.
    package mutating func readBlock(_ type: Double.Type) throws(Damage) -> [Double] {
        try readBlock(UInt64.self).map(Double.init(bitPattern:))
    }
}
