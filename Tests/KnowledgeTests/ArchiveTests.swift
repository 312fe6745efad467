import Testing

@testable import Knowledge

/// The archive that keeps compiled content between starts: what is written is read back as it was,
/// and damage is reported, never read as values.
@Suite struct ArchiveTests {
    private func roundTrip<T: Archivable & Equatable>(_ value: T) throws -> T {
        var writer = ArchiveWriter()
        writer.write(value)
        return try ArchiveReader.reading(writer.bytes) { reader throws(ArchiveReader.Damage) in
            let read = try reader.read(T.self)
            #expect(reader.isAtEnd, "every byte written is read")
            return read
        }
    }

    @Test(arguments: [0, 1, -1, 63, -64, 64, 127, 128, -129, 300, Int(Int32.max), Int.max, Int.min])
    func wholeNumbers(value: Int) throws {
        #expect(try roundTrip(value) == value)
    }

    @Test func smallNumbersTakeOneByte() {
        var writer = ArchiveWriter()
        for value in -64..<64 { writer.write(value) }
        #expect(writer.bytes.count == 128)
    }

    @Test(arguments: [0.0, -0.0, 1.5, -2.25, .pi, .infinity, -.infinity, .leastNonzeroMagnitude])
    func doubles(value: Double) throws {
        #expect(try roundTrip(value).bitPattern == value.bitPattern)
    }

    @Test func notANumberKeepsItsBits() throws {
        let value = Double(nan: 7, signaling: false)
        #expect(try roundTrip(value).bitPattern == value.bitPattern)
    }

    @Test(arguments: ["", "co-production", "café", "it’s 🙂 ok", String(repeating: "long ", count: 500)])
    func strings(value: String) throws {
        #expect(try roundTrip(value) == value)
    }

    @Test func collections() throws {
        #expect(try roundTrip([[1, 2], [], [3]]) == [[1, 2], [], [3]])
        #expect(try roundTrip(Set(["a", "b", "c"])) == Set(["a", "b", "c"]))
        #expect(try roundTrip(["one": 1.0, "two": 2.0]) == ["one": 1.0, "two": 2.0])
        #expect(try roundTrip([String?.some("x"), nil, "y"]) == ["x", nil, "y"])
        #expect(try roundTrip([true, false]) == [true, false])
        #expect(try roundTrip([Int32.min, 0, Int32.max]) == [Int32.min, 0, Int32.max])
        #expect(try roundTrip([UInt64.max, 0]) == [UInt64.max, 0])
    }

    @Test func blocksAndSections() throws {
        var writer = ArchiveWriter()
        writer.write(block: [Int32(-1), 0, 7, .max])
        writer.writeSection { $0.write("inside") }
        writer.write(block: [1.5, -0.25])
        writer.write("after")
        let (ints, section, doubles, after) = try ArchiveReader.reading(writer.bytes) {
            reader throws(ArchiveReader.Damage) in
            (
                try reader.readBlock(Int32.self), try reader.readSection(), try reader.readBlock(Double.self),
                try reader.read(String.self)
            )
        }
        #expect(ints == [-1, 0, 7, .max])
        #expect(doubles == [1.5, -0.25])
        #expect(after == "after")
        let inside = try ArchiveReader.reading(writer.bytes, in: section) { reader throws(ArchiveReader.Damage) in
            let text = try reader.read(String.self)
            #expect(reader.isAtEnd, "a section is read on its own, to its end")
            return text
        }
        #expect(inside == "inside")
    }

    /// Every way of cutting an archive short is reported where it was found.
    @Test func truncatedArchivesAreReported() {
        var writer = ArchiveWriter()
        writer.write(["welcome": [1.0, 2.0], "care": [3.0]])
        writer.write(block: [Int32(1), 2, 3])
        let bytes = writer.bytes
        for length in 0..<bytes.count {
            #expect(throws: ArchiveReader.Damage.self, "cut at \(length) of \(bytes.count) bytes") {
                try ArchiveReader.reading(Array(bytes.prefix(length))) { reader throws(ArchiveReader.Damage) in
                    _ = try reader.read([String: [Double]].self)
                    _ = try reader.readBlock(Int32.self)
                }
            }
        }
    }

    @Test func impossibleValuesAreReported() throws {
        // A count larger than the bytes left: refused before any room is reserved for it.
        var huge = ArchiveWriter()
        huge.write(1 << 40)
        let damage = try #require(
            throws: ArchiveReader.Damage.self,
            performing: {
                try ArchiveReader.reading(huge.bytes) { reader throws(ArchiveReader.Damage) in
                    _ = try reader.read([String].self)
                }
            })
        #expect(damage.description.contains("does not fit"))
        // A flag that is neither 0 nor 1, and a number that does not end.
        #expect(throws: ArchiveReader.Damage.self) {
            try ArchiveReader.reading([2]) { reader throws(ArchiveReader.Damage) in _ = try reader.read(Bool.self) }
        }
        #expect(throws: ArchiveReader.Damage.self) {
            try ArchiveReader.reading(Array(repeating: 0xFF, count: 11)) { reader throws(ArchiveReader.Damage) in
                _ = try reader.read(Int.self)
            }
        }
        // A 32-bit number out of range, and a section longer than the archive.
        var wide = ArchiveWriter()
        wide.write(Int(Int32.max) + 1)
        #expect(throws: ArchiveReader.Damage.self) {
            try ArchiveReader.reading(wide.bytes) { reader throws(ArchiveReader.Damage) in
                _ = try reader.read(Int32.self)
            }
        }
        var section = ArchiveWriter()
        section.writeSection { $0.write("cut") }
        #expect(throws: ArchiveReader.Damage.self) {
            try ArchiveReader.reading(Array(section.bytes.dropLast())) { reader throws(ArchiveReader.Damage) in
                _ = try reader.readSection()
            }
        }
    }

    /// The compiled parts of the content read back as they were built.
    @Test func compiledPartsRoundTrip() throws {
        let corrector = SpellingCorrector(frequencies: ["coproduction": 3, "welcome": 5, "listen": 4, "together": 6])
        var writer = ArchiveWriter()
        writer.write(corrector)
        let read = try ArchiveReader.reading(writer.bytes) { reader throws(ArchiveReader.Damage) in
            try reader.read(SpellingCorrector.self)
        }
        for word in ["coproducshun", "welcum", "lisen", "togther", "xylophone", "listen"] {
            #expect(read.correction(for: word) == corrector.correction(for: word), "\(word)")
        }
        let index = BM25Index(documents: [
            IndexDocument(key: "a", terms: ["welcom", "care"]), IndexDocument(key: "b", terms: ["listen", "care"]),
        ])
        var indexWriter = ArchiveWriter()
        indexWriter.write(index)
        let readIndex = try ArchiveReader.reading(indexWriter.bytes) { reader throws(ArchiveReader.Damage) in
            try reader.read(BM25Index.self)
        }
        let query = [Term("care"), Term("listen")]
        #expect(readIndex.search(query) == index.search(query))
    }
}
