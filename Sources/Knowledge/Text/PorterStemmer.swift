/// The Porter stemming algorithm (M.F. Porter, 1980, "An algorithm for suffix stripping"), written
/// from the published description so that "listening", "listened" and "listens" all become "listen",
/// with one rule of Porter's later English stemmer: "-ly" goes after the letters it lists, so that
/// "promptly" meets "prompt"; and "-ification" is read as "-ify" first, so that "identification"
/// meets "identifying" and "clarification" meets "clarify".
///
/// Words that are not plain ASCII letters, or shorter than three letters, are returned unchanged.
public enum PorterStemmer {
    /// Returns the stem of a lower-case word.
    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.count > 2, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        for suffix in [Array("ifications".utf8), Array("ification".utf8)]
        where bytes.count > suffix.count + 2 && bytes.suffix(suffix.count).elementsEqual(suffix) {
            bytes = bytes.dropLast(suffix.count) + Array("ify".utf8)
            break
        }
        var stemmer = Stemmer(b: bytes)
        stemmer.run()
        bytes = Array(stemmer.b[0...stemmer.k])
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The algorithm's state: the buffer `b`, its last index `k` and the stem boundary `j`.
private struct Stemmer {
    var b: [UInt8]
    var k: Int
    var j: Int = 0

    init(b: [UInt8]) {
        self.b = b
        self.k = b.count - 1
    }

    mutating func run() {
        step1ab()
        if k > 0 {
            step1c()
            step2()
            step3()
            step4()
            step5()
        }
    }

    // MARK: Measures

    /// True when b[i] is a consonant.
    func cons(_ i: Int) -> Bool {
        switch b[i] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"):
            return false
        case UInt8(ascii: "y"):
            return i == 0 ? true : !cons(i - 1)
        default:
            return true
        }
    }

    /// The number of consonant sequences between 0 and j: [C](VC)^m[V].
    func m() -> Int {
        var n = 0
        var i = 0
        while true {
            if i > j { return n }
            if !cons(i) { break }
            i += 1
        }
        i += 1
        while true {
            while true {
                if i > j { return n }
                if cons(i) { break }
                i += 1
            }
            i += 1
            n += 1
            while true {
                if i > j { return n }
                if !cons(i) { break }
                i += 1
            }
            i += 1
        }
    }

    /// True when 0...j contains a vowel.
    func vowelInStem() -> Bool {
        guard j >= 0 else { return false }
        for i in 0...j where !cons(i) { return true }
        return false
    }

    /// True when j, j-1 are the same consonant.
    func doubleConsonant(_ j: Int) -> Bool {
        guard j >= 1, b[j] == b[j - 1] else { return false }
        return cons(j)
    }

    /// True when i-2, i-1, i is consonant-vowel-consonant and the last is not w, x or y.
    func cvc(_ i: Int) -> Bool {
        guard i >= 2, cons(i), !cons(i - 1), cons(i - 2) else { return false }
        let ch = b[i]
        return ch != UInt8(ascii: "w") && ch != UInt8(ascii: "x") && ch != UInt8(ascii: "y")
    }

    /// True when 0...k ends with `s`; sets j to the index before the suffix.
    mutating func ends(_ s: String) -> Bool {
        let suffix = Array(s.utf8)
        let length = suffix.count
        guard length <= k + 1 else { return false }
        if b[k] != suffix[length - 1] { return false }
        let start = k - length + 1
        for index in 0..<length where b[start + index] != suffix[index] { return false }
        j = k - length
        return true
    }

    /// Replaces j+1...k with `s`.
    mutating func setTo(_ s: String) {
        let replacement = Array(s.utf8)
        b.removeSubrange((j + 1)..<(k + 1))
        b.insert(contentsOf: replacement, at: j + 1)
        k = j + replacement.count
    }

    mutating func r(_ s: String) {
        if m() > 0 { setTo(s) }
    }

    // MARK: Steps

    /// Plurals and -ed or -ing.
    mutating func step1ab() {
        if b[k] == UInt8(ascii: "s") {
            if ends("sses") {
                k -= 2
            } else if ends("ies") {
                setTo("i")
            } else if k >= 1 && b[k - 1] != UInt8(ascii: "s") {
                k -= 1
            }
        }
        if ends("eed") {
            if m() > 0 { k -= 1 }
        } else if (ends("ed") || ends("ing")) && vowelInStem() {
            k = j
            if ends("at") {
                setTo("ate")
            } else if ends("bl") {
                setTo("ble")
            } else if ends("iz") {
                setTo("ize")
            } else if doubleConsonant(k) {
                k -= 1
                let ch = b[k]
                if ch == UInt8(ascii: "l") || ch == UInt8(ascii: "s") || ch == UInt8(ascii: "z") { k += 1 }
            } else if m() == 1 && cvc(k) {
                j = k
                setTo("e")
            }
        }
    }

    /// Terminal y to i when there is another vowel in the stem.
    mutating func step1c() {
        if ends("y") && vowelInStem() { b[k] = UInt8(ascii: "i") }
    }

    /// Letters before which "-li" (from "-ly") is an ending to drop, as in Porter's later English
    /// stemmer (Snowball): "promptly" → "prompt", but "family" and "reply" stay.
    static let liEndings: Set<UInt8> = Set("cdeghkmnrt".utf8)
    /// What is left of words whose "-ly" is not an ending: "early", "only", "ugly", "idly", "singly"
    /// (Snowball's exceptions).
    static let keptBeforeLi = Set(["ear", "on", "ug", "id", "sing"].map { Array($0.utf8) })
    /// "friendly" and "unfriendly" are not "friend".
    static let friend = Array("friend".utf8)

    /// True when b[0...j] is a stem whose "-ly" stays.
    func keepsLi() -> Bool {
        let stem = Array(b[0...j])
        return Self.keptBeforeLi.contains(stem) || stem.suffix(Self.friend.count).elementsEqual(Self.friend)
    }

    /// Double suffixes to single ones ("-ization" → "-ize").
    mutating func step2() {
        guard k >= 1 else { return }
        switch b[k - 1] {
        case UInt8(ascii: "a"):
            if ends("ational") { r("ate") } else if ends("tional") { r("tion") }
        case UInt8(ascii: "c"):
            if ends("enci") { r("ence") } else if ends("anci") { r("ance") }
        case UInt8(ascii: "e"):
            if ends("izer") { r("ize") }
        case UInt8(ascii: "l"):
            if ends("bli") {
                r("ble")
            } else if ends("alli") {
                r("al")
            } else if ends("entli") {
                r("ent")
            } else if ends("eli") {
                r("e")
            } else if ends("ousli") {
                r("ous")
            } else if ends("li"), j >= 0, Self.liEndings.contains(b[j]), !keepsLi() {
                r("")
            }
        case UInt8(ascii: "o"):
            if ends("ization") { r("ize") } else if ends("ation") { r("ate") } else if ends("ator") { r("ate") }
        case UInt8(ascii: "s"):
            if ends("alism") {
                r("al")
            } else if ends("iveness") {
                r("ive")
            } else if ends("fulness") {
                r("ful")
            } else if ends("ousness") {
                r("ous")
            }
        case UInt8(ascii: "t"):
            if ends("aliti") { r("al") } else if ends("iviti") { r("ive") } else if ends("biliti") { r("ble") }
        case UInt8(ascii: "g"):
            if ends("logi") { r("log") }
        default:
            break
        }
    }

    /// -ic-, -full, -ness and the like.
    mutating func step3() {
        switch b[k] {
        case UInt8(ascii: "e"):
            if ends("icate") { r("ic") } else if ends("ative") { r("") } else if ends("alize") { r("al") }
        case UInt8(ascii: "i"):
            if ends("iciti") { r("ic") }
        case UInt8(ascii: "l"):
            if ends("ical") { r("ic") } else if ends("ful") { r("") }
        case UInt8(ascii: "s"):
            if ends("ness") { r("") }
        default:
            break
        }
    }

    /// -ant, -ence and the like, where the measure is above one.
    mutating func step4() {
        guard k >= 1 else { return }
        var matched = false
        switch b[k - 1] {
        case UInt8(ascii: "a"): matched = ends("al")
        case UInt8(ascii: "c"): matched = ends("ance") || ends("ence")
        case UInt8(ascii: "e"): matched = ends("er")
        case UInt8(ascii: "i"): matched = ends("ic")
        case UInt8(ascii: "l"): matched = ends("able") || ends("ible")
        case UInt8(ascii: "n"): matched = ends("ant") || ends("ement") || ends("ment") || ends("ent")
        case UInt8(ascii: "o"):
            if ends("ion") && j >= 0 && (b[j] == UInt8(ascii: "s") || b[j] == UInt8(ascii: "t")) {
                matched = true
            } else {
                matched = ends("ou")
            }
        case UInt8(ascii: "s"): matched = ends("ism")
        case UInt8(ascii: "t"): matched = ends("ate") || ends("iti")
        case UInt8(ascii: "u"): matched = ends("ous")
        case UInt8(ascii: "v"): matched = ends("ive")
        case UInt8(ascii: "z"): matched = ends("ize")
        default: matched = false
        }
        if matched && m() > 1 { k = j }
    }

    /// A final -e, and -ll to -l, where the measure allows.
    mutating func step5() {
        j = k
        if b[k] == UInt8(ascii: "e") {
            let a = m()
            if a > 1 || (a == 1 && !cvc(k - 1)) { k -= 1 }
        }
        if b[k] == UInt8(ascii: "l") && doubleConsonant(k) && m() > 1 { k -= 1 }
    }
}
