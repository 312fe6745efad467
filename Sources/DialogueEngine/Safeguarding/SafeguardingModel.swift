import Foundation
package import Knowledge

/// A logistic-regression model of disclosures of harm, learned from the safeguarding corpus by
/// `scripts/make-safeguarding-model` (`safeguarding-model.txt`). It backs up the rules: a message no
/// rule matches, worded like the corpus's disclosures and unlike its near-misses, gets the reply of
/// the model's category (the gentle check-in of `possible-risk`).
package struct SafeguardingModel: Sendable, Equatable {
    /// Each feature's weight: words, and word pairs written `first_second`.
    package var weights: [String: Double]
    /// The score of a message with no known feature.
    package var bias: Double
    /// The probability at or above which a message is flagged.
    package var threshold: Double
    /// The category a flagged message is counted and answered as.
    package var category: String
    /// Below this probability a rule's disclosure is doubted: a confident charter answer may win
    /// over it (`@doubt`; nil: never).
    package var doubtBelow: Double?
    /// Where the model was read from.
    package var location: SourceLocation

    /// The probability that `message` discloses harm; `textSpeak` expands short forms as the
    /// trainer did. Asked of every message no rule matched, so it only sums weights.
    package func probability(of message: String, textSpeak: [String: String]) -> Double {
        var sum = bias
        for feature in Self.features(of: message, textSpeak: textSpeak) { sum += weights[feature] ?? 0 }
        return 1 / (1 + exp(-min(30, max(-30, sum))))
    }

    /// The features of `message` that raise its probability most, strongest first (for `--explain`
    /// and the signal's words).
    package func strongest(in message: String, textSpeak: [String: String], count: Int = 4) -> [String] {
        Self.features(of: message, textSpeak: textSpeak)
            .compactMap { feature in weights[feature].flatMap { $0 > 0 ? (feature, $0) : nil } }
            .sorted { $0.1 > $1.1 }.prefix(count).map(\.0)
    }

    /// The message's words, and each pair of neighbouring words written `first_second`.
    static func features(of message: String, textSpeak: [String: String]) -> Set<String> {
        let words = Self.words(of: message, textSpeak: textSpeak)
        var features = Set(words)
        for index in words.indices.dropLast() { features.insert(words[index] + "_" + words[index + 1]) }
        return features
    }

    /// The message's words as the trainer makes them: folded (lower case, accents dropped),
    /// apostrophes dropped, runs of letters and digits, text speak expanded.
    static func words(of message: String, textSpeak: [String: String]) -> [String] {
        var words: [String] = []
        var current = ""
        func end() {
            guard !current.isEmpty else { return }
            if let long = textSpeak[current] {
                words += long.split(separator: " ").map(String.init)
            } else {
                words.append(current)
            }
            current = ""
        }
        for scalar in TextFolder.fold(message).unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": current.unicodeScalars.append(scalar)
            case "'": continue
            default: end()
            }
        }
        end()
        return words
    }

    /// Reads `safeguarding-model.txt`: `@bias`, `@threshold` and `@category` lines, then `feature
    /// weight` lines; `#` starts a comment. Returns the problems with their lines.
    static func parse(_ text: String, file: String) -> (SafeguardingModel?, [(line: Int, message: String)]) {
        var weights: [String: Double] = [:]
        weights.reserveCapacity(text.utf8.count / 18)
        var bias: Double?
        var threshold: Double?
        var category: String?
        var doubt: Double?
        var problems: [(Int, String)] = []
        // Read as UTF-8 bytes: the file holds tens of thousands of lines, and splitting it into
        // Substrings of Characters was a sixth of a cold start.
        var text = text
        text.withUTF8 { bytes in
            var number = 0
            var start = 0
            while start < bytes.count {
                number += 1
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                defer { start = end + 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if line.isEmpty || line[0] == UInt8(ascii: "#") { continue }
                let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    problems.append((number, "expected 'feature weight'"))
                    continue
                }
                let key = String(decoding: parts[0], as: UTF8.self)
                let field = String(decoding: parts[1], as: UTF8.self)
                if key == "@category" {
                    category = field
                    continue
                }
                guard let value = Double(field) else {
                    problems.append((number, "'\(field)' is not a number"))
                    continue
                }
                switch key {
                case "@bias": bias = value
                case "@threshold": threshold = value
                case "@doubt": doubt = value
                default: weights[key] = value
                }
            }
        }
        guard let bias, let threshold, let category else {
            problems.append((1, "the model needs '@bias', '@threshold' and '@category' lines"))
            return (nil, problems)
        }
        return (
            SafeguardingModel(
                weights: weights, bias: bias, threshold: threshold, category: category, doubtBelow: doubt,
                location: SourceLocation(file: file, line: 1, column: 1)),
            problems
        )
    }
}

// MARK: - Archive

extension SafeguardingModel: Archivable {
    package init(from archive: inout ArchiveReader) throws(ArchiveReader.Damage) {
        self.init(
            weights: try archive.read(), bias: try archive.read(), threshold: try archive.read(),
            category: try archive.read(), doubtBelow: try archive.read(), location: try archive.read())
    }

    package func write(to archive: inout ArchiveWriter) {
        archive.write(weights)
        archive.write(bias)
        archive.write(threshold)
        archive.write(category)
        archive.write(doubtBelow)
        archive.write(location)
    }
}
