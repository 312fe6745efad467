import Testing

@testable import Knowledge

@Suite struct MarkdownTextTests {
    @Test(arguments: [
        ("We **will** listen", "We will listen"),
        ("We __will__ listen to *you*", "We will listen to you"),
        ("Read [our plan](https://example.org/plan) first", "Read our plan first"),
        ("See ![the logo](logo.png) here", "See the logo here"),
        ("Use `plain` words", "Use plain words"),
        ("Families &amp; carers &ndash; together", "Families & carers – together"),
        ("We&rsquo;ll listen&#33;", "We’ll listen!"),
        ("Line<br>break and <strong>bold</strong>", "Line break and bold"),
        ("Write to <mailto:send@example.org>", "Write to send@example.org"),
        ("Visit <https://example.org>", "Visit https://example.org"),
        ("1\\. not a list, a \\*star\\*", "1. not a list, a *star*"),
        ("a file_name stays, _emphasis_ goes", "a file_name stays, emphasis goes"),
        ("ages 0 < 25 and 5 > 3", "ages 0 < 25 and 5 > 3"),
        ("Tom & Jerry; [not a link] here", "Tom & Jerry; [not a link] here"),
        ("nothing to do here", "nothing to do here"),
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
        ("2024. A year", "2024. A year"),
    ])
    func headingsLoseTheirNumbers(_ heading: String, _ expected: String) {
        #expect(MarkdownText.withoutOrdinal(heading) == expected)
    }

    /// A charter copied from a web page: numbered headings, Markdown in its words, other bullets.
    @Test func theParserReadsTheWordsNotTheMarkup() throws {
        let text = """
            # Our **SEND** Charter
            Written with [young people](https://example.org/yp) &amp; families.
            ## 1. Listening
            + We **will** listen to you
            1. We will act on *what you say*
            ## 2) Respect
            • We will value your views
            """
        let charter = try CharterParser.parse(text, file: "charter.md")
        #expect(charter.title == "Our SEND Charter")
        #expect(charter.introduction.map(\.text) == ["Written with young people & families."])
        #expect(charter.cornerstones.map(\.title) == ["Listening", "Respect"])
        #expect(charter.cornerstones.map(\.id) == ["listening", "respect"])
        #expect(
            charter.cornerstone(id: "listening")?.commitments.map(\.text) == [
                "We will listen to you", "We will act on what you say",
            ])
        #expect(charter.cornerstone(id: "respect")?.commitments.map(\.text) == ["We will value your views"])
    }

    /// Sub-list headings copied as a bold line or a line ending with a colon, not `### `.
    @Test func boldLinesAndColonsAfterItemsHeadLists() throws {
        let text = """
            # Charter
            ## Listening
            We will:
            - listen to you
            You will see that:
            - people feel heard
            ## Respect
            **We will**
            - respect you
            **What you will notice:**
            - people feel respected
            """
        let charter = try CharterParser.parse(text, file: "charter.md")
        let listening = try #require(charter.cornerstone(id: "listening"))
        #expect(listening.description.map(\.text) == ["We will:"])
        #expect(listening.commitments.map(\.text) == ["listen to you"])
        #expect(listening.outcomes.map(\.text) == ["people feel heard"])
        let respect = try #require(charter.cornerstone(id: "respect"))
        #expect(respect.description.isEmpty)
        #expect(respect.commitments.map(\.text) == ["respect you"])
        #expect(respect.outcomes.map(\.text) == ["people feel respected"])
    }
}
