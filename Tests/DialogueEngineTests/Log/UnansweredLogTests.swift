import Foundation
import GRDB
import Testing

@testable import DialogueEngine

@Suite struct UnansweredLogTests {
    @Test func unansweredQuestionsArePersistedRedactedAndGrouped() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("log.sqlite").path
        do {
            let log = try SQLiteUnansweredLog(path: path)
            let assistant = Assistant(content: TestSupport.content, log: ResilientLog(log, report: { _ in }))
            for message in [
                "what time is the swimming gala", "What time is the swimming gala?", "WHAT TIME IS THE SWIMMING GALA",
                "my name is Sam, what's the weather", "will people listen to me",
            ] {
                _ = await assistant.respond(to: message, channel: .cli)
            }
            _ = await assistant.respond(to: "i really want to kill myself", channel: .http)
        }
        // Reopen the file: everything is still there.
        let reopened = try SQLiteUnansweredLog(path: path)
        let groups = try await reopened.missed(limit: 10)
        #expect(groups.count == 2)
        #expect(groups.first?.count == 3)
        #expect(groups.first?.normalized == "what time is the swimming gala")
        let all = try await reopened.allQuestions()
        #expect(all.count == 4)
        #expect(all.allSatisfy { !$0.question.contains("Sam") })
        #expect(all.contains { $0.question.contains("[name]") })
        #expect(all.allSatisfy { $0.channel == .cli && $0.outcome == .fallback })
        #expect(all.allSatisfy { !$0.question.contains("kill") })
        #expect(try await reopened.safeguardingCount() == 1)
    }

    /// Closing folds the write-ahead log into the file; a later write opens the file again.
    @Test func closingLeavesOneFileAndWritingReopensIt() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("log.sqlite").path
        let log = try SQLiteUnansweredLog(path: path)
        let question = UnansweredQuestion(
            askedAt: Date(), question: "how do i fly a kite", normalized: "how do i fly a kite", channel: .cli,
            outcome: .fallback, bestIntent: nil, score: 0)
        try await log.record(question)
        try log.close()
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(try await SQLiteUnansweredLog(path: path).allQuestions().count == 1)
        try await log.record(question)
        #expect(try await log.allQuestions().count == 2)
    }

    /// The same question through `Encodable`, as rows were stored before `encode(to:)` was written out.
    private struct EncodableQuestion: Codable, MutablePersistableRecord {
        static let databaseTableName = UnansweredQuestion.databaseTableName
        var id: Int64?
        var askedAt: Date
        var question: String
        var normalized: String
        var channel: Channel
        var outcome: UnansweredQuestion.Outcome
        var bestIntent: String?
        var score: Double
        var sessionKey: String?
        var groupId: Int64?
    }

    @Test(arguments: [true, false])
    func rowsAreStoredAsEncodableStoredThem(optionalsSet: Bool) throws {
        let queue = try DatabaseQueue()
        _ = try SQLiteUnansweredLog(writer: queue)
        let date = Date(timeIntervalSince1970: 1_795_947_123.456)
        var question = UnansweredQuestion(
            askedAt: date, question: "what time is the [name] gala", normalized: "what time is the gala",
            channel: .http, outcome: .clarify, bestIntent: optionalsSet ? "topic.breaks" : nil, score: 0.4375,
            sessionKey: optionalsSet ? "0123456789abcdef" : nil)
        var mirror = EncodableQuestion(
            askedAt: date, question: question.question, normalized: question.normalized, channel: .http,
            outcome: .clarify, bestIntent: question.bestIntent, score: question.score, sessionKey: question.sessionKey)
        try queue.write { db in
            let group = try Int64.fetchOne(
                db, sql: "INSERT INTO questionGroup (normalized, createdAt) VALUES ('x', ?) RETURNING id",
                arguments: [date])
            question.groupId = optionalsSet ? group : nil
            mirror.groupId = question.groupId
            try question.insert(db)
            try mirror.insert(db)
        }
        let rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM unansweredQuestion ORDER BY id") }
        try #require(rows.count == 2)
        let columns = Array(rows[0].columnNames)
        #expect(columns.contains("askedAt") && columns.contains("groupId"))
        for column in columns where column != "id" {
            #expect(rows[0][column] as DatabaseValue == rows[1][column] as DatabaseValue, "\(column)")
        }
        #expect(question.id == rows[0]["id"])
    }

    @Test func theDatabaseUsesWALAndHasEveryMigration() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("log.sqlite").path
        _ = try SQLiteUnansweredLog(path: path)
        let queue = try DatabaseQueue(path: path)
        let mode = try await queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let applied = try await queue.read { db in try SQLiteUnansweredLog.migrator.appliedIdentifiers(db) }
        #expect(applied == Set(SQLiteUnansweredLog.migrator.migrations))
    }

    /// A log written before councils were recorded keeps every row, with the council empty, and
    /// the same question asked of two councils makes two groups.
    @Test func aLogFromBeforeCouncilsKeepsItsRows() async throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("log.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try SQLiteUnansweredLog.migrator.migrate(queue, upTo: "v5: easy read recorded")
            try await queue.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO questionGroup (id, normalized, status, createdAt) VALUES (7, 'old question', 'ignored', ?)",
                    arguments: [Date()])
                try db.execute(
                    sql: """
                        INSERT INTO unansweredQuestion (askedAt, question, normalized, channel, outcome, score, groupId)
                        VALUES (?, 'old question', 'old question', 'http', 'fallback', 0, 7)
                        """, arguments: [Date()])
                try db.execute(sql: "INSERT INTO dailyCount (day, channel, questions) VALUES ('2026-11-30', 'http', 3)")
                try db.execute(
                    sql:
                        "INSERT INTO safeguardingCount (day, channel, category, count) VALUES ('2026-11-30', 'http', 'online', 2)"
                )
            }
        }
        let log = try SQLiteUnansweredLog(path: path)
        let groups = try await log.groups(status: nil, since: nil, limit: 10)
        #expect(groups.map(\.id) == [7] && groups.first?.status == .ignored && groups.first?.council == "")
        #expect(try await log.stats(byWeek: false).first?.questions == 3)
        #expect(try await log.safeguardingCounts().first?.count == 2)
        for council in ["anytown", "elsewhere"] {
            try await log.record(
                UnansweredQuestion(
                    askedAt: Date(), question: "old question", normalized: "old question", channel: .http,
                    outcome: .fallback, bestIntent: nil, score: 0, council: council))
        }
        #expect(try await log.groups(status: nil, since: nil, limit: 10).count == 3)
        #expect(
            try await log.groups(status: nil, since: nil, limit: 10, council: "anytown").map(\.council) == ["anytown"])
    }

    @Test func anUnopenableDatabaseDoesNotStopTheConversation() async throws {
        let collector = ReportCollector()
        var problem: String?
        do {
            _ = try SQLiteUnansweredLog(path: "/nonexistent-directory/sub/log.sqlite")
        } catch {
            problem = "cannot open: \(error)"
        }
        #expect(problem != nil)
        let log = ResilientLog(nil, problem: problem, report: collector.report)
        let assistant = Assistant(content: TestSupport.content, log: log)
        let answered = await assistant.respond(to: "what is co-production", channel: .cli)
        #expect(answered.answered)
        let unanswered = await assistant.respond(to: "how tall is a giraffe", channel: .cli)
        #expect(!unanswered.answered)
        _ = await assistant.respond(to: "how heavy is an elephant", channel: .cli)
        #expect(collector.messages.count == 1)
        #expect(await log.state == .degraded)
        // Two questions and three reply tallies could not be stored.
        #expect(log.dropped == 5)
    }

    @Test func aFullQueueDropsTheOldestAndCountsThem() async throws {
        let flaky = FlakyLog()
        await flaky.setFailing(true)
        let log = ResilientLog(flaky, queued: true, capacity: 3, report: { _ in })
        for index in 1...5 {
            await log.record(
                UnansweredQuestion(
                    askedAt: Date(), question: "q\(index)", normalized: "q", channel: .http, outcome: .fallback,
                    bestIntent: nil, score: 0))
        }
        #expect(log.pendingCount == 3)
        #expect(log.dropped == 2)
        await flaky.setFailing(false)
        await log.flush()
        #expect(await flaky.stored.map(\.question) == ["q3", "q4", "q5"])
        #expect(log.pendingCount == 0)
    }

    @Test func queuedWritesWaitForAFlush() async throws {
        let memory = InMemoryUnansweredLog()
        let log = ResilientLog(memory, queued: true, report: { _ in })
        await log.recordSafeguarding(at: Date(), channel: .http)
        #expect(try await memory.safeguardingCount() == 0)
        await log.flush()
        #expect(try await memory.safeguardingCount() == 1)
        #expect(await log.written == 1)
    }

    @Test func aFailingWriteIsReportedOnceAndRecovers() async throws {
        let flaky = FlakyLog()
        let collector = ReportCollector()
        let log = ResilientLog(flaky, report: collector.report)
        let assistant = Assistant(content: TestSupport.content, log: log)
        await flaky.setFailing(true)
        let first = await assistant.respond(to: "how tall is a giraffe", channel: .cli)
        let second = await assistant.respond(to: "how heavy is a whale", channel: .cli)
        #expect(!first.answered && !second.answered)
        #expect(collector.messages.count == 1)
        #expect(collector.messages.first?.contains("not being saved") == true)
        #expect(await log.state == .degraded)
        // Two questions and their two reply tallies wait.
        #expect(log.pendingCount == 4)
        #expect(log.dropped == 0)
        await flaky.setFailing(false)
        _ = await assistant.respond(to: "how fast is a cheetah", channel: .cli)
        #expect(await log.state == .ok)
        // Nothing was lost: the rows that waited are written with the next one.
        #expect(
            await flaky.stored.map(\.question) == [
                "how tall is a giraffe", "how heavy is a whale", "how fast is a cheetah",
            ])
    }
}

/// A log whose writes fail while `failing` is set, like a full or read-only disk.
private actor FlakyLog: UnansweredLog {
    struct DiskFull: Error {}
    private(set) var stored: [UnansweredQuestion] = []
    private var failing = false

    func setFailing(_ value: Bool) { failing = value }

    func write(_ batch: LogBatch) async throws {
        if failing { throw DiskFull() }
        stored += batch.questions
    }

    func missed(limit: Int) async throws -> [MissedGroup] { [] }

    func safeguardingCount() async throws -> Int { 0 }
    func safeguardingCounts() async throws -> [SafeguardingCount] { [] }
}

/// A log whose first write waits a little and then fails, like a disk that stalls once.
private actor StallingLog: UnansweredLog {
    struct Stalled: Error {}
    private(set) var stored: [String] = []
    private var writes = 0

    func write(_ batch: LogBatch) async throws {
        writes += 1
        if writes == 1 {
            try? await Task.sleep(for: .milliseconds(200))
            throw Stalled()
        }
        stored += batch.questions.map(\.question)
    }

    func missed(limit: Int) async throws -> [MissedGroup] { [] }
    func safeguardingCount() async throws -> Int { 0 }
    func safeguardingCounts() async throws -> [SafeguardingCount] { [] }
}

@Suite struct FlushOrderTests {
    private static func question(_ text: String) -> UnansweredQuestion {
        UnansweredQuestion(
            askedAt: Date(), question: text, normalized: text, channel: .http, outcome: .fallback, bestIntent: nil,
            score: 0, sessionKey: "k")
    }

    @Test func flushesDoNotOverlapSoAFailedBatchStaysAheadOfLaterRows() async throws {
        let stalling = StallingLog()
        let log = ResilientLog(stalling, queued: true, report: { _ in })
        await log.record(Self.question("first"))
        async let stalled: Void = log.flush()
        try await Task.sleep(for: .milliseconds(50))
        await log.record(Self.question("second"))
        // Waits for the stalled flush, then writes both, oldest first.
        await log.flush()
        await stalled
        #expect(await stalling.stored == ["first", "second"])
        #expect(log.pendingCount == 0)
        #expect(log.dropped == 0)
    }
}
