import Foundation
import Knowledge
import Yams

/// Reads `intents/`: `charter.md`, `synonyms.yaml`, `safeguarding.yaml` and every other YAML file
/// as a list of intents. Collects every problem before giving up, so `check` can list them all.
struct ContentLoader {
    let directory: String
    /// File texts to use instead of what is on disk, by file name (a change checked before it is written).
    var overrides: [String: String] = [:]
    private var diagnostics: [ContentDiagnostic] = []

    static let intentKeys = [
        "id", "kind", "examples", "keywords", "reply", "quote", "after", "easy", "more", "list", "suggestions", "each",
    ]
    /// What `each:` may name: an intent written once for every part (cornerstone) of the charter.
    static let templateKinds = ["part"]
    static let responseKeys = ["reply", "quote", "after", "easy"]
    /// The easy-read forms of the charter's statements, beside `charter.md`.
    static let easyCharterFile = "charter-easy.yaml"

    init(directory: String) {
        self.directory = directory
    }

    private func path(_ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private mutating func read(_ name: String) -> String? {
        if let text = overrides[name] { return text }
        let file = path(name)
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

    mutating func load() throws(ContentErrors) -> Content {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ContentErrors([
                ContentDiagnostic(
                    file: directory, message: "the content directory does not exist",
                    hint: "run from the project folder, or pass --intents DIR (or set CHARTER_CHAT_INTENTS)")
            ])
        }
        var charter: Charter?
        if let text = read("charter.md") {
            do {
                charter = try CharterParser.parse(text, file: path("charter.md"))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        var lexicon = read("synonyms.yaml").map { readLexicon($0, file: path("synonyms.yaml")) } ?? Lexicon()
        if FileManager.default.fileExists(atPath: path("dictionary.txt")), let words = read("dictionary.txt") {
            lexicon.dictionary = Self.readDictionary(words)
        }
        if FileManager.default.fileExists(atPath: path(Self.thesaurusFile)), let text = read(Self.thesaurusFile) {
            lexicon.thesaurus = readThesaurus(text, file: path(Self.thesaurusFile))
        }
        let safeguarding = read("safeguarding.yaml").flatMap {
            readSafeguarding($0, file: path("safeguarding.yaml"), analyzer: TextAnalyzer(lexicon: lexicon))
        }

        var intents: [Intent] = []
        var easyStatements: [String: String] = [:]
        if overrides[Self.easyCharterFile] != nil || FileManager.default.fileExists(atPath: path(Self.easyCharterFile)),
            let text = read(Self.easyCharterFile)
        {
            easyStatements = readEasyStatements(text, file: path(Self.easyCharterFile), charter: charter)
        }
        let reserved: Set<String> = [
            "synonyms.yaml", "safeguarding.yaml", LearnedExamples.fileName, Self.easyCharterFile,
        ]
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !reserved.contains($0) }
            .sorted()
        if names.isEmpty {
            diagnostics.append(ContentDiagnostic(file: directory, message: "no intent files (*.yaml) found"))
        }
        for name in names {
            guard let text = read(name) else { continue }
            intents += readIntents(text, file: path(name), charter: charter)
        }
        if overrides[LearnedExamples.fileName] != nil
            || FileManager.default.fileExists(atPath: path(LearnedExamples.fileName)),
            let text = read(LearnedExamples.fileName)
        {
            intents = mergeLearned(text, file: path(LearnedExamples.fileName), into: intents)
        }
        if let charter { validate(intents, charter: charter) }
        if !diagnostics.isEmpty || charter == nil || safeguarding == nil {
            if diagnostics.isEmpty {
                diagnostics.append(ContentDiagnostic(file: directory, message: "the content is incomplete"))
            }
            throw ContentErrors(diagnostics)
        }
        return Content(
            charter: charter!, intents: intents, lexicon: lexicon, safeguarding: safeguarding!,
            easyStatements: easyStatements)
    }

    // MARK: Synonyms and safeguarding

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
            of: root, allowed: ["groups", "textspeak", "weak", "carryover"], what: "synonyms.yaml")
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

    private mutating func readSafeguarding(_ text: String, file: String, analyzer: TextAnalyzer) -> SafeguardingRules? {
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
        var listAtoms: [String: [[SafeguardingPattern.Atom]]] = [:]
        func rules(_ node: Node, what: String) -> [SafeguardingRules.Rule] {
            var rules: [SafeguardingRules.Rule] = []
            for (pattern, node) in document.texts(node, what: what) {
                do throws(SafeguardingPattern.ParseError) {
                    let compiled = try SafeguardingPattern.rule(
                        pattern, lists: lists, analyzer: analyzer, listAtoms: &listAtoms)
                    rules.append(SafeguardingRules.Rule(pattern, location: document.location(node), compiled: compiled))
                } catch {
                    document.error(node, "rule '\(pattern)': \(error.message)", hint: error.hint)
                }
            }
            return rules
        }
        let guards = (entries["guards"].map { rules($0.value, what: "'guards'") } ?? []).filter { guardRule in
            guard guardRule.pattern.contains("&") else { return true }
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
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            if let contact = contacts[name] {
                result += contact
            } else {
                let suggestion =
                    YAMLDocument.closest(name, in: Array(contacts.keys)).map { " (did you mean '{\($0)}'?)" } ?? ""
                document.error(
                    node, "unknown contact '{\(name)}'\(suggestion)", hint: "define it under 'contacts:'")
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
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
                // A part without what the template quotes (outcomes of a part that is one
                // paragraph) gets no copy: its reply would quote nothing.
                if quotes.contains(where: {
                    $0.map { $0 != .cornerstoneTitles && $0.statements(in: charter).isEmpty } ?? false
                }) {
                    continue
                }
                intents.append(intent)
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
        let response = readResponse(entries, at: node, owner: "intent '\(id)'", document: &document, charter: charter)
        var more: Response?
        if let moreNode = entries["more"]?.value {
            let moreEntries = document.entries(of: moreNode, allowed: Self.responseKeys, what: "'more'")
            more = readResponse(
                moreEntries, at: moreNode, owner: "'more' of '\(id)'", document: &document, charter: charter)
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

    private mutating func validate(_ intents: [Intent], charter: Charter) {
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
