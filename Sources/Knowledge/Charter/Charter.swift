/// The co-production charter: its introduction, four cornerstones and closing words.
public struct Charter: Sendable, Equatable {
    /// The charter's title.
    public let title: String
    /// The opening paragraphs, each a statement.
    public let introduction: [Statement]
    /// The cornerstones, in the charter's order.
    public let cornerstones: [Cornerstone]
    /// The closing paragraphs, each a statement.
    public let closing: [Statement]
    /// Every statement: introduction, each cornerstone's commitments and outcomes, closing.
    public let allStatements: [Statement]
    private let statementsByID: [String: Statement]
    private let cornerstoneIndexByStatement: [String: Int]
    /// The part each introduction statement names, where it names one (see ``cornerstone(namedBy:)``).
    private let partNamedByStatement: [String: Int]
    /// Lines of the file read as the page around the charter (headings, links, files to download)
    /// and so not as statements, for `check` to list.
    public let leftOut: [Line]
    /// A part's `### ` sub-list headings in words that do not open a list ("### Value each other"
    /// rather than "### We will"): perhaps a part written with `###`, for `check` to ask about.
    public let otherSubListHeadings: [Line]

    /// A line of the charter's file, by its number.
    public struct Line: Sendable, Equatable {
        /// The line's number in the file.
        public var line: Int
        /// Its words.
        public var text: String
    }

    /// Makes a charter.
    public init(
        title: String, introduction: [Statement], cornerstones: [Cornerstone], closing: [Statement],
        leftOut: [Line] = [], otherSubListHeadings: [Line] = []
    ) {
        self.title = title
        self.leftOut = leftOut
        self.otherSubListHeadings = otherSubListHeadings
        self.introduction = introduction
        self.cornerstones = cornerstones
        self.closing = closing
        let all = introduction + cornerstones.flatMap(\.statements) + closing
        self.allStatements = all
        self.statementsByID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var owners: [String: Int] = [:]
        for (index, cornerstone) in cornerstones.enumerated() {
            for statement in cornerstone.statements { owners[statement.id] = index }
        }
        self.cornerstoneIndexByStatement = owners
        var named: [String: Int] = [:]
        let titles = cornerstones.map { Self.contentWords($0.title) }
        for statement in introduction {
            let words = Self.contentWords(statement.text)
            guard words.count >= 2 else { continue }
            var best: (index: Int, likeness: Double)?
            for (index, title) in titles.enumerated() {
                let likeness = Double(words.intersection(title).count) / Double(words.union(title).count)
                if likeness >= 0.6, likeness > best?.likeness ?? 0 { best = (index, likeness) }
            }
            if let best { named[statement.id] = best.index }
        }
        self.partNamedByStatement = named
    }

    /// The cornerstone with this id, if any.
    public func cornerstone(id: String) -> Cornerstone? {
        cornerstones.first { $0.id == id }
    }

    /// The statement with this id, if any.
    public func statement(id: String) -> Statement? {
        statementsByID[id]
    }

    /// For a charter of one part holding the whole list (BCP's "The values we have agreed
    /// together"), that part's statements: what the charter lists as its parts. A paragraph that
    /// leads into the list ("The charter is split into five messages:") is not one of them. Nil
    /// for a charter of several parts.
    public var listedStatements: [Statement]? {
        guard cornerstones.count == 1 else { return nil }
        let part = cornerstones[0]
        let items = part.commitments + part.outcomes
        guard !items.isEmpty else { return part.statements }
        return part.description.filter { !$0.text.hasSuffix(":") } + items
    }

    /// The cornerstone a statement belongs to (nil for introduction and closing).
    public func cornerstone(containing statementID: String) -> Cornerstone? {
        cornerstoneIndexByStatement[statementID].map { cornerstones[$0] }
    }

    /// The part that a statement of the introduction names, when the introduction lists the parts
    /// ("Starts at ideas" for the part "Starts at the conception of ideas"): most of the words of
    /// each, stop words aside, are the other's (at least 0.6 of both together). Nil for any other
    /// statement.
    public func cornerstone(namedBy statement: Statement) -> Cornerstone? {
        partNamedByStatement[statement.id].map { cornerstones[$0] }
    }

    private static func contentWords(_ text: String) -> Set<String> {
        Set(Tokenizer.tokenize(TextFolder.fold(text)).map(\.text).filter { !StopWords.contains($0) })
    }
}

/// One of the charter's four cornerstones.
public struct Cornerstone: Sendable, Equatable, Identifiable {
    /// A slug of the title, e.g. `welcome-and-care`.
    public var id: String
    /// The title as written, e.g. "Welcome and Care".
    public var title: String
    /// The "We will" commitments.
    public var commitments: [Statement]
    /// The "You will feel/see that" outcomes.
    public var outcomes: [Statement]
    /// The paragraphs that describe the part, when the charter has them (`<id>.p1`, …).
    public var description: [Statement]

    /// Makes a cornerstone (a part of the charter, whatever the charter calls it).
    public init(
        id: String, title: String, commitments: [Statement], outcomes: [Statement], description: [Statement] = []
    ) {
        self.id = id
        self.title = title
        self.commitments = commitments
        self.outcomes = outcomes
        self.description = description
    }

    /// Every statement of the part, in order: its description, commitments and outcomes.
    public var statements: [Statement] { description + commitments + outcomes }

    /// What the part promises: its commitments, or its description when it has no list.
    public var promises: [Statement] { commitments.isEmpty ? description : commitments }
}

/// One sentence or paragraph of the charter, quoted word for word.
public struct Statement: Sendable, Equatable, Identifiable {
    /// What part of the charter a statement is.
    public enum Kind: String, Sendable, Equatable {
        /// A paragraph of the introduction or closing.
        case paragraph
        /// A "We will" commitment.
        case commitment
        /// A "You will feel/see that" outcome.
        case outcome
    }

    /// A stable id: `welcome-and-care.c1` (commitment), `.o3` (outcome), `introduction.p2`.
    public var id: String
    /// The words, exactly as in the charter.
    public var text: String
    /// Which part of the charter it is.
    public var kind: Kind
    /// The line of `charter.md` it was read from.
    public var line: Int

    /// Makes a statement.
    public init(id: String, text: String, kind: Kind, line: Int) {
        self.id = id
        self.text = text
        self.kind = kind
        self.line = line
    }
}
