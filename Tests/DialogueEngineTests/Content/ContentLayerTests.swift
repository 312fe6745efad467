import Foundation
import Knowledge
import Testing

@testable import DialogueEngine

/// A council layer (`charter.md`, `council.yaml`, its own intents) over the base layer.
@Suite struct ContentLayerTests {
    static let charter = """
        # Anytown SEND Charter
        This charter says how families and services in Anytown work together.
        ## Be Kind
        - We will be kind to everyone.
        ## Listen Well
        - We will listen to what you tell us.
        """

    static let council = TestSupport.anytownCouncil(parts: "promises", partWord: "promise")

    private func errors(_ files: [String: String]) throws -> [ContentDiagnostic] {
        let folder = try TestSupport.councilFolder(files)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        do {
            _ = try Content.load(from: folder.path)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func aCharterAndCouncilFileAloneMakeWorkingContent() async throws {
        let content = try TestSupport.councilContent(["charter.md": Self.charter, "council.yaml": Self.council])
        #expect(content.council?.name == "Anytown Council")
        #expect(content.layers.count == 2)
        let assistant = TestSupport.assistant(content: content)
        let parts = await assistant.respond(to: "what are the promises", sessionId: "s", channel: .cli)
        #expect(parts.intent == "about.parts")
        #expect(parts.reply.contains("These are the charter's promises:"))
        #expect(parts.reply.contains("1. Be Kind") && parts.reply.contains("2. Listen Well"))
        let second = await assistant.respond(to: "the second one", sessionId: "s", channel: .cli)
        #expect(second.intent == "part.listen-well")
        #expect(second.reply.contains("We will listen to what you tell us."))
        let welcome = await assistant.respond(to: "hello", sessionId: "t", channel: .cli)
        #expect(welcome.reply.contains("Anytown SEND Charter"), "{charter} is the charter's title")
        #expect(!welcome.reply.contains("Stoke"))
        let worried = await assistant.respond(
            to: "i am a teacher and i am worried a child in my class is being abused", sessionId: "u", channel: .cli)
        #expect(worried.reply.contains("01234 000000"), "the council's front door, from council.yaml")
    }

    /// `{charter}` carries its own article: a title that begins with "The" or "Our", or with a name
    /// that owns it ("Kent's"), is not given another.
    @Test(arguments: [
        ("Anytown SEND Charter", "the Anytown SEND Charter"), ("The Anytown Charter", "the Anytown Charter"),
        ("Our agreements (charters)", "our agreements (charters)"), ("My Voice Charter", "the My Voice Charter"),
        ("Buckinghamshire’s SEND Co-production Charter", "Buckinghamshire’s SEND Co-production Charter"),
        ("Kent's Charter", "Kent's Charter"), ("Children's Charter", "the Children's Charter"),
        ("Isles of Scilly Children’s Charter", "the Isles of Scilly Children’s Charter"),
    ])
    func theCharterIsNamedWithOneArticle(title: String, named: String) {
        #expect(ContentLoader.named(title) == named)
    }

    /// A reply names a title that begins with "The" with one "the".
    @Test func aTitleThatBeginsWithTheIsNotDoubled() async throws {
        let charter = Self.charter.replacingOccurrences(of: "# Anytown SEND Charter", with: "# The Anytown Charter")
        #expect(charter != Self.charter)
        let content = try TestSupport.councilContent(["charter.md": charter, "council.yaml": Self.council])
        let welcome = await TestSupport.assistant(content: content).respond(to: "hello", channel: .cli)
        #expect(welcome.reply.contains("the Anytown Charter"), "\(welcome.reply)")
        #expect(!welcome.reply.lowercased().contains("the the"), "\(welcome.reply)")
    }

    /// A part named as the base's own questions are ("What is co-production?", "Principles" for
    /// a charter whose parts are principles, "Our values:") loads and passes the audit; the part
    /// answers in the charter's own words what its name asks.
    @Test func aPartNamedLikeABaseQuestionStillLoads() async throws {
        let charter = """
            # Anytown Charter
            We made this together.
            ## What is co-production?
            Co-production is working together as equals.
            ## Principles
            - We listen to you
            ## Our values:
            - We are kind
            """
        let council = TestSupport.anytownCouncil(parts: "principles", partWord: "principle")
        let content = try TestSupport.councilContent(["charter.md": charter, "council.yaml": council])
        #expect(content.charter.cornerstones.map(\.title) == ["What is co-production?", "Principles", "Our values"])
        let audit = ContentAudit(content: content).run()
        #expect(audit.filter { !$0.isWarning }.map(\.description) == [])
        #expect(audit.contains { $0.isWarning && $0.message.contains("is answered by the part") })
        // The part's own name, which the base asks too, is left to the base's intent and still
        // checked: the part's title takes it, so nothing is reported about it.
        let part = try #require(content.intent(id: "part.what-is-co-production"))
        #expect(part.examplesLeft.contains("What is co-production?"))
        #expect(!part.examples.contains("What is co-production?"))
        #expect(!audit.contains { $0.message.contains("'What is co-production?'") }, "\(audit)")
        let assistant = TestSupport.assistant(content: content)
        let coProduction = await assistant.respond(to: "what is co-production", channel: .cli)
        #expect(coProduction.reply.contains("Co-production is working together as equals"), "\(coProduction.reply)")
        // The part called what all the parts are called is the one asked about by its name.
        let principles = await assistant.respond(to: "what are the principles", channel: .cli)
        #expect(principles.intent == "part.principles", "\(principles.intent)")
        #expect(principles.reply.contains("We listen to you"), "\(principles.reply)")
        #expect(await assistant.respond(to: "tell me about our values", channel: .cli).intent == "part.our-values")
    }

    /// A question the council wrote itself that a part's name takes is an error for `check`: the
    /// officer wrote both and can reword one; the base's questions taken so are only warnings.
    @Test func aCouncilsOwnQuestionTakenByAPartIsAnError() throws {
        let content = try TestSupport.councilContent([
            "charter.md": Self.charter, "council.yaml": Self.council,
            "mine.yaml": """
            - id: anytown.kindness
              examples: [being kind, is everyone kind here]
              reply: Everyone in {place} tries to be kind.
            """,
        ])
        let audit = ContentAudit(content: content).run()
        let problem = try #require(audit.first { $0.message.contains("'being kind' of 'anytown.kindness'") })
        #expect(!problem.isWarning)
        #expect(problem.message.contains("is answered by the part 'part.be-kind'"))
        #expect(problem.file.hasSuffix("anytown/mine.yaml") && problem.line == 1)
        #expect(problem.hint?.contains("reword the example") == true)
        let withoutIt = try TestSupport.councilContent([
            "charter.md": Self.charter, "council.yaml": Self.council,
            "mine.yaml": """
            - id: anytown.kindness
              examples: [is everyone kind here]
              reply: Everyone in {place} tries to be kind.
            """,
        ])
        #expect(!ContentAudit(content: withoutIt).run().contains { !$0.isWarning })
    }

    /// A charter without an introduction or closing words: the base's questions about them say so,
    /// or list the parts, instead of "It says:" and nothing. `check` warns about an intent that
    /// quotes what the charter lacks and says nothing instead (`unquoted:`).
    @Test func aCharterWithoutAnIntroductionSaysSoInsteadOfQuotingNothing() async throws {
        let charter = """
            # Anytown Promise
            ## Be Kind
            - We will be kind to everyone.
            ## Listen Well
            - We will listen to what you tell us.
            """
        let content = try TestSupport.councilContent([
            "charter.md": charter, "council.yaml": Self.council,
            "mine.yaml": """
            - id: anytown.ending
              examples: [what are the last words of the promise]
              reply: "It ends:"
              quote: closing
            """,
        ])
        let assistant = TestSupport.assistant(content: content)
        let expected = [
            ("who made the charter", "about.who-made", "It does not say who wrote it."),
            ("why was the charter written", "about.why", "2. Listen Well"),
            ("who is the charter for", "about.who-for", "2. Listen Well"),
            ("tell me about the charter", "about.charter", "2. Listen Well"),
            ("how does the charter end", "about.closing", "no closing words"),
            ("what is co-production", "about.coproduction", "2. Listen Well"),
        ]
        for (question, intent, words) in expected {
            let reply = await assistant.respond(to: question, channel: .cli)
            #expect(reply.intent == intent, "\(question) → \(reply.intent)")
            #expect(reply.reply.contains(words), "\(question) → \(reply.reply)")
            #expect(!reply.reply.hasSuffix(":"), "\(question) → \(reply.reply)")
        }
        let easy = await assistant.respond(to: "who made the charter", channel: .cli, style: .easy)
        #expect(easy.reply.contains("It does not say who wrote it."), "\(easy.reply)")
        let warnings = ContentAudit(content: content).run().filter { $0.message.contains("does not have") }
        #expect(warnings.map(\.message) == ["'anytown.ending' quotes 'closing', which this charter does not have"])
        #expect(warnings.allSatisfy { $0.isWarning && $0.file.hasSuffix("mine.yaml") })
        // With an introduction, the same questions quote it.
        let introduced = try TestSupport.councilContent(["charter.md": Self.charter, "council.yaml": Self.council])
        let who = await TestSupport.assistant(content: introduced).respond(to: "who made the charter", channel: .cli)
        #expect(who.reply.contains("This charter says how families and services in Anytown work together."))
    }

    /// `check` warns about a charter's shape that loads but reads oddly: words after the last
    /// part's list (the page below the charter, pasted with it), a `### ` heading that may be a
    /// part, and no introduction.
    @Test func checkWarnsAboutWordsAfterAListAndNoIntroduction() throws {
        let charter = """
            # Anytown Promise
            ## Be Kind
            - We will be kind to everyone.
            ### Value each other
            - We value you.
            ## Listen Well
            We listen.
            - We will listen to what you tell us.

            Share this page on Facebook and Twitter.

            Give website feedback.
            """
        let content = try TestSupport.councilContent(["charter.md": charter, "council.yaml": Self.council])
        let warnings = ContentAudit(content: content).charterShape(directory: "anytown")
        #expect(
            warnings.map { String($0.description.prefix { $0 != "\n" }) } == [
                "anytown/charter.md:10:1: warning: 2 paragraphs after the list of the last part, 'Listen Well', read as its own words",
                "anytown/charter.md:4:1: warning: '### Value each other' is read as a list under the part before it, not as a part of its own",
                "anytown/charter.md:1:1: warning: the charter has no introduction: asked who made it or what it is for, the assistant can only say that the charter does not say",
            ])
        let plain = try TestSupport.councilContent(["charter.md": Self.charter, "council.yaml": Self.council])
        #expect(ContentAudit(content: plain).charterShape(directory: "anytown").isEmpty)
        // A report of errors and warnings counts each apart.
        let error = ContentDiagnostic(file: "a.yaml", line: 1, column: 1, message: "broken")
        #expect(ContentErrors([error] + warnings).description.hasSuffix("\n1 error, 3 warnings"))
        #expect(ContentErrors([error]).description.hasSuffix("\n1 error"))
    }

    /// A charter of one part and no introduction: asked for its parts, or about that part, it
    /// lists them as the list of parts does, not with another reply that also lists them.
    @Test func aCharterOfOnePartWithoutAnIntroductionListsItsStatements() async throws {
        let charter = """
            # Anytown Promise
            ## Our promises
            - We will listen to you.
            - We will be honest with you.
            """
        let content = try TestSupport.councilContent(["charter.md": charter, "council.yaml": Self.council])
        let assistant = TestSupport.assistant(content: content)
        for question in ["what are the promises", "tell me about our promises"] {
            let reply = await assistant.respond(to: question, channel: .cli)
            #expect(reply.reply.hasPrefix("These are the charter's promises:"), "\(question) → \(reply.reply)")
            #expect(reply.reply.contains("We will be honest with you."), "\(question) → \(reply.reply)")
        }
    }

    /// A `more` that would quote what the charter lacks is left out; `unquoted:` has no use with
    /// `each: part` and is an error there.
    @Test func aMoreThatQuotesNothingIsLeftOutAndUnquotedIsNotForEachPart() async throws {
        let charter = "# Anytown Promise\n## Be Kind\n- We will be kind to everyone.\n"
        func content(moreQuoting quote: String) throws -> Content {
            try TestSupport.councilContent([
                "charter.md": charter, "council.yaml": Self.council,
                "mine.yaml": """
                - id: anytown.kind
                  examples: [is everyone kind here]
                  reply: "Yes:"
                  quote: be-kind
                  more:
                    reply: "It ends:"
                    quote: \(quote)
                """,
            ])
        }
        #expect(try #require(content(moreQuoting: "closing").intent(id: "anytown.kind")).more == nil)
        // A 'more' that quotes some of what it names keeps that, and check names what is missing.
        let some = try content(moreQuoting: "[be-kind.c1, closing]")
        #expect(try #require(some.intent(id: "anytown.kind")).more?.quotes == ["be-kind.c1", "closing"])
        #expect(
            ContentAudit(content: some).run().contains {
                $0.isWarning
                    && $0.message == "'anytown.kind' quotes in its 'more' 'closing', which this charter does not have"
            })
        let found = try errors([
            "charter.md": charter, "council.yaml": Self.council,
            "mine.yaml": """
            - id: anytown.{id}
              each: part
              examples: ["how kind is {part}"]
              quote: "{id}"
              unquoted:
                reply: Nothing.
            """,
        ])
        #expect(found.contains { $0.message == "'unquoted' has no use with 'each: part'" }, "\(found)")
    }

    /// `init` names the place after the council, without what kind of council it is.
    @Test(arguments: [
        ("Anytown Borough Council", "Anytown"), ("City of Anytown Council", "Anytown"),
        ("London Borough of Haringey", "Haringey"), ("Telford & Wrekin Council", "Telford & Wrekin"),
        ("Cambridgeshire County Council and Peterborough City Council", "Cambridgeshire and Peterborough"),
        ("Bournemouth, Christchurch and Poole Council", "Bournemouth, Christchurch and Poole"),
        ("Isles of Scilly", "Isles of Scilly"),
    ])
    func thePlaceIsTheCouncilsName(council: String, place: String) {
        #expect(CouncilProfile.placeName(council) == place)
    }

    /// A part's paragraph that leads into its list ("… by:") is answered with the list.
    @Test func aLeadInIsAnsweredWithItsList() async throws {
        let charter = """
            # Anytown SEND Charter
            ## Welcome
            They will welcome your family by:
            - Smiling when you arrive
            - Learning your child's name
            ## Listen Well
            - We will listen to what you tell us.
            """
        let content = try TestSupport.councilContent(["charter.md": charter, "council.yaml": Self.council])
        let assistant = TestSupport.assistant(content: content)
        let reply = await assistant.respond(to: "They will welcome your family by:", sessionId: "s", channel: .cli)
        #expect(reply.intent == "statement.welcome.p1", "\(reply.intent)")
        #expect(reply.reply.contains("• Smiling when you arrive"))
        #expect(reply.reply.contains("• Learning your child's name"))
        #expect(reply.reply.components(separatedBy: "Smiling").count == 2, "the list once: \(reply.reply)")
        let first = await assistant.respond(to: "the first one", sessionId: "s", channel: .cli)
        #expect(first.intent == "statement.welcome.c1", "the list's first item, not the lead-in: \(first.intent)")
        let alone = await TestSupport.assistant(content: content).respond(
            to: "We will listen to what you tell us", channel: .cli)
        #expect(!alone.reply.contains("Smiling"), "\(alone.reply)")
    }

    /// "What are the three promises" asks for the list, even when the introduction says "our three
    /// promises" in more of the message's words than "what are the promises" does.
    @Test func askingForThePartsByTheirNumberListsThem() async throws {
        let charter = """
            # Anytown SEND Charter
            Our three promises are at the heart of how families and services in Anytown work together.
            ## Be Kind
            - We will be kind to everyone.
            ## Listen Well
            - We will listen to what you tell us.
            ## Keep In Touch
            - We will write to you in good time.
            """
        let assistant = TestSupport.assistant(
            content: try TestSupport.councilContent(["charter.md": charter, "council.yaml": Self.council]))
        let reply = await assistant.respond(to: "what are the three promises", sessionId: "a", channel: .cli)
        #expect(reply.intent == "about.parts")
    }

    /// The learned model is read on a thread of its own: its problems are still reported with their
    /// lines, and a category the rules do not have is caught.
    @Test func aBrokenSafeguardingModelIsReportedWithItsLines() throws {
        let model = "@bias -2\n@threshold 0.9\n@category nowhere\nhit 1.5\nkicked lots\n"
        let folder = try TestSupport.councilFolder([
            "charter.md": Self.charter, "council.yaml": Self.council, "safeguarding-model.txt": model,
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect {
            _ = try Content.load(from: folder.path)
        } throws: { error in
            let diagnostics = (error as? ContentErrors)?.diagnostics ?? []
            let modelFile = folder.appendingPathComponent("safeguarding-model.txt").path
            return diagnostics.map(\.description).contains { $0.hasPrefix(modelFile + ":5:1") && $0.contains("'lots'") }
                && diagnostics.contains { $0.message.contains("category 'nowhere' is not a category") }
        }
    }

    /// A charter that is one list (BCP's "The values we have agreed together") counts and picks
    /// its statements as its parts.
    @Test func aCharterOfOnePartCountsAndPicksItsStatements() async throws {
        let charter = """
            # Anytown Values
            These are the values we agreed.
            ## Our values
            - Everyone is an equal partner.
            - All communication is clear and timely.
            - We are honest with each other.
            """
        let assistant = TestSupport.assistant(
            content: try TestSupport.councilContent(["charter.md": charter, "council.yaml": Self.council]))
        let lost = await assistant.respond(to: "tell me more", sessionId: "a", channel: .cli)
        #expect(lost.intent == "system.no-context")
        #expect(lost.reply.contains("one of the three promises"), "not 'one of the one promises': \(lost.reply)")
        let list = await assistant.respond(to: "what are the promises", sessionId: "b", channel: .cli)
        #expect(list.sources.count == 3)
        let last = await assistant.respond(to: "ok and the last one?", sessionId: "b", channel: .cli)
        #expect(last.sources.map(\.text) == ["We are honest with each other."])
        // No easy-read form is written for it: the same words are not called simpler.
        let meaning = await assistant.respond(to: "what does that mean", sessionId: "b", channel: .cli)
        #expect(meaning.reply.hasPrefix("I don't have simpler words for that yet."), "\(meaning.reply)")
        #expect(!meaning.reply.contains("In simpler words"))
        #expect(meaning.sources.map(\.text) == ["We are honest with each other."])
        // Picked one after another from the list, as a young person goes through it.
        _ = await assistant.respond(to: "what are the promises", sessionId: "c", channel: .cli)
        let first = await assistant.respond(to: "the first one", sessionId: "c", channel: .cli)
        #expect(first.sources.map(\.text) == ["Everyone is an equal partner."])
        let second = await assistant.respond(to: "the second one", sessionId: "c", channel: .cli)
        #expect(second.sources.map(\.text) == ["All communication is clear and timely."], "\(second.reply)")
        let next = await assistant.respond(to: "and the next one", sessionId: "c", channel: .cli)
        #expect(next.sources.map(\.text) == ["We are honest with each other."], "\(next.reply)")
    }

    @Test func aCouncilIntentReplacesTheBaseIntentOfTheSameID() throws {
        let content = try TestSupport.councilContent([
            "charter.md": Self.charter, "council.yaml": Self.council,
            "mine.yaml": """
            - id: about.send
              examples: [what is send in anytown]
              reply: In {place}, SEND means special educational needs and disabilities.
            """,
        ])
        let send = try #require(content.intent(id: "about.send"))
        #expect(send.examples == ["what is send in anytown"])
        #expect(send.response.text == "In Anytown, SEND means special educational needs and disabilities.")
        #expect(content.intents.filter { $0.id == "about.send" }.count == 1)
    }

    @Test func aCouncilsSynonymsAddToTheBase() throws {
        let lexicon = try TestSupport.councilContent([
            "charter.md": Self.charter, "council.yaml": Self.council,
            "synonyms.yaml": "groups:\n  - [kindness, niceness]\n",
        ]).lexicon
        #expect(lexicon.synonymGroups.contains(["kindness", "niceness"]))
        #expect(lexicon.synonymGroups.count > 1, "the base's groups are kept")
        #expect(!lexicon.dictionary.isEmpty, "the base's dictionary is kept")
    }

    @Test func anUnknownPlaceholderIsAnErrorAtItsIntent() throws {
        let found = try errors([
            "charter.md": Self.charter, "council.yaml": Self.council,
            "mine.yaml": """
            - id: extra.ask
              examples: [who runs it]
              reply: Ask {councill}.
            """,
        ])
        let problem = try #require(found.first { $0.message.contains("'{councill}'") })
        #expect(problem.file.hasSuffix("mine.yaml") && problem.line == 1)
        #expect(problem.message.contains("did you mean '{council}'?"))
    }

    @Test func councilYAMLProblemsAreReported() throws {
        let missing = try errors([
            "charter.md": Self.charter, "council.yaml": "council: Anytown Council\nbase: ../base\n",
        ])
        #expect(missing.contains { $0.file.hasSuffix("council.yaml") && $0.message.contains("'parts', 'part-word'") })
        let noBase = try errors([
            "charter.md": Self.charter,
            "council.yaml": Self.council.replacingOccurrences(of: "../base", with: "../nowhere"),
        ])
        #expect(
            noBase.contains {
                $0.message.contains("the base layer '../nowhere'") && $0.message.contains("is not a folder")
            })
        let noCharter = try errors(["council.yaml": Self.council])
        #expect(noCharter.contains { $0.file.hasSuffix("charter.md") && $0.message == "there is no charter" })
    }

    @Test func stokesContentIsACouncilLayerOverTheBase() {
        let content = TestSupport.content
        #expect(content.council?.parts == "cornerstones")
        #expect(content.layers.map { URL(fileURLWithPath: $0).lastPathComponent } == ["base", "stoke-on-trent"])
        #expect(
            content.intent(id: "part.communicate")?.location.file.hasSuffix("stoke-on-trent/cornerstones.yaml") == true)
    }
}
