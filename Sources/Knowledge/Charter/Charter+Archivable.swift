extension Charter: Archivable {
    /// Reads back what ``write(to:)`` wrote; the look-up tables are made again, as the charter is small.
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self.init(
            title: try archive.read(), introduction: try archive.read(), cornerstones: try archive.read(),
            closing: try archive.read(), leftOut: try archive.read(), otherSubListHeadings: try archive.read())
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(title)
        archive.write(introduction)
        archive.write(cornerstones)
        archive.write(closing)
        archive.write(leftOut)
        archive.write(otherSubListHeadings)
    }
}

extension Charter.Line: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self.init(line: try archive.read(), text: try archive.read())
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(line)
        archive.write(text)
    }
}

extension Cornerstone: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self.init(
            id: try archive.read(), title: try archive.read(), commitments: try archive.read(),
            outcomes: try archive.read(), description: try archive.read())
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(title)
        archive.write(commitments)
        archive.write(outcomes)
        archive.write(description)
    }
}

extension Statement: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self.init(id: try archive.read(), text: try archive.read(), kind: try archive.read(), line: try archive.read())
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(text)
        archive.write(kind)
        archive.write(line)
    }
}

extension Statement.Kind: Archivable {}
