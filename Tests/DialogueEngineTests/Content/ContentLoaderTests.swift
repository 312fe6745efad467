import Foundation
import Knowledge
import Testing

@testable import DialogueEngine

@Suite struct ContentLoaderTests {
    /// A copy of the project's content (base and council layers) in a temporary directory, with
    /// `changes` applied to the council's folder (or to the base's file where only the base has
    /// it); returns the council's folder.
    private func contentDirectory(_ changes: [String: String?]) throws -> URL {
        let root = try TestSupport.temporaryDirectory().appendingPathComponent("intents")
        try FileManager.default.copyItem(at: TestSupport.contentRoot, to: root)
        let directory = root.appendingPathComponent("stoke-on-trent")
        for (name, text) in changes {
            var url = directory.appendingPathComponent(name)
            let inBase = root.appendingPathComponent("base").appendingPathComponent(name)
            if !FileManager.default.fileExists(atPath: url.path) && FileManager.default.fileExists(atPath: inBase.path)
            {
                url = inBase
            }
            if let text {
                try text.write(to: url, atomically: true, encoding: .utf8)
            } else {
                try FileManager.default.removeItem(at: url)
            }
        }
        return directory
    }

    @Test func dictionaryLinesAreTrimmedFoldedAndCommentsSkipped() {
        let text = "# a comment\r\napple\r\n  Banana \t\n\n   \n#pear\ncafé\nkiwi"
        #expect(ContentLoader.readDictionary(text) == ["apple", "banana", "cafe", "kiwi"])
        #expect(ContentLoader.readDictionary("").isEmpty)
        #expect(ContentLoader.readDictionary("\n\r\n \n").isEmpty)
    }

    /// Texts are trimmed of white space as Foundation's `.whitespacesAndNewlines` would.
    @Test(arguments: [
        "  hello \n", "\t\r\nhello", "hello", "", " \u{00A0}\u{2028}\u{3000} ", "\u{0085}a b\u{2029}",
        "\u{200B}x\u{200B}", "\u{180E}x\u{FEFF}",
        "e\u{301} ", " \u{301}x", "\u{1F600} \u{1F600}",
    ])
    func textsAreTrimmedAsFoundationDoes(_ text: String) {
        #expect(YAMLDocument.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Content is read as text: YAML 1.1's "off", "on", null and dates stay the words they are.
    @Test func yamlScalarsAreReadAsText() throws {
        let directory = try contentDirectory([
            "extra.yaml": """
            - id: extra.words
              examples: [off, "on", 2024-01-01, null, 12]
              reply: Yes.
            """
        ])
        defer {
            try? FileManager.default.removeItem(at: directory.deletingLastPathComponent().deletingLastPathComponent())
        }
        let intent = try #require(try Content.load(from: directory.path).intent(id: "extra.words"))
        #expect(intent.examples == ["off", "on", "2024-01-01", "null", "12"])
    }

    private func errors(_ changes: [String: String?]) throws -> [ContentDiagnostic] {
        let directory = try contentDirectory(changes)
        defer {
            try? FileManager.default.removeItem(at: directory.deletingLastPathComponent().deletingLastPathComponent())
        }
        do {
            _ = try Content.load(from: directory.path)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func theProjectsContentLoadsAndPassesTheAudit() throws {
        let content = TestSupport.content
        #expect(content.charter.allStatements.count == 49)
        #expect(content.intentCount > 60)
        for required in Content.requiredIntents { #expect(content.intent(id: required) != nil) }
        #expect(ContentAudit(content: content).run().map(\.description) == [])
    }

    /// `check` tries a suggestion naming a part with every part's title, and reports one whose
    /// placeholder nothing fills at answer time (only follow-ups fill `{other-part}`).
    @Test func partPlaceholdersInSuggestionsAreCheckedWhereTheyAreFilled() {
        func intent(_ id: String, _ kind: Intent.Kind, suggestions: [String]) -> Intent {
            Intent(
                id: id, kind: kind, examples: ["an example about \(id)"], keywords: [],
                response: Response(text: "Some words."), more: nil, list: [], suggestions: suggestions,
                location: SourceLocation(file: "extra.yaml", line: 1, column: 3))
        }
        let content = TestSupport.content(with: [
            intent("topic.unfilled", .answer, suggestions: ["Explain {other-part}", "Explain {part}"]),
            intent("followup.filled", .followup, suggestions: ["Explain {other-part}", "Explain {part}"]),
        ])
        let problems = ContentAudit(content: content).run().map(\.message)
        #expect(problems.contains { $0.contains("'topic.unfilled'") && $0.contains("{other-part}") })
        #expect(problems.contains { $0.contains("'topic.unfilled'") && $0.contains("{part}") })
        #expect(!problems.contains { $0.contains("'followup.filled'") && $0.contains("does not fill") })
    }

    @Test func unknownKeyIsReportedWithLineColumnAndSuggestion() throws {
        let found = try errors([
            "extra.yaml": """
            - id: extra.one
              examples: [hello there friend]
              replly: hi
            """
        ])
        let problem = try #require(found.first { $0.message.contains("unknown key 'replly'") })
        #expect(problem.file.hasSuffix("extra.yaml"))
        #expect(problem.line == 3)
        #expect(problem.column == 3)
        #expect(problem.message.contains("did you mean 'reply'?"))
        #expect(problem.description.contains("extra.yaml:3:3: error: unknown key 'replly'"))
    }

    /// The rules are read on a thread of their own, but their problems are reported in turn: after
    /// the synonyms' and before the intents'.
    @Test func problemsAreReportedInTheOrderTheFilesAreRead() throws {
        let found = try errors([
            "synonyms.yaml": "groups:\n  - [a, b]\nsurprise: 1\n",
            "safeguarding.yaml": "categories:\n  - id: x\n    reply: hi\n    rules: ['(oops']\n",
            "extra.yaml": "- id: extra.one\n  replly: hello\n",
        ])
        let files = found.map { URL(fileURLWithPath: $0.file).lastPathComponent }
        let synonyms = try #require(files.firstIndex(of: "synonyms.yaml"))
        let rules = try #require(files.firstIndex(of: "safeguarding.yaml"))
        let intents = try #require(files.firstIndex(of: "extra.yaml"))
        #expect(synonyms < rules && rules < intents, "\(files)")
    }

    @Test func safeguardingRuleErrorsPointAtTheRule() throws {
        let found = try errors([
            "safeguarding.yaml": """
            contacts:
              front-door: the Front Door on 01234 567890
            lists:
              family: [mum, dad]
            categories:
              - id: physical
                reply: Call {front-dor} or Childline on 0800 1111.
                rules:
                  - 'hit me'
                  - '@famly hits me'
              - id: low
                tier: maybe
                reply: Are you okay?
                rules: ['(not okay']
            """
        ])
        let list = try #require(found.first { $0.message.contains("unknown word list '@famly'") })
        #expect(list.file.hasSuffix("safeguarding.yaml"))
        #expect(list.line == 10)
        #expect(list.message.contains("did you mean '@family'?"))
        let contact = try #require(found.first { $0.message.contains("unknown contact '{front-dor}'") })
        #expect(contact.line == 7)
        #expect(contact.message.contains("did you mean '{front-door}'?"))
        #expect(found.contains { $0.message.contains("unknown tier 'maybe'") && $0.line == 12 })
        #expect(found.contains { $0.message.contains("'(' without ')'") && $0.line == 14 })
    }

    @Test func duplicateIdsPointAtTheFirstDefinition() throws {
        let found = try errors([
            "extra.yaml": """
            - id: topic.breaks
              examples: [a brand new question about pauses]
              reply: hi
            """
        ])
        let problem = try #require(found.first { $0.message.contains("duplicate intent id 'topic.breaks'") })
        #expect(problem.file.hasSuffix("communicate.yaml") || problem.file.hasSuffix("extra.yaml"))
        #expect(problem.hint?.contains("first defined at") == true)
    }

    @Test func anExampleOfTwoIntentsIsReportedHoweverItIsWritten() throws {
        let found = try errors([
            "extra.yaml": """
            - id: extra.dogs
              examples: [can i bring my dog to the meeting]
              reply: hi
            - id: extra.pets
              examples: ["Can I bring   my DOG to the meeting?!"]
              reply: hi
            """
        ])
        #expect(found.contains { $0.message.contains("of 'extra.pets' is also an example of 'extra.dogs'") })
    }

    @Test(arguments: [
        "Who are you?", "who   are YOU!!", "can't stop", "co-production", "Zoë's café", "ＣＡＮ I", "٣ things", "a\tb", "",
    ])
    func duplicateKeysKeepLettersDigitsAndSpacesOnly(example: String) {
        let general = TextFolder.fold(example).filter { $0.isLetter || $0.isNumber || $0 == " " }
        #expect(ContentLoader.duplicateKey(example) == general)
    }

    @Test func referencesToMissingStatementsAreErrors() throws {
        let found = try errors([
            "extra.yaml": """
            - id: extra.bad-quote
              examples: [some question nobody asks]
              quote: welcom-and-care.c1
            - id: extra.bad-number
              examples: [another question nobody asks]
              quote: communicate.c9
            """
        ])
        let first = try #require(found.first { $0.message.contains("'welcom-and-care.c1'") })
        #expect(first.line == 3)
        #expect(first.message.contains("did you mean 'welcome-and-care.c1'?"))
        #expect(found.contains { $0.message.contains("'communicate.c9'") && $0.line == 6 })
    }

    @Test func emptyRepliesAndMissingExamplesAreErrors() throws {
        let found = try errors([
            "extra.yaml": """
            - id: extra.silent
              examples: [a question]
              reply: ""
            - id: extra.no-examples
              reply: something
            """
        ])
        #expect(found.contains { $0.message.contains("'reply' is empty") })
        #expect(found.contains { $0.message.contains("'extra.silent' has an empty reply") })
        #expect(found.contains { $0.message.contains("'extra.no-examples' has no examples") && $0.line == 4 })
    }

    @Test func yamlSyntaxErrorsCarryTheirPosition() throws {
        let found = try errors(["extra.yaml": "- id: x\n  examples: [unclosed\n"])
        let problem = try #require(found.first)
        #expect(problem.message.hasPrefix("YAML syntax"))
        #expect(problem.line >= 2)
    }

    @Test func aMissingRequiredIntentOrFileIsReported() throws {
        let withoutSystem = try errors(["system.yaml": nil])
        #expect(withoutSystem.contains { $0.message == "required intent 'system.fallback' is missing" })
        let withoutCharter = try errors(["charter.md": nil])
        #expect(withoutCharter.contains { $0.file.hasSuffix("charter.md") && $0.message == "there is no charter" })
    }

    @Test func allProblemsAreReportedTogether() throws {
        let found = try errors([
            "extra.yaml": """
            - id: extra.a
              examples: [first odd question]
              kind: anser
            - id: extra.b
              examples: [second odd question]
              quote: nowhere.c1
            """
        ])
        #expect(found.contains { $0.message.contains("unknown kind 'anser' (did you mean 'answer'?)") })
        #expect(found.contains { $0.message.contains("'nowhere.c1'") })
    }

    @Test func aMissingDirectorySaysHowToFixIt() {
        #expect {
            _ = try Content.load(from: "/nonexistent/intents")
        } throws: { error in
            (error as? ContentErrors)?.description.contains("--intents") == true
        }
    }
}
