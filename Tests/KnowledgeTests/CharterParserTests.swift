import Foundation
import Testing

@testable import Knowledge

@Suite struct CharterParserTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func projectCharter() throws -> Charter {
        let path = Self.packageRoot.appendingPathComponent("intents/stoke-on-trent/charter.md").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try CharterParser.parse(text, file: path)
    }

    @Test func readsTheProjectsTranscription() throws {
        let charter = try projectCharter()
        #expect(
            charter.cornerstones.map(\.title) == [
                "Welcome and Care", "Value and Include", "Communicate", "Work in Partnership",
            ])
        #expect(
            charter.cornerstones.map(\.id) == [
                "welcome-and-care", "value-and-include", "communicate", "work-in-partnership",
            ])
        #expect(charter.cornerstones.allSatisfy { $0.commitments.count == 3 })
        #expect(charter.cornerstones.map(\.outcomes.count) == [9, 8, 9, 8])
        #expect(charter.introduction.count == 2)
        #expect(
            charter.statement(id: "communicate.o3")?.text
                == "We will give space and breaks when communicating with others if they need it")
        #expect(charter.cornerstone(containing: "value-and-include.c2")?.title == "Value and Include")
    }

    /// Every bullet of the full (authoritative) sections of the supplied charter appears exactly once,
    /// word for word; the summary's repeats and misplaced headings do not leak in.
    @Test func matchesTheSuppliedCharterWordForWord() throws {
        // A copy of the charter as supplied is kept as a fixture, so a clone of the repository alone
        // runs this test; where the supplied original sits beside the checkout, the copy must match it.
        let fixture = try #require(
            Bundle.module.url(forResource: "charter-as-supplied", withExtension: "md", subdirectory: "Fixtures"))
        let text = try String(contentsOf: fixture, encoding: .utf8)
        let original = Self.packageRoot.deletingLastPathComponent().appendingPathComponent(
            "shared/charter/charter-as-supplied.md")
        if let supplied = try? String(contentsOf: original, encoding: .utf8) {
            #expect(
                supplied == text, "Tests/KnowledgeTests/Fixtures/charter-as-supplied.md differs from \(original.path)")
        }
        let full = text.components(separatedBy: "In adopting this co-production charter, we will:").last ?? ""
        let bullets = full.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("- ") }
            .map { String($0.dropFirst(2)).replacingOccurrences(of: "**", with: "") }
        #expect(bullets.count == 46)
        let statements = try projectCharter().cornerstones.flatMap { $0.commitments + $0.outcomes }.map(\.text)
        #expect(statements == bullets)
        #expect(Set(statements).count == statements.count)
    }

    /// A charter of one part lists that part's statements as its parts; one of several lists none.
    @Test func aCharterOfOnePartListsItsStatements() throws {
        let one = try CharterParser.parse("# One\nIntro.\n## Values\n- First.\n- Second.", file: "one.md")
        #expect(one.listedStatements?.map(\.text) == ["First.", "Second."])
        let two = try CharterParser.parse("# Two\nIntro.\n## Kind\n- First.\n## Fair\n- Second.", file: "two.md")
        #expect(two.listedStatements == nil)
    }

    /// An introduction that lists the parts names each by its title, or nearly; any other
    /// statement names none.
    @Test func anIntroductionsItemNamesThePartItIsTheTitleOf() throws {
        let charter = try CharterParser.parse(
            """
            # Anytown's charter
            We made this charter with families, and it starts at ideas and works together for everyone.
            - Starts at ideas
            - Everybody's contribution is equally valued and respected
            - Welcome
            ## Starts at the conception of ideas
            - What is actually happening?
            ## Everybody's contribution is equally respected
            - Being heard
            ## Welcome and care
            - Doors will be open
            """, file: "anytown.md")
        let named = charter.introduction.map { charter.cornerstone(namedBy: $0)?.id }
        #expect(
            named == [nil, "starts-at-the-conception-of-ideas", "everybody-s-contribution-is-equally-respected", nil])
        #expect(charter.cornerstones.allSatisfy { charter.cornerstone(namedBy: $0.statements[0]) == nil })
    }

    @Test func reportsEveryProblemWithItsLine() {
        let text = """
            stray words before the title
            # Title
            Some words.
            ## Welcome and Care
            ### We will
            - We will do a thing
            - We will do a thing
            stray prose inside a list
            ## Empty part
            #### too deep
            """
        do {
            _ = try CharterParser.parse(text, file: "charter.md")
            Issue.record("a broken charter was accepted")
        } catch {
            let lines = error.diagnostics.map(\.line)
            #expect(lines.contains(1))  // text before the title
            #expect(lines.contains(7))  // duplicate statement
            #expect(lines.contains(8))  // a paragraph inside a list
            #expect(lines.contains(9))  // a part with no text
            #expect(lines.contains(10))  // unsupported heading
            #expect(error.description.contains("charter.md:9:1: error: part 'Empty part' has no text"))
            #expect(
                error.description.contains("charter.md:8:1: error: a paragraph inside a list of 'Welcome and Care'"))
        }
    }

    /// The general format: an introduction straight after the title, parts with a paragraph, with
    /// items straight under the heading, or with sub-lists of any name.
    @Test func readsTheGeneralFormat() throws {
        let text = """
            # Our Charter
            Why we wrote it.

            - a point in the introduction
            ## Listen
            We listen to each other.
            ### What this looks like
            - People feel heard
            ## Be honest
            - We say what we can do
            - We say what we cannot do
            ## Share power
            ### We do this by
            - Deciding together
            ### You will see that
            - Decisions are made together
            ## Be kind
            ### What you'll notice
            - People are kind
            """
        let charter = try CharterParser.parse(text, file: "charter.md")
        #expect(charter.title == "Our Charter")
        #expect(charter.introduction.map(\.id) == ["introduction.p1", "introduction.p2"])
        #expect(charter.introduction.map(\.text) == ["Why we wrote it.", "a point in the introduction"])
        #expect(charter.cornerstones.map(\.id) == ["listen", "be-honest", "share-power", "be-kind"])
        let listen = try #require(charter.cornerstone(id: "listen"))
        #expect(listen.description.map(\.id) == ["listen.p1"])
        #expect(listen.outcomes.map(\.text) == ["People feel heard"])
        #expect(listen.promises.map(\.text) == ["We listen to each other."])
        #expect(charter.cornerstone(id: "be-honest")?.commitments.map(\.id) == ["be-honest.c1", "be-honest.c2"])
        #expect(charter.cornerstone(id: "share-power")?.commitments.map(\.text) == ["Deciding together"])
        #expect(charter.cornerstone(id: "share-power")?.outcomes.map(\.id) == ["share-power.o1"])
        #expect(charter.cornerstone(containing: "listen.p1")?.id == "listen")
        #expect(charter.cornerstone(id: "be-kind")?.outcomes.map(\.id) == ["be-kind.o1"])
        #expect(charter.allStatements.count == 9)
    }

    /// Two councils' published charters, written in the general format (`Tests/Fixtures/councils`):
    /// values each with a paragraph, and a single list.
    @Test(arguments: [("stockton-on-tees", 5, 0, 3), ("bcp", 1, 7, 1)])
    func readsOtherCouncilsCharters(council: String, parts: Int, listed: Int, introduction: Int) throws {
        let path = Self.packageRoot.appendingPathComponent("Tests/Fixtures/councils/\(council)/charter.md").path
        let charter = try CharterParser.parse(try String(contentsOfFile: path, encoding: .utf8), file: path)
        #expect(charter.cornerstones.count == parts)
        #expect(charter.cornerstones.reduce(0) { $0 + $1.commitments.count } == listed)
        #expect(charter.introduction.count == introduction)
        #expect(charter.cornerstones.allSatisfy { !$0.promises.isEmpty })
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
        #expect(listening.description.isEmpty)
        #expect(listening.commitments.map(\.text) == ["listen to you"])
        #expect(listening.outcomes.map(\.text) == ["people feel heard"])
        let respect = try #require(charter.cornerstone(id: "respect"))
        #expect(respect.description.isEmpty)
        #expect(respect.commitments.map(\.text) == ["respect you"])
        #expect(respect.outcomes.map(\.text) == ["people feel respected"])
    }

    /// Lines that head no list keep their words: a bold statement, a part name written without
    /// `## `, a sentence ending with a colon; a line of markup only or a thematic break is a gap.
    @Test func linesThatHeadNoListKeepTheirWords() throws {
        let text = """
            # Charter
            ![](banner.png)

            * * *
            ## Listening
            **Every child is welcome.**
            - listen to you
            ## Writing
            - write clearly
            **Listening**
            They will write to you by:
            - letter
            """
        let charter = try CharterParser.parse(text, file: "charter.md")
        #expect(charter.introduction.isEmpty)
        #expect(charter.cornerstone(id: "listening")?.description.map(\.text) == ["Every child is welcome."])
        #expect(charter.cornerstone(id: "listening")?.commitments.map(\.text) == ["listen to you"])
        let writing = try #require(charter.cornerstone(id: "writing"))
        #expect(writing.description.map(\.text) == ["Listening They will write to you by:"])
        #expect(writing.commitments.map(\.text) == ["write clearly", "letter"])
    }

    /// What a charter copied from a web page or a PDF carries around its items: nested items, lines
    /// broken mid-sentence, a quote and who said it, and links written apart from their text.
    @Test func nestedItemsBrokenLinesQuotesAndLinkDefinitions() throws {
        let text = """
            # Charter
            We wrote this with [families][1].

            > "Nothing about us without us."
            – a young person

            [1]: https://www.example.gov.uk/families
            ## Listening
            - We will listen to you
              - in meetings
              - online
            - We will make sure that everyone
            is heard
            - We will promise to:
                * reply;
                * explain
            - We will check www.example.gov.uk/send_local_offer often
            ## Respect
            1. We will respect you
               * even when we disagree

            - We will say sorry
            **We will**
            - keep to time
            """
        let charter = try CharterParser.parse(text, file: "charter.md")
        #expect(
            charter.introduction.map(\.text) == [
                "We wrote this with families.", "\"Nothing about us without us.\" – a young person",
            ])
        #expect(
            charter.cornerstone(id: "listening")?.commitments.map(\.text) == [
                "We will listen to you: in meetings; online", "We will make sure that everyone is heard",
                "We will promise to: reply; explain", "We will check www.example.gov.uk/send_local_offer often",
            ])
        #expect(charter.cornerstone(id: "listening")?.commitments.map(\.line) == [9, 12, 14, 17])
        #expect(
            charter.cornerstone(id: "respect")?.commitments.map(\.text) == [
                "We will respect you: even when we disagree", "We will say sorry", "keep to time",
            ])
    }

    /// The introduction's own headings (`### ` or a line wholly in bold) and a number before the
    /// title are not the charter's words; a bold sentence is.
    @Test func headingsInTheIntroductionAndTheTitlesNumberAreLeftOut() throws {
        let text = """
            # 11. The Lancashire promise
            We want you to hold us to account.

            **What do our promises mean?**
            They are how we work.

            ### Why we wrote it
            **Every child matters.**

            **We put children first**
            ## Listening
            - We listen
            ## Closing
            **Thank you:**

            We will review it.
            When you talk to us:
            – we reply
            – we explain
            > We listen.
            – a parent
            """
        let charter = try CharterParser.parse(text, file: "charter.md")
        #expect(charter.title == "The Lancashire promise")
        #expect(
            charter.introduction.map(\.text) == [
                "We want you to hold us to account.", "They are how we work.", "Every child matters.",
                "We put children first",
            ])
        #expect(
            charter.closing.map(\.text) == [
                "We will review it. When you talk to us:", "we reply", "we explain", "We listen. – a parent",
            ])
        // "### We will" there is a part's list written before its part: still an error.
        #expect(throws: ContentErrors.self) {
            try CharterParser.parse("# C\nWhy.\n### We will\n- listen\n## Kind\n- Be kind.", file: "charter.md")
        }
    }

    /// Nested lists as web pages write them: an item in bold heads a sub-list; parents that open
    /// alike are told apart by what is nested under them; lettered items nest; a link broken over
    /// two lines is read whole.
    @Test func nestedListsAsWebPagesWriteThem() throws {
        let text = """
            # Charter
            ## Listening
            - **We will**
              - listen to you
              - reply in time
            - **You will see that**
              - people listen
            ## Respect
            - We will make sure that:
              - you are heard
            - We will make sure that:
              - you are respected
            - We will read our [local
              offer](https://example.org/offer) with you
            1. We will meet you
               a) at school
               b) at home
            """
        let charter = try CharterParser.parse(text, file: "charter.md")
        let listening = try #require(charter.cornerstone(id: "listening"))
        #expect(listening.commitments.map(\.text) == ["listen to you", "reply in time"])
        #expect(listening.outcomes.map(\.text) == ["people listen"])
        #expect(
            charter.cornerstone(id: "respect")?.commitments.map(\.text) == [
                "We will make sure that: you are heard", "We will make sure that: you are respected",
                "We will read our local offer with you", "We will meet you: at school; at home",
            ])
    }

    /// A page copied as text: a paragraph a line with no blank lines, headings among them (left
    /// out), a line broken mid-sentence, and a short label under each part.
    @Test func aParagraphALineIsReadAsAStatementALine() throws {
        let text = """
            # Charter
            In 2025 we began this work.
            A Charter Built on Collaboration
            The charter was made with families.
            We work with
            Anytown schools and colleges.
            ## Therapies
            We plan therapy with families.
            Target: September 2026
            ## Reviews
            We review plans together.
            Target: September 2026
            """
        let charter = try CharterParser.parse(text, file: "charter.md")
        #expect(
            charter.introduction.map(\.text) == [
                "In 2025 we began this work.", "The charter was made with families.",
                "We work with Anytown schools and colleges.",
            ])
        #expect(
            charter.cornerstone(id: "reviews")?.description.map(\.text) == [
                "We review plans together.", "Target: September 2026",
            ])
        // Where the file has blank lines it is Markdown: a paragraph's lines, a quote's lines and a
        // link on a line of its own are one statement; a short item written twice is still refused.
        let markdown = try CharterParser.parse(
            """
            # Charter
            We made this with families.
            It took a year, see
            [the Local Offer](https://example.org/offer)
            for more.

            > “Before, nobody listened.
            > Now they ask us first.”
            ## Kind
            - Be kind
            """, file: "charter.md")
        #expect(
            markdown.introduction.map(\.text) == [
                "We made this with families. It took a year, see the Local Offer for more.",
                "“Before, nobody listened. Now they ask us first.”",
            ])
        #expect(throws: ContentErrors.self) {
            try CharterParser.parse("# C\n\n## Kind\n- Be kind\n## Fair\n- Be kind\n", file: "charter.md")
        }
    }

    /// Lines of the page around the charter are not its statements; a one-part charter's lead-in
    /// is not one of its listed items.
    @Test func pageFurnitureIsLeftOutAndALeadInIsNotListed() throws {
        let text = """
            # Charter
            We made this together.

            Download and print the SEND Co-production Charter (PDF, 791.1 KB)

            [Read pledge 2](https://example.org/pledge-2)
            ## Our messages
            The charter is split into two messages:
            - We listen to you
            - We are honest with you
            """
        let charter = try CharterParser.parse(text, file: "charter.md")
        #expect(charter.introduction.map(\.text) == ["We made this together."])
        #expect(charter.listedStatements?.map(\.text) == ["We listen to you", "We are honest with you"])
        #expect(charter.cornerstones[0].description.map(\.text) == ["The charter is split into two messages:"])
    }

    /// Headings a page shows in plain text (a short line that opens with a question word or is
    /// capitalised as a title, or any short question) are left out when a paragraph, another
    /// heading or a part's list follows them; before a list of the introduction they name it, and
    /// a part's or the file's last line is kept. "View … (PDF)", a download item with its size and
    /// an image's description are left out; a tagline, a sentence, a quote, a heading written over
    /// two lines and a list's items (even one that names a format) are kept. Every line left out is
    /// listed with its number, in order.
    @Test func plainHeadingsAndPageLinesAreLeftOutAndListed() throws {
        let text = """
            # Charter
            Our SEND Charter

            Why it matters

            We put children first

            We made this together.

            View the charter (PDF)

            image of three adults and a child

            Our Promise
            To You

            What is co-production

            - Working together
            - Shared in accessible formats (PDF, large print)
            - Download the easy read charter (PDF, 1.2 MB)

            Our Shared Vision

            **Who is it for?**

            > **Why does nobody ask me?**

            Our Cornerstones
            ## Kindness
            How will we do this?

            - We are kind to everyone.
            ## Honesty
            How will we do this?

            - We tell the truth.
            ## Voices
            What young people told us:

            Why does nobody ask me what I think?
            ## Closing
            Thank You For Reading
            """
        let charter = try CharterParser.parse(text, file: "charter.md")
        #expect(
            charter.introduction.map(\.text) == [
                "We put children first", "We made this together.", "Our Promise To You", "What is co-production",
                "Working together", "Shared in accessible formats (PDF, large print)", "Why does nobody ask me?",
            ])
        #expect(
            charter.cornerstones.map { $0.statements.map(\.text) } == [
                ["We are kind to everyone."], ["We tell the truth."],
                ["What young people told us:", "Why does nobody ask me what I think?"],
            ])
        #expect(charter.closing.map(\.text) == ["Thank You For Reading"])
        #expect(
            charter.leftOut.map { "\($0.line) \($0.text)" } == [
                "2 Our SEND Charter", "4 Why it matters", "10 View the charter (PDF)",
                "12 image of three adults and a child", "21 Download the easy read charter (PDF, 1.2 MB)",
                "23 Our Shared Vision", "25 Who is it for?", "29 Our Cornerstones", "31 How will we do this?",
                "35 How will we do this?",
            ])
        // A part whose only line reads as a heading keeps it.
        #expect(try CharterParser.parse("# C\n## Kind\nWhy?\n", file: "c.md").cornerstones[0].statements.count == 1)
        // A page copied as text, with no blank line: a line broken after a question word goes on.
        let copied = try CharterParser.parse(
            "# C\nWhen families and professionals work with\nSENDIASS, children do better.\n## Kind\n- Be kind.",
            file: "c.md")
        #expect(
            copied.introduction.map(\.text) == [
                "When families and professionals work with SENDIASS, children do better."
            ])
        #expect(copied.leftOut.isEmpty)
    }

    /// A list's heading written as a plain line under every part is refused as a statement written
    /// twice, with a hint to mark it as the list's heading.
    @Test func aPlainListHeadingUnderEveryPartIsRefusedWithAHint() throws {
        let text = "# C\nWe care.\n## Kind\nHow we will do this\n- Be kind.\n## Fair\nHow we will do this\n- Be fair."
        #expect {
            try CharterParser.parse(text, file: "c.md")
        } throws: { error in
            let problem = (error as? ContentErrors)?.diagnostics.first
            return problem?.line == 7
                && problem?.hint
                    == "if it heads the list below it, write it as '### How we will do this' under each part"
        }
        let marked = text.replacingOccurrences(of: "How we will do this", with: "### How we will do this")
        #expect(try CharterParser.parse(marked, file: "c.md").cornerstones.map(\.commitments.count) == [1, 1])
    }

    /// The edges of the heading rule: an introduction of one tagline is kept; a question ending
    /// the file is the page's; a download item with its size is left out even straight after a
    /// paragraph; a `### ` heading in words no list uses is noted, one in a list's words is not.
    @Test func theHeadingRulesEdges() throws {
        let tagline = try CharterParser.parse("# C\nTogether We Achieve More\n## Kind\n- Be kind.", file: "c.md")
        #expect(tagline.introduction.map(\.text) == ["Together We Achieve More"])
        let text = """
            # C
            We care.
            ## Kind
            You can download:
            - Download the charter (Word, 45 KB)
            - Be kind.
            ### What you can expect
            - Smiles
            ### Together we will
            - Help
            ### Value each other
            - Respect
            ## Closing
            We thank every family.

            Was this page helpful?
            """
        let charter = try CharterParser.parse(text, file: "c.md")
        #expect(
            charter.cornerstones[0].statements.map(\.text) == [
                "You can download:", "Be kind.", "Smiles", "Help", "Respect",
            ])
        #expect(charter.closing.map(\.text) == ["We thank every family."])
        #expect(charter.leftOut.map(\.line) == [5, 16])
        #expect(charter.otherSubListHeadings == [.init(line: 11, text: "Value each other")])
    }

    /// Heading-like lines in a row are settled together: all left out when a paragraph follows
    /// them, the last kept when it names a list of the introduction, and all kept when they end a
    /// part or the file (a closing of short lines), but for a question to the reader after them.
    @Test func headingLikeLinesInARowAreSettledTogether() throws {
        let text = """
            # C

            Our SEND Charter

            Why It Matters

            We made this together.

            Our Promises

            What Is Co-production

            - Working together
            ## Kind

            - Be kind.
            ## Fair

            Why not me?

            Why not now?
            ## Closing

            Thank You All

            Together We Can

            Was this page helpful?
            """
        let charter = try CharterParser.parse(text, file: "c.md")
        #expect(
            charter.introduction.map(\.text) == ["We made this together.", "What Is Co-production", "Working together"])
        #expect(charter.cornerstones[1].statements.map(\.text) == ["Why not me?", "Why not now?"])
        #expect(charter.closing.map(\.text) == ["Thank You All", "Together We Can"])
        #expect(
            charter.leftOut.map { "\($0.line) \($0.text)" } == [
                "3 Our SEND Charter", "5 Why It Matters", "9 Our Promises", "28 Was this page helpful?",
            ])
    }

    /// Inside a part's lists a question stands as a heading, never as a statement: between two
    /// lists it heads the next, and at the end of the page it is the page's ("Was this page
    /// helpful?"); any other paragraph there is still an error.
    @Test func aQuestionAmongAPartsListsIsAHeading() throws {
        let text = """
            # C
            We care.
            ## Kind
            ### We will
            - Be kind.

            How will we know?

            ### You will see
            - Smiles

            Was this page helpful?
            """
        let charter = try CharterParser.parse(text, file: "c.md")
        #expect(charter.cornerstones[0].commitments.map(\.text) == ["Be kind."])
        #expect(charter.cornerstones[0].outcomes.map(\.text) == ["Smiles"])
        #expect(charter.cornerstones[0].description.isEmpty)
        #expect(charter.leftOut.map(\.line) == [7, 12])
        #expect {
            try CharterParser.parse("# C\n## Kind\n### We will\n- Be kind.\n\nWe mean it, always.\n", file: "c.md")
        } throws: { error in
            (error as? ContentErrors)?.diagnostics.map(\.line) == [6]
        }
    }

    /// A long part heading that gives a name, a dash and what it means is read as the part's name
    /// and its paragraph; a short one with a dash is a name as written.
    @Test func aLongHeadingWithADashIsANameAndItsMeaning() throws {
        let text = """
            # Pledge
            We pledge.
            ## 1. SEND is everybody's business - embedding the vision of the strategy in everyone's practice
            ## 2. Identify needs early – a holistic and joined up response to needs
            - We will listen.
            ## Honest - always
            - We tell the truth.
            """
        let charter = try CharterParser.parse(text, file: "charter.md")
        #expect(
            charter.cornerstones.map(\.title) == [
                "SEND is everybody's business", "Identify needs early", "Honest - always",
            ])
        #expect(
            charter.cornerstones.map(\.id) == ["send-is-everybody-s-business", "identify-needs-early", "honest-always"])
        #expect(
            charter.cornerstones[0].description.map(\.text) == [
                "embedding the vision of the strategy in everyone's practice"
            ])
        #expect(
            charter.cornerstones[1].statements.map(\.text) == [
                "a holistic and joined up response to needs", "We will listen.",
            ])
        // A meaning shorter than the name is not one.
        let long = "Deliver in the right place at the right time - improving outcomes"
        #expect(CharterParser.nameAndMeaning(long).0 == long)
        #expect(CharterParser.nameAndMeaning(long).1 == nil)
    }

    @Test func slugsTitles() {
        #expect(CharterParser.slug("Welcome and Care") == "welcome-and-care")
        #expect(CharterParser.slug("  Work in   Partnership! ") == "work-in-partnership")
    }
}

@Suite struct CharterConverterTests {
    @Test(arguments: [
        ("* one", "- one"), ("+ one", "- one"), ("• one", "- one"), ("1. one", "- one"), ("12) one", "- one"),
        ("  - one", "  - one"),
        ("– one", "- one"), ("## Part", "## Part"), ("2024. A year", "2024. A year"), ("plain text", "plain text"),
        ("- one\n  * two", "- one\n  - two"), ("## Part\n– one", "## Part\n- one"), ("- one\n– two", "- one\n- two"),
        ("\"Quoted.\"\n– a parent", "\"Quoted.\"\n– a parent"), ("> Quoted\n– a parent", "> Quoted\n– a parent"),
        ("When you talk to us:\n– we reply", "When you talk to us:\n- we reply"), ("  a) one", "  - one"),
    ])
    func bulletsBecomeItems(_ line: String, _ expected: String) {
        #expect(CharterConverter.convert(line) == expected + "\n")
    }

    @Test func lineEndsTabsAndSpacesAreMadePlain() {
        #expect(CharterConverter.convert("# T\r\nIntro\u{00A0}text \t\r\n\r\n\n") == "# T\nIntro text\n")
    }
}
