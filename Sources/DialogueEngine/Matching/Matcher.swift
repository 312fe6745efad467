package import Knowledge

/// Finds the best answer for a message among the intents and the charter's statements.
///
/// Built once from the content: every intent example and keyword, and every charter statement,
/// becomes a document of one BM25 index. A message is analysed the same way and each document's
/// confidence is how much of the message it explains; the best per target wins. Short messages made
/// only of common words ("who are you") are compared with the examples word for word instead.
package final class Matcher: Sendable {
    package let content: Content
    package let analyzer: TextAnalyzer
    package let corrector: SpellingCorrector
    package let index: BM25Index
    package let safeguarding: SafeguardingDetector
    package let settings: MatcherSettings
    package let knownStems: Set<String>
    private let exampleWeights: [Double]
    /// Each word of the examples (and each stop word and weak word): its weight in word-for-word
    /// likeness and the examples that contain it.
    private let likenessWords: [String: LikenessWord]
    private let cornerstoneOfTarget: [Target: String]
    /// Every target that can be answered, numbered; the index's documents and the examples point here.
    private let targets: [Target]
    /// Each target's place in the order of their keys: ties in ranking go by key.
    private let targetOrder: [Int]
    /// The charter's cornerstone ids, in order: a cornerstone's number is its place here.
    private let cornerstoneIDs: [String]
    /// Each target's cornerstone, by number (-1 for none).
    private let targetCornerstones: [Int]
    /// The terms of each part's title, in the charter's order, with the part intent's target number:
    /// a message of exactly those terms names the part ("what are the principles" for "Our principles").
    private let titleTerms: [(target: Int, terms: Set<String>)]
    /// Every term of every part's title.
    private let titleVocabulary: Set<String>
    /// The target of each index document, by document number.
    private let documentTargets: [Int]
    /// How much each index document counts for its target: 1, or less for the examples of a theme
    /// linked weakly (see ``Theme/weakLinkFloor``).
    private let documentStrengths: [Double]
    /// Documents that are a statement's own words (not a theme's examples).
    private let ownWords: Set<Int>
    /// The target of each phrase example.
    private let exampleTargets: [Int]
    /// What each target would answer with, numbered (see ``answerIdentity(_:content:)``): two
    /// targets with the same number are one answer.
    private let identities: [Int]
    /// Targets that answer a message only in their whole shape (small talk: "what's your name";
    /// follow-ups: "tell me more"): by word-for-word likeness, or by keywords in a message of a few
    /// words ("cheers mate"), never by sharing a word with a longer question ("do I have to talk or
    /// can I type it") nor by one clause of it ("… Does the charter say anything about that?").
    private let wholeShapeOnly: [Bool]
    /// The statements each target's reply quotes, in order (see ``quotedStatementIDs(_:)``), worked
    /// out once rather than for every message.
    private let quotedByTarget: [Target: [String]]
    /// The carry-over openings (see ``Lexicon/carryOver``), as words.
    private let carryOver: [[String]]
    /// The stems of the scope words (see ``Lexicon/scope``).
    private let scopeStems: Set<String>

    /// Builds the index and vocabularies from `content`.
    package init(content: Content, settings: MatcherSettings = MatcherSettings()) {
        self.content = content
        self.settings = settings
        let plainAnalyzer = content.analyzer
        self.carryOver = content.lexicon.carryOver.map { plainAnalyzer.words($0) }.filter { !$0.isEmpty }
        self.scopeStems = Set(content.lexicon.scope.flatMap { plainAnalyzer.words($0).map(PorterStemmer.stem) })
        // The safeguarding rules are compiled on a thread of their own while the index is built
        // (see ``Content/compiledSafeguarding``), and collected before the spelling corrector.
        let compiling = content.compiledSafeguarding
        // The words of every text that is indexed (and of the synonyms and text speak), counted
        // first, so that each is stemmed once and not at each use: the analyser looks their stems
        // up (see `caching(stemsOf:)`).
        var frequencies: [String: Int] = [:]
        func count(_ text: String) {
            for word in plainAnalyzer.words(text) { frequencies[word, default: 0] += 1 }
        }
        for statement in content.charter.allStatements { count(statement.text) }
        // The linked themes by the statement they lend their questions to.
        var linkedThemes: [String: [(theme: Theme, strength: Double)]] = [:]
        for theme in content.themes {
            guard let link = content.themeLinks[theme.name] else { continue }
            linkedThemes[link.statement, default: []].append((theme, link.strength))
            theme.examples.forEach(count)
        }
        for cornerstone in content.charter.cornerstones { count(cornerstone.title) }
        for intent in content.intents {
            // Follow-ups ("tell me more") are conversational phrases: compared word for word only.
            if intent.kind != .followup { intent.examples.forEach(count) }
            intent.keywords.forEach(count)
        }
        for group in content.lexicon.synonymGroups { group.forEach(count) }
        // A misspelt filler is still a filler ("actualy"): stop words are known spellings.
        for word in StopWords.all where frequencies[word] == nil { frequencies[word] = 1 }
        content.lexicon.textSpeak.values.forEach(count)
        // Messages mostly use the content's own words: their stems are looked up, not recomputed.
        let analyzer = plainAnalyzer.caching(stemsOf: frequencies.keys)

        var documents: [IndexDocument] = []
        var phraseExamples: [(words: Set<String>, target: Target)] = []
        var cornerstoneOfTarget: [Target: String] = [:]
        var targets: [Target] = []
        var targetNumbers: [Target: Int] = [:]
        var documentTargets: [Int] = []
        var documentStrengths: [Double] = []
        var ownWords: Set<Int> = []
        func number(_ target: Target) -> Int {
            if let number = targetNumbers[target] { return number }
            targets.append(target)
            targetNumbers[target] = targets.count - 1
            return targets.count - 1
        }
        func add(terms: [String], target: Target, strength: Double = 1) {
            guard !terms.isEmpty else { return }
            documents.append(IndexDocument(key: target.key, terms: terms))
            documentTargets.append(number(target))
            documentStrengths.append(strength)
        }
        @discardableResult func add(_ text: String, target: Target, strength: Double = 1) -> [String] {
            let analysed = analyzer.analyze(text)
            add(terms: analysed.terms.map(\.text), target: target, strength: strength)
            return analysed.words
        }
        for statement in content.charter.allStatements {
            // An introduction's item that names a part is asked about as that part.
            if let part = content.charter.cornerstone(namedBy: statement) {
                add(statement.text, target: .part(part.id))
                continue
            }
            let before = documents.count
            add(statement.text, target: .statement(statement.id))
            if documents.count > before { ownWords.insert(before) }
            // A statement of several sentences ("We communicate with genuine empathy. We are mindful
            // of our own bias …") says each of its ideas in one: a question about one idea meets it
            // there without the others' words diluting it.
            let sentences = Readability.sentences(statement.text, beforeCapital: true)
            if sentences.count > 1 { sentences.forEach { add($0, target: .statement(statement.id)) } }
            // The everyday questions of the themes linked to it (see ``Theme``).
            for (theme, strength) in linkedThemes[statement.id] ?? [] {
                for example in theme.examples {
                    let words = add(example, target: .statement(statement.id), strength: strength)
                    // A weakly linked theme's examples count only in part: never word for word.
                    if strength >= 1 { phraseExamples.append((Set(Self.shapeWords(words)), .statement(statement.id))) }
                }
            }
            if let cornerstone = content.charter.cornerstone(containing: statement.id) {
                cornerstoneOfTarget[.statement(statement.id)] = cornerstone.id
            }
        }
        // A part's title may be asked about by the noun of its verb, which a synonym group holds
        // ("Communicate" as "communication", "Involve" as "involvement"): the title is indexed in
        // the group's terms too. Only such nouns: a shared stem would also join "time" to "timely".
        func group(ofNounOf verb: String) -> String? {
            Self.nouns(of: verb).lazy.compactMap { noun in
                let terms = analyzer.analyze(noun).terms
                return terms.count == 1 && terms[0].text.hasPrefix("=") ? terms[0].text : nil
            }.first
        }
        var titleTerms: [(target: Int, terms: Set<String>)] = []
        for cornerstone in content.charter.cornerstones {
            let target = Target.part(cornerstone.id)
            let title = analyzer.analyze(cornerstone.title)
            let terms = title.terms.map(\.text)
            add(terms: terms, target: target)
            titleTerms.append((number(target), Set(terms)))
            var groupOfStem: [String: String] = [:]
            for (word, stem) in zip(title.words, title.stems) where !StopWords.contains(word) {
                if let group = group(ofNounOf: word) { groupOfStem[stem] = group }
            }
            if !groupOfStem.isEmpty {
                add(terms: terms.map { groupOfStem[$0] ?? $0 }, target: target)
            }
        }
        for intent in content.intents {
            let target = Target.intent(intent.id)
            for example in intent.examples {
                let words = intent.kind == .followup ? analyzer.words(example) : add(example, target: target)
                phraseExamples.append((Set(Self.shapeWords(words)), target))
            }
            for keyword in intent.keywords { add(keyword, target: target) }
            let cornerstones = Set(
                intent.response.quotes.compactMap { Self.cornerstoneID(of: $0, in: content.charter) })
            if cornerstones.count == 1 { cornerstoneOfTarget[target] = cornerstones.first }
        }
        self.index = BM25Index(documents: documents)
        self.documentStrengths = documentStrengths
        self.ownWords = ownWords
        let safeguarding = compiling.wait()
        self.safeguarding = safeguarding
        // The rules' words are known words too: never corrected, and their stems looked up.
        var ruleWords: [String] = []
        for (word, uses) in safeguarding.vocabulary {
            if frequencies[word] == nil { ruleWords.append(word) }
            frequencies[word, default: 0] += uses
        }
        self.analyzer = analyzer.caching(stemsOf: ruleWords)
        self.corrector = SpellingCorrector(frequencies: frequencies)
        self.knownStems = index.vocabulary.union(safeguarding.stems)
        let weakWords = Set(content.lexicon.weakWords.map(TextFolder.fold))
        var likenessWords: [String: LikenessWord] = [:]
        for word in StopWords.all.union(weakWords) {
            likenessWords[word] = LikenessWord(weight: Self.likenessWeight(word, weakWords: weakWords))
        }
        for (position, example) in phraseExamples.enumerated() {
            for word in example.words {
                likenessWords[word, default: LikenessWord(weight: Self.likenessWeight(word, weakWords: weakWords))]
                    .examples.append(Int32(position))
            }
        }
        self.likenessWords = likenessWords
        self.exampleWeights = phraseExamples.map { example in
            example.words.reduce(0) { $0 + Self.likenessWeight($1, weakWords: weakWords) }
        }
        self.cornerstoneOfTarget = cornerstoneOfTarget
        self.exampleTargets = phraseExamples.map { number($0.target) }
        self.targets = targets
        var targetOrder = [Int](repeating: 0, count: targets.count)
        for (place, number) in targets.indices.sorted(by: { targets[$0].key < targets[$1].key }).enumerated() {
            targetOrder[number] = place
        }
        self.targetOrder = targetOrder
        let cornerstoneIDs = content.charter.cornerstones.map(\.id)
        self.cornerstoneIDs = cornerstoneIDs
        self.targetCornerstones = targets.map { target in
            cornerstoneOfTarget[target].flatMap { cornerstoneIDs.firstIndex(of: $0) } ?? -1
        }
        self.documentTargets = documentTargets
        self.titleTerms = titleTerms.filter { !$0.terms.isEmpty }
        self.titleVocabulary = titleTerms.reduce(into: []) { $0.formUnion($1.terms) }
        self.wholeShapeOnly = targets.map { target in
            guard case .intent(let id) = target, let kind = content.intent(id: id)?.kind else { return false }
            return kind == .smalltalk || kind == .followup
        }
        self.quotedByTarget = Dictionary(
            uniqueKeysWithValues: targets.map { ($0, Self.quotedStatementIDs($0, content: content)) })
        var identityNumbers: [String: Int] = [:]
        self.identities = targets.map { target in
            let identity = Self.answerIdentity(target, content: content)
            if let number = identityNumbers[identity] { return number }
            identityNumbers[identity] = identityNumbers.count
            return identityNumbers.count - 1
        }
    }

    private static func cornerstoneID(of reference: String, in charter: Charter) -> String? {
        switch QuoteReference(reference, in: charter) {
        case .statement(let id): return charter.cornerstone(containing: id)?.id
        case .part(let id), .commitments(let id), .outcomes(let id): return id
        case .cornerstoneTitles, .introduction, .introductionFrom, .closing, nil: return nil
        }
    }

    /// The part whose title `message` is, in its words or its synonyms' ("what are the principles"
    /// for "Our principles"), if there is one.
    package func partNamed(by message: String) -> String? {
        titles(namedBy: analyze(message).terms).first.flatMap { cornerstone(of: targets[$0]) }
    }

    /// The part intents (by target number, in the charter's order) whose title is exactly `terms`.
    private func titles(namedBy terms: [Term]) -> [Int] {
        // Most messages have a word no title has: they are turned away before a set is built.
        guard !terms.isEmpty, terms.allSatisfy({ titleVocabulary.contains($0.text) }) else { return [] }
        let asked = Set(terms.map(\.text))
        return titleTerms.filter { $0.terms == asked }.map(\.target)
    }

    /// The cornerstone a target is about, if it is about one.
    package func cornerstone(of target: Target) -> String? {
        cornerstoneOfTarget[target]
    }

    /// The message's words after text-speak expansion and spelling correction.
    package func words(of message: String) -> [String] {
        analyze(message).words
    }

    /// The message analysed as matching sees it (text speak expanded, spelling corrected).
    package func analyze(_ message: String) -> AnalyzedText {
        analyzer.analyze(message, corrector: corrector, knownStems: knownStems)
    }

    /// Ranks every target for `message`; `topic` is the cornerstone being talked about, if any.
    /// `analysed` is `analyze(message)` when the caller has it already.
    package func rank(_ message: String, analysed: AnalyzedText? = nil, topic: String? = nil) -> [Candidate] {
        rankNumbered(message, analysed: analysed, topic: topic).map(candidate)
    }

    /// A candidate by target number, as ranking works with it (no strings to copy or compare).
    private struct Ranked {
        var target: Int
        var confidence: Double
        var ranking: Double
    }

    private func candidate(_ ranked: Ranked) -> Candidate {
        Candidate(target: targets[ranked.target], confidence: ranked.confidence, ranking: ranked.ranking)
    }

    private func rankNumbered(_ message: String, analysed: AnalyzedText?, topic: String?) -> [Ranked] {
        // The topic as a cornerstone number (-2, no target's, when there is none).
        let topic = topic.flatMap { cornerstoneIDs.firstIndex(of: $0) } ?? -2
        let analysed = analysed ?? analyze(message)
        let boost = carriesTopicOver(analysed.typedWords) ? settings.carryOverBoost : settings.topicBoost
        var best = rankWhole(analysed, topic: topic, boost: boost)
        let clauses = Self.clauses(of: message)
        if clauses.count > 1 {
            var places = [Int32](repeating: -1, count: targets.count)
            for (place, entry) in best.enumerated() { places[entry.target] = Int32(place) }
            let total = max(1, Double(analysed.terms.count))
            for clause in clauses {
                let analysedClause = analyze(clause)
                // A clause of weak words only ("What does the charter say?") names no topic of its
                // own: it asks about the context around it, which the whole message already weighs.
                // One of stop words only ("Who is it for?") is still judged by its shape.
                let terms = analysedClause.terms
                if !terms.isEmpty && terms.allSatisfy({ $0.weight <= TextAnalyzer.weakWeight }) { continue }
                // Nor does a short question about what came before it ("Is that really okay?"):
                // its own words ("okay") would pull the message away from its context.
                if Self.asksAboutThat(analysedClause.typedWords) { continue }
                // A clause speaks for the message in proportion to its share of it; a question
                // counts more than the context before it ("My son is autistic. Can he have breaks?").
                let share = Double(terms.count) / total
                // "Does the charter support that?" points back at the context: it gets no bonus.
                let isQuestion = Self.isQuestion(clause) && !Self.pointsBack(clause)
                let factor = min(1, 0.5 + 0.4 * share + (isQuestion ? settings.questionFocus : 0))
                // A clause cannot make the message small talk ("… Is that okay?").
                for var entry in rankWhole(analysedClause, topic: topic, boost: boost)
                where !wholeShapeOnly[entry.target] {
                    entry.confidence = (entry.confidence * factor * 1000).rounded() / 1000
                    entry.ranking *= factor
                    let place = Int(places[entry.target])
                    if place >= 0 {
                        if entry.ranking > best[place].ranking { best[place] = entry }
                    } else {
                        places[entry.target] = Int32(best.count)
                        best.append(entry)
                    }
                }
            }
            best.sort(by: inOrder)
        }
        return best
    }

    /// Better ranking first; ties go by target key.
    private func inOrder(_ a: Ranked, _ b: Ranked) -> Bool {
        if a.ranking != b.ranking { return a.ranking > b.ranking }
        return targetOrder[a.target] < targetOrder[b.target]
    }

    /// Decides between answering, asking which was meant, and falling back.
    package func match(_ message: String, analysed: AnalyzedText? = nil, topic: String? = nil) -> MatchResult {
        let analysed = analysed ?? analyze(message)
        let ranked = rankNumbered(message, analysed: analysed, topic: topic)
        guard let first = ranked.first else { return .fallback(best: nil) }
        let top = candidate(first)
        // Two targets that would quote the same single statement are one answer, not a choice.
        let rival = ranked.dropFirst().first { identities[$0.target] != identities[first.target] }.map(candidate)
        let related = rival.map { self.related(top.target, $0.target) } ?? false
        // Only a charter answer needs the message to ask: small talk ("cheers mate") and known
        // out-of-scope replies keep the ordinary floor.
        let asking = !answersFromTheCharter(first.target) || asks(message, analysed: analysed)
        let inScope = isInScope(analysed)
        // A question for a date, a place, an amount or a person, which the charter's words would
        // answer only weakly (the cheap tests first: few messages get this far).
        let asksForAFact =
            top.confidence < settings.factFloor && !inScope && answersFromTheCharter(first.target)
            && Self.asksForAFact(message) && !answersFacts(targets[first.target])
        var result = Self.decide(
            best: top, rival: rival, related: related, inScope: inScope, asks: asking, asksForAFact: asksForAFact,
            settings: settings)
        // Then a known out-of-scope reply that clears the floor says more than the fallback.
        if asksForAFact, case .fallback = result,
            let other = ranked.first(where: { isOutOfScope($0.target) && $0.confidence >= settings.answerFloor })
        {
            result = .answer(candidate(other))
        }
        // Two single statements are quoted together rather than offered as a choice.
        if case .clarify(let choices) = result, choices.count == 2, settings.alsoMargin > 0,
            choices[0].confidence >= settings.bothStatementsFloor,
            case .statement = choices[0].target, case .statement = choices[1].target,
            quotedStatementIDs(choices[0].target).count == 1, quotedStatementIDs(choices[1].target).count == 1
        {
            var best = choices[0]
            best.also = choices[1].target
            return .answer(best)
        }
        // A statement's answer quotes that one statement: it takes a close runner-up however
        // confident it is. An intent's reply was written to stand alone: only when not confident.
        let alsoBelow: Double
        if case .statement = targets[first.target] { alsoBelow = .infinity } else { alsoBelow = settings.confident }
        guard case .answer(var best) = result, best.confidence < alsoBelow, settings.alsoMargin > 0,
            answersFromTheCharter(first.target)
        else { return result }
        // A reply that quotes a whole list already says enough.
        let shown = quotedStatements(best.target)
        guard shown.count <= 2 else { return result }
        let floor = isInScope(analysed) ? min(settings.scopedFloor, settings.answerFloor) : settings.answerFloor
        best.also =
            ranked.dropFirst().prefix { $0.ranking >= first.ranking - settings.alsoMargin }.first { entry in
                entry.confidence >= floor && identities[entry.target] != identities[first.target]
                    && answersFromTheCharter(entry.target)
                    && !isLeadIn(targets[entry.target])
                    && !quotedStatements(targets[entry.target]).isSubset(of: shown)
            }.map { targets[$0.target] }
        return .answer(best)
    }

    /// True for a statement shown with the list it leads into: too long to follow another answer.
    private func isLeadIn(_ target: Target) -> Bool {
        guard case .statement = target else { return false }
        return quotedStatementIDs(target).count > 1
    }

    /// True for a target whose own examples ask for a fact ("how long till they reply", "who is the
    /// charter for"): the content says it answers such questions, so ``MatcherSettings/factFloor``
    /// does not apply to it. Worked out only when the floor would apply, which is rare.
    private func answersFacts(_ target: Target) -> Bool {
        switch target {
        case .intent(let id):
            return content.intent(id: id)?.examples.contains(where: Self.asksForAFact) ?? false
        case .statement(let id):
            return content.themes.contains { theme in
                guard let link = content.themeLinks[theme.name], link.statement == id, !link.isWeak else {
                    return false
                }
                return theme.examples.contains(where: Self.asksForAFact)
            }
        }
    }

    /// True for an intent of kind out-of-scope: a known topic the charter does not cover.
    private func isOutOfScope(_ number: Int) -> Bool {
        guard case .intent(let id) = targets[number] else { return false }
        return content.intent(id: id)?.kind == .outOfScope
    }

    /// True for a target that answers with the charter: a statement, or an intent of kind answer.
    private func answersFromTheCharter(_ number: Int) -> Bool {
        switch targets[number] {
        case .statement: return true
        case .intent(let id):
            return content.intent(id: id)?.kind == .answer && !quotedStatementIDs(targets[number]).isEmpty
        }
    }

    /// True when the message names co-production itself (a scope word: a meeting, the charter).
    package func isInScope(_ analysed: AnalyzedText) -> Bool {
        !scopeStems.isDisjoint(with: analysed.stems)
    }

    /// The clarification policy (see ``MatcherSettings``): ask only when an unrelated rival ranks
    /// within the margin of the best and the best is not confident; else answer the best when it
    /// clears the floor (the lower ``MatcherSettings/scopedFloor`` when `inScope`, and at least
    /// ``MatcherSettings/factFloor`` when `asksForAFact`), and fall back when it does not.
    package static func decide(
        best: Candidate, rival: Candidate?, related: Bool, inScope: Bool = false, asks: Bool = true,
        asksForAFact: Bool = false, settings: MatcherSettings
    ) -> MatchResult {
        let floor =
            inScope
            ? min(settings.scopedFloor, settings.answerFloor)
            : asks ? settings.answerFloor : max(settings.answerFloor, settings.statementFloor)
        guard best.confidence >= floor, !asksForAFact || best.confidence >= settings.factFloor else {
            return .fallback(best: best)
        }
        if best.confidence < settings.confident, let rival, !related, rival.confidence >= floor,
            rival.ranking >= best.ranking - settings.clarifyMargin
        {
            return .clarify([best, rival])
        }
        return .answer(best)
    }

    /// Two answers about the same cornerstone, or quoting the same statement, are not worth a
    /// "Did you mean …?": either helps.
    private func related(_ a: Target, _ b: Target) -> Bool {
        if let first = cornerstone(of: a), first == cornerstone(of: b) { return true }
        return !quotedStatements(a).isDisjoint(with: quotedStatements(b))
    }

    /// The ids of the statements a target's reply quotes, in the order it quotes them.
    package func quotedStatementIDs(_ target: Target) -> [String] {
        quotedByTarget[target] ?? Self.quotedStatementIDs(target, content: content)
    }

    private static func quotedStatementIDs(_ target: Target, content: Content) -> [String] {
        switch target {
        case .statement(let id):
            guard let statement = content.charter.statement(id: id) else { return [id] }
            return ReplyComposer.withItsList(statement, in: content.charter).map(\.id)
        case .intent(let id):
            let quotes = content.intent(id: id)?.response.quotes ?? []
            return quotes.flatMap {
                QuoteReference($0, in: content.charter)?.statements(in: content.charter).map(\.id) ?? []
            }
        }
    }

    /// The ids of the statements a target's reply quotes.
    package func quotedStatements(_ target: Target) -> Set<String> {
        Set(quotedStatementIDs(target))
    }

    /// What a target answers with: the statement, when it would quote exactly one; else itself.
    private static func answerIdentity(_ target: Target, content: Content) -> String {
        if case .intent(let id) = target, let intent = content.intent(id: id), intent.response.quotes.count == 1,
            case .statement(let statement)? = QuoteReference(intent.response.quotes[0], in: content.charter)
        {
            return "statement:" + statement
        }
        return target.key
    }

    /// True when the words open with a carry-over phrase ("and what about …").
    package func carriesTopicOver(_ words: [String]) -> Bool {
        afterCarryOver(words) != nil
    }

    /// The words after the longest carry-over opening ("and what about" → ["communicate"]); nil when
    /// the message opens with none.
    package func afterCarryOver(_ words: [String]) -> ArraySlice<String>? {
        var longest = -1
        for opening in carryOver where opening.count > longest && words.count > opening.count {
            if words.starts(with: opening) { longest = opening.count }
        }
        return longest < 0 ? nil : words.dropFirst(longest)
    }

    /// `topic` is the number of the cornerstone being talked about (see ``cornerstoneIDs``).
    private func rankWhole(_ analysed: AnalyzedText, topic: Int, boost: Double) -> [Ranked] {
        let query = index.prepare(analysed.terms)
        let hits = index.search(query, limit: 60)
        let topScore = max(hits.first?.score ?? 1, 0.0001)
        let idfs = query.idfs
        let termWeights = zip(idfs, query.terms).map { $0 * $1.weight }
        let queryWeight = max(query.weight, 0.0001)
        // The share of the message's term weight that is not weak or corrected: 1 for "sarcasm",
        // about 0.35 for "what does it mean".
        let plainWeight = idfs.reduce(0, +)
        let substance = plainWeight > 0 ? query.weight / plainWeight : 0
        // The message's content words (not weak, not corrected away), for a statement that says
        // them all in its own words.
        var contentTerms: UInt64 = 0
        for index in query.terms.indices where index < 64 && query.terms[index].weight >= 0.5 {
            contentTerms |= 1 << UInt64(index)
        }
        // A slot per target says where its score is kept; scores are kept only for targets found.
        var slots = [Int32](repeating: -1, count: targets.count)
        var found: [(target: Int, score: Score, union: UInt64)] = []
        found.reserveCapacity(hits.count + 16)
        func slot(_ target: Int) -> Int {
            if slots[target] >= 0 { return Int(slots[target]) }
            slots[target] = Int32(found.count)
            found.append((target, Score(), 0))
            return found.count - 1
        }
        let shapeByKeywords = Double(analysed.words.count) <= settings.smallTalkWords
        for hit in hits where shapeByKeywords || !wholeShapeOnly[documentTargets[hit.document]] {
            found[slot(documentTargets[hit.document])].union |= hit.matchedTerms
        }
        for hit in hits {
            let target = documentTargets[hit.document]
            if wholeShapeOnly[target] && !shapeByKeywords { continue }
            let place = Int(slots[target])
            var confidence = hit.queryCoverage * (0.7 + 0.3 * hit.documentCoverage) * documentStrengths[hit.document]
            // Several examples of one intent may each explain part of a message.
            let union = found[place].union
            if union != hit.matchedTerms {
                var covered = 0.0
                for index in termWeights.indices where index < 64 && union & (1 << UInt64(index)) != 0 {
                    covered += termWeights[index]
                }
                // The union counts half: a large intent gathers many words, and only some of
                // them should speak for it.
                let union = hit.queryCoverage + 0.5 * max(0, covered / queryWeight - hit.queryCoverage)
                // A weakly linked theme's example speaks for its statement only in proportion.
                confidence = max(confidence, 0.9 * union * documentStrengths[hit.document])
            }
            // A message made mostly of weak words ("will they be mean to me") proves little.
            if substance < 0.5 { confidence *= 0.5 + substance }
            if targetCornerstones[target] == topic {
                confidence *= boost
            }
            found[place].score.absorb(confidence: confidence, bm25: hit.score / topScore)
            // A statement's own words hold every content word of the message.
            if contentTerms != 0, hit.matchedTerms & contentTerms == contentTerms, ownWords.contains(hit.document) {
                found[place].score.literal = true
            }
        }
        // Word-for-word likeness to the examples, stop words included: decides alone for short
        // messages of common words ("who are you") and breaks ties for the rest.
        var messageWeight = 0.0
        var overlaps = [Double](repeating: 0, count: exampleTargets.count)
        var touched: [Int32] = []
        touched.reserveCapacity(exampleTargets.count)
        var seen: [String] = []
        seen.reserveCapacity(analysed.words.count)
        for word in Self.shapeWords(analysed.words) where !seen.contains(word) {
            seen.append(word)
            guard let entry = likenessWords[word] else {
                messageWeight += 1
                continue
            }
            messageWeight += entry.weight
            for example in entry.examples {
                if overlaps[Int(example)] == 0 { touched.append(example) }
                overlaps[Int(example)] += entry.weight
            }
        }
        let threshold = settings.phraseSimilarity
        for example in touched {
            let example = Int(example)
            let common = overlaps[example]
            let target = exampleTargets[example]
            let existing = slots[target]
            let union = exampleWeights[example] + messageWeight - common
            // Most examples share only a stop word or two with the message: for a target not
            // found otherwise, such likeness changes nothing (below the threshold, with a margin
            // against rounding, before dividing).
            if existing < 0 && common < threshold * union * 0.999_999 { continue }
            let similarity = common / union
            var score = existing >= 0 ? found[Int(existing)].score : Score()
            score.likeness = max(score.likeness, similarity)
            if similarity >= threshold { score.confidence = max(score.confidence, similarity) }
            if score.confidence > 0 { found[slot(target)].score = score }
        }
        // A message that is a part's title, in its words or its synonyms' ("principles" for "Our
        // principles"), names that part, even where an example of another intent has its words
        // ("what are the principles" asks for the list of parts in a charter whose parts are not).
        for target in titles(namedBy: analysed.terms) where slots[target] >= 0 {
            // The part's other intents ("what will they do for Communicate") keep their order.
            let part = targetCornerstones[target]
            for place in found.indices
            where found[place].target == target || (part >= 0 && targetCornerstones[found[place].target] == part) {
                found[place].score.namesTitle = true
            }
        }
        var ranked = found.map { entry in
            Ranked(
                target: entry.target, confidence: min(1, (entry.score.confidence * 1000).rounded() / 1000),
                ranking: entry.score.ranking)
        }
        ranked.sort(by: inOrder)
        return ranked
    }

    /// The nouns a verb makes with a suffix: "communicate" → "communication", "involve" →
    /// "involvement", "partner" → "partnership".
    static func nouns(of verb: String) -> [String] {
        let base = verb.hasSuffix("e") ? String(verb.dropLast()) : verb
        return [base + "ion", base + "ation", verb + "ment", verb + "ship", verb + "ness"]
    }

    /// The words that give a message its shape for word-for-word likeness: without a polite opening
    /// ("can you", "ok could you"), "please", or "a bit" ("thanks, can you tell me a bit more,
    /// please" has the shape of "tell me more"). A message of nothing else keeps its words.
    static func shapeWords(_ words: [String]) -> [String] {
        // Greetings and fillers before a polite opening go with it ("hi could you …").
        var start = 0
        while start < words.count,
            leadingWords.contains(words[start]) || (words[start] == "you" && start > 0 && words[start - 1] == "thank")
        {
            start += 1
        }
        let opens = start + 1 < words.count && politeOpenings.contains(words[start]) && words[start + 1] == "you"
        var shape: [String] = []
        shape.reserveCapacity(words.count)
        for index in (opens ? start + 2 : 0)..<words.count {
            if politeWords.contains(words[index]) || TextAnalyzer.saysHowMuch(words, at: index) { continue }
            shape.append(words[index])
        }
        return shape.isEmpty ? words : shape
    }

    private static let politeOpenings: Set<String> = ["can", "could", "would", "will"]
    private static let politeWords: Set<String> = ["please", "pls", "plz"]
    /// Words that may stand before a polite opening ("ok can you …", "thank you, could you …").
    private static let leadingWords: Set<String> = [
        "ok", "okay", "k", "hi", "hey", "hello", "thanks", "thank", "ta", "so", "and", "um", "please", "pls", "plz",
    ]

    /// How much a word counts in word-for-word likeness: a missing "place" matters more than a missing "the".
    private static func likenessWeight(_ word: String, weakWords: Set<String>) -> Double {
        if StopWords.contains(word) { return 0.3 }
        if weakWords.contains(word) { return 0.5 }
        return 1
    }

    /// A word of word-for-word likeness.
    private struct LikenessWord: Sendable, Archivable {
        var weight: Double
        var examples: [Int32] = []

        init(weight: Double) { self.weight = weight }

        init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
            weight = try archive.read()
            examples = try archive.readBlock(Int32.self)
        }

        func write(to archive: inout ArchiveWriter) {
            archive.write(weight)
            archive.write(block: examples)
        }
    }

    // MARK: Archive

    /// Reads back a matcher that ``write(to:)`` wrote, with its content; `settings` must be those
    /// it was built with (they are not archived). The safeguarding rules, archived on their own, are
    /// collected from `safeguarding` once the rest is read.
    package init(
        from archive: inout ArchiveReader, settings: MatcherSettings,
        safeguarding: () throws(ArchiveReader.Damage) -> (SafeguardingRules, SafeguardingDetector)
    ) throws(ArchiveReader.Damage) {
        self.settings = settings
        let stems = try archive.read([String: String].self)
        corrector = try archive.read()
        index = try archive.read()
        knownStems = try archive.read()
        exampleWeights = try archive.readBlock(Double.self)
        likenessWords = try archive.read()
        cornerstoneOfTarget = try archive.read()
        targets = try archive.read()
        targetOrder = try archive.read()
        cornerstoneIDs = try archive.read()
        targetCornerstones = try archive.read()
        var titleTerms: [(target: Int, terms: Set<String>)] = []
        for _ in 0..<(try archive.readCount()) { titleTerms.append((try archive.read(), try archive.read())) }
        self.titleTerms = titleTerms
        titleVocabulary = try archive.read()
        documentTargets = try archive.read()
        documentStrengths = try archive.readBlock(Double.self)
        ownWords = try archive.read()
        exampleTargets = try archive.read()
        identities = try archive.read()
        wholeShapeOnly = try archive.read()
        quotedByTarget = try archive.read()
        carryOver = try archive.read()
        scopeStems = try archive.read()
        let (rules, detector) = try safeguarding()
        content = try Content(from: &archive, safeguarding: rules, detector: detector)
        analyzer = content.analyzer.caching(stems: stems)
        self.safeguarding = detector
        let targetCount = targets.count
        guard documentTargets.count == index.count, documentStrengths.count == index.count,
            [targetOrder.count, targetCornerstones.count, identities.count, wholeShapeOnly.count].allSatisfy({
                $0 == targetCount
            }),
            exampleWeights.count == exampleTargets.count,
            (documentTargets + exampleTargets + titleTerms.map(\.target)).allSatisfy(targets.indices.contains),
            likenessWords.values.allSatisfy({ $0.examples.allSatisfy { exampleTargets.indices.contains(Int($0)) } })
        else { throw archive.damage("the matcher's tables do not agree") }
    }

    /// Writes the matcher and its content, but the safeguarding rules (see ``ContentCache``).
    package func write(to archive: inout ArchiveWriter) {
        archive.write(analyzer.cachedStems)
        archive.write(corrector)
        archive.write(index)
        archive.write(knownStems)
        archive.write(block: exampleWeights)
        archive.write(likenessWords)
        archive.write(cornerstoneOfTarget)
        archive.write(targets)
        archive.write(targetOrder)
        archive.write(cornerstoneIDs)
        archive.write(targetCornerstones)
        archive.write(integer: titleTerms.count)
        for (target, terms) in titleTerms {
            archive.write(target)
            archive.write(terms)
        }
        archive.write(titleVocabulary)
        archive.write(documentTargets)
        archive.write(block: documentStrengths)
        archive.write(ownWords)
        archive.write(exampleTargets)
        archive.write(identities)
        archive.write(wholeShapeOnly)
        archive.write(quotedByTarget)
        archive.write(carryOver)
        archive.write(scopeStems)
        content.write(to: &archive)
    }

    /// How well one target fits a message.
    private struct Score {
        /// Ranking added for a statement whose own words hold every content word of the message (not
        /// only a linked theme's examples do): "what does it say about families" and "Families feel
        /// that someone has got your back". On the own sets, 0.03 / 0.05 / 0.07 / 0.1 / 0.2 gain 1 /
        /// 3 / 3 / 5 / 5 answers and lose 1 / 0 / 0 / 1 / 7; 0.05 is the smaller of the two best.
        static let literalBonus = 0.05
        var confidence = 0.0
        var bm25 = 0.0
        var likeness = 0.0
        var namesTitle = false
        var literal = false

        /// Keeps the best document's evidence.
        mutating func absorb(confidence: Double, bm25: Double) {
            if confidence + 0.05 * bm25 > self.confidence + 0.05 * self.bm25 {
                self.confidence = confidence
                self.bm25 = bm25
            }
        }

        /// Confidence first; word-for-word likeness and BM25 settle near-ties.
        var ranking: Double {
            confidence + 0.06 * likeness + 0.02 * bm25 + (likeness > 0.999 ? 0.2 : 0) + (namesTitle ? 0.3 : 0)
                + (literal ? Self.literalBonus : 0)
        }
    }

    private static let questionWords: Set<String> = [
        "what", "whats", "how", "will", "can", "could", "do", "does", "is", "are", "who", "why", "when", "where",
        "should", "would", "which", "am",
    ]

    /// True when a clause ends by pointing back at what came before ("… support that?", "… say so?").
    static func pointsBack(_ clause: String) -> Bool {
        guard let last = Tokenizer.tokenize(TextFolder.fold(clause)).last?.text else { return false }
        return ["that", "this", "it", "so", "them"].contains(last)
    }

    /// True when a clause, given as typed words, opens by asking about what came before it ("is
    /// that okay", "will that be a problem").
    static func asksAboutThat(_ words: [String]) -> Bool {
        words.count >= 2 && words.count <= 7 && questionWords.contains(words[0]) && words[1] == "that"
    }

    /// True when the message asks something: a question mark, a clause opening like a question or a
    /// request ("tell me…"), or a question inside it without its mark ("… can they do pictures").
    /// `analysed` is `analyze(message)` when the caller has it already.
    package func asks(_ message: String, analysed: AnalyzedText? = nil) -> Bool {
        if message.contains(Character("?")) { return true }
        let words = (analysed ?? analyze(message)).typedWords
        if zip(words, words.dropFirst()).contains(where: {
            Self.questionWords.contains($0) && Self.askedOf.contains($1)
        }) {
            return true
        }
        // Long messages are judged clause by clause; a short one is one clause.
        let clauses = Self.clauses(of: message)
        let openings = clauses.isEmpty ? [words.first] : clauses.map { Tokenizer.tokenize($0).first?.text }
        return openings.contains {
            $0.map { Self.questionWords.contains($0) || Self.requestWords.contains($0) } ?? false
        }
    }

    /// Who a question asks about, after its question word ("can they", "is that", "will i").
    private static let askedOf: Set<String> = [
        "i", "you", "u", "they", "we", "he", "she", "it", "that", "this", "there", "my", "people", "ppl", "someone",
        "anyone", "anybody", "somebody", "everyone", "the", "me",
    ]

    /// Words that open a request, and text speak for question words.
    private static let requestWords: Set<String> = [
        "tell", "explain", "define", "describe", "say", "show", "give", "list", "help", "meaning", "pls", "please",
        "wat", "wot", "wats", "wots", "cant", "wil", "wud",
    ]

    /// True for "… ?" and for clauses that start like a question.
    private static func isQuestion(_ clause: String) -> Bool {
        if clause.contains(Character("?")) { return true }
        guard let first = Tokenizer.tokenize(TextFolder.fold(clause)).first?.text else { return false }
        return questionWords.contains(first)
    }

    /// True when the message asks for a fact that no charter states: a date, a time, a place, an
    /// amount or a person ("when is …", "how long …", "who is the …"). Every clause that asks
    /// something must ask that; a clause of context does not count ("How many times have I
    /// explained this? What does the charter say about listening?" asks about listening).
    static func asksForAFact(_ message: String) -> Bool {
        let parts = clauses(of: message)
        var asked = false
        for clause in parts.isEmpty ? [message] : parts {
            let words = Tokenizer.tokenize(TextFolder.fold(clause)).map(\.text)
            if opensAskingForAFact(words) {
                asked = true
            } else if isQuestion(clause) {
                return false
            }
        }
        return asked
    }

    /// True for words that open by asking for a date, a time, a place, an amount or a person.
    private static func opensAskingForAFact(_ words: [String]) -> Bool {
        guard let first = words.first else { return false }
        let second = words.count > 1 ? words[1] : ""
        let third = words.count > 2 ? words[2] : ""
        switch first {
        // "when is it", not "when i get upset, can i …".
        case "when", "where": return auxiliaries.contains(second)
        case "whens", "wheres": return true
        // "how long", "how many", but not "how much say do we get".
        case "how": return amounts.contains(second) && !degrees.contains(third)
        case "what", "whats":
            return words.dropFirst().first { !linkingWords.contains($0) }.map(timeWords.contains) ?? false
        // "who is the head of …", "who's my caseworker" ("who's" is folded to "whos").
        case "who": return (second == "is" && ["the", "my"].contains(third)) || second == "the"
        case "whos": return ["the", "my"].contains(second)
        default: return false
        }
    }

    private static let auxiliaries: Set<String> = [
        "is", "are", "was", "were", "do", "does", "did", "will", "would", "can", "could", "should", "shall", "has",
        "have",
    ]
    private static let amounts: Set<String> = ["much", "many", "long", "old", "far"]
    /// What "how much" may ask about that a charter does speak of: a say, an input, notice.
    private static let degrees: Set<String> = ["say", "input", "influence", "notice", "choice", "involvement"]
    private static let linkingWords: Set<String> = ["is", "are", "was", "were", "the"]
    private static let timeWords: Set<String> = ["time", "times", "date", "dates", "day", "days"]

    /// The parts of a long message, split at sentence ends and dashes, so a question after some
    /// context ("My son is autistic — what does the charter say about breaks?") is judged alone.
    static func clauses(of message: String) -> [String] {
        // Most messages are short: count words before folding anything.
        var words = 0
        var inWord = false
        for byte in message.utf8 {
            // Other scripts may hold other spaces: leave those messages to the full check.
            if byte >= 0x80 {
                words = 8
                break
            }
            let isSpace = byte <= 0x20 || byte == 0x7F
            if !isSpace && !inWord { words += 1 }
            inWord = !isSpace
        }
        guard words >= 8 else { return [] }
        let folded = TextFolder.fold(message)
        return asciiClauses(of: folded) ?? generalClauses(of: folded)
    }

    /// ``clauses(of:)`` of folded text, character by character: for any text.
    static func generalClauses(of folded: String) -> [String] {
        guard folded.split(separator: " ").count >= 8 else { return [] }
        var clauses: [String] = []
        var current = ""
        var previous: Character = " "
        for character in folded {
            let isBreak = ".?!;:".contains(character) || (character == "-" && previous == " ")
            if isBreak {
                if character == "?" { current.append("?") }
                if current.split(separator: " ").count >= 2 { clauses.append(current) }
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        if current.split(separator: " ").count >= 2 { clauses.append(current) }
        return clauses.count > 1 ? clauses : []
    }

    /// ``clauses(of:)`` for folded text that is all ASCII (nearly every message), working on bytes
    /// and making strings only when there are clauses; nil for other text. A property test keeps
    /// the two paths equal.
    static func asciiClauses(of folded: String) -> [String]? {
        folded.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let space = UInt8(ascii: " ")
            func words(_ range: Range<Int>) -> Int {
                var count = 0
                var previous = space
                for index in range {
                    if bytes[index] != space && previous == space { count += 1 }
                    previous = bytes[index]
                }
                return count
            }
            guard words(0..<bytes.count) >= 8 else { return [] }
            // Each clause: its bytes, and whether a "?" ends it (which counts as a word when it
            // stands alone, as the general path's split does).
            var found: [(range: Range<Int>, question: Bool)] = []
            func close(_ range: Range<Int>, question: Bool) {
                var count = words(range)
                if question && (range.isEmpty || bytes[range.upperBound - 1] == space) { count += 1 }
                if count >= 2 { found.append((range, question)) }
            }
            var start = 0
            var previous = space
            for index in 0..<bytes.count {
                let byte = bytes[index]
                let isBreak =
                    byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!")
                    || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":")
                    || (byte == UInt8(ascii: "-") && previous == space)
                if isBreak {
                    close(start..<index, question: byte == UInt8(ascii: "?"))
                    start = index + 1
                }
                previous = byte
            }
            close(start..<bytes.count, question: false)
            guard found.count > 1 else { return [] }
            return found.map { range, question in
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) + (question ? "?" : "")
            }
        } ?? nil
    }
}
