/// A value that can be stored in an archive and read back as it was (see ``ArchiveWriter``).
///
/// The content's compiled form (its index, spelling corrector and safeguarding rules) is archived
/// so that a start-up over unchanged content reads it instead of building it again.
package protocol Archivable {
    /// Reads the value back.
    init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage)
    /// Writes the value.
    func write(to archive: inout ArchiveWriter)
}

extension Archivable where Self: RawRepresentable, RawValue: Archivable {
    /// Reads the raw value back, and checks that it still names a case.
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        let raw = try archive.read(RawValue.self)
        guard let value = Self(rawValue: raw) else { throw archive.damage("'\(raw)' is not a \(Self.self)") }
        self = value
    }

    /// Writes the raw value.
    package func write(to archive: inout ArchiveWriter) {
        archive.write(rawValue)
    }
}

extension Int: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self = try archive.readInteger()
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(integer: self)
    }
}

extension Int32: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        let value = try archive.readInteger()
        guard let exact = Int32(exactly: value) else { throw archive.damage("\(value) is not a 32-bit number") }
        self = exact
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(integer: Int(self))
    }
}

extension UInt64: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self = try archive.readFixed(UInt64.self)
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(fixed: self)
    }
}

extension Double: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self = Double(bitPattern: try archive.readFixed(UInt64.self))
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(fixed: bitPattern)
    }
}

extension Bool: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        switch try archive.readBytes(1).first {
        case 0: self = false
        case 1: self = true
        default: throw archive.damage("a flag is neither 0 nor 1")
        }
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(bytes: CollectionOfOne(self ? 1 : 0))
    }
}

extension String: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        let count = try archive.readCount()
        self = String(decoding: try archive.readBytes(count), as: UTF8.self)
    }

    package func write(to archive: inout ArchiveWriter) {
        var copy = self
        copy.withUTF8 { utf8 in
            archive.write(integer: utf8.count)
            archive.write(bytes: utf8)
        }
    }
}

extension Optional: Archivable where Wrapped: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self = try archive.read(Bool.self) ? .some(try archive.read(Wrapped.self)) : .none
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(self != nil)
        if let self { archive.write(self) }
    }
}

extension Array: Archivable where Element: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        let count = try archive.readCount()
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try archive.read(Element.self)) }
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(integer: count)
        for element in self { archive.write(element) }
    }
}

extension Set: Archivable where Element: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self.init(try archive.read([Element].self))
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(Array(self))
    }
}

extension Dictionary: Archivable where Key: Archivable, Value: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        let count = try archive.readCount()
        self = [:]
        reserveCapacity(count)
        for _ in 0..<count {
            let key = try archive.read(Key.self)
            self[key] = try archive.read(Value.self)
        }
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(integer: count)
        for (key, value) in self {
            archive.write(key)
            archive.write(value)
        }
    }
}
