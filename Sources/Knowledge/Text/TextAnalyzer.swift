/// A weighted index term: a stem, or a synonym group's name.
public struct Term: Sendable, Equatable, Hashable {
    /// The stem or group name.
    public var text: String
    /// How much the term counts: 1 for a word as typed, less for a corrected or weak word.
    public var weight: Double

    /// Makes a term.
    public init(_ text: String, weight: Double = 1) {
        self.text = text
        self.weight = weight
    }
}

/// What the analyser made of a piece of text.
public struct AnalyzedText: Sendable, Equatable {
    /// Every word after text-speak expansion and spelling correction, stop words included.
    public var words: [String]
    /// The Porter stem of each word, in the same order.
    public var stems: [String]
    /// The content terms (stop words removed, synonyms merged, stemmed), in order.
    public var terms: [Term]
    /// Words that were neither known nor correctable.
    public var unknownWords: [String]
    /// The words as typed (folded and split, hyphenated parts and joined forms included), before
    /// text-speak expansion and spelling correction: "2" is still "2".
    public var typedWords: [String]
    /// The words read through the thesaurus, in order, each with the content word it became.
    public var expansions: [Expansion] = []
}

/// A word of a question that the content does not use, read as one it does (see ``Lexicon/thesaurus``).
public struct Expansion: Sendable, Equatable {
    /// The word as the question had it.
    public var word: String
    /// The content's word it was read as.
    public var meaning: String
}

/// Turns text into index terms: fold, tokenise, expand text speak, correct spelling, merge
/// synonyms, drop stop words, stem. The index and every question go through the same steps.
public struct TextAnalyzer: Sendable {
    /// Weight of a word the corrector changed.
    public static let correctedWeight = 0.85
    /// Weight of a weak word (see ``Lexicon/weakWords``).
    public static let weakWeight = 0.35
    /// Weight of a word read through the thesaurus: below a corrected word, as it is a guess at the
    /// meaning, not at the spelling.
    public static let thesaurusWeight = 0.7

    private let textSpeak: [String: [String]]
    /// Synonym phrases by their first word: (words of the phrase, group name), longest first.
    private let phrases: [String: [([String], String)]]
    private let weakStems: Set<String>
    private let weakAdverbs: Set<String>
    private let dictionary: Set<String>
    private let groupNames: Set<String>
    /// The thesaurus by word and by stem, so that "belittling" finds "belittle".
    private let thesaurus: [String: String]
    /// Stems looked up rather than computed: the vocabulary's words (see ``caching(stemsOf:)``).
    private var stemCache: [String: String] = [:]

    /// Makes an analyser for a lexicon.
    public init(lexicon: Lexicon) {
        var textSpeak: [String: [String]] = [:]
        for (short, long) in lexicon.textSpeak {
            textSpeak[TextFolder.fold(short)] = Tokenizer.tokenize(TextFolder.fold(long)).map(\.text)
        }
        self.textSpeak = textSpeak
        var phrases: [String: [([String], String)]] = [:]
        var groupNames: Set<String> = []
        for group in lexicon.synonymGroups {
            guard let first = group.first else { continue }
            let name = Self.groupName(first)
            groupNames.insert(name)
            for member in group {
                let words = Self.plainWords(member)
                guard let head = words.first else { continue }
                phrases[head, default: []].append((words, name))
                // Plural and other regular forms of a one-word member ("break" → "breaks"), and of
                // a phrase's first word ("talk down" → "talked down"). Spelt out rather than
                // stemmed, so that "timely" does not capture "time".
                for form in Self.inflections(of: head) where form != head {
                    phrases[form, default: []].append(([form] + words.dropFirst(), name))
                }
            }
        }
        for key in phrases.keys { phrases[key]?.sort { $0.0.count > $1.0.count } }
        self.phrases = phrases
        self.groupNames = groupNames
        self.dictionary = lexicon.dictionary
        var thesaurus: [String: String] = [:]
        thesaurus.reserveCapacity(lexicon.thesaurus.count * 2)
        // Stems too, so that "belittling" finds "belittle"; a stem two words give different
        // meanings ("appreciate", "appreciation") is left out rather than decided by chance.
        var byStem: [String: String?] = [:]
        for (word, meaning) in lexicon.thesaurus {
            let word = TextFolder.fold(word)
            thesaurus[word] = meaning
            let stem = PorterStemmer.stem(word)
            guard stem != word, lexicon.thesaurus[stem] == nil else { continue }
            if let known = byStem[stem] {
                if known != meaning { byStem[stem] = .some(nil) }
            } else {
                byStem[stem] = .some(meaning)
            }
        }
        for (stem, meaning) in byStem {
            if let meaning = meaning ?? nil, thesaurus[stem] == nil { thesaurus[stem] = meaning }
        }
        self.thesaurus = thesaurus
        // A weak word counts by its stem, so its other forms are weak too ("explained"); a weak
        // adverb that stems to its adjective counts only as written, so that "honestly" is weak and
        // "honest" is not.
        let weak = lexicon.weakWords.map { TextFolder.fold($0) }
        func isAdverb(_ word: String) -> Bool {
            word.hasSuffix("ly") && PorterStemmer.stem(word) == PorterStemmer.stem(String(word.dropLast(2)))
        }
        self.weakStems = Set(weak.filter { !isAdverb($0) }.map { PorterStemmer.stem($0) })
        self.weakAdverbs = Set(weak.filter(isAdverb))
    }

    /// A copy that looks up the stems of `words` instead of computing them again for each message.
    public func caching(stemsOf words: some Sequence<String>) -> TextAnalyzer {
        var copy = self
        copy.stemCache.reserveCapacity(words.underestimatedCount)
        for word in words { copy.stemCache[word] = PorterStemmer.stem(word) }
        return copy
    }

    /// The stems ``caching(stemsOf:)`` worked out, by word.
    package var cachedStems: [String: String] { stemCache }

    /// A copy that looks up these stems (as ``cachedStems`` gave them) instead of computing them.
    package func caching(stems: [String: String]) -> TextAnalyzer {
        var copy = self
        copy.stemCache = stems
        return copy
    }

    private func stem(_ word: String) -> String {
        stemCache[word] ?? PorterStemmer.stem(word)
    }

    private func isWeak(_ word: String, stem: String) -> Bool {
        weakStems.contains(stem) || weakAdverbs.contains(word)
    }

    /// A word with a letter repeated three or more times, squeezed to the known word it stretches:
    /// "heyyy" → "hey", "pleaseee" → "please". Nil when there is no such run or no known word.
    static func squeezed(_ word: String, known corrector: SpellingCorrector) -> String? {
        var single = ""
        var double = ""
        var previous: Character?
        var run = 0
        var stretched = false
        for character in word {
            run = character == previous ? run + 1 : 1
            previous = character
            if run >= 3 { stretched = true }
            if run == 1 { single.append(character) }
            if run <= 2 { double.append(character) }
        }
        guard stretched else { return nil }
        if corrector.isKnown(single) { return single }
        if corrector.isKnown(double) { return double }
        return StopWords.contains(single) ? single : nil
    }

    /// Regular inflections of a word: plural, past, -ing.
    static func inflections(of word: String) -> [String] {
        var forms = [word + "s", word + "es", word + "ed", word + "ing"]
        if word.hasSuffix("e") { forms += [word + "d", String(word.dropLast()) + "ing"] }
        if word.hasSuffix("y") { forms += [String(word.dropLast()) + "ies", String(word.dropLast()) + "ied"] }
        return forms
    }

    /// The name a synonym group's terms carry: its first member, letters only.
    static func groupName(_ member: String) -> String {
        "=" + plainWords(member).joined()
    }

    static func plainWords(_ text: String) -> [String] {
        Tokenizer.tokenize(TextFolder.fold(text).replacingAll("-", with: " ")).map(\.text)
    }

    /// The words of `text` after folding and text-speak expansion, before spelling correction.
    public func words(_ text: String) -> [String] {
        expanded(Tokenizer.tokenize(TextFolder.fold(text))).words
    }

    /// The tokens' words with text speak expanded, and whether any was.
    private func expanded(_ tokens: [Token]) -> (words: [String], expandedAny: Bool) {
        var words: [String] = []
        words.reserveCapacity(tokens.count)
        var expandedAny = false
        for (index, token) in tokens.enumerated() {
            // "time 4 me" and "who is it 4" are text speak for "for"; "the 4 cornerstones" is a number.
            if token.text == "4", !token.isHyphenated, Self.standsForFor(tokens, at: index) {
                words.append("for")
                expandedAny = true
            } else if !token.isHyphenated, let expansion = textSpeak[token.text] {
                words.append(contentsOf: expansion)
                expandedAny = true
            } else {
                words.append(token.text)
            }
        }
        return (words, expandedAny)
    }

    /// Analyses `text`; with a corrector, unknown words are replaced by their nearest known word.
    public func analyze(_ text: String, corrector: SpellingCorrector? = nil, knownStems: Set<String>? = nil)
        -> AnalyzedText
    {
        let tokens = Tokenizer.tokenize(TextFolder.fold(text))
        var (words, expandedAny) = expanded(tokens)
        // The words as typed share the words' array (until a correction) when nothing was expanded.
        let typed = expandedAny ? tokens.map(\.text) : words
        var weights = [Double](repeating: 1, count: words.count)
        var unknown: [String] = []
        var expansions: [Expansion] = []
        var meanings: [(index: Int, meaning: String)] = []
        // Stems worked out while checking spelling, kept for the words left as they are.
        var checkedStems = [String?](repeating: nil, count: words.count)
        func replace(_ index: Int, with word: String) {
            words[index] = word
            checkedStems[index] = nil
        }
        if let corrector {
            for index in words.indices {
                let word = words[index]
                if corrector.isKnown(word) || StopWords.contains(word) || word.first?.isNumber == true { continue }
                let stem = stem(word)
                checkedStems[index] = stem
                if let knownStems, knownStems.contains(stem) { continue }
                if phrases[word] != nil { continue }
                // Stretched words: "heyyy", "pleaseee", "sooo".
                if let squeezed = Self.squeezed(word, known: corrector) {
                    replace(index, with: squeezed)
                    continue
                }
                // Dropped g: "hurtin", "talkin".
                if word.hasSuffix("in"), corrector.isKnown(word + "g") {
                    replace(index, with: word + "g")
                    continue
                }
                // An everyday word for one of the content's ideas: read as the content's word.
                // Only the terms take it: the words stay as written for safeguarding and likeness.
                if !isWeak(word, stem: stem), let meaning = thesaurus[word] ?? thesaurus[stem] {
                    expansions.append(Expansion(word: word, meaning: meaning))
                    meanings.append((index, meaning))
                    weights[index] = Self.thesaurusWeight
                    continue
                }
                // A real word that the content does not use is unknown, not a misspelling.
                if dictionary.contains(word) {
                    unknown.append(word)
                    continue
                }
                if let fixed = corrector.correction(for: word) {
                    replace(index, with: fixed)
                    weights[index] = Self.correctedWeight
                } else {
                    unknown.append(word)
                }
            }
        }
        let stems = words.indices.map { checkedStems[$0] ?? stem(words[$0]) }
        let terms = terms(of: words, stems: stems, weights: weights, meanings: meanings)
        return AnalyzedText(
            words: words, stems: stems, terms: terms, unknownWords: unknown, typedWords: typed, expansions: expansions)
    }

    /// The index terms of analysed words: synonym phrases merged, stop words dropped, stems; a
    /// word with a thesaurus meaning counts as that meaning.
    private func terms(
        of words: [String], stems: [String], weights: [Double], meanings: [(index: Int, meaning: String)]
    ) -> [Term] {
        let written = words
        var words = words
        var stems = stems
        for (index, meaning) in meanings {
            words[index] = meaning
            stems[index] = stem(meaning)
        }
        var terms: [Term] = []
        var index = 0
        while index < words.count {
            if let (length, name) = matchPhrase(words, at: index) {
                let weight = weights[index..<(index + length)].min() ?? 1
                terms.append(Term(name, weight: weight))
                index += length
                continue
            }
            let word = words[index]
            // "What kind of document is it": "kind" here only points at the next noun, unlike "be
            // kind to me". Read from the words as written, not as the thesaurus reads them
            // ("tolerant of my son" stays "tolerant").
            let pointsOn =
                index + 1 < written.count && written[index + 1] == "of" && Self.kindWords.contains(written[index])
            // Numbers say nothing by themselves ("4" means "four" only through a synonym group).
            if !StopWords.contains(word) && !word.allSatisfy(\.isNumber) && !pointsOn
                && !Self.saysHowMuch(written, at: index)
            {
                let stem = stems[index]
                let weight = isWeak(word, stem: stem) ? min(weights[index], Self.weakWeight) : weights[index]
                terms.append(Term(stem, weight: weight))
            }
            index += 1
        }
        return terms
    }

    /// True when the "4" at `index` stands for "for": before a pronoun or determiner ("4 me", "4 the
    /// meeting"), or ending a message after a pronoun, after a thing named with "this" or "that"
    /// ("what is this charter 4", not "what about that part 4"), or in one that asks who ("who is it
    /// 4", "who is this charter 4"); not in "what is part 4", "she is 4" or "i have 4 kids".
    private static func standsForFor(_ tokens: [Token], at index: Int) -> Bool {
        if index + 1 < tokens.count { return afterFor.contains(tokens[index + 1].text) }
        guard index > 0 else { return false }
        let named =
            index > 1 && demonstratives.contains(tokens[index - 2].text)
            && !countedWords.contains(tokens[index - 1].text)
        return beforeAFinalFor.contains(tokens[index - 1].text) || named || tokens[0].text == "who"
    }

    /// Words a number follows as a label ("that part 4", "this year 4"), where "4" stays a number.
    private static let countedWords: Set<String> = [
        "part", "year", "number", "page", "step", "stage", "level", "chapter", "section", "question", "point",
        "item", "room", "class", "group", "week", "day",
    ]

    /// Words that name a thing before a final "4" that is "for" ("what is this charter 4").
    private static let demonstratives: Set<String> = ["this", "that", "these", "those"]

    /// Pronouns and determiners that follow "4" when it stands for "for" ("4 me", "4 the meeting").
    private static let afterFor: Set<String> = [
        "me", "u", "you", "us", "them", "him", "her", "my", "your", "ur", "our", "their", "the", "a", "an", "everyone",
        "every1", "it", "this", "that",
    ]

    /// Pronouns before a "4" that ends a question, where it is "for" ("who is it 4", "wat is this 4").
    private static let beforeAFinalFor: Set<String> = ["it", "this", "that", "them", "me", "u", "you", "us"]

    /// True when the word at `index` only says how much, not what about: "a bit", "a little bit",
    /// "a tiny bit", "abit", "a little more" ("tell me a bit more" is "tell me more"; "the main bits"
    /// keeps "bits").
    package static func saysHowMuch(_ words: [String], at index: Int) -> Bool {
        let word = words[index]
        let previous = index > 0 ? words[index - 1] : ""
        let next = index + 1 < words.count ? words[index + 1] : ""
        let afterNext = index + 2 < words.count ? words[index + 2] : ""
        switch word {
        case "abit": return true
        case "bit": return previous == "a" || sizeWords.contains(previous)
        case "a": return next == "bit" || (sizeWords.contains(next) && (afterNext == "bit" || afterNext == "more"))
        default:
            return sizeWords.contains(word) && (next == "bit" || (previous == "a" && next == "more"))
        }
    }

    /// Words for a small amount before "bit" ("a little bit", "a tiny bit").
    private static let sizeWords: Set<String> = ["little", "lil", "tiny", "wee"]

    /// Words that, before "of", only point on to the noun after them ("what kind of", "sort of").
    private static let kindWords: Set<String> = ["kind", "sort", "type"]

    private func matchPhrase(_ words: [String], at index: Int) -> (Int, String)? {
        let word = words[index]
        guard let candidates = phrases[word] else { return nil }
        for (phrase, name) in candidates {
            guard index + phrase.count <= words.count else { continue }
            var matches = true
            for offset in phrase.indices {
                if words[index + offset] != phrase[offset] {
                    matches = false
                    break
                }
            }
            if matches { return (phrase.count, name) }
        }
        // A phrasal verb with its object between ("following things up", "get them back").
        for (phrase, name) in candidates where phrase.count == 2 && Self.particles.contains(phrase[1]) {
            var end = index + 1
            while end < words.count && end - index <= 2 && Self.objects.contains(words[end]) { end += 1 }
            if end > index + 1 && end < words.count && words[end] == phrase[1] { return (end - index + 1, name) }
        }
        return nil
    }

    /// The particles of phrasal verbs that may stand after the verb's object.
    /// Not "down": "talk him down" calms, where "talk down to" patronises.
    private static let particles: Set<String> = ["up", "back", "out", "over", "through"]
    /// Objects that may stand between a phrasal verb and its particle.
    private static let objects: Set<String> = [
        "it", "them", "things", "stuff", "this", "that", "me", "us", "him", "her", "everything", "anything",
        "something",
    ]
}

// MARK: - Archive

extension TextAnalyzer {
    /// Reads back an analyser written by ``write(to:)``, over the lexicon's dictionary it was made
    /// with (which ``Lexicon`` archives once for both).
    package init(from archive: inout ArchiveReader, dictionary: Set<String>) throws(ArchiveReader.Damage) {
        textSpeak = try archive.read()
        var phrases: [String: [([String], String)]] = [:]
        let count = try archive.readCount()
        phrases.reserveCapacity(count)
        for _ in 0..<count {
            let head = try archive.read(String.self)
            let entries = try archive.readCount()
            var list: [([String], String)] = []
            list.reserveCapacity(entries)
            for _ in 0..<entries { list.append((try archive.read(), try archive.read())) }
            phrases[head] = list
        }
        self.phrases = phrases
        weakStems = try archive.read()
        weakAdverbs = try archive.read()
        self.dictionary = dictionary
        groupNames = try archive.read()
        thesaurus = try archive.read()
        stemCache = try archive.read()
    }

    /// Writes the analyser but its dictionary (see ``init(from:dictionary:)``).
    package func write(to archive: inout ArchiveWriter) {
        archive.write(textSpeak)
        archive.write(integer: phrases.count)
        for (head, list) in phrases {
            archive.write(head)
            archive.write(integer: list.count)
            for (words, name) in list {
                archive.write(words)
                archive.write(name)
            }
        }
        archive.write(weakStems)
        archive.write(weakAdverbs)
        archive.write(groupNames)
        archive.write(thesaurus)
        archive.write(stemCache)
    }
}
