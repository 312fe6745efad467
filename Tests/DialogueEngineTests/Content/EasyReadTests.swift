import Foundation
import Knowledge
import Testing

@testable import DialogueEngine

/// The easy-read forms, written by hand as content: one for every statement, reply and safeguarding
/// reply; every sentence at most 15 words; a mean Flesch reading ease of at least 80; every number
/// (Childline's, 999, the council's) kept.
@Suite struct EasyReadTests {
    static let content = TestSupport.content

    /// Every easy form with a name for messages, and the standard text it stands for.
    static var forms: [(name: String, easy: String, standard: String)] {
        var forms: [(String, String, String)] = []
        for statement in content.charter.allStatements {
            if let easy = content.easyStatements[statement.id] { forms.append((statement.id, easy, statement.text)) }
        }
        for intent in content.intents {
            if let easy = intent.response.easy {
                forms.append((intent.id, easy, intent.response.text + " " + intent.response.after))
            }
            if let more = intent.more, let easy = more.easy {
                forms.append((intent.id + " (more)", easy, more.text + " " + more.after))
            }
        }
        for category in content.safeguarding.categories {
            if let easy = category.easy { forms.append(("safeguarding." + category.id, easy, category.reply)) }
        }
        return forms
    }

    @Test func everyStatementReplyAndSafeguardingReplyHasAnEasyForm() {
        let gaps = ContentAudit(content: Self.content).easyReadGaps(directory: TestSupport.intentsDirectory)
        #expect(gaps.isEmpty, "\(gaps.map(\.description).joined(separator: "\n"))")
    }

    /// `check` reports what has no easy form: here content without charter-easy.yaml and an intent
    /// without `easy:`, as warnings.
    @Test func missingEasyFormsAreReportedAsWarnings() {
        let bare = Intent(
            id: "topic.bare", kind: .answer, examples: ["a bare example"], keywords: [],
            response: Response(text: "Some words."), more: nil, list: [], suggestions: [],
            location: SourceLocation(file: "bare.yaml", line: 3, column: 3))
        let gaps = ContentAudit(content: TestSupport.content(with: [bare])).easyReadGaps(directory: "intents")
        #expect(gaps.allSatisfy { $0.isWarning })
        #expect(gaps.contains { $0.message.contains("no easy-read form for 49 statement(s)") })
        #expect(gaps.contains { $0.file == "bare.yaml" && $0.message.contains("'topic.bare'") })
        #expect(gaps.first?.description.contains("warning:") == true)
    }

    @Test func noSentenceIsLongerThanFifteenWords() {
        for form in Self.forms {
            for sentence in Readability.sentences(form.easy) {
                #expect(Readability.words(sentence).count <= 15, "\(form.name): '\(sentence)'")
            }
        }
    }

    @Test func theEasyFormsReadEasily() throws {
        let scores = Self.forms.compactMap { Readability.fleschReadingEase($0.easy) }
        try #require(!scores.isEmpty)
        let mean = scores.reduce(0, +) / Double(scores.count)
        #expect(mean >= 80, "mean Flesch reading ease \(mean)")
    }

    /// Every reply as the assistant sends it: easy read averages at least 80, standard at least 65.
    @Test func composedRepliesMeetTheReadabilityTargets() {
        let figures = ContentAudit(content: Self.content).readability()
        #expect(figures.replies > 100)
        #expect(figures.easyMean >= 80, "easy read \(figures.easyMean)")
        #expect(figures.standardMean >= 65, "standard \(figures.standardMean)")
        #expect(figures.easyLongestSentence <= 15)
    }

    /// A phone number, a text number or a `{contact}` of the standard reply is in the easy one too.
    @Test func everyNumberIsKept() {
        for form in Self.forms {
            let numbers = Self.numbers(in: form.standard)
            let kept = Self.numbers(in: form.easy)
            #expect(numbers.isSubset(of: kept), "\(form.name) lost \(numbers.subtracting(kept).sorted())")
        }
    }

    /// Runs of digits with their spaces ("0800 1111"), as a set.
    static func numbers(in text: String) -> Set<String> {
        var found: Set<String> = []
        var current = ""
        for character in text + " " {
            if character.isNumber || (character == " " && !current.isEmpty && current.last?.isNumber == true) {
                current.append(character)
            } else {
                let number = current.trimmingCharacters(in: .whitespaces)
                if number.count >= 3 { found.insert(number) }
                current = ""
            }
        }
        return found
    }

    /// A repeat in the other style answers from the conversation as it was before the last message:
    /// "more" shows the same part again, not the next one.
    @Test func aRepeatStartsFromTheContextBeforeTheLastMessage() async {
        let assistant = TestSupport.assistant()
        _ = await assistant.respond(to: "tell me about value and include", sessionId: "r", channel: .cli)
        _ = await assistant.respond(to: "more", sessionId: "r", channel: .cli)
        let more = await assistant.respond(to: "more", sessionId: "r", channel: .cli)
        let again = await assistant.respond(to: "more", sessionId: "r", channel: .cli, style: .easy, repeated: true)
        #expect(!more.sources.isEmpty)
        #expect(again.sources == more.sources, "the repeat shows the same part, in easy read")
        #expect(again.style == .easy)
    }

    /// The easy style answers with the easy forms and keeps the charter's exact words in the sources.
    @Test func anEasyReplyQuotesTheEasyFormsAndKeepsTheExactWordsAsSources() async {
        let assistant = TestSupport.assistant()
        let standard = await assistant.respond(to: "can i have a break", channel: .cli)
        let easy = await assistant.respond(to: "can i have a break", channel: .cli, style: .easy)
        #expect(standard.style == .standard)
        #expect(easy.style == .easy)
        #expect(easy.intent == standard.intent)
        #expect(easy.reply != standard.reply)
        #expect(easy.sources == standard.sources, "the exact words stay available")
        let statement = standard.sources.first
        #expect(statement != nil)
        #expect(!easy.reply.contains(statement?.text ?? "-"))
        let disclosure = await assistant.respond(
            to: "i keep thinking about ending my life", channel: .cli, style: .easy)
        #expect(disclosure.kind == .safeguarding)
        #expect(disclosure.reply.contains("116 123"))
        #expect(disclosure.reply == Self.content.safeguarding.category(id: "suicidal")?.easy)
    }
}
