package import Knowledge

/// What counts as a disclosure of harm, and what to say, read from `safeguarding.yaml` (base layer).
///
/// Categories (physical abuse, self-harm, online abuse, …) each have their own reply and rules. A
/// rule is a pattern of words (see ``SafeguardingPattern``) that may name a word list with `@list`.
/// Guards are patterns for harmless uses ("killing it", "dead tired"): a rule's match that lies
/// wholly inside a guard's span is set aside.
package struct SafeguardingRules: Sendable, Equatable {
    /// How strong a category's signal is.
    package enum Tier: String, Sendable, Equatable, CaseIterable {
        /// A disclosure: its reply comes before anything else.
        case disclosure
        /// A weaker signal ("I'm not okay"): a confident charter answer is still given; otherwise a
        /// gentle check-in. The message is not stored either way.
        case possibleRisk = "possible-risk"
    }

    /// One rule as written, with where it was written.
    package struct Rule: Sendable, Equatable {
        /// The pattern, as written in the file.
        package var pattern: String
        /// Where it was written.
        package var location: SourceLocation
        /// The pattern as parsed when the content was loaded (empty when made in code: the
        /// detector parses it then).
        package var compiled: [SafeguardingPattern]

        /// Makes a rule.
        package init(_ pattern: String, location: SourceLocation = .unknown, compiled: [SafeguardingPattern] = []) {
            self.pattern = pattern
            self.location = location
            self.compiled = compiled
        }
    }

    /// One kind of harm, its reply and the rules that recognise it.
    package struct Category: Sendable, Equatable {
        /// The id counted in the statistics (`self-harm`, `online`, …).
        package var id: String
        /// How strong its signal is.
        package var tier: Tier
        /// The reply, with `{contact}` names already filled in.
        package var reply: String
        /// Its easy-read form, if written.
        package var easy: String?
        /// Buttons offered after it.
        package var suggestions: [String]
        /// Its rules; any one of them is enough.
        package var rules: [Rule]

        /// Makes a category.
        package init(
            id: String, tier: Tier = .disclosure, reply: String, easy: String? = nil, suggestions: [String] = [],
            rules: [Rule]
        ) {
            self.easy = easy
            self.id = id
            self.tier = tier
            self.reply = reply
            self.suggestions = suggestions
            self.rules = rules
        }
    }

    /// The categories, in the order they are tried: the first whose rule matches wins.
    package var categories: [Category]
    /// Named word lists, used in patterns as `@name`; an entry may be several words.
    package var lists: [String: [String]]
    /// Patterns of harmless uses; a rule's match inside one of their spans is set aside.
    package var guards: [Rule]
    /// The learned model that backs up the rules (`safeguarding-model.txt`), if there is one.
    package var model: SafeguardingModel?

    /// Makes the rules.
    package init(categories: [Category], lists: [String: [String]] = [:], guards: [Rule] = []) {
        self.categories = categories
        self.lists = lists
        self.guards = guards
    }

    /// The category with this id.
    package func category(id: String) -> Category? {
        categories.first { $0.id == id }
    }
}

// MARK: - Archive

extension SafeguardingRules: Archivable {
    /// Reads back the rules without their model, which is archived on its own (it is read beside
    /// them).
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self.init(categories: try archive.read(), lists: try archive.read(), guards: try archive.read())
    }

    /// Writes the rules without their model.
    package func write(to archive: inout ArchiveWriter) {
        archive.write(categories)
        archive.write(lists)
        archive.write(guards)
    }
}

extension SafeguardingRules.Tier: Archivable {}

extension SafeguardingRules.Rule: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self.init(try archive.read(), location: try archive.read(), compiled: try archive.read())
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(pattern)
        archive.write(location)
        archive.write(compiled)
    }
}

extension SafeguardingRules.Category: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self.init(
            id: try archive.read(), tier: try archive.read(), reply: try archive.read(), easy: try archive.read(),
            suggestions: try archive.read(), rules: try archive.read())
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(tier)
        archive.write(reply)
        archive.write(easy)
        archive.write(suggestions)
        archive.write(rules)
    }
}
