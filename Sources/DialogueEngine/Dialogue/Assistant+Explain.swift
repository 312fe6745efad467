import Knowledge

extension Assistant {
    /// How a message was read and ranked, for staff tuning content (`charter-chat ask --explain`).
    public func explain(_ message: String, limit: Int = 5) -> String {
        let analysed = matcher.analyzer.analyze(message, corrector: matcher.corrector, knownStems: matcher.knownStems)
        var lines = [
            "words: " + analysed.words.joined(separator: " "),
            "terms: "
                + analysed.terms.map { $0.weight < 1 ? "\($0.text)(\($0.weight))" : $0.text }.joined(separator: " "),
        ]
        if !analysed.expansions.isEmpty {
            lines.append(
                "thesaurus (weight \(TextAnalyzer.thesaurusWeight)): "
                    + analysed.expansions.map { "\($0.word) → \($0.meaning)" }.joined(separator: ", "))
        }
        if !analysed.unknownWords.isEmpty { lines.append("unknown: " + analysed.unknownWords.joined(separator: " ")) }
        if let signal = matcher.safeguarding.signal(in: message, words: analysed.words, stems: analysed.stems) {
            lines.append(
                "safeguarding: \(signal.category) (\(signal.tier.rawValue)), rule '\(signal.rule.pattern)' at "
                    + "\(signal.rule.location) on the words: \(signal.words.joined(separator: " "))")
        } else {
            lines.append("safeguarding: no")
        }
        // Which themes (themes.yaml) lend a statement their everyday questions.
        var themes: [String: [String]] = [:]
        for (theme, link) in content.themeLinks {
            themes[link.statement, default: []].append(link.isWeak ? theme + " (weak)" : theme)
        }
        for candidate in matcher.rank(message).prefix(limit) {
            var line = String(format: "  %.3f  ", candidate.confidence) + candidate.target.key
            if case .statement(let id) = candidate.target, let names = themes[id] {
                line += " (themes: " + names.sorted().joined(separator: ", ") + ")"
            }
            lines.append(line)
        }
        lines.append("scope: \(matcher.isInScope(analysed) ? "yes (the lower floor)" : "no")")
        lines.append("verdict: \(matcher.match(message))")
        return lines.joined(separator: "\n")
    }
}
