public import Knowledge

/// Everything the assistant knows, loaded from the content directory (`intents/`).
public struct Content: Sendable {
    /// The charter, from `charter.md`.
    public let charter: Charter
    /// The intents from every other `*.yaml` file.
    package let intents: [Intent]
    /// Synonyms, text speak and weak words, from `synonyms.yaml`.
    package let lexicon: Lexicon
    /// Safeguarding patterns and reply, from `safeguarding.yaml`.
    package let safeguarding: SafeguardingRules
    /// Easy-read forms of the charter's statements by id, from `charter-easy.yaml`.
    package let easyStatements: [String: String]
    /// The ideas many charters share, with everyday questions about them, from `themes.yaml` of
    /// every layer (see ``Theme``), by name.
    package let themes: [Theme]
    /// Which statement each linked theme answers with (theme name → link).
    package let themeLinks: [String: Theme.Link]
    /// The council's facts, from `council.yaml`; nil for content read as one layer.
    public let council: CouncilProfile?
    /// The folders the content was read from, base layer first.
    public let layers: [String]
    /// The thesaurus file that was read (the highest layer's), for messages about it.
    package let thesaurusFile: String?
    /// The safeguarding rules compiled for matching, on their way from the thread that compiles
    /// them (from the moment the loader read them, or from assembly for content made of parts).
    let compiledSafeguarding: BackgroundWork<SafeguardingDetector>
    /// The analyser of the lexicon, built once: the themes were linked with it and the matcher
    /// indexes with it.
    package let analyzer: TextAnalyzer
    private let intentsByID: [String: Intent]

    /// Ids of intents the engine itself relies on; content must define them.
    package static let requiredIntents = ["system.fallback", "system.clarify", "system.welcome", "system.no-context"]

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
        self.analyzer = analyzer
        self.thesaurusFile = thesaurusFile
        self.compiledSafeguarding =
            compiledSafeguarding
            ?? SafeguardingDetector.compiling(safeguarding, analyzer: analyzer, textSpeak: lexicon.textSpeak)
        self.themes = themes
        self.themeLinks = themeLinks
        self.easyStatements = easyStatements
        self.council = council
        self.layers = layers
        self.charter = charter
        self.intents = intents
        self.lexicon = lexicon
        self.safeguarding = safeguarding
        self.intentsByID = Dictionary(intents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
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
        intentsByID[id]
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
