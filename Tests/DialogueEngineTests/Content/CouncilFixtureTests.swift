import Foundation
import Knowledge
import Testing

@testable import DialogueEngine

/// Other councils' published charters (`Tests/Fixtures/councils/`), each written in the general
/// format with only `charter.md` and `council.yaml`, over the project's base layer: no intent was
/// written for them. Their question sets were written before any answer was seen.
@Suite struct CouncilFixtureTests {
    static let councils = ["bcp", "stockton-on-tees", "rotherham", "stockport", "buckinghamshire", "isles-of-scilly"]
    /// The councils with a question set that must pass (`questions.jsonl`); Rotherham's, Stockport's
    /// and Buckinghamshire's charters came later, with a tuning set only.
    static let withQuestionSets = ["bcp", "stockton-on-tees"]

    private static func folder(_ council: String) -> URL {
        TestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/councils/\(council)")
    }

    private static func assistant(_ council: String) throws -> Assistant {
        let content = try Content.load(from: folder(council).path)
        return TestSupport.assistant(content: content)
    }

    @Test(arguments: councils)
    func theCouncilLoadsFromItsCharterAloneOverTheBase(_ council: String) throws {
        let content = try Content.load(from: Self.folder(council).path)
        #expect(content.layers.count == 2)
        let own = content.intents.filter { $0.location.file.hasPrefix(Self.folder(council).path) }
        #expect(own.isEmpty, "no intent is written for a fixture council")
        #expect(!content.intentIDs.contains("topic.bring-someone"), "nothing of Stoke's leaks in")
    }

    /// Asked in its own words, every statement of the charter is answered with it, or, when it
    /// names a part (an introduction that lists the parts), with that part.
    @Test(arguments: councils)
    func everyStatementIsReachable(_ council: String) async throws {
        let assistant = try Self.assistant(council)
        let charter = assistant.content.charter
        for statement in charter.allStatements {
            let reply = await assistant.respond(to: statement.text, channel: .cli)
            // Quoted first, or at least quoted and not as an item of a lead-in's list ("… by:").
            let first = reply.sources.first?.text
            let quoted =
                first == statement.text || (reply.reply.contains(statement.text) && first?.hasSuffix(":") != true)
            let named = charter.cornerstone(namedBy: statement).map { reply.intent == "part." + $0.id } ?? false
            #expect(reply.answered && (quoted || named), "\(statement.id) → \(reply.intent)")
        }
    }

    /// In a charter of one list, its one part is the list: asked about by name, it is answered as
    /// "what are the values?" is, not as "the first of the charter's values".
    @Test func theOnePartOfACharterOfOneListIsAnsweredAsTheList() async throws {
        let assistant = try Self.assistant("bcp")
        let part = try #require(assistant.content.charter.cornerstones.first)
        let named = await assistant.respond(to: "tell me about " + part.title.lowercased(), channel: .cli)
        let listed = await assistant.respond(to: "what are the values", channel: .cli)
        #expect(named.intent == "part." + part.id)
        #expect(named.reply == listed.reply)
    }

    /// "Tell me more" after a part shown whole says that was all, with all the part's words, instead
    /// of showing the part again as if it were more.
    @Test func moreAfterAPartShownWholeSaysThatWasAll() async throws {
        let assistant = try Self.assistant("rotherham")
        let part = try #require(assistant.content.charter.cornerstone(id: "communicate"))
        let shown = await assistant.respond(to: "tell me about communicate", sessionId: "s", channel: .cli)
        #expect(shown.intent == "part.communicate")
        let more = await assistant.respond(to: "tell me more", sessionId: "s", channel: .cli)
        #expect(more.answered && more.intent == "followup.more")
        #expect(more.sources.map(\.text) == part.statements.map(\.text))
        #expect(more.reply.contains(part.title) && more.reply != shown.reply)
    }

    /// "Tell me more", asked politely, after a topic outside the parts that has nothing more to it
    /// (what co-production means, from Stockton's introduction) says that was all, with the same
    /// words, instead of asking what it should say more about.
    @Test(arguments: ["tell me more", "could you tell me a bit more please", "can u tell me more"])
    func moreAfterATopicWithNothingMoreSaysThatWasAll(_ more: String) async throws {
        let assistant = try Self.assistant("stockton-on-tees")
        let shown = await assistant.respond(to: "what does co-production mean", sessionId: "s", channel: .cli)
        try #require(shown.intent == "about.coproduction" && !shown.sources.isEmpty)
        let reply = await assistant.respond(to: more, sessionId: "s", channel: .cli)
        #expect(reply.answered && reply.intent == "followup.more")
        #expect(reply.sources.map(\.text) == shown.sources.map(\.text))
        // Only "more" says that was all: "what will I see?" does not repeat the topic.
        let see = await assistant.respond(to: "what will i see", sessionId: "s", channel: .cli)
        #expect(see.sources.map(\.text) != shown.sources.map(\.text))
    }

    /// "Tell me more" after a statement of the introduction answered alone gives the rest of the
    /// introduction, not the same paragraph again as if it were everything.
    @Test func moreAfterAnIntroductionStatementGivesTheRestOfIt() async throws {
        let assistant = try Self.assistant("stockport")
        let introduction = assistant.content.charter.introduction
        try #require(introduction.count > 1)
        let first = await assistant.respond(to: introduction[0].text, sessionId: "s", channel: .cli)
        try #require(first.intent == "statement." + introduction[0].id)
        let more = await assistant.respond(to: "tell me more", sessionId: "s", channel: .cli)
        #expect(more.sources.map(\.text) == introduction.dropFirst().map(\.text))
    }

    /// A part is answered with the paragraph that leads into its list, then the list ("They will
    /// communicate with you … openly, clearly and honestly by:"); "the first one" after it is the
    /// list's first item, not the paragraph.
    @Test func aPartIsAnsweredWithItsParagraphThenItsList() async throws {
        let assistant = try Self.assistant("rotherham")
        let part = try #require(assistant.content.charter.cornerstone(id: "communicate"))
        try #require(!part.description.isEmpty && part.commitments.count > 1)
        let shown = await assistant.respond(to: "tell me about communicate", sessionId: "s", channel: .cli)
        #expect(shown.sources.map(\.text) == (part.description + part.commitments).map(\.text))
        // The paragraph leads into the items; it is not shown as one of them.
        #expect(shown.reply.contains("\n" + part.description[0].text + "\n"))
        #expect(shown.reply.components(separatedBy: "• ").count - 1 == part.commitments.count)
        let second = await assistant.respond(to: "the second one", sessionId: "s", channel: .cli)
        #expect(second.intent == "statement." + part.commitments[1].id)
        // Quoted as its commitments, a part is its list alone.
        let charter = assistant.content.charter
        #expect(QuoteReference("communicate.commitments", in: charter)?.statements(in: charter) == part.commitments)
        #expect(
            QuoteReference("communicate", in: charter)?.statements(in: charter) == part.description + part.commitments)
    }

    /// "What is co-production" quotes the introduction from where it speaks of co-production: a
    /// charter's own definition comes first, and the paragraphs before it follow.
    @Test func coProductionIsAnsweredFromTheChartersOwnDefinition() async throws {
        let assistant = try Self.assistant("stockton-on-tees")
        let introduction = assistant.content.charter.introduction
        let defining = try #require(introduction.firstIndex { $0.text.hasPrefix("Coproduction means") })
        try #require(defining > 0)
        let reply = await assistant.respond(to: "what is co-production", channel: .cli)
        #expect(reply.intent == "about.coproduction")
        #expect(reply.sources.first?.text == introduction[defining].text)
        let charter = assistant.content.charter
        let quoted = QuoteReference("introduction from co production", in: charter)?.statements(in: charter)
        #expect(quoted?.map(\.id) == (introduction[defining...] + introduction[..<defining]).map(\.id))
        // Words the introduction never uses leave it in its order; no words is no reference.
        #expect(QuoteReference("introduction from zebras", in: charter)?.statements(in: charter) == introduction)
        #expect(QuoteReference("introduction from ", in: charter) == nil)
        // Whole words: "care" is not said by "scared".
        let anytown = try CharterParser.parse(
            "# Anytown\nSome children felt scared.\n\nWe care about you.\n## Kind\n- Be kind.", file: "anytown.md")
        let fromCare = QuoteReference("introduction from care", in: anytown)?.statements(in: anytown)
        #expect(fromCare?.map(\.id) == ["introduction.p2", "introduction.p1"])
    }

    /// A charter whose introduction never names co-production is quoted from the part that does,
    /// by another form of the word ("co-produce") or by the part's name; else from its introduction.
    @Test func coProductionIsQuotedFromThePartThatNamesIt() throws {
        func quoted(_ text: String) throws -> [String]? {
            let charter = try CharterParser.parse(text, file: "charter.md")
            return QuoteReference("introduction from co-production", in: charter)?.statements(in: charter).map(\.id)
        }
        #expect(
            try quoted("# A\nHold us to account.\n## Listen\n- We listen.\n## Share\n- We co-produce plans.") == [
                "share.c1"
            ])
        #expect(
            try quoted("# A\nHold us to account.\n## Engagement and co-production\nWe work together.") == [
                "engagement-and-co-production.p1"
            ])
        #expect(try quoted("# A\nHold us to account.\n## Listen\n- We make products.") == ["introduction.p1"])
        #expect(try quoted("# A\nWe co-produced this.\n## Share\n- We co-produce plans.") == ["introduction.p1"])
        // Other words that start alike are not forms of it.
        #expect(try quoted("# A\nHold us to account.\n## Make\n- We coproduct things.") == ["introduction.p1"])
        let charter = try CharterParser.parse("# A\nWe hope.\n\nWe included you.\n## B\n- Be kind.", file: "a.md")
        #expect(
            QuoteReference("introduction from inclusion", in: charter)?.statements(in: charter).map(\.id) == [
                "introduction.p1", "introduction.p2",
            ])
    }

    /// The Isles of Scilly's introduction lists its four principles by name: asked in those words,
    /// the assistant answers with the principle itself, and no theme links to those items.
    @Test func anIntroductionsItemThatNamesAPartIsThatPart() async throws {
        let assistant = try Self.assistant("isles-of-scilly")
        let charter = assistant.content.charter
        let naming = charter.introduction.compactMap { statement in
            charter.cornerstone(namedBy: statement).map { (statement, $0) }
        }
        #expect(naming.count == 4)
        for (statement, part) in naming {
            let reply = await assistant.respond(to: statement.text, channel: .cli)
            #expect(reply.intent == "part." + part.id, "'\(statement.text)' → \(reply.intent)")
            #expect(!assistant.content.themeLinks.values.contains { $0.statement == statement.id })
        }
        // A reply that lists them (what co-production is, in this charter's words) counts them as
        // the parts: "the second one" is the second principle, "the next one" the third.
        let listing = await assistant.respond(to: "what is co-production", sessionId: "s", channel: .cli)
        try #require(listing.sources.count > 2)
        let second = await assistant.respond(to: "the second one", sessionId: "s", channel: .cli)
        #expect(second.intent == "part." + naming[1].1.id)
        let next = await assistant.respond(to: "the next one", sessionId: "s", channel: .cli)
        #expect(next.intent == "part." + naming[2].1.id)
    }

    /// Of two statements as close to a message, the one whose own words say it ("Making sure your
    /// voice is heard": "listen", one synonym group) ranks before one that only a theme's examples
    /// lead to ("Celebrating strengths and achievements").
    @Test func aStatementThatSaysTheMessagesWordsRanksFirstAmongEquals() throws {
        let assistant = try Self.assistant("rotherham")
        let ranked = assistant.matcher.rank("do people listen to what i say")
        let saying = try #require(ranked.firstIndex { $0.target == .statement("welcome-and-care.c1") })
        let linked = try #require(ranked.firstIndex { $0.target == .statement("welcome-and-care.c3") })
        #expect(abs(ranked[saying].confidence - ranked[linked].confidence) < 0.01)
        #expect(saying < linked)
    }

    /// A misspelt filler is corrected to the filler and carries no weight ("actualy", "tho"), even
    /// in a charter whose own words never use it.
    @Test func aMisspeltFillerIsStillAFiller() throws {
        let assistant = try Self.assistant("isles-of-scilly")
        let analysed = assistant.matcher.analyze("do they actualy listen tho")
        #expect(analysed.words.contains("actually") && analysed.words.contains("though"))
        #expect(analysed.terms.map(\.text) == ["=listen"])
    }

    /// A charter's closing is its sign-off (how it was made, whom it thanks): the themes' everyday
    /// questions go to the parts and the introduction, never to it.
    @Test func noThemeLinksToTheClosing() throws {
        let content = try Content.load(from: Self.folder("isles-of-scilly").path)
        try #require(!content.charter.closing.isEmpty)
        #expect(content.themeLinks.count >= 20)
        #expect(!content.themeLinks.values.contains { $0.statement.hasPrefix("closing.") })
    }

    /// "How does the charter end" quotes its closing; for a charter without one it says so, rather
    /// than quoting nothing.
    @Test func theClosingIsAnsweredWhereTheCharterHasOne() async throws {
        let rotherham = try Self.assistant("rotherham")
        let closing = rotherham.content.charter.closing
        try #require(!closing.isEmpty)
        let reply = await rotherham.respond(to: "how does the charter end", channel: .cli)
        #expect(reply.intent == "about.closing")
        #expect(reply.sources.map(\.text) == closing.map(\.text))
        let stockport = try Self.assistant("stockport")
        try #require(stockport.content.charter.closing.isEmpty)
        let none = await stockport.respond(to: "how does the charter end", channel: .cli)
        #expect(none.intent == "about.closing")
        #expect(none.sources.isEmpty)
        #expect(none.reply.hasPrefix("The charter has no closing words of its own."), "\(none.reply)")
    }

    /// "What is this charter called" names any council's charter by its title as written, and
    /// asking for a person's name does not.
    @Test(arguments: ["isles-of-scilly", "bcp", "stockport", "rotherham"])
    func theCharterIsNamedByItsTitle(council: String) async throws {
        let assistant = try Self.assistant(council)
        let reply = await assistant.respond(to: "what is this charter called?", channel: .cli)
        #expect(reply.intent == "about.name")
        #expect(reply.answered)
        #expect(reply.reply.hasPrefix("It is called “\(assistant.content.charter.title)”."))
        let person = await assistant.respond(to: "whats the name of the senco at my sons school", channel: .cli)
        #expect(person.intent != "about.name")
    }

    /// In a charter whose parts are sections, one of them titled "Our principles", "what are the
    /// principles" is that part's list, not the list of sections; "what are the sections" still is.
    @Test func aPartTitledWithThePartsWordIsThatPart() async throws {
        let charter = """
            # Anytown's Co-production Charter
            We work with families.
            ## Our principles
            - Everyone is welcome.
            - Everyone is heard.
            ## Working at every level
            - With each child and family.
            - With groups of families.
            """
        let content = try TestSupport.councilContent([
            "charter.md": charter, "council.yaml": TestSupport.anytownCouncil(parts: "sections", partWord: "section"),
        ])
        let assistant = TestSupport.assistant(content: content)
        #expect(await assistant.respond(to: "what are the principles", channel: .cli).intent == "part.our-principles")
        #expect(await assistant.respond(to: "what are the sections", channel: .cli).intent == "about.parts")
        // check knows the list of parts' example "what are the principles" has another home here.
        let problems = ContentAudit(content: content).run().map(\.description)
        #expect(!problems.contains { $0.contains("leads to") }, "\(problems)")
    }

    /// A part asked about in another form of its title's word, one a synonym group holds ("Communicate"
    /// as "communication"), is that part, alone or carried over from another part.
    @Test func aPartIsFoundByAnotherFormOfItsTitle() async throws {
        let assistant = try Self.assistant("rotherham")
        let alone = await assistant.respond(to: "what about communication", channel: .cli)
        #expect(alone.intent == "part.communicate")
        _ = await assistant.respond(to: "what does the charter say about partnership", sessionId: "s", channel: .cli)
        let carried = await assistant.respond(to: "and what about communication?", sessionId: "s", channel: .cli)
        #expect(carried.intent == "part.communicate")
    }

    /// "And the next one" after a statement answered on its own goes on from it: to the next part
    /// when its part is that one statement (Stockton's), else to the next statement of its list
    /// (Rotherham's commitments); after a part's lone paragraph it is matched as before, not told
    /// the list has ended.
    @Test func theNextOneAfterAStatementGoesOnFromIt() async throws {
        let stockton = try Self.assistant("stockton-on-tees")
        let values = stockton.content.charter.cornerstones
        try #require(values.count > 2 && values[1].statements.count == 1)
        _ = await stockton.respond(to: values[1].statements[0].text, sessionId: "s", channel: .cli)
        #expect(
            await stockton.respond(to: "and the next one", sessionId: "s", channel: .cli).intent == "part."
                + values[2].id)

        let rotherham = try Self.assistant("rotherham")
        let communicate = try #require(rotherham.content.charter.cornerstone(id: "communicate"))
        try #require(communicate.commitments.count > 1 && communicate.description.count == 1)
        let first = await rotherham.respond(to: communicate.commitments[0].text, sessionId: "r", channel: .cli)
        #expect(first.intent == "statement." + communicate.commitments[0].id)
        let next = await rotherham.respond(to: "and the next one", sessionId: "r", channel: .cli)
        #expect(next.intent == "statement." + communicate.commitments[1].id)
        _ = await rotherham.respond(to: communicate.description[0].text, sessionId: "p", channel: .cli)
        let afterParagraph = await rotherham.respond(to: "and the next one", sessionId: "p", channel: .cli)
        #expect(afterParagraph.intent != "system.end-of-list")
    }

    /// A part is asked about by the noun of its title's verb ("communication" for Communicate), but
    /// a word that only shares a stem with a title's does not reach the part: "what are the values"
    /// is the list of parts, not "Value and Include".
    @Test func aTitlesVerbIsFoundByItsNounOnly() async throws {
        let assistant = try Self.assistant("rotherham")
        #expect(await assistant.respond(to: "what are the values", channel: .cli).intent == "about.parts")
        #expect(Matcher.nouns(of: "communicate").contains("communication"))
        #expect(Matcher.nouns(of: "involve").contains("involvement"))
        #expect(Matcher.nouns(of: "partner").contains("partnership"))
        // The noun names the part in a message as the verb of its title does.
        let reply = await assistant.respond(to: "tell me about communication", channel: .cli)
        #expect(reply.intent == "part.communicate")
    }

    /// "What will I see?" after a part with no outcomes says that is all the part says, rather than
    /// leading into a list with nothing in it.
    @Test func outcomesOfAPartWithoutThemAreNotAnEmptyList() async throws {
        let assistant = try Self.assistant("stockton-on-tees")
        _ = await assistant.respond(to: "tell me about owned by all", sessionId: "s", channel: .cli)
        let reply = await assistant.respond(to: "what will i see", sessionId: "s", channel: .cli)
        #expect(!reply.sources.isEmpty, "\(reply.intent): \(reply.reply)")
    }

    /// In a charter of one list, "next" after a statement picked from it is the statement after it.
    @Test func theNextValueOfACharterOfOneListIsItsNextStatement() async throws {
        let assistant = try Self.assistant("bcp")
        let listed = try #require(assistant.content.charter.listedStatements)
        var reply: Reply?
        for message in ["what are the values", "the second one", "next"] {
            reply = await assistant.respond(to: message, sessionId: "s", channel: .cli)
        }
        #expect(reply?.intent == "statement." + listed[2].id)
    }

    /// Short questions about the charter made only of common words are answered from the base layer
    /// for any council, not left to fall back.
    @Test(arguments: councils)
    func shortQuestionsAboutTheCharterAreAnswered(_ council: String) async throws {
        let assistant = try Self.assistant(council)
        for (message, intent) in [
            ("who is this for", "about.who-for"), ("what is it for", "about.why"), ("what is it", "about.charter"),
        ] {
            #expect(await assistant.respond(to: message, channel: .cli).intent == intent, "'\(message)'")
        }
    }

    /// Asked for a summary of the whole charter, a council's charter gives the list of its parts, not
    /// the part whose summary ("summarise {part}") the message happens to resemble.
    @Test(arguments: councils)
    func aSummaryOfTheCharterListsItsParts(_ council: String) async throws {
        let reply = try await Self.assistant(council).respond(to: "summarise the charter", channel: .cli)
        #expect(reply.intent == "about.parts")
    }

    /// A position named with the council's word for a part needs no list shown first: it is read in
    /// the charter's own list, its parts or, for a charter of one list (BCP's), its statements.
    @Test(arguments: [
        ("rotherham", "2nd principle", 1),
        ("rotherham", "what is the last principle", -1),
        ("stockton-on-tees", "whats the 4th value", 3),
        ("bcp", "what is the third value", 2),
        ("bcp", "tell me the last value", -1),
    ])
    func aPositionNamedWithThePartWordIsReadInTheCharter(council: String, message: String, position: Int)
        async throws
    {
        let assistant = try Self.assistant(council)
        let charter = assistant.content.charter
        let reply = await assistant.respond(to: message, channel: .cli)
        let expected: String
        if let listed = charter.listedStatements {
            expected = "statement." + (position < 0 ? listed.last! : listed[position]).id
        } else {
            expected = "part." + (position < 0 ? charter.cornerstones.last! : charter.cornerstones[position]).id
        }
        #expect(reply.intent == expected, "'\(message)'")
    }

    /// The council's question set: every out-of-scope question refused, all small talk answered, and
    /// at least 85% of the in-scope questions answered with the charter's right words.
    @Test(arguments: withQuestionSets)
    func theQuestionSetPasses(_ council: String) async throws {
        let path = Self.folder(council).appendingPathComponent("questions.jsonl").path
        let items = try Evaluation.load(try String(contentsOfFile: path, encoding: .utf8), file: path)
        #expect(items.count >= 25)
        let report = await Evaluation.run(items, assistant: try Self.assistant(council))
        for (kind, passed, total) in report.byKind {
            switch kind {
            case .out, .smalltalk, .safeguarding:
                #expect(passed == total, "\(council) \(kind.rawValue): \(passed)/\(total)")
            case .in:
                #expect(Double(passed) / Double(total) >= 0.85, "\(council) in scope: \(passed)/\(total)")
            }
        }
    }

    /// Each council's own tuning sets (`tuning.jsonl`, and `tuning-2.jsonl` written later by someone
    /// who saw only the charters) keep the shares they are tuned to, less a margin: a change to the
    /// base layer that costs a council many answers fails here. Small talk keeps 0.9.
    @Test(arguments: [
        ("bcp", "tuning.jsonl", 0.75, 0.9), ("stockton-on-tees", "tuning.jsonl", 0.75, 0.9),
        ("rotherham", "tuning.jsonl", 0.6, 0.9), ("bcp", "tuning-2.jsonl", 0.7, 0.6),
        ("stockton-on-tees", "tuning-2.jsonl", 0.7, 0.85), ("rotherham", "tuning-2.jsonl", 0.6, 0.75),
        ("stockport", "tuning.jsonl", 0.5, 0.85), ("buckinghamshire", "tuning.jsonl", 0.55, 0.85),
        ("isles-of-scilly", "tuning.jsonl", 0.35, 0.85),
    ])
    func theTuningSetKeepsItsFloor(_ council: String, file: String, inScope floor: Double, outOfScope outFloor: Double)
        async throws
    {
        let path = Self.folder(council).appendingPathComponent(file).path
        let items = try Evaluation.load(try String(contentsOfFile: path, encoding: .utf8), file: path)
        let report = await Evaluation.run(items, assistant: try Self.assistant(council))
        for (kind, passed, total) in report.byKind {
            let share = Double(passed) / Double(total)
            switch kind {
            case .in: #expect(share >= floor, "\(council) \(file) in scope: \(passed)/\(total)")
            case .out: #expect(share >= outFloor, "\(council) \(file) out of scope: \(passed)/\(total)")
            default:
                #expect(share >= 0.9, "\(council) \(file) \(kind.rawValue): \(passed)/\(total)")
            }
        }
    }

    /// Stoke-on-Trent's charter with none of its intents, only `charter.md` and `council.yaml` over the
    /// base layer, as a new council starts: the base's themes carry everyday questions to its
    /// statements. Without them it answers about half of the own set's in-scope questions.
    @Test func stokesCharterAloneAnswersMostOfTheOwnSet() async throws {
        let stoke = URL(fileURLWithPath: TestSupport.intentsDirectory)
        var files: [String: String] = [:]
        for name in ["charter.md", "council.yaml"] {
            files[name] = try String(contentsOf: stoke.appendingPathComponent(name), encoding: .utf8)
        }
        let content = try TestSupport.councilContent(files, named: "stoke-alone")
        #expect(content.themeLinks.count >= 20, "\(content.themeLinks.count) themes linked")
        let assistant = TestSupport.assistant(content: content)
        let path = TestSupport.packageRoot.appendingPathComponent("Tests/DialogueEngineTests/Fixtures/questions.jsonl")
            .path
        let items = try Evaluation.load(try String(contentsOfFile: path, encoding: .utf8), file: path)
        let report = await Evaluation.run(items, assistant: assistant)
        #expect(Set(report.byKind.map { $0.kind }).isSuperset(of: [.in, .out]))
        for (kind, passed, total) in report.byKind {
            switch kind {
            case .in: #expect(Double(passed) / Double(total) >= 0.75, "in scope: \(passed)/\(total)")
            case .out: #expect(Double(passed) / Double(total) >= 0.9, "out of scope: \(passed)/\(total)")
            case .smalltalk, .safeguarding: #expect(passed == total, "\(kind.rawValue): \(passed)/\(total)")
            }
        }
    }
}
