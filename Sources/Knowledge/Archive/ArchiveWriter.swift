/// Writes values into a compact binary archive, to be read back by ``ArchiveReader`` in the same
/// order: whole numbers as variable-length integers, doubles by their bits, strings as UTF-8 with
/// their length first.
///
/// The archive is a cache of work done at start-up (see ``Archivable``), never an exchange format:
/// it is read only by the same build of the program that wrote it.
package struct ArchiveWriter: Sendable {
    /// The archive so far.
    package var bytes: [UInt8] { storage }
    private var storage: [UInt8] = []

    /// Makes an empty archive.
    package init() {}

    /// Appends a value.
    package mutating func write(_ value: some Archivable) {
        value.write(to: &self)
    }

    /// Appends a whole number, zigzag-encoded so that small negative numbers stay short.
    package mutating func write(integer value: Int) {
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        while rest >= 0x80 {
            storage.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        storage.append(UInt8(rest))
    }

    /// Appends a section: its length, then what `body` writes, so that a reader can read it apart
    /// from the rest, on a thread of its own (see ``ArchiveReader/readSection()``).
    package mutating func writeSection(_ body: (inout ArchiveWriter) -> Void) {
        var section = ArchiveWriter()
        body(&section)
        write(fixed: UInt64(section.storage.count))
        storage.append(contentsOf: section.storage)
    }

    /// Appends raw bytes.
    package mutating func write(bytes more: some Collection<UInt8>) {
        storage.append(contentsOf: more)
    }

    /// Appends a fixed-width number's bytes, little-endian.
    package mutating func write<T: FixedWidthInteger>(fixed value: T) {
        withUnsafeBytes(of: value.littleEndian) { storage.append(contentsOf: $0) }
    }

    /// Appends an array of fixed-width numbers as one block, much faster to read than one by one.
    package mutating func write<T: FixedWidthInteger>(block values: [T]) {
        write(integer: values.count)
        for value in values { write(fixed: value) }
    }

    /// Appends an array of doubles as one block.
    package mutating func write(block values: [Double]) {
        write(block: values.map(\.bitPattern))
    }
}
