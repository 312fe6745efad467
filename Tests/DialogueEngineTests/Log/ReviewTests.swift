import Foundation
import Knowledge
import Testing

@testable import DialogueEngine

/// The review of unanswered questions over a real SQLite file.
@Suite struct ReviewTests {
    private func withLog(_ body: (SQLiteUnansweredLog, Assistant, URL) async throws -> Void) async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = try SQLiteUnansweredLog(path: directory.appendingPathComponent("log.sqlite").path)
        let assistant = Assistant(content: TestSupport.content, log: ResilientLog(log, report: { _ in }))
        try await body(log, assistant, directory)
    }

    @Test func questionsWithSmallTyposGroupTogether() async throws {
        try await withLog { log, assistant, _ in
            for message in [
                "what time does the swimming gala start", "wat time does the swimming gala start",
                "what time does the swiming gala start?", "how do i bake a cake",
            ] {
                _ = await assistant.respond(to: message, channel: .cli)
            }
            let groups = try await log.groups(status: .new, since: nil, limit: 10)
            #expect(groups.map(\.count) == [3, 1])
            #expect(groups[0].example == "what time does the swiming gala start?")
        }
    }

    @Test func ignoredGroupsStayIgnoredWhenAskedAgain() async throws {
        try await withLog { log, assistant, _ in
            _ = await assistant.respond(to: "how do i bake a cake", channel: .cli)
            let id = try #require(try await log.groups(status: .new, since: nil, limit: 1).first?.id)
            #expect(try await log.setStatus(.ignored, of: id))
            _ = await assistant.respond(to: "how do i bake a cake?", channel: .http)
            #expect(try await log.groups(status: .new, since: nil, limit: 10).isEmpty)
            let ignored = try await log.groups(status: .ignored, since: nil, limit: 10)
            #expect(ignored.map(\.count) == [2])
            #expect(try await log.setStatus(.ignored, of: 9999) == false)
        }
    }

    @Test func showListsEveryWording() async throws {
        try await withLog { log, assistant, _ in
            _ = await assistant.respond(to: "where can i park my car", channel: .cli)
            _ = await assistant.respond(to: "where can i park my car??", channel: .http)
            let id = try #require(try await log.groups(status: nil, since: nil, limit: 1).first?.id)
            let shown = try #require(try await log.group(id: id))
            #expect(shown.questions.map(\.channel) == [.cli, .http])
            #expect(try await log.group(id: 424242) == nil)
        }
    }

    @Test func forgettingASessionDeletesItsQuestionsOnly() async throws {
        try await withLog { log, assistant, _ in
            _ = await assistant.respond(to: "how do i bake a cake", sessionId: "keep-me", channel: .http)
            _ = await assistant.respond(to: "where can i park", sessionId: "forget-me", channel: .http)
            _ = await assistant.respond(to: "what is the wifi", sessionId: "forget-me", channel: .http)
            let stored = try await log.allQuestions()
            #expect(stored.allSatisfy { $0.sessionKey != nil && $0.sessionKey != "forget-me" })
            #expect(try await log.forget(sessionID: "forget-me") == 2)
            #expect(try await log.allQuestions().map(\.question) == ["how do i bake a cake"])
        }
    }

    @Test func retentionDeletesOldRowsAndKeepsDecisions() async throws {
        try await withLog { log, _, _ in
            let old = Date().addingTimeInterval(-200 * 86_400)
            try await log.write(
                LogBatch(
                    questions: [
                        UnansweredQuestion(
                            askedAt: old, question: "old question", normalized: "old question", channel: .cli,
                            outcome: .fallback, bestIntent: nil, score: 0),
                        UnansweredQuestion(
                            askedAt: Date(), question: "new question", normalized: "new question", channel: .cli,
                            outcome: .fallback, bestIntent: nil, score: 0),
                    ], safeguarding: [SafeguardingEvent(date: old, channel: .http)]))
            let deleted = try log.deleteOlder(than: Date().addingTimeInterval(-180 * 86_400))
            #expect(deleted == 2)
            #expect(try await log.allQuestions().map(\.question) == ["new question"])
            #expect(try await log.safeguardingCount() == 0)
        }
    }

    @Test func statsCountEveryKindOfReply() async throws {
        try await withLog { log, assistant, _ in
            var kinds: [Reply.Kind] = []
            for message in [
                "what is co-production", "hello", "how do i bake a cake", "i really want to kill myself", "rules",
            ] {
                kinds.append(await assistant.respond(to: message, channel: .cli).kind)
            }
            let stats = try await log.stats(byWeek: false)
            let today = try #require(stats.first)
            #expect(stats.count == 1)
            #expect(today.questions == 5)
            #expect(today.answered + today.unanswered + today.clarified + today.safeguarding == 5)
            #expect(today.safeguarding == 1)
            #expect(today.answered == kinds.filter { $0 == .answer || $0 == .smalltalk }.count)
            #expect(today.answered >= 2)
            #expect(today.clarified == kinds.filter { $0 == .clarify }.count)
            #expect(today.unanswered == kinds.filter { $0 == .fallback }.count)
            #expect(try await log.stats(byWeek: true).first?.questions == 5)
        }
    }

    /// The unanswered log, feedback and the daily counts record whether easy read was on.
    @Test func easyReadIsRecordedWithQuestionsFeedbackAndCounts() async throws {
        try await withLog { log, assistant, _ in
            let missed = await assistant.respond(
                to: "how do i bake a cake", sessionId: "s", channel: .http, style: .easy)
            let answered = await assistant.respond(
                to: "can i have a break", sessionId: "s", channel: .http, style: .easy)
            _ = await assistant.respond(to: "what is co-production", sessionId: "s", channel: .http)
            try await assistant.feedback(
                sessionId: "s", messageId: answered.messageId, helpful: true, comment: nil, channel: .http)
            #expect(missed.style == .easy)
            #expect(try await log.allQuestions().map(\.style) == [.easy])
            #expect(try await log.feedback(helpful: nil, limit: 5).map(\.style) == [.easy])
            let today = try #require(try await log.stats(byWeek: false).first)
            #expect(today.questions == 3)
            #expect(today.easy == 2)
            // A repeat of the last message in the other style (the widget's toggle) is answered but
            // not counted again; a "repeat" of an earlier message is a new question.
            _ = await assistant.respond(
                to: "what is co-production", sessionId: "s", channel: .http, style: .easy, repeated: true)
            #expect(try await log.stats(byWeek: false).first?.questions == 3)
            _ = await assistant.respond(
                to: "how do i bake a cake", sessionId: "s", channel: .http, style: .standard, repeated: true)
            #expect(try await log.stats(byWeek: false).first?.questions == 4)
            #expect(try await log.allQuestions().count == 2)
        }
    }

    /// A copy of the project's content and a log in a temporary directory, with one stored question.
    private func withReview(
        storing question: String, _ body: (ContentReview, Assistant, URL, Int64) async throws -> Void
    ) async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: TestSupport.contentRoot, to: directory.appendingPathComponent("intents"))
        let intents = directory.appendingPathComponent("intents/stoke-on-trent")
        let log = try SQLiteUnansweredLog(path: directory.appendingPathComponent("log.sqlite").path)
        try await log.record(
            UnansweredQuestion(
                askedAt: Date(), question: question, normalized: question, channel: .cli, outcome: .fallback,
                bestIntent: nil, score: 0, sessionKey: "k"))
        let id = try #require(try await log.groups(status: .new, since: nil, limit: 1).first?.id)
        let assistant = Assistant(
            content: try Content.load(from: intents.path), log: ResilientLog(InMemoryUnansweredLog(), report: { _ in }))
        try await body(
            ContentReview(source: ContentSource(directory: intents.path), log: log, assistant: assistant), assistant,
            intents, id)
    }

    @Test func anAssignedQuestionIsAnsweredAtOnce() async throws {
        let question = "can i bring my hamster along"
        try await withReview(storing: question) { (review, assistant, intents, id) async throws in
            #expect(await !assistant.respond(to: question, channel: .cli).answered)
            let group = try await review.assign(id, to: "topic.bring-someone")
            #expect(group.status == .assigned)
            #expect(group.assignedIntent == "topic.bring-someone")
            let reply = await assistant.respond(to: question, channel: .cli)
            #expect(reply.answered, "the running assistant answers from the new content")
            #expect(reply.intent == "topic.bring-someone")
            // Assigning again adds nothing; the file holds the example once, and no temporary file is left.
            try await review.assign(id, to: "topic.bring-someone")
            let learned = try String(contentsOf: intents.appendingPathComponent("learned.yaml"), encoding: .utf8)
            #expect(learned.components(separatedBy: question).count == 2)
            let names = try FileManager.default.contentsOfDirectory(atPath: intents.path)
            #expect(!names.contains { $0.hasSuffix(".tmp") })
            // Hand-written files are untouched.
            let original = try String(
                contentsOfFile: TestSupport.intentsDirectory + "/welcome-and-care.yaml", encoding: .utf8)
            #expect(
                try String(contentsOf: intents.appendingPathComponent("welcome-and-care.yaml"), encoding: .utf8)
                    == original)
        }
    }

    /// Content that would not load is refused with its errors before anything is written.
    @Test func anAssignmentThatBreaksTheContentIsRefusedAndNothingIsWritten() async throws {
        // "hello" is already an example of smalltalk.greeting: a second intent may not have it.
        try await withReview(storing: "hello") { (review, _, intents, id) async throws in
            await #expect {
                try await review.assign(id, to: "topic.breaks")
            } throws: { error in
                guard case .invalidContent(let errors)? = error as? ContentReview.Failure else { return false }
                return errors.description.contains("'hello'") && errors.description.contains("is also an example of")
            }
            #expect(!FileManager.default.fileExists(atPath: intents.appendingPathComponent("learned.yaml").path))
            #expect(try await review.log?.group(id: id)?.group.status == .new)
            #expect(try Content.load(from: intents.path).intentCount > 0, "the content still loads")
        }
    }

    @Test func unknownIntentsAndGroupsAreRefusedWithAHint() async throws {
        try await withReview(storing: "can i bring my hamster along") { (review, _, _, id) async throws in
            await #expect(throws: ContentReview.Failure.unknownIntent("topic.braeks", suggestion: "topic.breaks")) {
                try await review.assign(id, to: "topic.braeks")
            }
            await #expect(throws: ContentReview.Failure.noGroup(999)) { try await review.ignore(999) }
            try await review.ignore(id)
            #expect(try await review.log?.group(id: id)?.group.status == .ignored)
        }
    }

    /// Reload refuses content with errors and keeps answering from the running content.
    @Test func aReloadOfBrokenContentKeepsTheRunningContent() async throws {
        try await withReview(storing: "x") { (review, assistant, intents, _) async throws in
            try "- id: broken\n  replly: hi\n".write(
                to: intents.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
            #expect(throws: ContentReview.Failure.self) { try review.reload() }
            #expect(await assistant.respond(to: "what is co-production", channel: .cli).answered)
        }
    }

    @Test func learnedExamplesForAnUnknownIntentAreAContentError() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: TestSupport.contentRoot, to: directory.appendingPathComponent("intents"))
        let intents = directory.appendingPathComponent("intents/stoke-on-trent")
        try "topic.braeks:\n  - can i rest\n".write(
            to: intents.appendingPathComponent("learned.yaml"), atomically: true, encoding: .utf8)
        #expect {
            _ = try Content.load(from: intents.path)
        } throws: { error in
            guard let errors = error as? ContentErrors, let first = errors.diagnostics.first else { return false }
            return first.line == 1
                && first.message.contains("unknown intent 'topic.braeks' (did you mean 'topic.breaks'?)")
        }
    }
}

@Suite struct TallyDayTests {
    @Test(arguments: [
        (0.0, "1970-01-01"), (951_782_400.0, "2000-02-29"), (1_795_910_400.0, "2026-11-29"),
        (1_795_996_799.0, "2026-11-29"), (4_107_542_400.0, "2100-03-01"), (-86_400.0, "1969-12-31"),
    ])
    func daysAreUTCCalendarDays(seconds: Double, day: String) {
        #expect(Tally.day(of: Date(timeIntervalSince1970: seconds)) == day)
    }
}
