extension String {
    /// The first `count` characters, or the whole string without walking it when its UTF-8 is no
    /// longer than that (a character is at least one byte).
    func leading(_ count: Int) -> String {
        utf8.count <= count ? self : String(prefix(count))
    }
}
