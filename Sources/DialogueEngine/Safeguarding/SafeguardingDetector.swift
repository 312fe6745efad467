package import Knowledge

/// What the detector found in a message: the category, the rule and the words it matched.
package struct SafeguardingSignal: Sendable, Equatable {
    /// The category's id.
    package var category: String
    /// How strong the signal is.
    package var tier: SafeguardingRules.Tier
    /// The rule that matched.
    package var rule: SafeguardingRules.Rule
    /// The message's words that the rule matched (after text-speak expansion and correction); for
    /// the learned model, the words that weighed most.
    package var words: [String]
    /// True when the learned model gave the signal, not a rule.
    package var isLearned = false
}

/// Spots messages that suggest harm, by category, from the rules of `safeguarding.yaml`.
///
/// Rules are compared on the message's words after text-speak expansion and spelling correction,
/// so "bulied", "hurtin me" and "want 2 die" are caught. A rule's match is set aside when every
/// word it matched lies inside a guard's span ("killing it", "dead tired"), so a harmless use is not read
/// as harm while "my coach hits me at the gym" still is. Disclosure categories win over
/// possible-risk ones; within a tier the first category in the file wins.
package struct SafeguardingDetector: Sendable {
    private struct CompiledRule: Sendable {
        /// The first pattern; a match starts with it.
        var pattern: SafeguardingPattern
        /// Patterns joined to it with `&`: each must match somewhere too.
        var others: [SafeguardingPattern]
        /// The category's place in ``SafeguardingDetector/categories``.
        var category: Int
        var rule: SafeguardingRules.Rule
        /// The rule's place among every rule of the content, in file order (for the archive).
        var source: Int
    }

    private let categories: [(id: String, tier: SafeguardingRules.Tier)]
    /// Rules, disclosures first, each tier in file order: a lower number wins.
    private let rules: [CompiledRule]
    private let guards: [SafeguardingPattern]
    /// Rules and guards by the words they can start with, so a message is checked only against
    /// patterns that can start at one of its words.
    private let rulesByFirst: [String: [Int]]
    /// The rules by the words of their rarest part: a rule can match only a message holding one of
    /// them, so the others are not tried (most rules start with a common word such as `@someone`).
    private let rulesByRarest: [String: [Int]]
    /// Each rule's rarest part's first words: where they stand in a match, the rule's key words.
    private let rarestKeys: [Set<String>]
    private let guardsByFirst: [String: [Int]]
    /// Every word of the rules, lists and guards as written, with how often the rules use it, for
    /// the spelling corrector's vocabulary.
    package let vocabulary: [String: Int]
    /// Their stems: a word with one of these stems is never "corrected" into another word.
    package let stems: Set<String>

    /// The learned model that backs up the rules, and the tier of its category.
    private let model: (model: SafeguardingModel, tier: SafeguardingRules.Tier)?
    /// Text speak, expanded as the model's trainer did.
    private let textSpeak: [String: String]

    /// Compiles `rules` on a thread of its own, for a matcher to collect: content loads beside it.
    package static func compiling(
        _ rules: SafeguardingRules, analyzer: TextAnalyzer, textSpeak: [String: String]
    ) -> BackgroundWork<SafeguardingDetector> {
        BackgroundWork { SafeguardingDetector(rules: rules, analyzer: analyzer, textSpeak: textSpeak) }
    }

    /// Compiles the rules; a rule that does not parse is left out (``ContentLoader`` reports it).
    package init(rules content: SafeguardingRules, analyzer: TextAnalyzer, textSpeak: [String: String] = [:]) {
        self.textSpeak = textSpeak
        self.model = content.model.flatMap { model in
            content.category(id: model.category).map { (model, $0.tier) }
        }
        let ordered = content.categories.enumerated().sorted { a, b in
            let (tierA, tierB) = (a.element.tier == .disclosure ? 0 : 1, b.element.tier == .disclosure ? 0 : 1)
            return tierA != tierB ? tierA < tierB : a.offset < b.offset
        }.map(\.element)
        categories = ordered.map { ($0.id, $0.tier) }
        var firstRule: [String: Int] = [:]
        var rulesBefore = 0
        for category in content.categories {
            firstRule[category.id] = firstRule[category.id] ?? rulesBefore
            rulesBefore += category.rules.count
        }
        var rules: [CompiledRule] = []
        // Each alternative and list is analysed once, however many rules use it.
        var optionUses: [Substring: Int] = [:]
        var listUses: [Substring: Int] = [:]
        func count(_ pattern: String) {
            let (options, lists) = SafeguardingPattern.vocabulary(of: pattern)
            for option in options { optionUses[option, default: 0] += 1 }
            for name in lists { listUses[name, default: 0] += 1 }
        }
        for (number, category) in ordered.enumerated() {
            for (place, rule) in category.rules.enumerated() {
                count(rule.pattern)
                guard let patterns = Self.patterns(of: rule, lists: content.lists, analyzer: analyzer) else { continue }
                rules.append(
                    CompiledRule(
                        pattern: patterns[0], others: Array(patterns.dropFirst()), category: number, rule: rule,
                        source: firstRule[category.id]! + place))
            }
        }
        var guards: [SafeguardingPattern] = []
        for rule in content.guards {
            count(rule.pattern)
            if let patterns = Self.patterns(of: rule, lists: content.lists, analyzer: analyzer) {
                guards += patterns
            }
        }
        self.rules = rules
        self.guards = guards
        self.rulesByFirst = Self.byFirst(rules.map(\.pattern))
        (self.rulesByRarest, self.rarestKeys) = Self.byRarestPart(rules.map { [$0.pattern] + $0.others })
        self.guardsByFirst = Self.byFirst(guards)
        var vocabulary: [String: Int] = [:]
        for (option, uses) in optionUses {
            for word in analyzer.words(String(option)) { vocabulary[word, default: 0] += uses }
        }
        for (name, uses) in listUses {
            let entries = (try? SafeguardingPattern.entries(of: String(name), lists: content.lists)) ?? []
            for word in entries.flatMap({ analyzer.words($0) }) { vocabulary[word, default: 0] += uses }
        }
        self.vocabulary = vocabulary
        self.stems = Set(
            (rules.flatMap { [$0.pattern] + $0.others } + guards).flatMap { pattern in
                pattern.parts.flatMap { $0.alternatives.flatMap { $0.filter { !$0.exact }.map(\.text) } }
            })
    }

    /// A rule's patterns: as the loader parsed them, or parsed now.
    private static func patterns(
        of rule: SafeguardingRules.Rule, lists: [String: [String]], analyzer: TextAnalyzer
    ) -> [SafeguardingPattern]? {
        if !rule.compiled.isEmpty { return rule.compiled }
        return try? SafeguardingPattern.rule(rule.pattern, lists: lists, analyzer: analyzer)
    }

    private static func byFirst(_ patterns: [SafeguardingPattern]) -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        for (number, pattern) in patterns.enumerated() {
            for key in Set(pattern.firstAtoms.map(\.text)) { index[key, default: []].append(number) }
        }
        return index
    }

    /// Each rule under the first words of its rarest part: the part whose words the rules use least
    /// often. Every part must match for the rule to match, and a part matches only where one of its
    /// alternatives' first words stands.
    private static func byRarestPart(
        _ rules: [[SafeguardingPattern]]
    ) -> (index: [String: [Int]], keys: [Set<String>]) {
        let keysOfParts = rules.map { patterns in
            patterns.flatMap(\.parts).filter { !$0.isEnd }.map { Set($0.alternatives.map(\.[0].text)) }
        }
        var uses: [String: Int] = [:]
        for parts in keysOfParts { for keys in parts { for key in keys { uses[key, default: 0] += 1 } } }
        var index: [String: [Int]] = [:]
        var rarest: [Set<String>] = []
        for (number, parts) in keysOfParts.enumerated() {
            let costed = parts.map { keys in (keys: keys, cost: keys.reduce(0) { $0 + uses[$1, default: 0] }) }
            let keys = costed.min(by: { $0.cost < $1.cost })?.keys ?? []
            for key in keys { index[key, default: []].append(number) }
            rarest.append(keys)
        }
        return (index, rarest)
    }

    /// The numbers of the patterns in `index` that can start at `position`.
    private static func candidates(
        at position: Int, words: [String], stems: [String], index: [String: [Int]]
    ) -> [Int] {
        let byStem = index[stems[position]] ?? []
        guard words[position] != stems[position], let byWord = index[words[position]] else { return byStem }
        return byStem + byWord
    }

    /// The strongest signal in the words (already expanded and corrected), or nil.
    package func detect(words: [String]) -> SafeguardingSignal? {
        detect(words: words, stems: words.map(PorterStemmer.stem))
    }

    /// The same, with the words' stems already made (``AnalyzedText/stems``).
    package func detect(words: [String], stems: [String]) -> SafeguardingSignal? {
        guard !words.isEmpty else { return nil }
        // Only rules whose rarest part has a word here can match.
        var possible = [Bool](repeating: false, count: rules.count)
        var anyPossible = false
        for position in words.indices {
            for number in Self.candidates(at: position, words: words, stems: stems, index: rulesByRarest) {
                possible[number] = true
                anyPossible = true
            }
        }
        guard anyPossible else { return nil }
        let guarded = guardedWords(words: words, stems: stems)
        // Rules see every word; a match made only of guarded words is a harmless use and set aside.
        var best: (rule: Int, positions: [Int])?
        for start in words.indices {
            for number in Self.candidates(at: start, words: words, stems: stems, index: rulesByFirst)
            where possible[number] && number < (best?.rule ?? Int.max) {
                // Read in place: a copy of the rule would retain its arrays for every candidate.
                guard var positions = rules[number].pattern.match(at: start, words: words, stems: stems)
                else { continue }
                var all = true
                for other in rules[number].others {
                    guard let more = other.matchesAnywhere(words: words, stems: stems) else {
                        all = false
                        break
                    }
                    positions += more
                }
                guard all else { continue }
                let keys = positions.filter {
                    rarestKeys[number].contains(stems[$0]) || rarestKeys[number].contains(words[$0])
                }
                if !guarded.setsAside(positions, keys: keys) { best = (number, Array(Set(positions)).sorted()) }
            }
        }
        guard let best else { return nil }
        let rule = rules[best.rule]
        let category = categories[rule.category]
        return SafeguardingSignal(
            category: category.id, tier: category.tier, rule: rule.rule, words: best.positions.map { words[$0] })
    }

    /// The signal in a message: a rule's, weighed by the model, else the model's own. `words`
    /// and `stems` are the message's, analysed (expanded and corrected).
    package func signal(in message: String, words: [String], stems: [String]) -> SafeguardingSignal? {
        if let found = detect(words: words, stems: stems) { return weighed(found, in: message) }
        return modelSignal(in: message)
    }

    /// A rule's disclosure that the model finds very unlikely (below ``SafeguardingModel/doubtBelow``)
    /// as a weaker signal: a confident charter answer then wins ("is the charter a stick to beat us
    /// with?"), and otherwise the category's reply is given as before.
    package func weighed(_ signal: SafeguardingSignal, in message: String) -> SafeguardingSignal {
        guard signal.tier == .disclosure, let (model, _) = model, let doubt = model.doubtBelow else { return signal }
        guard model.probability(of: message, textSpeak: textSpeak) < doubt else { return signal }
        var weaker = signal
        weaker.tier = .possibleRisk
        return weaker
    }

    /// The model's signal for `message` when it scores at or above its threshold, or nil: asked
    /// when no rule matched.
    package func modelSignal(in message: String) -> SafeguardingSignal? {
        guard let (model, tier) = model else { return nil }
        let probability = model.probability(of: message, textSpeak: textSpeak)
        guard probability >= model.threshold else { return nil }
        let rule = SafeguardingRules.Rule(
            "learned model: probability \((probability * 100).rounded() / 100)", location: model.location)
        return SafeguardingSignal(
            category: model.category, tier: tier, rule: rule,
            words: model.strongest(in: message, textSpeak: textSpeak), isLearned: true)
    }

    /// Which words the guards cover ("killing it", "dead tired").
    private func guardedWords(words: [String], stems: [String]) -> Guarded {
        var guarded = Guarded(words: words)
        guard !guards.isEmpty else { return guarded }
        for start in words.indices {
            for number in Self.candidates(at: start, words: words, stems: stems, index: guardsByFirst) {
                // A guard covers its whole span: the words between its parts belong to the idiom too.
                // A guard speaks for one clause: its gaps do not reach past "then".
                if let positions = guards[number].match(at: start, words: words, stems: stems, withinClause: true),
                    let first = positions.min(), let last = positions.max()
                {
                    for position in first...last { guarded.spanned[position] = true }
                    // Its own words are those nearest the end of its span: "pushed me over by
                    // accident", not an earlier blow in it.
                    var own = positions
                    if !guards[number].parts.contains(where: \.isEnd),
                        let latest = guards[number].match(
                            at: start, words: Array(words[...last]), stems: Array(stems[...last]), latest: true,
                            withinClause: true)
                    {
                        own = latest
                    }
                    for position in own { guarded.matched[position] = true }
                }
            }
        }
        return guarded
    }

    /// The words the guards cover: every word of any guard's span, and the words any guard's parts
    /// matched (its own words).
    private struct Guarded {
        var spanned: [Bool]
        var matched: [Bool]
        /// Each word's clause: the number of clause breaks ("then") before it.
        let clause: [Int]

        init(words: [String]) {
            spanned = [Bool](repeating: false, count: words.count)
            matched = spanned
            var clause: [Int] = []
            clause.reserveCapacity(words.count)
            var number = 0
            for word in words {
                clause.append(number)
                if word == SafeguardingPattern.clauseBreak { number += 1 }
            }
            self.clause = clause
        }

        /// Whether a rule's match at `positions` is a harmless use: every word of it lies in a
        /// guard's span (or in another clause than all of those that do: "i was with my dad then
        /// my brother pushed me by accident"), the key words (those of its rarest part, at `keys`)
        /// among them, and guards' own words are those key words or at least half of the words
        /// in spans. So a blow told before an accident ("punched me then pushed me over by
        /// accident") is not hidden by the guard that matched the accident.
        func setsAside(_ positions: [Int], keys: [Int]) -> Bool {
            let inSpans = positions.filter { spanned[$0] }
            guard !inSpans.isEmpty, keys.allSatisfy({ spanned[$0] }) else { return false }
            let guardedClauses = Set(inSpans.map { clause[$0] })
            guard positions.allSatisfy({ spanned[$0] || !guardedClauses.contains(clause[$0]) }) else { return false }
            if keys.contains(where: { matched[$0] }) { return true }
            return inSpans.count(where: { matched[$0] }) * 2 >= inSpans.count
        }
    }
}

// MARK: - Archive

extension SafeguardingDetector {
    /// Reads back a detector that ``write(to:)`` wrote for `content`: its rules are taken from
    /// `content` by their place rather than written twice.
    package init(from archive: inout ArchiveReader, rules content: SafeguardingRules) throws(ArchiveReader.Damage) {
        let all = content.categories.flatMap(\.rules)
        var categories: [(id: String, tier: SafeguardingRules.Tier)] = []
        for _ in 0..<(try archive.readCount()) { categories.append((try archive.read(), try archive.read())) }
        self.categories = categories
        var rules: [CompiledRule] = []
        for _ in 0..<(try archive.readCount()) {
            let category = try archive.read(Int.self)
            let source = try archive.read(Int.self)
            guard categories.indices.contains(category), all.indices.contains(source) else {
                throw archive.damage("a safeguarding rule's place is not in the content")
            }
            let rule = all[source]
            let patterns = try archive.read(Bool.self) ? try archive.read([SafeguardingPattern].self) : rule.compiled
            guard let first = patterns.first else { throw archive.damage("a safeguarding rule has no patterns") }
            rules.append(
                CompiledRule(
                    pattern: first, others: Array(patterns.dropFirst()), category: category, rule: rule, source: source)
            )
        }
        self.rules = rules
        guards = try archive.read()
        rulesByFirst = try archive.read()
        rulesByRarest = try archive.read()
        rarestKeys = try archive.read()
        guardsByFirst = try archive.read()
        vocabulary = try archive.read()
        stems = try archive.read()
        guard rarestKeys.count == rules.count,
            (Array(rulesByFirst.values.joined()) + rulesByRarest.values.joined()).allSatisfy(rules.indices.contains),
            guardsByFirst.values.joined().allSatisfy(guards.indices.contains)
        else { throw archive.damage("the safeguarding rules' indexes do not agree with the rules") }
        textSpeak = try archive.read()
        self.model = content.model.flatMap { model in content.category(id: model.category).map { (model, $0.tier) } }
    }

    /// Writes the compiled rules; their content (``SafeguardingRules``) is archived on its own.
    package func write(to archive: inout ArchiveWriter) {
        archive.write(integer: categories.count)
        for (id, tier) in categories {
            archive.write(id)
            archive.write(tier)
        }
        archive.write(integer: rules.count)
        for rule in rules {
            archive.write(rule.category)
            archive.write(rule.source)
            let patterns = [rule.pattern] + rule.others
            archive.write(patterns != rule.rule.compiled)
            if patterns != rule.rule.compiled { archive.write(patterns) }
        }
        archive.write(guards)
        archive.write(rulesByFirst)
        archive.write(rulesByRarest)
        archive.write(rarestKeys)
        archive.write(guardsByFirst)
        archive.write(vocabulary)
        archive.write(stems)
        archive.write(textSpeak)
    }
}
