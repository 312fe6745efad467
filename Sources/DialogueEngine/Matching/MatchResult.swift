package import Knowledge

/// What a message can be answered with: an intent, or one charter statement on its own.
package enum Target: Hashable, Sendable, CustomStringConvertible {
    /// An intent from the content files.
    case intent(String)
    /// A charter statement, quoted on its own.
    case statement(String)

    /// `intent:id` or `statement:id`, the key used in the index.
    package var key: String {
        switch self {
        case .intent(let id): return "intent:" + id
        case .statement(let id): return "statement:" + id
        }
    }

    /// Reads a key made by ``key``.
    package init?(key: String) {
        if key.hasPrefix("intent:") {
            self = .intent(String(key.dropFirst(7)))
        } else if key.hasPrefix("statement:") {
            self = .statement(String(key.dropFirst(10)))
        } else {
            return nil
        }
    }

    /// The key.
    package var description: String { key }

    /// The intent that answers about a part of the charter (`part.{id}`, written once in `parts.yaml`
    /// for every part).
    package static func part(_ id: String) -> Target { .intent("part." + id) }
}

/// A possible answer and how sure the matcher is of it.
package struct Candidate: Sendable, Equatable {
    /// What would be answered.
    package var target: Target
    /// 0…1: how much of the message this answer explains.
    package var confidence: Double
    /// The order among candidates: confidence, with word-for-word likeness settling near-ties.
    package var ranking: Double
    /// A different answer that ranked nearly as well, quoted after this one when it is not confident
    /// (see ``MatcherSettings/alsoMargin``).
    package var also: Target?

    /// Makes a candidate; its ranking is its confidence unless said otherwise.
    package init(target: Target, confidence: Double, ranking: Double? = nil) {
        self.target = target
        self.confidence = confidence
        self.ranking = ranking ?? confidence
    }
}

/// The matcher's verdict on one message.
package enum MatchResult: Sendable, Equatable {
    /// Confident: answer with this.
    case answer(Candidate)
    /// Two or more answers fit about equally well: ask which was meant.
    case clarify([Candidate])
    /// Nothing fits; the best guess, if any, is kept for the log.
    case fallback(best: Candidate?)
}

extension Target: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        let key = try archive.read(String.self)
        guard let target = Target(key: key) else { throw archive.damage("'\(key)' is not a target") }
        self = target
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(key)
    }
}
