import Foundation

/// Folds text to one comparable form, so that "Co‑Production!!!", "co-production" and "CO-PRODUCTION" meet.
///
/// Folding lower-cases, removes accents, turns curly quotes into straight ones, every Unicode dash or
/// hyphen into `-`, every kind of space into one ASCII space, and squeezes repeated punctuation.
public enum TextFolder {
    /// Returns `text` folded for matching (see the type's description).
    public static func fold(_ text: String) -> String {
        foldASCII(text) ?? foldScalars(text)
    }

    /// The general folding, scalar by scalar; ``fold(_:)`` uses it for text that is not pure ASCII.
    package static func foldScalars(_ text: String) -> String {
        let lowered = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var output = String.UnicodeScalarView()
        output.reserveCapacity(lowered.unicodeScalars.count)
        var lastWasSpace = true
        var lastPunctuation: Unicode.Scalar?
        for scalar in lowered.unicodeScalars {
            let mapped = map(scalar)
            guard let mapped else { continue }
            if mapped == " " {
                if !lastWasSpace { output.append(" ") }
                lastWasSpace = true
                lastPunctuation = nil
                continue
            }
            if isRepeatablePunctuation(mapped) {
                if lastPunctuation == mapped { continue }
                lastPunctuation = mapped
            } else {
                lastPunctuation = nil
            }
            output.append(mapped)
            lastWasSpace = false
        }
        if output.last == " " { output.removeLast() }
        return String(output)
    }

    /// The same folding for pure ASCII text, byte by byte (most messages): nil for any other text.
    private static func foldASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var output = [UInt8]()
            output.reserveCapacity(bytes.count)
            var lastWasSpace = true
            var lastPunctuation: UInt8 = 0
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                var mapped = byte
                switch byte {
                case 0x41...0x5A: mapped = byte | 0x20
                case 0x60: mapped = 0x27  // ` → '
                case 0x00...0x20, 0x7F: mapped = 0x20  // controls and whitespace → space
                default: break
                }
                if mapped == 0x20 {
                    if !lastWasSpace { output.append(0x20) }
                    lastWasSpace = true
                    lastPunctuation = 0
                    continue
                }
                if isRepeatablePunctuation(Unicode.Scalar(mapped)) {
                    if lastPunctuation == mapped { continue }
                    lastPunctuation = mapped
                } else {
                    lastPunctuation = 0
                }
                output.append(mapped)
                lastWasSpace = false
            }
            if output.last == 0x20 { output.removeLast() }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Maps one scalar to its folded form, or `nil` to drop it (controls, zero-width marks).
    private static func map(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0x0060, 0x00B4: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D, 0x00AD: return "-"
        // Zero-width characters, and skin-tone modifiers (which Foundation's folding keeps or
        // drops depending on what precedes them).
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x1F3FB...0x1F3FF: return nil
        case 0x2026: return "."
        default: break
        }
        // ASCII needs no look-up of Unicode properties: its only spaces and controls are these.
        if scalar.isASCII { return scalar.value <= 0x20 || scalar.value == 0x7F ? " " : scalar }
        let properties = scalar.properties
        if properties.isWhitespace { return " " }
        switch properties.generalCategory {
        case .control, .format, .surrogate, .unassigned: return " "
        case .nonspacingMark, .enclosingMark: return nil
        default: return scalar
        }
    }

    private static func isRepeatablePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "!", "?", ".", ",", "-", "'", "\"", "*", "~", "_", ";", ":": return true
        default: return false
        }
    }
}
