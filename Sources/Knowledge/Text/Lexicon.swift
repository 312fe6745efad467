/// The content's word knowledge: synonym groups, text-speak expansions and weak words.
///
/// It is plain data, read from `synonyms.yaml` by the content loader; the analyser
/// applies it to both the index and every question, so both sides meet in the same words.
public struct Lexicon: Sendable, Equatable {
    /// Groups of words or phrases that mean the same here; the first of each names the group.
    public var synonymGroups: [[String]]
    /// Text speak and shorthand, word → replacement words ("ppl" → "people").
    public var textSpeak: [String: String]
    /// Words that say little in this domain ("charter", "mean", "tell"), given a lower weight.
    public var weakWords: Set<String>
    /// Real English words: never "corrected" into a charter word, however close they look.
    public var dictionary: Set<String>
    /// Everyday words the content does not use → a word it does ("snarky" → "sarcastic"), read from
    /// `intents/base/thesaurus.txt`; applied to questions only, at ``TextAnalyzer/thesaurusWeight``.
    public var thesaurus: [String: String]
    /// Openings that carry the conversation's topic over to a new question ("and what about …",
    /// "does it say anything about …").
    public var carryOver: [String]
    /// Words that show a message is about co-production itself ("meeting", "review", "charter"):
    /// such a message is answered from a lower confidence than one about anything at all.
    public var scope: [String]

    /// Makes a lexicon.
    public init(
        synonymGroups: [[String]] = [], textSpeak: [String: String] = [:], weakWords: Set<String> = [],
        dictionary: Set<String> = [], thesaurus: [String: String] = [:], carryOver: [String] = [],
        scope: [String] = []
    ) {
        self.synonymGroups = synonymGroups
        self.textSpeak = textSpeak
        self.weakWords = weakWords
        self.dictionary = dictionary
        self.thesaurus = thesaurus
        self.carryOver = carryOver
        self.scope = scope
    }

    /// Adds a higher layer's entries: its groups, weak words and openings join these, and its text
    /// speak wins where both define a word.
    public mutating func add(_ other: Lexicon) {
        synonymGroups += other.synonymGroups
        textSpeak.merge(other.textSpeak) { _, higher in higher }
        weakWords.formUnion(other.weakWords)
        dictionary.formUnion(other.dictionary)
        thesaurus.merge(other.thesaurus) { _, higher in higher }
        carryOver += other.carryOver.filter { !carryOver.contains($0) }
        scope += other.scope.filter { !scope.contains($0) }
    }
}

// MARK: - Archive

extension Lexicon: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self.init(
            synonymGroups: try archive.read(), textSpeak: try archive.read(), weakWords: try archive.read(),
            dictionary: try archive.read(), thesaurus: try archive.read(), carryOver: try archive.read(),
            scope: try archive.read())
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(synonymGroups)
        archive.write(textSpeak)
        archive.write(weakWords)
        archive.write(dictionary)
        archive.write(thesaurus)
        archive.write(carryOver)
        archive.write(scope)
    }
}
