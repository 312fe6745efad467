import Crypto
import Foundation
public import Knowledge

/// A folder where content is kept compiled, so that a start over unchanged content reads its
/// index, spelling corrector and safeguarding rules instead of building them again.
///
/// Each council's content has one file here, named after its folders. The file holds a fingerprint
/// of everything that made it: this build of the program and every file of the content's layers, byte
/// for byte. Content edited in any way, or a program built again, no longer matches, and the content
/// is read from its files as usual and compiled again. A file that is damaged (its checksum, SHA-256
/// of what follows it, does not match) or unreadable is never trusted: the content is read from its
/// files. Content with errors is never stored.
public struct ContentCache: Sendable {
    /// The folder the compiled content is kept in (made when first written to).
    public let directory: String

    /// The first bytes of every file here: what it is and the version of its format.
    static let signature = kind + Array("2\n".utf8)
    /// What every version of the format starts with.
    static let kind = Array("charter-chat compiled content ".utf8)

    /// Keeps compiled content in `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// Loads `source`'s content with its matcher: from this folder when it holds them for exactly
    /// these files and this program, else from the files (then stored here for the next start).
    ///
    /// Problems with the folder itself are passed to `report` and never stop the content loading:
    /// at worst, the content is compiled at each start as without a cache.
    public func load(
        _ source: ContentSource, report: (String) -> Void
    ) throws(ContentErrors) -> CompiledContent {
        let layers = ContentLoader.layers(of: source)
        let fingerprint = Self.fingerprint(of: layers)
        let file = self.file(for: layers)
        if let fingerprint, let stored = readWholeFile(file) {
            do {
                return CompiledContent(try Self.read(stored, fingerprint: fingerprint))
            } catch Stale.stale {
                // Written from other files or by another build: compiled again below.
            } catch {
                report("note: the compiled content in \(file) cannot be read (\(error)); compiling it again")
            }
        }
        let compiled = CompiledContent(try Content.load(from: source))
        // The content's own files were read once more by the loader: only a fingerprint taken before
        // and still true after them describes what was compiled.
        guard let fingerprint, fingerprint == Self.fingerprint(of: compiled.content.layers) else { return compiled }
        do {
            try write(compiled.matcher, fingerprint: fingerprint, to: file)
        } catch {
            report(
                "warning: cannot keep the compiled content in \(directory) (\(error)); it is compiled again at each "
                    + "start. Set CHARTER_CHAT_CACHE to a folder this user can write to, or to 'off'.")
        }
        return compiled
    }

    /// The file for content read from `layers`.
    func file(for layers: [String]) -> String {
        let name = SHA256.hash(data: Data(layers.joined(separator: "\n").utf8)).prefix(8)
            .map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        return ContentLoader.join(directory, name + ".compiled")
    }

    /// The program and every file of the layers, by name and bytes; nil when a file cannot be read
    /// (then nothing is cached).
    static func fingerprint(of layers: [String]) -> [UInt8]? {
        var hash = SHA256()
        func add(_ text: String) {
            hash.update(data: Data(text.utf8))
            hash.update(data: [0])
        }
        hash.update(data: signature)
        guard let program = Bundle.main.executablePath,
            let attributes = try? FileManager.default.attributesOfItem(atPath: program),
            let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        add("\(program) \(size) \(modified.timeIntervalSince1970)")
        for layer in layers {
            add(layer)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: layer) else { return nil }
            for name in names.sorted() {
                let path = ContentLoader.join(layer, name)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
                add(name)
                if isDirectory.boolValue { continue }
                guard let bytes = FileManager.default.contents(atPath: path) else { return nil }
                add(String(bytes.count))
                hash.update(data: bytes)
            }
        }
        return Array(hash.finalize())
    }

    /// A file could not be put in place.
    struct CacheError: Error, CustomStringConvertible {
        var description: String
    }

    /// The archive is of other files or another build.
    enum Stale: Error { case stale }

    /// Reads a matcher stored with `fingerprint`.
    ///
    /// The file holds three sections, read on three threads at once: the learned safeguarding
    /// model, the safeguarding rules with their compiled form (which need the model), and the
    /// matcher with the rest of the content (which needs the rules last).
    static func read(_ bytes: [UInt8], fingerprint: [UInt8]) throws -> Matcher {
        let header = signature + fingerprint
        guard bytes.starts(with: kind) else { throw ArchiveReader.Damage(offset: 0, problem: "not compiled content") }
        // Another version of the format, or other files or another build: compiled again, as stale.
        guard bytes.starts(with: header) else { throw Stale.stale }
        let bodyStart = header.count + SHA256.byteCount
        guard bytes.count >= bodyStart else { throw ArchiveReader.Damage(offset: header.count, problem: "no checksum") }
        // The checksum is worked out beside the reading, and checked before anything read is used:
        // reading never traps on damaged bytes, but answering from them could.
        let checksum = BackgroundWork { Array(SHA256.hash(data: bytes[bodyStart...])) }
        let sections = try ArchiveReader.reading(bytes, in: bodyStart..<bytes.count) {
            archive throws(ArchiveReader.Damage) in
            let sections = [try archive.readSection(), try archive.readSection(), try archive.readSection()]
            guard archive.isAtEnd else { throw archive.damage("there is more after the content") }
            return sections
        }
        let model = BackgroundWork {
            Result { () throws(ArchiveReader.Damage) in
                try ArchiveReader.reading(bytes, in: sections[0]) { archive throws(ArchiveReader.Damage) in
                    try whole(&archive) { archive throws(ArchiveReader.Damage) in
                        try archive.read(SafeguardingModel?.self)
                    }
                }
            }
        }
        let rules = BackgroundWork {
            Result { () throws(ArchiveReader.Damage) in
                try ArchiveReader.reading(bytes, in: sections[1]) { archive throws(ArchiveReader.Damage) in
                    try whole(&archive) { archive throws(ArchiveReader.Damage) in
                        var rules = try archive.read(SafeguardingRules.self)
                        rules.model = try model.wait().get()
                        return (rules, try SafeguardingDetector(from: &archive, rules: rules))
                    }
                }
            }
        }
        let matcher = try ArchiveReader.reading(bytes, in: sections[2]) { archive throws(ArchiveReader.Damage) in
            try whole(&archive) { archive throws(ArchiveReader.Damage) in
                try Matcher(from: &archive, settings: MatcherSettings()) { () throws(ArchiveReader.Damage) in
                    try rules.wait().get()
                }
            }
        }
        guard checksum.wait().elementsEqual(bytes[header.count..<bodyStart]) else {
            throw ArchiveReader.Damage(offset: header.count, problem: "the checksum does not match the content")
        }
        return matcher
    }

    /// What `read` reads, when it reads the whole section.
    private static func whole<Value>(
        _ archive: inout ArchiveReader, _ read: (inout ArchiveReader) throws(ArchiveReader.Damage) -> Value
    ) throws(ArchiveReader.Damage) -> Value {
        let value = try read(&archive)
        guard archive.isAtEnd else { throw archive.damage("a section has more than it should") }
        return value
    }

    /// Writes the matcher through a temporary file renamed into place, so that a reader never sees
    /// half a file.
    func write(_ matcher: Matcher, fingerprint: [UInt8], to file: String) throws {
        var archive = ArchiveWriter()
        let safeguarding = matcher.content.safeguarding
        var body = ArchiveWriter()
        body.writeSection { $0.write(safeguarding.model) }
        body.writeSection { archive in
            archive.write(safeguarding)
            matcher.safeguarding.write(to: &archive)
        }
        body.writeSection { matcher.write(to: &$0) }
        archive.write(bytes: Self.signature + fingerprint)
        archive.write(bytes: Array(SHA256.hash(data: body.bytes)))
        archive.write(bytes: body.bytes)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let temporary = file + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        do {
            try Data(archive.bytes).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, file) != 0 {
                throw CacheError(
                    description: "cannot rename \(temporary) to \(file): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}

/// The file's bytes, read straight into an array (compiled content is megabytes long, and a copy
/// through `Data` costs a tenth of a start); nil when it cannot be read.
private func readWholeFile(_ file: String) -> [UInt8]? {
    let descriptor = open(file, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return nil }
    let size = Int(status.st_size)
    var complete = true
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
        while initialized < size {
            let count = read(descriptor, buffer.baseAddress! + initialized, size - initialized)
            guard count > 0 else {
                complete = false
                return
            }
            initialized += count
        }
    }
    return complete ? bytes : nil
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
