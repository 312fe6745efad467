import Foundation
import Knowledge
import Yams

/// Reads a council's content: `charter.md`, `council.yaml`, `synonyms.yaml`, `safeguarding.yaml`
/// and every other YAML file as a list of intents, over the base layer when the folder is a
/// council layer (see ``ContentSource``). Collects every problem before giving up, so `check` can
/// list them all.
///
/// Layers: a file in the council's folder replaces the base's file of the same name, and an
/// intent replaces the base's intent of the same id; synonyms and the dictionary add to the
/// base's. `{placeholders}` in replies and examples take the values of `council.yaml`.
struct ContentLoader {
    let directory: String
    let defaultBase: String?
    /// File texts to use instead of what is on disk, by file name (a change checked before it is written).
    var overrides: [String: String] = [:]
    private var diagnostics: [ContentDiagnostic] = []
    /// The folders read, base first; the last is ``directory``.
    private var layers: [String] = [] {
        didSet { located = Self.locate(layers) }
    }
    /// Each file name of the layers, with the path of the highest layer that has it (listed once
    /// when the layers are set).
    private var located: [String: (path: String, layer: Int)] = [:]

    static let intentKeys = [
        "id", "kind", "examples", "keywords", "reply", "quote", "after", "easy", "more", "unquoted", "list",
        "suggestions", "each",
    ]
    /// What `each:` may name: an intent written once for every part (cornerstone) of the charter.
    static let templateKinds = ["part"]
    static let responseKeys = ["reply", "quote", "after", "easy"]
    /// The easy-read forms of the charter's statements, beside `charter.md`.
    static let easyCharterFile = "charter-easy.yaml"
    /// The council's facts, in a council layer.
    static let councilFile = "council.yaml"
    /// Ideas many charters share, with everyday questions about them (see ``Theme``).
    static let themesFile = "themes.yaml"
    /// Placeholders the engine fills when it answers, left as they are when the content loads.
    /// `{id}` and `{number}` are filled per part (`each: part`); the rest when a reply is given.
    static let answerTimePlaceholders = Set(["id", "number"] + AnswerTimePlaceholder.allCases.map(\.name))

    init(directory: String, defaultBase: String? = nil) {
        self.directory = directory
        self.defaultBase = defaultBase
    }

    /// The path of the file `name` in `folder` (the audit names the content's files the same way).
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Every file of `layers`, by name, in the highest layer that has it.
    private static func locate(_ layers: [String]) -> [String: (path: String, layer: Int)] {
        var located: [String: (path: String, layer: Int)] = [:]
        for (index, layer) in layers.enumerated() {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: layer)) ?? [] {
                located[name] = (join(layer, name), index)
            }
        }
        return located
    }

    /// The file in the highest layer that has it (the council's folder when none has).
    private func path(_ name: String) -> String {
        located[name]?.path ?? Self.join(directory, name)
    }

    /// Whether any layer (or an override) has the file.
    private func exists(_ name: String) -> Bool {
        overrides[name] != nil || located[name] != nil
    }

    private mutating func read(_ name: String) -> String? {
        if let text = overrides[name] { return text }
        return read(file: path(name))
    }

    private mutating func read(file: String) -> String? {
        guard let data = FileManager.default.contents(atPath: file) else {
            diagnostics.append(
                ContentDiagnostic(file: file, message: "cannot read the file", hint: "it must exist and be readable"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(
                ContentDiagnostic(file: file, message: "the file is not UTF-8 text", hint: "save it as UTF-8"))
            return nil
        }
        return text
    }

    /// The file's text in every layer that has it, base first (an override stands for the highest).
    private mutating func readEveryLayer(_ name: String) -> [(text: String, file: String)] {
        var texts: [(text: String, file: String)] = []
        for layer in layers where FileManager.default.fileExists(atPath: Self.join(layer, name)) {
            if let text = read(file: Self.join(layer, name)) { texts.append((text, Self.join(layer, name))) }
        }
        if let text = overrides[name] {
            if !texts.isEmpty { texts.removeLast() }
            texts.append((text, path(name)))
        }
        return texts
    }

    mutating func load() throws(ContentErrors) -> Content {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ContentErrors([
                ContentDiagnostic(
                    file: directory, message: "the content directory does not exist",
                    hint: "run from the project folder, or pass --intents DIR (or set CHARTER_CHAT_INTENTS)")
            ])
        }
        let council = readLayers()
        var charter: Charter?
        if exists("charter.md"), let text = read("charter.md") {
            do {
                charter = try CharterParser.parse(text, file: path("charter.md"))
            } catch {
                diagnostics += error.diagnostics
            }
        } else if !exists("charter.md") {
            diagnostics.append(
                ContentDiagnostic(
                    file: Self.join(directory, "charter.md"), message: "there is no charter",
                    hint:
                        "write the charter as charter.md (see README, 'The charter format'), or run 'charter-chat init'"
                ))
        }
        var lexicon = Lexicon()
        for (text, file) in readEveryLayer("synonyms.yaml") {
            lexicon.add(readLexicon(text, file: file))
        }
        let values = placeholderValues(council: council, charter: charter)
        // The safeguarding rules take longest to read and compile: they are, on threads of their own,
        // from here on, while the rest is read and the matcher's index built. Their problems take
        // their place in the report as if read in turn.
        let hasRules = exists("safeguarding.yaml")
        let hasModel = exists(Self.safeguardingModelFile)
        var reader = self
        reader.diagnostics = []
        // Patterns are read with `TextAnalyzer.words`, which uses only the synonyms' text speak: the
        // dictionary and the thesaurus are not needed for them.
        let rulesAnalyzer = TextAnalyzer(lexicon: lexicon)
        // The learned model needs nothing of the rules to be read: it is read beside them (and only
        // with them: without rules it is not used).
        let readingModel: BackgroundWork<(parsed: ParsedModel?, diagnostics: [ContentDiagnostic])>? =
            hasModel && hasRules
            ? BackgroundWork { [reader] in
                var reader = reader
                let file = reader.path(Self.safeguardingModelFile)
                let parsed = reader.read(Self.safeguardingModelFile).map { SafeguardingModel.parse($0, file: file) }
                return (parsed, reader.diagnostics)
            } : nil
        let readingRules = BackgroundWork { [reader, values, textSpeak = lexicon.textSpeak] in
            var reader = reader
            guard hasRules, let rulesText = reader.read("safeguarding.yaml") else {
                return (
                    rules: SafeguardingRules?.none, diagnostics: reader.diagnostics,
                    compiling: BackgroundWork<SafeguardingDetector>?.none
                )
            }
            var rules = reader.readSafeguarding(
                rulesText, file: reader.path("safeguarding.yaml"), analyzer: rulesAnalyzer, values: values)
            if let (parsed, readDiagnostics) = readingModel?.wait() {
                reader.diagnostics += readDiagnostics
                if let parsed {
                    let model = reader.checkSafeguardingModel(
                        parsed, file: reader.path(Self.safeguardingModelFile), rules: rules)
                    rules?.model = model
                }
            }
            // Compiling them for matching goes on beside the matcher's index (see ``Matcher``).
            let compiling = rules.map {
                SafeguardingDetector.compiling($0, analyzer: rulesAnalyzer, textSpeak: textSpeak)
            }
            return (rules: rules, diagnostics: reader.diagnostics, compiling: compiling)
        }
        for (text, _) in readEveryLayer("dictionary.txt") {
            lexicon.dictionary.formUnion(Self.readDictionary(text))
        }
        if exists(Self.thesaurusFile), let text = read(Self.thesaurusFile) {
            lexicon.thesaurus = readThesaurus(text, file: path(Self.thesaurusFile))
        }
        if !hasRules {
            diagnostics.append(
                ContentDiagnostic(
                    file: Self.join(directory, "safeguarding.yaml"), message: "there are no safeguarding rules",
                    hint: "the base layer holds safeguarding.yaml; check 'base:' in council.yaml"))
        }
        let rulesReport = diagnostics.count

        var easyStatements: [String: String] = [:]
        if exists(Self.easyCharterFile), let text = read(Self.easyCharterFile) {
            easyStatements = readEasyStatements(text, file: path(Self.easyCharterFile), charter: charter)
        }
        let reserved: Set<String> = [
            "synonyms.yaml", "safeguarding.yaml", LearnedExamples.fileName, Self.easyCharterFile, Self.councilFile,
            Self.themesFile,
        ]
        // Every intent file of every layer; a council's file replaces the base's of the same name.
        let names = located.filter { name, _ in
            (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !reserved.contains(name)
        }
        .map { (name: $0.key, layer: $0.value.layer) }.sorted { $0.name < $1.name }
        if names.isEmpty {
            diagnostics.append(ContentDiagnostic(file: directory, message: "no intent files (*.yaml) found"))
        }
        // An intent that a higher layer redefines (same id) is dropped.
        var loaded: [(intent: Intent, layer: Int)] = []
        for (name, layer) in names {
            guard let text = read(name) else { continue }
            loaded += readIntents(text, file: path(name), charter: charter).map { ($0, layer) }
        }
        var highest: [String: Int] = [:]
        for (intent, layer) in loaded { highest[intent.id] = max(highest[intent.id] ?? 0, layer) }
        let councilLayer = layers.count - 1
        var intents = loaded.filter { intent, layer in layer == highest[intent.id] }.map(\.intent)
        intents = intents.map { fill($0, values: values) }
        if let charter { intents = Self.listingParts(intents, charter: charter) }
        if exists(LearnedExamples.fileName), let text = read(LearnedExamples.fileName) {
            intents = mergeLearned(text, file: path(LearnedExamples.fileName), into: intents)
        }
        if let charter { validate(&intents, charter: charter) }
        var themeLinks: [String: Theme.Link] = [:]
        // Read even when the charter has errors, so that every file's problems are reported at once.
        let analyzer = TextAnalyzer(lexicon: lexicon)
        var byName: [String: Theme] = [:]
        for (text, file) in readEveryLayer(Self.themesFile) {
            // A council's theme replaces the base's of the same name.
            for theme in readThemes(text, file: file, analyzer: analyzer) { byName[theme.name] = theme }
        }
        let themes = byName.values.sorted { $0.name < $1.name }
        if let charter {
            // A statement that one of the council's own intents quotes by id is left to that intent.
            let quoted = Set(
                loaded.filter { $0.layer == councilLayer && $0.intent.kind == .answer }
                    .flatMap { $0.intent.response.quotes + ($0.intent.more?.quotes ?? []) }
                    .filter { if case .statement? = QuoteReference($0, in: charter) { true } else { false } })
            // The closing is the charter's sign-off (how it was made, its thanks): its long
            // paragraphs say a little of every idea, and would draw the themes from the parts.
            // An introduction's item that names a part is the part's title again.
            let closing = Set(charter.closing.map(\.id))
            let naming = Set(charter.introduction.filter { charter.cornerstone(namedBy: $0) != nil }.map(\.id))
            themeLinks = Theme.links(
                themes, charter: charter, analyzer: analyzer, excluding: quoted.union(closing).union(naming))
        }
        // The themes are linked while the rules are still being read.
        let (safeguarding, rulesDiagnostics, compiling) = readingRules.wait()
        diagnostics.insert(contentsOf: rulesDiagnostics, at: rulesReport)
        if !diagnostics.isEmpty || charter == nil || safeguarding == nil {
            if diagnostics.isEmpty {
                diagnostics.append(ContentDiagnostic(file: directory, message: "the content is incomplete"))
            }
            throw ContentErrors(diagnostics)
        }
        return Content(
            charter: charter!, intents: intents, lexicon: lexicon, safeguarding: safeguarding!,
            easyStatements: easyStatements, themes: themes, themeLinks: themeLinks,
            council: council,
            layers: layers, thesaurusFile: exists(Self.thesaurusFile) ? path(Self.thesaurusFile) : nil,
            compiledSafeguarding: compiling, analyzer: analyzer)
    }

    /// Sets ``layers``: the council's folder, over the base layer that `council.yaml` names or
    /// finds (see ``findBase(named:file:)``); returns the council's facts.
    private mutating func readLayers() -> CouncilProfile? {
        layers = [directory]
        guard exists(Self.councilFile), let text = read(Self.councilFile) else { return nil }
        let (profile, base) = readCouncil(text, file: Self.join(directory, Self.councilFile))
        if let base { layers = [base, directory] }
        return profile
    }

    /// The folders `source` is read from, base layer first (problems are left for ``load()``).
    static func layers(of source: ContentSource) -> [String] {
        var loader = ContentLoader(directory: source.directory, defaultBase: source.defaultBase)
        _ = loader.readLayers()
        return loader.layers
    }

    /// An intent that lists the parts' titles (`quote: cornerstones`) and has no `list:` of its own
    /// lists the intents about each part (`part.<id>`), so that "the second one" follows it. A
    /// charter of one part lists its statements instead, as the reply shows them.
    private static func listingParts(_ intents: [Intent], charter: Charter) -> [Intent] {
        let ids = Set(intents.map(\.id))
        var parts = charter.cornerstones.map { "part.\($0.id)" }
        if let statements = charter.listedStatements {
            parts = statements.map(\.id)
        } else if !parts.allSatisfy(ids.contains) {
            return intents
        }
        // A charter of one part: that part is the list, so asking about it is answered as the list is
        // ("These are the charter's values:"), not as "the first of the charter's values".
        // The list of parts' own reply, not another that also lists them ("what is co-production"
        // in a charter without an introduction).
        let overview = intents.first { $0.id == Intent.partsListID }?.response
        let onlyPart = charter.listedStatements != nil ? charter.cornerstones.first.map { "part.\($0.id)" } : nil
        return intents.map { intent in
            if intent.id == onlyPart, let overview {
                var part = intent
                part.response.text = overview.text
                part.response.after = overview.after
                part.response.easy = overview.easy
                return part
            }
            guard intent.list.isEmpty, intent.response.quotes.contains("cornerstones") else { return intent }
            var listing = intent
            listing.list = parts
            return listing
        }
    }

    // MARK: Council

    /// Reads `council.yaml`: the council's facts, and the base layer it names or finds.
    private mutating func readCouncil(_ text: String, file: String) -> (CouncilProfile?, base: String?) {
        var document = YAMLDocument(text: text, file: file)
        defer { diagnostics += document.diagnostics }
        guard let root = document.root else {
            document.error(nil, "council.yaml is empty", hint: "run 'charter-chat init' to write one")
            return (nil, findBase(named: nil, file: file))
        }
        guard let mapping = root.mapping else {
            document.error(root, "council.yaml must map names to values", hint: "write 'council: Anytown Council'")
            return (nil, findBase(named: nil, file: file))
        }
        var values: [String: String] = [:]
        var baseName: String?
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            guard let text = document.text(value, what: "'\(name)'") else { continue }
            if name == "base" {
                baseName = text
            } else if name.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-") }) {
                document.error(key, "'\(name)' cannot be a placeholder", hint: "use letters, digits and '-' in names")
            } else {
                values[name] = text
            }
        }
        let base = findBase(named: baseName, file: file)
        let missing = CouncilProfile.requiredKeys.filter { values[$0] == nil }
        guard missing.isEmpty else {
            document.error(
                root, "council.yaml has no \(missing.map { "'\($0)'" }.joined(separator: ", "))",
                hint:
                    "write 'council: <the council's name>', 'parts: <what the charter calls its parts>' and 'part-word: <one of them>'"
            )
            return (nil, base)
        }
        return (CouncilProfile(values: values), base)
    }

    /// The base layer: `base:` of council.yaml (relative to it), else `base` beside the council's
    /// folder, else the default. Nil, with an error, when there is none.
    private mutating func findBase(named name: String?, file: String) -> String? {
        func isFolder(_ path: String) -> Bool {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        let councilFolder = URL(fileURLWithPath: directory).standardizedFileURL
        if let name {
            let base = URL(fileURLWithPath: name, relativeTo: councilFolder.appendingPathComponent("/"))
                .standardizedFileURL
            guard isFolder(base.path) else {
                diagnostics.append(
                    ContentDiagnostic(
                        file: file, message: "the base layer '\(name)' (\(base.path)) is not a folder",
                        hint: "give a folder relative to council.yaml, or remove 'base:' to use the built-in base"))
                return nil
            }
            return base.path
        }
        let beside = councilFolder.deletingLastPathComponent().appendingPathComponent("base").path
        if isFolder(beside) && beside != councilFolder.path { return beside }
        if let defaultBase, isFolder(defaultBase) { return defaultBase }
        diagnostics.append(
            ContentDiagnostic(
                file: file, message: "there is no base layer for this council",
                hint:
                    "add 'base: <folder>' to council.yaml, or pass --base DIR (or set CHARTER_CHAT_BASE); a program "
                    + "copied on its own needs the built-in content folder copied beside it (see the README on running it on a server)"
            ))
        return nil
    }

    /// What `{placeholders}` stand for: the council's values, the charter's title (`{charter}`,
    /// with its article, see ``named(_:)``; `{charter-title}` as written) and how many parts it has
    /// (`{part-count}`, in words). A charter of one part lists its statements as its parts (see
    /// ``listingParts(_:charter:)``), so they are what it counts.
    private func placeholderValues(council: CouncilProfile?, charter: Charter?) -> [String: String] {
        var values = council?.values ?? [:]
        if let charter {
            values["charter"] = values["charter"] ?? Self.named(charter.title)
            values["charter-title"] = charter.title
            let words = [
                "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            ]
            let count = charter.listedStatements?.count ?? charter.cornerstones.count
            values["part-count"] = count < words.count ? words[count] : String(count)
        }
        return values
    }

    /// A charter's title as a reply names it inside a sentence, with its article: "the
    /// Stoke-on-Trent SEND Co-production Charter", "the Rotherham Charter" (from "The Rotherham
    /// Charter"), "our agreements" (from "Our agreements"), and a name that owns it as it is
    /// ("Buckinghamshire’s SEND Co-production Charter"). Replies never start a sentence with it.
    static func named(_ title: String) -> String {
        let title = title.trimmingCharacters(in: .whitespaces)
        let first = title.prefix { !$0.isWhitespace }
        let article = first.lowercased()
        if ["the", "our"].contains(article) {
            return article + title.dropFirst(first.count)
        }
        // "Kent's Charter" names its owner; "the Children's Charter" still takes its article.
        let owner = article.prefix { $0.isLetter || $0 == "-" }
        if ["'s", "’s", "s'", "s’"].contains(where: article.hasSuffix), first.first?.isUppercase == true,
            !Self.commonOwners.contains(String(owner))
        {
            return title
        }
        return "the " + title
    }

    /// Owners that are people in general, not a place: their charter keeps its article.
    private static let commonOwners: Set<String> = [
        "children", "child", "parents", "parent", "families", "family", "carers", "carer", "people", "pupils",
        "students", "learners", "young", "everyone", "everybody",
    ]

    /// The intent with its `{placeholders}` filled in; an unknown one is reported at the intent.
    private mutating func fill(_ intent: Intent, values: [String: String]) -> Intent {
        var unknown: [String] = []
        let filled = intent.mapTexts { text in
            let (result, missing) = Self.fill(text, values: values)
            unknown += missing
            return result
        }
        for name in Set(unknown).sorted() {
            diagnostics.append(
                ContentDiagnostic(
                    file: intent.location.file, line: intent.location.line, column: intent.location.column,
                    message: "intent '\(intent.id)' uses the unknown placeholder '{\(name)}'"
                        + Self.nearestPlaceholder(to: name, in: values),
                    hint: "define '\(name):' in council.yaml"))
        }
        return filled
    }

    /// " (did you mean '{nearest}'?)" when a known placeholder is close to `name`, else "".
    static func nearestPlaceholder(to name: String, in known: [String: String]) -> String {
        YAMLDocument.closest(name, in: Array(known.keys)).map { " (did you mean '{\($0)}'?)" } ?? ""
    }

    /// `text` with each known `{name}` replaced, and the names it did not know.
    static func fill(_ text: String, values: [String: String]) -> (String, unknown: [String]) {
        guard text.contains(Character("{")) else { return (text, []) }
        var result = ""
        var unknown: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] {
                result += value
            } else {
                if !answerTimePlaceholders.contains(name) { unknown.append(name) }
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return (result + rest, unknown)
    }

    // MARK: Synonyms and safeguarding

    /// The learned safeguarding model's file name (written by `scripts/make-safeguarding-model`).
    static let safeguardingModelFile = "safeguarding-model.txt"

    /// A model as read, with the problems of its lines.
    typealias ParsedModel = (model: SafeguardingModel?, problems: [(line: Int, message: String)])

    /// Reports the problems of a model as read, and checks that its category is one of the rules'.
    private mutating func checkSafeguardingModel(
        _ parsed: ParsedModel, file: String, rules: SafeguardingRules?
    ) -> SafeguardingModel? {
        let (model, problems) = parsed
        for (line, message) in problems {
            diagnostics.append(
                ContentDiagnostic(
                    file: file, line: line, column: 1, message: message,
                    hint: "the file is generated: run scripts/make-safeguarding-model"))
        }
        if let model, let rules, rules.category(id: model.category) == nil {
            diagnostics.append(
                ContentDiagnostic(
                    file: file, line: 1, column: 1,
                    message: "the model's category '\(model.category)' is not a category of safeguarding.yaml",
                    hint: "name one of its categories, e.g. 'possible-risk'"))
            return nil
        }
        return model
    }

    /// The thesaurus's file name (written by `scripts/make-thesaurus`).
    static let thesaurusFile = "thesaurus.txt"

    /// Reads `word: content-word` lines; `#` starts a comment.
    private mutating func readThesaurus(_ text: String, file: String) -> [String: String] {
        var entries: [String: String] = [:]
        entries.reserveCapacity(text.utf8.count / 16)
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.prefix { $0 != "#" }
            if content.allSatisfy(\.isWhitespace) { continue }
            let parts = content.split(separator: ":", maxSplits: 1)
            let word = parts.first.map { TextFolder.fold(String($0)) } ?? ""
            let meaning = parts.count == 2 ? TextFolder.fold(String(parts[1])) : ""
            guard !word.isEmpty, !meaning.isEmpty, !word.contains(where: \.isWhitespace),
                !meaning.contains(where: \.isWhitespace)
            else {
                diagnostics.append(
                    ContentDiagnostic(
                        file: file, line: number + 1, column: 1, message: "expected 'word: content-word'",
                        hint: "one word each side of the colon, e.g. 'snarky: sarcastic'"))
                continue
            }
            entries[word] = meaning
        }
        return entries
    }

    private mutating func readLexicon(_ text: String, file: String) -> Lexicon {
        var document = YAMLDocument(text: text, file: file)
        defer { diagnostics += document.diagnostics }
        guard let root = document.root else { return Lexicon() }
        let entries = document.entries(
            of: root, allowed: ["groups", "textspeak", "weak", "carryover", "scope"], what: "synonyms.yaml")
        var lexicon = Lexicon()
        if let groups = entries["groups"]?.value {
            if let sequence = groups.sequence {
                for group in sequence {
                    let members = document.texts(group, what: "a synonym group").map(\.0)
                    if members.count < 2 {
                        document.error(
                            group, "a synonym group needs at least two words", hint: "write '- [word, other word]'")
                    } else {
                        lexicon.synonymGroups.append(members)
                    }
                }
            } else {
                document.error(
                    groups, "'groups' must be a list of lists", hint: "write '- [kids, children, young people]'")
            }
        }
        if let speak = entries["textspeak"]?.value {
            if let mapping = speak.mapping {
                for (key, value) in mapping {
                    guard let short = key.string,
                        let long = document.text(value, what: "the meaning of '\(key.string ?? "")'")
                    else { continue }
                    lexicon.textSpeak[short] = long
                }
            } else {
                document.error(speak, "'textspeak' must be a mapping", hint: "write 'ppl: people'")
            }
        }
        if let weak = entries["weak"]?.value {
            lexicon.weakWords = Set(document.texts(weak, what: "'weak'").map(\.0))
        }
        if let carryOver = entries["carryover"]?.value {
            lexicon.carryOver = document.texts(carryOver, what: "'carryover'").map(\.0)
        }
        if let scope = entries["scope"]?.value {
            lexicon.scope = document.texts(scope, what: "'scope'").map(\.0)
        }
        return lexicon
    }

    /// One word a line; blank lines and lines starting with '#' are skipped.
    static func readDictionary(_ text: String) -> Set<String> {
        var words = Set<String>()
        words.reserveCapacity(text.utf8.count / 8)
        var text = text
        text.withUTF8 { bytes in
            // Line by line, trimmed of spaces, tabs and a Windows line end, byte by byte (the list is long).
            func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                var first = start
                var last = end
                while first < last && isBlank(bytes[first]) { first += 1 }
                while last > first && isBlank(bytes[last - 1]) { last -= 1 }
                start = end + 1
                guard first < last, bytes[first] != UInt8(ascii: "#") else { continue }
                let word = UnsafeBufferPointer(rebasing: bytes[first..<last])
                // Lower-case letters are already folded (nearly every line): no copy through the folder.
                let plain = word.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
                let text = String(decoding: word, as: UTF8.self)
                words.insert(plain ? text : TextFolder.fold(text))
            }
        }
        return words
    }

    private mutating func readSafeguarding(
        _ text: String, file: String, analyzer: TextAnalyzer, values: [String: String]
    ) -> SafeguardingRules? {
        var document = YAMLDocument(text: text, file: file)
        defer { diagnostics += document.diagnostics }
        guard let root = document.root else { return nil }
        let entries = document.entries(
            of: root, allowed: ["contacts", "lists", "guards", "categories"], what: "safeguarding.yaml")
        var contacts: [String: String] = [:]
        if let node = entries["contacts"]?.value {
            if let mapping = node.mapping {
                for (key, value) in mapping {
                    guard let name = key.string, let text = document.text(value, what: "contact '\(key.string ?? "")'")
                    else { continue }
                    contacts[name] = text
                }
            } else {
                document.error(
                    node, "'contacts' must be a mapping", hint: "write 'front-door: the Front Door on 01234 567890'")
            }
        }
        // The council's values (its front door, out-of-hours number) win over the file's own.
        contacts.merge(values) { _, council in council }
        var lists: [String: [String]] = [:]
        if let node = entries["lists"]?.value {
            if let mapping = node.mapping {
                for (key, value) in mapping {
                    guard let name = key.string else { continue }
                    lists[name] = document.texts(value, what: "list '\(name)'").map(\.0)
                }
            } else {
                document.error(node, "'lists' must be a mapping of names to lists", hint: "write 'family: [mum, dad]'")
            }
        }
        var analysed = SafeguardingPattern.Analysed()
        func rules(_ node: Node, what: String) -> [SafeguardingRules.Rule] {
            var rules: [SafeguardingRules.Rule] = []
            for (pattern, node) in document.texts(node, what: what) {
                do throws(SafeguardingPattern.ParseError) {
                    let compiled = try SafeguardingPattern.rule(
                        pattern, lists: lists, analyzer: analyzer, analysed: &analysed)
                    rules.append(SafeguardingRules.Rule(pattern, location: document.location(node), compiled: compiled))
                } catch {
                    document.error(node, "rule '\(pattern)': \(error.message)", hint: error.hint)
                }
            }
            return rules
        }
        let guards = (entries["guards"].map { rules($0.value, what: "'guards'") } ?? []).filter { guardRule in
            guard guardRule.pattern.contains(Character("&")) else { return true }
            diagnostics.append(
                ContentDiagnostic(
                    file: guardRule.location.file, line: guardRule.location.line, column: guardRule.location.column,
                    message: "guard '\(guardRule.pattern)' joins patterns with '&'",
                    hint: "a guard is one pattern (the harmless phrase); write each as its own guard"))
            return false
        }
        var categories: [SafeguardingRules.Category] = []
        guard let categoriesNode = entries["categories"]?.value else {
            document.error(
                root, "safeguarding.yaml has no 'categories'", hint: "see the comment at the top of the file")
            return nil
        }
        guard let sequence = categoriesNode.sequence else {
            document.error(categoriesNode, "'categories' must be a list", hint: "start each category with '- id:'")
            return nil
        }
        for node in sequence {
            let fields = document.entries(
                of: node, allowed: ["id", "tier", "reply", "easy", "suggestions", "rules"],
                what: "a safeguarding category")
            guard let idNode = fields["id"]?.value, let id = document.text(idNode, what: "'id'") else {
                if fields["id"] == nil { document.error(node, "a safeguarding category has no 'id'") }
                continue
            }
            if categories.contains(where: { $0.id == id }) {
                document.error(idNode, "duplicate safeguarding category '\(id)'", hint: "each category id appears once")
            }
            var tier = SafeguardingRules.Tier.disclosure
            if let tierNode = fields["tier"]?.value,
                let parsed: SafeguardingRules.Tier = document.choice(tierNode, what: "tier")
            {
                tier = parsed
            }
            guard let replyNode = fields["reply"]?.value, var reply = document.text(replyNode, what: "'reply'") else {
                if fields["reply"] == nil { document.error(idNode, "category '\(id)' has no 'reply'") }
                continue
            }
            reply = fill(reply, contacts: contacts, at: replyNode, document: &document)
            let easy = fields["easy"].flatMap { field in
                document.text(field.value, what: "'easy'").map {
                    fill($0, contacts: contacts, at: field.value, document: &document)
                }
            }
            let suggestions =
                fields["suggestions"].map { document.texts($0.value, what: "'suggestions'").map(\.0) } ?? []
            let categoryRules = fields["rules"].map { rules($0.value, what: "the rules of '\(id)'") } ?? []
            if fields["rules"] == nil {
                document.error(
                    idNode, "category '\(id)' has no 'rules'", hint: "add 'rules:' with the words to look for")
            }
            categories.append(
                SafeguardingRules.Category(
                    id: id, tier: tier, reply: reply, easy: easy, suggestions: suggestions, rules: categoryRules))
        }
        if categories.isEmpty { document.error(categoriesNode, "safeguarding.yaml has no categories") }
        return SafeguardingRules(categories: categories, lists: lists, guards: guards)
    }

    /// `text` with each `{name}` replaced by that contact; an unknown name is an error.
    private func fill(_ text: String, contacts: [String: String], at node: Node, document: inout YAMLDocument)
        -> String
    {
        let (result, unknown) = Self.fill(text, values: contacts)
        for name in unknown {
            document.error(
                node, "unknown contact '{\(name)}'" + Self.nearestPlaceholder(to: name, in: contacts),
                hint: "define it in council.yaml (or under 'contacts:' in safeguarding.yaml)")
        }
        return result
    }

    /// `charter-easy.yaml`: statement id → its easy-read form.
    private mutating func readEasyStatements(_ text: String, file: String, charter: Charter?) -> [String: String] {
        var document = YAMLDocument(text: text, file: file)
        defer { diagnostics += document.diagnostics }
        guard let root = document.root else { return [:] }
        guard let mapping = root.mapping else {
            document.error(
                root, "\(Self.easyCharterFile) must map statement ids to easy-read text",
                hint: "write 'welcome-and-care.c1: We will be friendly.'")
            return [:]
        }
        let ids = charter.map { Set($0.allStatements.map(\.id)) }
        var forms: [String: String] = [:]
        for (key, value) in mapping {
            guard let id = key.string, let easy = document.text(value, what: "the easy form of '\(key.string ?? "")'")
            else { continue }
            if let ids, !ids.contains(id) {
                let suggestion = YAMLDocument.closest(id, in: Array(ids)).map { " (did you mean '\($0)'?)" } ?? ""
                document.error(key, "'\(id)' is not a statement of the charter\(suggestion)")
                continue
            }
            forms[id] = easy
        }
        return forms
    }

    // MARK: Themes

    /// `themes.yaml`: a list of themes, each with `theme`, `about` and `examples`. An `about` phrase
    /// must have a word that `analyzer` keeps (not only words such as "we will").
    private mutating func readThemes(_ text: String, file: String, analyzer: TextAnalyzer) -> [Theme] {
        var document = YAMLDocument(text: text, file: file)
        defer { diagnostics += document.diagnostics }
        guard let root = document.root else { return [] }
        guard let sequence = root.sequence else {
            document.error(
                root, "\(Self.themesFile) must be a list of themes", hint: "start each theme with '- theme:'")
            return []
        }
        var themes: [Theme] = []
        var seen: [String: SourceLocation] = [:]
        for node in sequence {
            let entries = document.entries(of: node, allowed: ["theme", "about", "examples"], what: "a theme")
            guard let nameNode = entries["theme"]?.value else {
                document.error(node, "a theme has no name", hint: "add 'theme: listening'")
                continue
            }
            guard let name = document.text(nameNode, what: "'theme'") else { continue }
            if let first = seen[name] {
                document.error(
                    nameNode, "theme '\(name)' is defined twice (first at line \(first.line))",
                    hint: "merge the two, or give one another name")
                continue
            }
            seen[name] = document.location(nameNode)
            let about = entries["about"].map { document.texts($0.value, what: "'about'") } ?? []
            let examples = entries["examples"].map { document.texts($0.value, what: "'examples'").map(\.0) } ?? []
            for (phrase, phraseNode) in about where analyzer.analyze(phrase).terms.isEmpty {
                document.error(
                    phraseNode, "the 'about' phrase '\(phrase)' of theme '\(name)' has no word to match a statement by",
                    hint: "say the idea with its content words: 'we will listen to you', not 'we will'")
            }
            if entries["about"] == nil {
                document.error(
                    nameNode, "theme '\(name)' has no 'about'",
                    hint: "add 'about:' with the idea in a charter's own words ('we will listen to you')")
            }
            if entries["examples"] == nil {
                document.error(
                    nameNode, "theme '\(name)' has no examples",
                    hint: "add 'examples:' with questions in users' own words")
            }
            if about.isEmpty || examples.isEmpty { continue }
            themes.append(
                Theme(name: name, about: about.map(\.0), examples: examples, location: document.location(nameNode)))
        }
        return themes
    }

    // MARK: Intents

    private mutating func readIntents(_ text: String, file: String, charter: Charter?) -> [Intent] {
        var document = YAMLDocument(text: text, file: file)
        defer { diagnostics += document.diagnostics }
        guard let root = document.root else {
            if document.diagnostics.isEmpty {
                document.error(nil, "the file is empty", hint: "write a list of intents, each starting '- id:'")
            }
            return []
        }
        guard let sequence = root.sequence else {
            document.error(root, "an intent file must be a list of intents", hint: "start each intent with '- id:'")
            return []
        }
        var intents: [Intent] = []
        for node in sequence {
            // Read quietly here: readIntent reports the intent's keys once.
            let each = node.mapping?.first { $0.0.string == "each" }.map { (key: $0.0, value: $0.1) }
            guard let each else {
                if let intent = readIntent(node, document: &document, charter: charter) { intents.append(intent) }
                continue
            }
            guard let kind = document.text(each.value, what: "'each'"), Self.templateKinds.contains(kind) else {
                document.error(
                    each.value, "'each' must be 'part'",
                    hint: "write 'each: part' for an intent written once for every part of the charter")
                continue
            }
            // Read once with its placeholders; quotes are checked on each part's copy.
            guard let template = readIntent(node, document: &document, charter: nil, isTemplate: true),
                let charter
            else { continue }
            for (number, part) in charter.cornerstones.enumerated() {
                let intent = template.forPart(id: part.id, title: part.title, number: number + 1)
                let references = intent.response.quotes + (intent.more?.quotes ?? [])
                let quotes = references.map { QuoteReference($0, in: charter) }
                for (reference, quote) in zip(references, quotes) where quote == nil {
                    document.error(
                        each.key,
                        "'\(reference)' of '\(intent.id)' is not a statement or part of the charter",
                        hint: "use {id} for the part's id: 'quote: {id}.outcomes'")
                }
                // A part without what the template's reply quotes (outcomes of a part that is one
                // paragraph) gets no copy: its reply would quote nothing. Without what its 'more'
                // quotes, the copy has no 'more'.
                if QuoteReference.quotesNothing(intent.response.quotes, in: charter) { continue }
                var copy = intent
                copy.isPartCopy = true
                if let more = intent.more, QuoteReference.quotesNothing(more.quotes, in: charter) { copy.more = nil }
                intents.append(copy)
            }
        }
        return intents
    }

    private func readIntent(_ node: Node, document: inout YAMLDocument, charter: Charter?, isTemplate: Bool = false)
        -> Intent?
    {
        let entries = document.entries(of: node, allowed: Self.intentKeys, what: "an intent")
        guard let idNode = entries["id"]?.value else {
            document.error(node, "an intent has no 'id'", hint: "add 'id: topic.name'")
            return nil
        }
        guard let id = document.text(idNode, what: "'id'") else { return nil }
        let placeholders: Set<Character> = isTemplate ? ["{", "}"] : []
        if id.contains(where: {
            !($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" || placeholders.contains($0))
        }) {
            document.error(idNode, "intent id '\(id)' may hold only letters, digits, '.', '-' and '_'")
        }
        var kind = Intent.Kind.answer
        if let kindNode = entries["kind"]?.value, let parsed: Intent.Kind = document.choice(kindNode, what: "kind") {
            kind = parsed
        }
        let examples = entries["examples"].map { document.texts($0.value, what: "'examples'").map(\.0) } ?? []
        if examples.isEmpty && !id.hasPrefix("system.") {
            document.error(
                idNode, "intent '\(id)' has no examples", hint: "add 'examples:' with questions in users' own words")
        }
        let keywords = entries["keywords"].map { document.texts($0.value, what: "'keywords'").map(\.0) } ?? []
        var response = readResponse(entries, at: node, owner: "intent '\(id)'", document: &document, charter: charter)
        func nested(_ key: String) -> Response? {
            guard let nestedNode = entries[key]?.value else { return nil }
            let nestedEntries = document.entries(of: nestedNode, allowed: Self.responseKeys, what: "'\(key)'")
            return readResponse(
                nestedEntries, at: nestedNode, owner: "'\(key)' of '\(id)'", document: &document, charter: charter)
        }
        var more = nested("more")
        // What to say instead where the charter has nothing the reply quotes (no introduction, no
        // closing words). An intent written for every part has no use for it: a part without what
        // its reply quotes gets no copy.
        let unquoted = nested("unquoted")
        if isTemplate, let node = entries["unquoted"]?.key {
            document.error(
                node, "'unquoted' has no use with 'each: part'",
                hint: "remove it: a part without what the reply quotes gets no copy of the intent")
        }
        if let charter {
            if let unquoted, let quoted = response, QuoteReference.quotesNothing(quoted.quotes, in: charter) {
                response = unquoted
            }
            // A 'more' that would quote nothing is left out, as it is from a part's copy.
            if let quoted = more, QuoteReference.quotesNothing(quoted.quotes, in: charter) { more = nil }
        }
        let list = entries["list"].map { document.texts($0.value, what: "'list'").map(\.0) } ?? []
        let suggestions = entries["suggestions"].map { document.texts($0.value, what: "'suggestions'").map(\.0) } ?? []
        guard let response else { return nil }
        return Intent(
            id: id, kind: kind, examples: examples, keywords: keywords, response: response, more: more, list: list,
            suggestions: suggestions, location: document.location(idNode))
    }

    private func readResponse(
        _ entries: [String: (key: Node, value: Node)], at node: Node, owner: String, document: inout YAMLDocument,
        charter: Charter?
    ) -> Response? {
        var text = ""
        if let replyNode = entries["reply"]?.value {
            text = document.text(replyNode, what: "'reply'") ?? ""
        }
        var quotes: [String] = []
        if let quoteNode = entries["quote"]?.value {
            for (reference, itemNode) in document.texts(quoteNode, what: "'quote'") {
                if let charter, QuoteReference(reference, in: charter) == nil {
                    let suggestion =
                        YAMLDocument.closest(reference, in: QuoteReference.allNames(in: charter))
                        .map { " (did you mean '\($0)'?)" } ?? ""
                    document.error(
                        itemNode, "'\(reference)' is not a statement or cornerstone of the charter\(suggestion)",
                        hint:
                            "statement ids look like 'communicate.c1' (commitment) or 'communicate.o2' (outcome); see README"
                    )
                } else {
                    quotes.append(reference)
                }
            }
        }
        let after = entries["after"].flatMap { document.text($0.value, what: "'after'") } ?? ""
        let easy = entries["easy"].flatMap { document.text($0.value, what: "'easy'") }
        if text.isEmpty && quotes.isEmpty {
            document.error(
                node, "\(owner) has an empty reply", hint: "add 'reply:' text, a 'quote:' of the charter, or both")
            return nil
        }
        return Response(text: text, quotes: quotes, after: after, easy: easy)
    }

    /// Adds the examples of `learned.yaml` (written by `missed assign`) to their intents.
    private mutating func mergeLearned(_ text: String, file: String, into intents: [Intent]) -> [Intent] {
        var document = YAMLDocument(text: text, file: file)
        defer { diagnostics += document.diagnostics }
        guard let root = document.root else { return intents }
        guard let mapping = root.mapping else {
            document.error(
                root, "learned.yaml must map intent ids to lists of examples",
                hint: "write 'topic.breaks: [an example]'")
            return intents
        }
        var merged = intents
        let positions = Dictionary(
            intents.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for (key, value) in mapping {
            guard let id = key.string else { continue }
            guard let position = positions[id] else {
                let suggestion =
                    YAMLDocument.closest(id, in: Array(positions.keys)).map { " (did you mean '\($0)'?)" } ?? ""
                document.error(
                    key, "learned examples for unknown intent '\(id)'\(suggestion)",
                    hint: "use the id of an intent in intents/")
                continue
            }
            merged[position].examples += document.texts(value, what: "the examples of '\(id)'").map(\.0)
        }
        return merged
    }

    // MARK: Cross-checks

    /// What two examples share when they are the same question: folded, letters, digits and spaces only.
    static func duplicateKey(_ example: String) -> String {
        let folded = TextFolder.fold(example)
        // Folded ASCII has only lower-case letters: the bytes are filtered without a Character each.
        if folded.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(
                decoding: folded.utf8.filter { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x20 },
                as: UTF8.self)
        }
        return folded.filter { $0.isLetter || $0.isNumber || $0 == " " }
    }

    private mutating func validate(_ intents: inout [Intent], charter: Charter) {
        // An example made from a part's name that another intent already has ("what is
        // co-production" for a part called "What is co-production?") is left to that intent: the
        // officer who named the part cannot reword the base's examples.
        // The audit still checks each one left, so that the officer knows which answer it gets.
        var asked = Set(intents.filter { !$0.isPartCopy }.flatMap { $0.examples.map(Self.duplicateKey) })
        for index in intents.indices where intents[index].isPartCopy {
            var copy = intents[index]
            copy.examples = copy.examples.filter { example in
                if asked.insert(Self.duplicateKey(example)).inserted { return true }
                copy.examplesLeft.append(example)
                return false
            }
            intents[index] = copy
        }
        var firstByID: [String: Intent] = [:]
        var exampleOwner: [String: (String, SourceLocation)] = [:]
        for intent in intents {
            if let first = firstByID[intent.id] {
                diagnostics.append(
                    ContentDiagnostic(
                        file: intent.location.file, line: intent.location.line, column: intent.location.column,
                        message: "duplicate intent id '\(intent.id)'", hint: "it is first defined at \(first.location)")
                )
                continue
            }
            firstByID[intent.id] = intent
            for example in intent.examples {
                let key = Self.duplicateKey(example)
                if let (owner, location) = exampleOwner[key], owner != intent.id {
                    diagnostics.append(
                        ContentDiagnostic(
                            file: intent.location.file, line: intent.location.line, column: intent.location.column,
                            message: "example '\(example)' of '\(intent.id)' is also an example of '\(owner)'",
                            hint: "one question can lead to one intent only; remove it from one of them (\(location))"))
                }
                exampleOwner[key] = (intent.id, intent.location)
            }
        }
        let statementIDs = Set(charter.allStatements.map(\.id))
        for intent in intents {
            for item in intent.list where firstByID[item] == nil && !statementIDs.contains(item) {
                diagnostics.append(
                    ContentDiagnostic(
                        file: intent.location.file, line: intent.location.line, column: intent.location.column,
                        message: "'list' of '\(intent.id)' names '\(item)', which is neither an intent nor a statement",
                        hint: YAMLDocument.closest(item, in: Array(firstByID.keys)).map { "did you mean '\($0)'?" }))
            }
        }
        for required in Content.requiredIntents where firstByID[required] == nil {
            diagnostics.append(
                ContentDiagnostic(
                    file: directory, message: "required intent '\(required)' is missing",
                    hint: "define it in intents/system.yaml"))
        }
    }
}
