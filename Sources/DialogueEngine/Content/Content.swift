public import Knowledge

/// Everything the assistant knows, loaded from the content directory (`intents/`).
public struct Content: Sendable {
    /// The charter, from `charter.md`.
    public var charter: Charter { storage.tables.charter }
    /// The intents from every other `*.yaml` file.
    package var intents: [Intent] { storage.tables.intents }
    /// Synonyms, text speak and weak words, from `synonyms.yaml`.
    package var lexicon: Lexicon { storage.tables.lexicon }
    /// Safeguarding patterns and reply, from `safeguarding.yaml`.
    package var safeguarding: SafeguardingRules { storage.tables.safeguarding }
    /// Easy-read forms of the charter's statements by id, from `charter-easy.yaml`.
    package var easyStatements: [String: String] { storage.tables.easyStatements }
    /// The ideas many charters share, with everyday questions about them, from `themes.yaml` of
    /// every layer (see ``Theme``), by name.
    package var themes: [Theme] { storage.tables.themes }
    /// Which statement each linked theme answers with (theme name → link).
    package var themeLinks: [String: Theme.Link] { storage.tables.themeLinks }
    /// The council's facts, from `council.yaml`; nil for content read as one layer.
    public var council: CouncilProfile? { storage.tables.council }
    /// The folders the content was read from, base layer first.
    public var layers: [String] { storage.tables.layers }
    /// The thesaurus file that was read (the highest layer's), for messages about it.
    package var thesaurusFile: String? { storage.tables.thesaurusFile }
    /// The safeguarding rules compiled for matching, on their way from the thread that compiles
    /// them (from the moment the loader read them, or from assembly for content made of parts).
    var compiledSafeguarding: BackgroundWork<SafeguardingDetector> { storage.tables.compiledSafeguarding }
    /// The analyser of the lexicon, built once: the themes were linked with it and the matcher
    /// indexes with it.
    package var analyzer: TextAnalyzer { storage.tables.analyzer }

    /// Every table, behind one reference (``Storage``): answering reads the content many times a
    /// request, and a copy then costs one retain instead of one for each table.
    private struct Tables: Sendable {
        let charter: Charter
        let intents: [Intent]
        let lexicon: Lexicon
        let safeguarding: SafeguardingRules
        let easyStatements: [String: String]
        let themes: [Theme]
        let themeLinks: [String: Theme.Link]
        let council: CouncilProfile?
        let layers: [String]
        let thesaurusFile: String?
        let compiledSafeguarding: BackgroundWork<SafeguardingDetector>
        let analyzer: TextAnalyzer
        let intentsByID: [String: Intent]
    }

    private final class Storage: Sendable {
        let tables: Tables
        init(_ tables: Tables) { self.tables = tables }
    }

    private let storage: Storage

    /// Ids of intents the engine itself relies on; content must define them.
    package static let requiredIntents = [
        "system.fallback", "system.clarify", "system.welcome", "system.no-context", "system.statement",
        "system.statement-outside", "system.continuation", "system.more-to-come",
    ]

    /// Assembles content from parts (tests build small content this way). `analyzer`, when given,
    /// must be built from `lexicon` (the loader passes the one it linked the themes with).
    package init(
        charter: Charter, intents: [Intent], lexicon: Lexicon, safeguarding: SafeguardingRules,
        easyStatements: [String: String] = [:], themes: [Theme] = [],
        themeLinks: [String: Theme.Link] = [:], council: CouncilProfile? = nil, layers: [String] = [],
        thesaurusFile: String? = nil, compiledSafeguarding: BackgroundWork<SafeguardingDetector>? = nil,
        analyzer: TextAnalyzer? = nil
    ) {
        let analyzer = analyzer ?? TextAnalyzer(lexicon: lexicon)
        storage = Storage(
            Tables(
                charter: charter, intents: intents, lexicon: lexicon, safeguarding: safeguarding,
                easyStatements: easyStatements, themes: themes, themeLinks: themeLinks, council: council,
                layers: layers, thesaurusFile: thesaurusFile,
                compiledSafeguarding: compiledSafeguarding
                    ?? SafeguardingDetector.compiling(safeguarding, analyzer: analyzer, textSpeak: lexicon.textSpeak),
                analyzer: analyzer,
                intentsByID: Dictionary(intents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })))
    }

    /// The number of intents, for summaries.
    public var intentCount: Int { intents.count }

    /// Every intent's id.
    public var intentIDs: Set<String> { Set(intents.map(\.id)) }

    /// The intent id nearest to `id` (for "did you mean" hints).
    public func closestIntentID(to id: String) -> String? {
        YAMLDocument.closest(id, in: intents.map(\.id))
    }

    /// The intent with this id.
    package func intent(id: String) -> Intent? {
        storage.tables.intentsByID[id]
    }

    /// Loads and validates the content directory; throws ``ContentErrors`` listing every problem.
    public static func load(from directory: String) throws(ContentErrors) -> Content {
        try load(from: ContentSource(directory: directory))
    }

    /// Loads and validates a council's content over its base layer; throws ``ContentErrors``
    /// listing every problem.
    public static func load(from source: ContentSource) throws(ContentErrors) -> Content {
        var loader = ContentLoader(directory: source.directory, defaultBase: source.defaultBase)
        return try loader.load()
    }

    /// Loads the directory as it would be with `files` (file name → text) in place of what is on
    /// disk: a change is checked this way before it is written.
    package static func load(from directory: String, replacing files: [String: String]) throws(ContentErrors)
        -> Content
    {
        try load(from: ContentSource(directory: directory), replacing: files)
    }

    /// Loads the content as it would be with `files` (file name → text) in place of what is on
    /// disk, in the highest layer that has them.
    package static func load(from source: ContentSource, replacing files: [String: String]) throws(ContentErrors)
        -> Content
    {
        var loader = ContentLoader(directory: source.directory, defaultBase: source.defaultBase)
        loader.overrides = files
        return try loader.load()
    }
}

// MARK: - Archive

extension Content {
    /// Reads back content that ``write(to:)`` wrote, with its safeguarding rules, archived on their
    /// own (see ``ContentCache``).
    package init(
        from archive: inout ArchiveReader, safeguarding: SafeguardingRules, detector: SafeguardingDetector
    ) throws(ArchiveReader.Damage) {
        let charter = try archive.read(Charter.self)
        let intents = try archive.read([Intent].self)
        let lexicon = try archive.read(Lexicon.self)
        let easyStatements = try archive.read([String: String].self)
        let themes = try archive.read([Theme].self)
        let themeLinks = try archive.read([String: Theme.Link].self)
        let council = try archive.read(CouncilProfile?.self)
        let layers = try archive.read([String].self)
        let thesaurusFile = try archive.read(String?.self)
        let analyzer = try TextAnalyzer(from: &archive, dictionary: lexicon.dictionary)
        self.init(
            charter: charter, intents: intents, lexicon: lexicon, safeguarding: safeguarding,
            easyStatements: easyStatements, themes: themes, themeLinks: themeLinks, council: council, layers: layers,
            thesaurusFile: thesaurusFile, compiledSafeguarding: BackgroundWork(finished: detector), analyzer: analyzer)
    }

    /// Writes the content but its safeguarding rules and their compiled form.
    package func write(to archive: inout ArchiveWriter) {
        archive.write(charter)
        archive.write(intents)
        archive.write(lexicon)
        archive.write(easyStatements)
        archive.write(themes)
        archive.write(themeLinks)
        archive.write(council)
        archive.write(layers)
        archive.write(thesaurusFile)
        analyzer.write(to: &archive)
    }
}
