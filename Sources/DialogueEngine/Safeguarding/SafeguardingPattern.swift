package import Knowledge

/// One safeguarding rule or guard, parsed.
///
/// A pattern is a sequence of parts separated by spaces, matched in order:
/// - `word` matches any word with the same stem ("hurt" matches "hurting");
/// - `"word"` matches that word exactly;
/// - `@list` matches any entry of a named word list (an entry may be several words);
/// - `a|b|@list` matches any one of its alternatives;
/// - `...` lets up to ``longGap`` other words stand before the next part, instead of ``shortGap``;
/// - `$` is the end of the message (within the usual gap: "scared $" matches "so scared lol").
///
/// A rule may join patterns with ` & `: each must match somewhere in the message, in any order.
/// A list entry may name another list (`@family`).
///
/// Each word goes through the same folding and text-speak expansion as a message ("im" is "i am").
package struct SafeguardingPattern: Sendable, Equatable {
    /// One word to match: its stem, or the exact word.
    package struct Atom: Sendable, Equatable, Hashable {
        /// The stem or the exact word.
        package var text: String
        /// True when the word must match exactly as written.
        package var exact: Bool

        /// True when the message's word (or its stem) is this atom.
        func matches(word: String, stem: String) -> Bool {
            exact ? word == text : stem == text || word == text
        }
    }

    /// One position of the pattern: its alternatives (each a run of consecutive words) and how
    /// many other words may stand before it.
    package struct Part: Sendable, Equatable {
        /// The alternatives; each is one or more words in a row.
        package let alternatives: [[Atom]]
        /// The most other words allowed between the previous part and this one.
        package let gap: Int
        /// True for `$`: the end of the message.
        package let isEnd: Bool
        /// The one-word alternatives, looked up rather than compared one by one (word lists are long):
        /// stems (a word matches by its stem or as it is) and exact words.
        let stems: Set<String>
        let exactWords: Set<String>
        /// The alternatives of several words, compared word by word.
        let phrases: [[Atom]]

        init(alternatives: [[Atom]], gap: Int, isEnd: Bool = false) {
            self.alternatives = alternatives
            self.gap = gap
            self.isEnd = isEnd
            var stems = Set<String>()
            var exactWords = Set<String>()
            var phrases: [[Atom]] = []
            for alternative in alternatives {
                if alternative.count == 1 {
                    if alternative[0].exact {
                        exactWords.insert(alternative[0].text)
                    } else {
                        stems.insert(alternative[0].text)
                    }
                } else {
                    phrases.append(alternative)
                }
            }
            self.stems = stems
            self.exactWords = exactWords
            self.phrases = phrases
        }

        /// True when the one word at a position is one of the one-word alternatives.
        func matchesOneWord(word: String, stem: String) -> Bool {
            stems.contains(stem) || stems.contains(word) || exactWords.contains(word)
        }
    }

    /// Other words allowed between two parts by default: "hurt me" matches "hurting me", "hurts
    /// my little sister" matches "hurts my sister".
    package static let shortGap = 2
    /// Other words allowed after `...`.
    package static let longGap = 8
    /// The word that starts a new clause, past which a guard's gaps do not reach ("punched me then
    /// pushed me over by accident").
    package static let clauseBreak = "then"

    /// The parts, in order.
    package let parts: [Part]

    /// Why a pattern could not be read.
    package struct ParseError: Error, Equatable {
        /// What was wrong.
        package var message: String
        /// How to fix it.
        package var hint: String?
    }

    /// What compiling one rule learns that the next can reuse: most rules share lists (`@someone`,
    /// `@me`) and alternatives, and analysing them again was most of the time to load the rules.
    package struct Analysed: Sendable {
        /// Each list's analysed entries.
        var lists: [String: [[Atom]]] = [:]
        /// Each alternative's atoms.
        var options: [String: [Atom]] = [:]
        /// Each part's alternatives, by the part as written.
        var pieces: [String: [[Atom]]] = [:]

        package init() {}
    }

    /// Parses `pattern`, looking `@name` up in `lists` and analysing each word with `analyzer`.
    package init(
        _ pattern: String, lists: [String: [String]], analyzer: TextAnalyzer
    ) throws(ParseError) {
        var analysed = Analysed()
        try self.init(pattern, lists: lists, analyzer: analyzer, analysed: &analysed)
    }

    /// Parses `pattern`, reusing and adding to what earlier rules analysed.
    package init(
        _ pattern: String, lists: [String: [String]], analyzer: TextAnalyzer, analysed cache: inout Analysed
    ) throws(ParseError) {
        var parts: [Part] = []
        var gap = Self.shortGap
        for piece in try Self.pieces(of: pattern) {
            if parts.last?.isEnd == true {
                throw ParseError(message: "'$' must be the last part of '\(pattern)'", hint: "write 'scared $'")
            }
            if piece == "..." {
                gap = Self.longGap
                continue
            }
            if piece == "$" {
                parts.append(Part(alternatives: [], gap: gap, isEnd: true))
                gap = Self.shortGap
                continue
            }
            if let known = cache.pieces[piece] {
                parts.append(Part(alternatives: known, gap: gap))
                gap = Self.shortGap
                continue
            }
            var alternatives: [[Atom]] = []
            for option in Self.options(of: piece) {
                // An option met before was checked then: most rules repeat their neighbours' options.
                if let known = cache.options[option] {
                    alternatives.append(known)
                    continue
                }
                if option.contains(where: { $0 == "(" || $0 == ")" || $0 == "|" }) {
                    throw ParseError(
                        message: "'\(piece)' mixes a group with other letters",
                        hint: "a group is a whole alternative: '(on my own|alone)' or '(on my own)|alone'")
                }
                if option.split(separator: " ").contains(where: { $0 == "..." || $0 == "$" }) {
                    throw ParseError(
                        message: "'...' or '$' inside the group '\(piece)'",
                        hint: "put them between parts, outside groups")
                }
                for word in option.split(separator: " ") where word.contains(Character("\"")) {
                    guard word.count > 2, word.hasPrefix("\""), word.hasSuffix("\""),
                        word.dropFirst().dropLast().allSatisfy({ $0 != "\"" })
                    else {
                        throw ParseError(
                            message: "'\(word)' is not one quoted word", hint: "quote single words: '\"touched\" me'")
                    }
                }
                if option.isEmpty {
                    throw ParseError(
                        message: "empty alternative in '\(piece)'",
                        hint: "write alternatives as 'hit|hits|slapped', or '(on my own|alone)' for several words")
                }
                if option.contains(Character("@")) {
                    guard option.first == "@", !option.contains(Character(" ")) else {
                        throw ParseError(
                            message: "a word list cannot be part of a longer alternative ('\(option)')",
                            hint: "put the list in a part of its own: 'at @me', not '(at @me|near)'")
                    }
                    let name = String(option.dropFirst())
                    if let known = cache.lists[name] {
                        alternatives += known
                        continue
                    }
                    let entries = try Self.entries(of: name, lists: lists)
                    if entries.isEmpty {
                        throw ParseError(message: "the list '\(option)' is empty", hint: "give it at least one entry")
                    }
                    var analysed: [[Atom]] = []
                    for entry in entries {
                        let atoms = Self.atoms(entry, analyzer: analyzer)
                        if !atoms.isEmpty { analysed.append(atoms) }
                    }
                    cache.lists[name] = analysed
                    alternatives += analysed
                } else {
                    let atoms = Self.atoms(option, analyzer: analyzer)
                    if atoms.isEmpty {
                        throw ParseError(
                            message: "'\(option)' has no letters or digits to match",
                            hint: "write words, \"exact\" words, @lists or '...'")
                    }
                    cache.options[option] = atoms
                    alternatives.append(atoms)
                }
            }
            cache.pieces[piece] = alternatives
            parts.append(Part(alternatives: alternatives, gap: gap))
            gap = Self.shortGap
        }
        guard !parts.isEmpty else {
            throw ParseError(message: "the pattern has no words", hint: "write the words to look for, e.g. 'hit me'")
        }
        if gap == Self.longGap {
            throw ParseError(message: "'...' at the end of '\(pattern)'", hint: "'...' stands between two parts")
        }
        self.parts = parts
    }

    /// The pattern's pieces: words separated by spaces, and `( … )` groups kept whole.
    static func pieces(of pattern: String) throws(ParseError) -> [String] {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        for character in pattern {
            switch character {
            case "(":
                guard depth == 0 else {
                    throw ParseError(message: "a group inside a group in '\(pattern)'", hint: "groups cannot be nested")
                }
                depth = 1
                current.append(character)
            case ")":
                guard depth == 1 else {
                    throw ParseError(message: "')' without '(' in '\(pattern)'", hint: "write '(on my own|alone)'")
                }
                depth = 0
                current.append(character)
            case " " where depth == 0:
                if !current.isEmpty { pieces.append(current) }
                current = ""
            default:
                current.append(character)
            }
        }
        guard depth == 0 else {
            throw ParseError(message: "'(' without ')' in '\(pattern)'", hint: "close the group: '(on my own|alone)'")
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// The alternatives of one piece: `a|b`, `(two words|one)` and `(two words)|one` alike.
    static func options(of piece: String) -> [String] {
        var options: [String] = []
        var current = ""
        var depth = 0
        func trim(_ text: some StringProtocol) -> String {
            var part = Substring(text)
            while part.first == " " { part.removeFirst() }
            while part.last == " " { part.removeLast() }
            return String(part)
        }
        func end() {
            let option = trim(current)
            if option.hasPrefix("(") && option.hasSuffix(")") {
                options += option.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
                    .map(trim)
            } else {
                options.append(option)
            }
            current = ""
        }
        for character in piece {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == "|" && depth == 0 {
                end()
            } else {
                current.append(character)
            }
        }
        end()
        return options
    }

    /// The entries of list `name`, with the entries of any list it names (`@other`) in their place.
    package static func entries(
        of name: String, lists: [String: [String]], depth: Int = 0
    ) throws(ParseError) -> [String] {
        guard let entries = lists[name] else {
            let known = lists.keys.sorted()
            let suggestion = YAMLDocument.closest(name, in: known).map { " (did you mean '@\($0)'?)" } ?? ""
            throw ParseError(
                message: "unknown word list '@\(name)'\(suggestion)",
                hint: "define it under 'lists:', or use one of: " + known.map { "@" + $0 }.joined(separator: ", "))
        }
        guard depth < 8 else {
            throw ParseError(
                message: "list '@\(name)' names itself", hint: "a list may not include itself, directly or not")
        }
        var result: [String] = []
        for entry in entries {
            if entry.hasPrefix("@") {
                result += try Self.entries(of: String(entry.dropFirst()), lists: lists, depth: depth + 1)
            } else {
                result.append(entry)
            }
        }
        return result
    }

    /// Parses a rule: one or more patterns joined by ` & `, all of which must match.
    package static func rule(
        _ text: String, lists: [String: [String]], analyzer: TextAnalyzer
    ) throws(ParseError) -> [SafeguardingPattern] {
        var analysed = Analysed()
        return try rule(text, lists: lists, analyzer: analyzer, analysed: &analysed)
    }

    /// ``rule(_:lists:analyzer:)`` reusing and adding to what earlier rules analysed.
    package static func rule(
        _ text: String, lists: [String: [String]], analyzer: TextAnalyzer, analysed: inout Analysed
    ) throws(ParseError) -> [SafeguardingPattern] {
        var patterns: [SafeguardingPattern] = []
        for piece in text.split(separator: "&") {
            patterns.append(
                try SafeguardingPattern(String(piece), lists: lists, analyzer: analyzer, analysed: &analysed))
        }
        guard !patterns.isEmpty else {
            throw ParseError(message: "the rule has no words", hint: "write the words to look for, e.g. 'hit me'")
        }
        return patterns
    }

    /// The atoms of one alternative: its words (quoted ones exact), stemmed.
    private static func atoms(_ text: String, analyzer: TextAnalyzer) -> [Atom] {
        var atoms: [Atom] = []
        for piece in text.split(separator: " ") {
            let exact = piece.count > 2 && piece.hasPrefix("\"") && piece.hasSuffix("\"")
            for word in analyzer.words(String(piece)) {
                atoms.append(Atom(text: exact ? word : PorterStemmer.stem(word), exact: exact))
            }
        }
        return atoms
    }

    /// The alternatives of every part as they are written (for the spelling corrector's words), and
    /// the names of the lists it uses, whose entries' words count once for each use.
    package static func vocabulary(of text: String) -> (options: [Substring], lists: [Substring]) {
        var options: [Substring] = []
        var names: [Substring] = []
        for piece in text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" })
        where piece != "..." && piece != "$" && piece != "&" {
            for option in piece.split(separator: "|") {
                if option.first == "@" {
                    names.append(option.dropFirst())
                } else {
                    options.append(option)
                }
            }
        }
        return (options, names)
    }

    /// The atoms a match can start with.
    var firstAtoms: [Atom] { parts[0].alternatives.map { $0[0] } }

    /// True when the pattern matches anywhere in the words.
    func matchesAnywhere(words: [String], stems: [String]) -> [Int]? {
        for start in words.indices {
            if let positions = match(at: start, words: words, stems: stems) { return positions }
        }
        return nil
    }

    /// The positions of the words matched when the pattern starts at `start`, or nil. Each part
    /// takes the first place where the rest can follow, or with `latest` the last; `withinClause`
    /// keeps every gap from reaching past the word "then".
    func match(
        at start: Int, words: [String], stems: [String], latest: Bool = false, withinClause: Bool = false
    ) -> [Int]? {
        var positions: [Int] = []
        return match(
            part: 0, from: start, through: start, words: words, stems: stems, latest: latest,
            withinClause: withinClause, into: &positions)
            ? positions : nil
    }

    /// Tries part `part` at each position from `first` through `last` (or back from `last`), then
    /// the rest after it.
    private func match(
        part: Int, from first: Int, through last: Int, words: [String], stems: [String], latest: Bool,
        withinClause: Bool, into positions: inout [Int]
    ) -> Bool {
        if part == parts.count { return true }
        if parts[part].isEnd { return first <= words.count && words.count <= last }
        var end = min(last, words.count - 1)
        // Within a clause, a gap does not reach past "then" ("punched me then pushed me").
        if withinClause, part > 0, first <= end, let stop = words[first...end].firstIndex(of: Self.clauseBreak) {
            end = stop
        }
        guard first <= end else { return false }
        let current = parts[part]
        let gap = part + 1 < parts.count ? parts[part + 1].gap : 0
        for position in latest ? stride(from: end, through: first, by: -1) : stride(from: first, through: end, by: 1) {
            if current.matchesOneWord(word: words[position], stem: stems[position]) {
                let mark = positions.count
                positions.append(position)
                if match(
                    part: part + 1, from: position + 1, through: position + 1 + gap, words: words, stems: stems,
                    latest: latest, withinClause: withinClause, into: &positions)
                {
                    return true
                }
                positions.removeSubrange(mark...)
            }
            for alternative in current.phrases {
                guard position + alternative.count <= words.count else { continue }
                var fits = true
                for (offset, atom) in alternative.enumerated() {
                    let at = position + offset
                    if !atom.matches(word: words[at], stem: stems[at]) {
                        fits = false
                        break
                    }
                }
                guard fits else { continue }
                let mark = positions.count
                positions.append(contentsOf: position..<(position + alternative.count))
                let next = position + alternative.count
                if match(
                    part: part + 1, from: next, through: next + gap, words: words, stems: stems, latest: latest,
                    withinClause: withinClause, into: &positions)
                {
                    return true
                }
                positions.removeSubrange(mark...)
            }
        }
        return false
    }
}

// MARK: - Archive

extension SafeguardingPattern: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        parts = try archive.read()
        guard !parts.isEmpty else { throw archive.damage("a safeguarding pattern has no parts") }
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(parts)
    }
}

extension SafeguardingPattern.Part: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self.init(alternatives: try archive.read(), gap: try archive.read(), isEnd: try archive.read())
        // Matching reads the first word of each alternative but the end's.
        guard isEnd || (!alternatives.isEmpty && alternatives.allSatisfy({ !$0.isEmpty })) else {
            throw archive.damage("a safeguarding pattern's part has an empty alternative")
        }
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(alternatives)
        archive.write(gap)
        archive.write(isEnd)
    }
}

extension SafeguardingPattern.Atom: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self.init(text: try archive.read(), exact: try archive.read())
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(text)
        archive.write(exact)
    }
}
