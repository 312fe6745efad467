package import Knowledge

/// Something the assistant knows how to answer, read from `intents/*.yaml`.
package struct Intent: Sendable, Equatable {
    /// What the intent is for, which decides how its reply is treated.
    package enum Kind: String, Sendable, Equatable, CaseIterable {
        /// A question about the charter: answered.
        case answer
        /// Greetings, thanks, "who are you": answered, never quoting the charter.
        case smalltalk
        /// "Tell me more", "go on": answered from the conversation's context.
        case followup
        /// A known question the charter does not cover (EHC plans, transport): a kind, specific
        /// fallback that is logged as unanswered.
        case outOfScope = "out-of-scope"
    }

    /// A stable id such as `part.communicate`.
    package var id: String
    /// How the reply is treated.
    package var kind: Kind
    /// Example questions, in users' own words.
    package var examples: [String]
    /// Extra words or phrases that point to this intent.
    package var keywords: [String]
    /// The reply.
    package var response: Response
    /// What "tell me more" gives after this intent.
    package var more: Response?
    /// Items that "the first one", "the second one" pick from after this reply.
    package var list: [String]
    /// Questions offered as buttons after the reply.
    package var suggestions: [String]
    /// Where it was defined, for error messages.
    package var location: SourceLocation
    /// True for an intent written once for every part (`each: part`) and copied for this one: its
    /// examples are made from the part's name, which no one chose to fit the other intents.
    package var isPartCopy = false
    /// A part copy's examples that another intent asks already ("what is co-production" for a
    /// part called "What is co-production?"): left to that intent, and still checked by the audit.
    package var examplesLeft: [String] = []

    /// The intent that lists the charter's parts ("what are the parts?"): the overview that
    /// ordinal follow-ups pick from, and the reply a charter of one part gives about that part.
    package static let partsListID = "about.parts"

    /// Makes an intent.
    package init(
        id: String, kind: Kind = .answer, examples: [String], keywords: [String] = [], response: Response,
        more: Response? = nil, list: [String] = [], suggestions: [String] = [], location: SourceLocation = .unknown
    ) {
        self.id = id
        self.kind = kind
        self.examples = examples
        self.keywords = keywords
        self.response = response
        self.more = more
        self.list = list
        self.suggestions = suggestions
        self.location = location
    }
}

/// A reply as written in content: own words, then charter statements quoted word for word.
package struct Response: Sendable, Equatable {
    /// The assistant's own words (may be empty when quotes say it all).
    package var text: String
    /// References to charter statements: `communicate.c1`, `communicate.outcomes`, `communicate`
    /// (its commitments), `cornerstones` (the titles), `introduction.p1`.
    package var quotes: [String]
    /// Words after the quotes.
    package var after: String
    /// The easy-read form of ``text`` and ``after`` together (`easy:`), if written; the quotes are
    /// shown in their easy-read forms after it.
    package var easy: String?

    /// Makes a response.
    package init(text: String, quotes: [String] = [], after: String = "", easy: String? = nil) {
        self.text = text
        self.quotes = quotes
        self.after = after
        self.easy = easy
    }
}

/// A place in a content file.
package struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    /// The file path as given.
    package var file: String
    /// One-based line.
    package var line: Int
    /// One-based column.
    package var column: Int

    /// Nowhere in particular (built in code).
    package static let unknown = SourceLocation(file: "<built-in>", line: 0, column: 0)

    /// Makes a location.
    package init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    package var description: String { "\(file):\(line):\(column)" }
}

extension Intent {
    /// A copy of a template intent (`each: part`) for one part of the charter: `{id}` becomes the
    /// part's id, `{part}` its title and `{number}` its place ("first", "second", …) in every text.
    package func forPart(id partID: String, title: String, number: Int) -> Intent {
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
        let place = number >= 1 && number <= ordinals.count ? ordinals[number - 1] : String(number)
        var copy = mapTexts {
            $0.replacingAll("{id}", with: partID).replacingAll("{part}", with: title)
                .replacingAll("{number}", with: place)
        }
        copy.response.quotes = copy.response.quotes.map { $0.replacingAll("{id}", with: partID) }
        if var more = copy.more {
            more.quotes = more.quotes.map { $0.replacingAll("{id}", with: partID) }
            copy.more = more
        }
        copy.list = list.map { $0.replacingAll("{id}", with: partID) }
        return copy
    }

    /// The intent with `transform` applied to its id and every text people read or write: examples,
    /// keywords, replies and suggestions (not its quotes or list).
    package func mapTexts(_ transform: (String) -> String) -> Intent {
        func map(_ response: Response) -> Response {
            Response(
                text: transform(response.text), quotes: response.quotes, after: transform(response.after),
                easy: response.easy.map(transform))
        }
        var copy = self
        copy.id = transform(id)
        copy.examples = examples.map(transform)
        copy.keywords = keywords.map(transform)
        copy.response = map(response)
        copy.more = more.map(map)
        copy.suggestions = suggestions.map(transform)
        return copy
    }
}

// MARK: - Archive

extension Intent: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self.init(
            id: try archive.read(), kind: try archive.read(), examples: try archive.read(),
            keywords: try archive.read(), response: try archive.read(), more: try archive.read(),
            list: try archive.read(), suggestions: try archive.read(), location: try archive.read())
        isPartCopy = try archive.read()
        examplesLeft = try archive.read()
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(id)
        archive.write(kind)
        archive.write(examples)
        archive.write(keywords)
        archive.write(response)
        archive.write(more)
        archive.write(list)
        archive.write(suggestions)
        archive.write(location)
        archive.write(isPartCopy)
        archive.write(examplesLeft)
    }
}

extension Intent.Kind: Archivable {}

extension Response: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self.init(
            text: try archive.read(), quotes: try archive.read(), after: try archive.read(), easy: try archive.read())
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(text)
        archive.write(quotes)
        archive.write(after)
        archive.write(easy)
    }
}

extension SourceLocation: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self.init(file: try archive.read(), line: try archive.read(), column: try archive.read())
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(file)
        archive.write(line)
        archive.write(column)
    }
}
