import Testing

@testable import Knowledge

@Suite struct MarkdownTextTests {
    @Test(arguments: [
        ("We **will** listen", "We will listen"),
        ("We __will__ listen to *you*", "We will listen to you"),
        ("Read [our plan](https://example.org/plan) first", "Read our plan first"),
        ("See ![the logo](logo.png) here", "See here"),
        ("[![logo](logo.png) Our charter](https://example.org/a_(b))", "Our charter"),
        ("we`ll listen", "we'll listen"), ("a hard\\ break\\", "a hard break"),
        ("&bull; one &middot; two &copy; &#X41;&shy;b &#0;", "• one · two © Ab &#0;"),
        ("Use `plain` words", "Use plain words"),
        ("Families &amp; carers &ndash; together", "Families & carers – together"),
        ("We&rsquo;ll listen&#33;", "We’ll listen!"),
        ("Line<br>break and <strong>bold</strong>", "Line break and bold"),
        ("Write to <mailto:send@example.org>", "Write to send@example.org"),
        ("Visit <https://example.org>", "Visit https://example.org"),
        ("Email <send@example.gov.uk>", "Email send@example.gov.uk"),
        ("1\\. not a list, a \\*star\\*", "1. not a list, a *star*"),
        ("a file_name stays, _emphasis_ goes", "a file_name stays, emphasis goes"),
        ("ages 0 < 25 and 5 > 3", "ages 0 < 25 and 5 > 3"),
        ("Tom & Jerry; [not a link] here", "Tom & Jerry; [not a link] here"),
        ("nothing to do here", "nothing to do here"),
        ("See www.example.gov.uk/_layouts/send_page now", "See www.example.gov.uk/_layouts/send_page now"),
        (
            "Go to https://example.org/_a_/b_ (or **www.example.org/_x**)",
            "Go to https://example.org/_a_/b_ (or www.example.org/_x)"
        ),
        ("See [our plan][1] and [this][]", "See our plan and this"),
        ("At www.example.gov.uk/send\\_local\\_offer?a=1&amp;b=2", "At www.example.gov.uk/send_local_offer?a=1&b=2"),
    ])
    func plainText(_ markdown: String, _ expected: String) {
        #expect(MarkdownText.plain(markdown) == expected)
    }

    @Test(arguments: [
        ("1. Listening", "Listening"), ("2) Respect", "Respect"), ("3: Be honest", "Be honest"),
        ("4 - Work together", "Work together"), ("IV. Partnership", "Partnership"),
        ("Principle 3: Honesty", "Honesty"), ("Value 2 – Include", "Include"),
        ("2-way communication", "2-way communication"), ("1.5 hours of talk", "1.5 hours of talk"),
        ("Welcome and Care", "Welcome and Care"), ("I will listen", "I will listen"), ("1.", "1."),
        ("2024. A year", "2024. A year"), ("16 - 25: Preparing for adulthood", "16 - 25: Preparing for adulthood"),
        ("Ages 0 - 25", "Ages 0 - 25"), ("V – Valued", "V – Valued"), ("iv) Partnership", "Partnership"),
        ("2.1 Listening", "Listening"), ("1.2. Respect", "Respect"), ("1.5 hours of talk", "1.5 hours of talk"),
    ])
    func headingsLoseTheirNumbers(_ heading: String, _ expected: String) {
        #expect(MarkdownText.withoutOrdinal(heading) == expected)
    }
}
