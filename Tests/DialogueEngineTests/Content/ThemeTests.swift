import Foundation
import Knowledge
import Testing

@testable import DialogueEngine

/// Themes (`themes.yaml`): ideas many charters share, linked to the statement of a council's charter
/// that says the same, so that everyday questions reach it without hand-written intents.
@Suite struct ThemeTests {
    static let charter = """
        # Anytown SEND Charter
        This charter says how families and services in Anytown work together.
        ## Our Values
        - Everyone is listened to and their views are heard.
        - Meetings are held at times and places that suit families.
        - Information is shared in plain language, without jargon.
        """

    static let council = TestSupport.anytownCouncil(parts: "values", partWord: "value")

    static let themes = """
        - theme: listening
          about:
            - we will listen to you
            - everyone is listened to and heard
          examples:
            - does anybody care what i think
            - nobody pays attention when i talk
        - theme: transport
          about:
            - transport is arranged by buses and taxis
          examples:
            - how do i get a bus pass
        """

    private func parsedCharter() throws -> Charter {
        try CharterParser.parse(Self.charter, file: "charter.md")
    }

    private func theme(_ name: String, about: [String]) -> Theme {
        Theme(name: name, about: about, examples: ["an example"])
    }

    @Test func aThemeLinksToTheStatementThatSaysTheSame() throws {
        let charter = try parsedCharter()
        let analyzer = TextAnalyzer(lexicon: TestSupport.content.lexicon)
        let listened = try #require(charter.allStatements.first { $0.text.hasPrefix("Everyone is listened") })
        let plain = try #require(charter.allStatements.first { $0.text.hasPrefix("Information") })
        let links = Theme.links(
            [
                theme("listening", about: ["we will listen to you", "everyone is listened to and heard"]),
                theme("jargon", about: ["we will use plain language and avoid jargon"]),
                theme("transport", about: ["transport is arranged by buses and taxis"]),
            ], charter: charter, analyzer: analyzer, excluding: [])
        #expect(links["listening"] == Theme.Link(statement: listened.id, strength: 1))
        #expect(links["jargon"] == Theme.Link(statement: plain.id, strength: 1))
        #expect(links["transport"] == nil, "no statement says anything about transport")
    }

    @Test func aStatementTheCouncilQuotesIsLeftToItsIntent() throws {
        let charter = try parsedCharter()
        let analyzer = TextAnalyzer(lexicon: TestSupport.content.lexicon)
        let listened = try #require(charter.allStatements.first { $0.text.hasPrefix("Everyone is listened") })
        let links = Theme.links(
            [theme("listening", about: ["everyone is listened to and heard"])], charter: charter, analyzer: analyzer,
            excluding: [listened.id])
        #expect(links["listening"] == nil, "no other statement says anything about listening")
    }

    /// A theme whose idea two statements say about equally links to neither, not to one at random.
    @Test func aThemeSaidEquallyByTwoStatementsLinksToNeither() throws {
        let charter = try CharterParser.parse(
            """
            # Twin Charter
            ## Values
            - Everyone is listened to.
            - Everyone is listened to, always.
            """, file: "charter.md")
        let analyzer = TextAnalyzer(lexicon: TestSupport.content.lexicon)
        let links = Theme.links(
            [theme("listening", about: ["everyone is listened to"])], charter: charter, analyzer: analyzer,
            excluding: [])
        #expect(links.isEmpty)
        let one = Theme.links(
            [theme("listening", about: ["everyone is listened to"])], charter: charter, analyzer: analyzer,
            excluding: [charter.allStatements[1].id])
        #expect(
            one["listening"]?.statement == charter.allStatements[0].id, "with one of them left to an intent, the other")
    }

    /// Phrases with no content word say nothing: they neither link a theme nor lower its share.
    @Test func aPhraseWithoutContentWordsIsLeftOutOfTheShare() throws {
        let charter = try parsedCharter()
        let analyzer = TextAnalyzer(lexicon: TestSupport.content.lexicon)
        let listened = try #require(charter.allStatements.first { $0.text.hasPrefix("Everyone is listened") })
        let links = Theme.links(
            [
                theme("listening", about: ["we will", "everyone is listened to and heard"]),
                theme("empty", about: ["we will", "it is"]),
            ], charter: charter, analyzer: analyzer, excluding: [])
        #expect(links["listening"]?.statement == listened.id)
        #expect(links["empty"] == nil)
    }

    /// A theme that a statement says only a little of (one of its four phrases) links weakly: its
    /// examples count in proportion, so one asked as written is answered and one matched in part is
    /// not. Below the weak floor it does not link at all.
    @Test func aThemeSaidOnlyInPartLinksWeakly() async throws {
        let themes = """
            - theme: kindness
              about:
                - we are kind and caring
                - we show compassion
                - nobody is treated harshly
                - everyone is listened to kindly
              examples:
                - will the grown ups be nice to me
            - theme: weather
              about:
                - the weather is sunny
                - it rains on tuesdays
                - snow closes the roads
                - the weather is sunny when we are listened to
              examples:
                - is it going to be sunny on friday
            """
        let content = try TestSupport.councilContent([
            "charter.md": Self.charter, "council.yaml": Self.council, "themes.yaml": themes,
        ])
        let listened = try #require(content.charter.allStatements.first { $0.text.hasPrefix("Everyone is listened") })
        let kindness = try #require(content.themeLinks["kindness"])
        #expect(kindness.statement == listened.id)
        #expect(kindness.strength > 0 && kindness.strength < 1, "weak: \(kindness.strength)")
        #expect(content.themeLinks["weather"] == nil, "a single word of four phrases is below the weak floor")
        let assistant = TestSupport.assistant(content: content)
        let asked = await assistant.respond(to: "will the grown ups be nice to me", sessionId: "s", channel: .cli)
        #expect(asked.answered)
        #expect(asked.sources.map(\.text) == [listened.text])
        #expect(assistant.explain("will the grown ups be nice to me").contains("kindness (weak)"))
        let partly = await assistant.respond(to: "will the grown ups be late", sessionId: "t", channel: .cli)
        #expect(!partly.answered || partly.sources.map(\.text) != [listened.text], "matched in part: \(partly.intent)")
        // Asked as written, a weak example is not a word-for-word match (which scores 1).
        let matcher = Matcher(content: content)
        let best = try #require(matcher.rank("will the grown ups be nice to me").first)
        #expect(best.target == .statement(listened.id))
        #expect(best.confidence < 1, "\(best.confidence)")
    }

    /// Every theme of the base layer reaches the statement of a charter that says its idea in its
    /// `about` phrases, and not another theme's: the themes are told apart by their words.
    @Test func everyBaseThemeLinksToAStatementThatSaysItsIdea() throws {
        let text = try String(
            contentsOf: TestSupport.contentRoot.appendingPathComponent("base/themes.yaml"), encoding: .utf8)
        var themes: [(name: String, about: [String])] = []
        var inAbout = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("- theme: ") {
                themes.append((String(line.dropFirst("- theme: ".count)), []))
                inAbout = false
            } else if line.hasPrefix("  ") && !line.hasPrefix("    ") {
                inAbout = line == "  about:"
            } else if inAbout, line.hasPrefix("    - "), !themes.isEmpty {
                let phrase = line.dropFirst("    - ".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                themes[themes.count - 1].about.append(phrase)
            }
        }
        #expect(themes.count >= 40 && themes.allSatisfy { !$0.about.isEmpty })
        let charter =
            "# Every idea\nThe ideas charters share.\n## Our promises\n"
            + themes.map { "- " + $0.about.joined(separator: "; ") + "." }.joined(separator: "\n")
        let content = try TestSupport.councilContent(["charter.md": charter, "council.yaml": Self.council])
        let statements = content.charter.allStatements.filter { $0.id.hasPrefix("our-promises.") }
        for (index, theme) in themes.enumerated() {
            #expect(
                content.themeLinks[theme.name] == Theme.Link(statement: statements[index].id, strength: 1),
                "\(theme.name)")
        }
    }

    @Test func aThemesExamplesAreAnsweredWithItsStatement() async throws {
        let content = try TestSupport.councilContent([
            "charter.md": Self.charter, "council.yaml": Self.council, "themes.yaml": Self.themes,
        ])
        let listened = try #require(content.charter.allStatements.first { $0.text.hasPrefix("Everyone is listened") })
        #expect(content.themeLinks["listening"]?.statement == listened.id)
        #expect(content.themeLinks["transport"] == nil)
        let assistant = TestSupport.assistant(content: content)
        let reply = await assistant.respond(to: "does anyone care what i think", sessionId: "s", channel: .cli)
        #expect(reply.answered)
        #expect(reply.sources.map(\.text) == [listened.text])
        #expect(assistant.explain("does anyone care what i think").contains("\(listened.id) (themes: listening"))
    }

    @Test func aCouncilIntentQuotingTheStatementKeepsItsQuestions() async throws {
        let content = try TestSupport.councilContent([
            "charter.md": Self.charter, "council.yaml": Self.council, "themes.yaml": Self.themes,
            "mine.yaml": """
            - id: topic.listened
              examples: [is anyone going to hear me out]
              reply: "Yes. The charter says:"
              quote: our-values.c1
            """,
        ])
        #expect(content.themeLinks["listening"] == nil)
        #expect(!content.themeLinks.values.contains { $0.statement == "our-values.c1" })
        let assistant = TestSupport.assistant(content: content)
        #expect(
            await assistant.respond(to: "is anyone going to hear me out", sessionId: "s", channel: .cli).intent
                == "topic.listened")
    }

    @Test func aThemeDefinedTwiceOrWithAnEmptyPhraseIsReportedWhereItIs() throws {
        let folder = try TestSupport.councilFolder([
            "charter.md": Self.charter, "council.yaml": Self.council,
            "themes.yaml": """
            - theme: listening
              about: [we will listen to you]
              examples: [does anybody care what i think]
            - theme: listening
              about: [everyone is heard]
              examples: [will they hear me]
            - theme: empty
              about: [we will]
              examples: [is it]
            """,
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect {
            _ = try Content.load(from: folder.path)
        } throws: { error in
            let diagnostics = (error as? ContentErrors)?.diagnostics ?? []
            let twice = diagnostics.contains {
                $0.file.hasSuffix("themes.yaml") && $0.line == 4
                    && $0.message.contains("defined twice (first at line 1)")
            }
            let empty = diagnostics.contains {
                $0.file.hasSuffix("themes.yaml") && $0.line == 8 && $0.message.contains("has no word to match")
            }
            return twice && empty
        }
    }

    @Test func aThemeWithoutAboutIsReportedWhereItIs() throws {
        let folder = try TestSupport.councilFolder([
            "charter.md": Self.charter, "council.yaml": Self.council,
            "themes.yaml": """
            - theme: listening
              examples: [does anybody care what i think]
            """,
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect {
            _ = try Content.load(from: folder.path)
        } throws: { error in
            let diagnostics = (error as? ContentErrors)?.diagnostics ?? []
            return diagnostics.contains {
                $0.file.hasSuffix("themes.yaml") && $0.line == 1 && $0.message.contains("has no 'about'")
            }
        }
    }
}
