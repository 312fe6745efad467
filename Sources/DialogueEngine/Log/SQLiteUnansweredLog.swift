public import Foundation
import GRDB
import Knowledge
import Synchronization

/// The unanswered-question log in SQLite (GRDB): a `DatabasePool` in WAL mode for a file, or an
/// in-memory `DatabaseQueue`. Opening runs the migrations.
///
/// A file database is reopened after a failed write, and whenever its file is no longer the one
/// that was opened (deleted, or its folder removed and made again): writes into a deleted file
/// would be lost without an error. Until reopening works, writes fail and the caller keeps its rows.
public struct SQLiteUnansweredLog: UnansweredLog {
    /// The open database and the file it was opened on.
    private struct Connection: Sendable {
        var writer: (any DatabaseWriter)?
        var file: UInt64?
        var failed = false
    }

    private final class Box: Sendable {
        let connection: Mutex<Connection>
        init(_ connection: Connection) { self.connection = Mutex(connection) }
    }

    /// Why a write could not start.
    public struct StorageError: Error, CustomStringConvertible {
        /// What went wrong, with the path.
        public let description: String
    }

    private let path: String?
    private let box: Box
    /// Opens (creating if needed) the database file at `path`.
    public init(path: String) throws {
        self.path = path
        self.box = Box(try Self.open(path))
    }

    /// A log for `path` that could not be opened (a read-only or missing location): each write and
    /// read tries to open it again, so writing starts once the fault is cleared.
    public static func retrying(path: String) -> SQLiteUnansweredLog {
        SQLiteUnansweredLog(path: path, box: Box(Connection(writer: nil, file: nil, failed: true)))
    }

    private init(path: String, box: Box) {
        self.path = path
        self.box = box
    }

    /// An empty database in memory.
    public static func inMemory() throws -> SQLiteUnansweredLog {
        try SQLiteUnansweredLog(writer: DatabaseQueue())
    }

    init(writer: any DatabaseWriter) throws {
        try Self.migrator.migrate(writer)
        self.path = nil
        self.box = Box(Connection(writer: writer, file: nil))
    }

    private static func open(_ path: String) throws -> Connection {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let pool = try DatabasePool(path: path, configuration: configuration)
        try migrator.migrate(pool)
        return Connection(writer: pool, file: fileNumber(path))
    }

    /// The file's inode number, or nil when there is no file at `path`. (`stat` itself: Foundation's
    /// `attributesOfItem` also reads /etc/passwd and /etc/group for the owner's names, per flush.)
    private static func fileNumber(_ path: String) -> UInt64? {
        var information = stat()
        guard stat(path, &information) == 0 else { return nil }
        return UInt64(information.st_ino)
    }

    /// The database to write to: the open one if its file is still in place and the last write
    /// worked, else a freshly opened one.
    private func currentWriter() throws -> any DatabaseWriter {
        try box.connection.withLock { connection in
            if let writer = connection.writer, !connection.failed {
                // A file database is used only while its file is still the one opened.
                guard let path else { return writer }
                if let file = Self.fileNumber(path), file == connection.file { return writer }
            }
            guard let path else { throw StorageError(description: "the in-memory database is closed") }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: folder) else {
                throw StorageError(description: "\(path): the database's folder is missing")
            }
            do {
                connection = try Self.open(path)
            } catch {
                throw StorageError(description: "\(path): cannot open the database (\(error))")
            }
            guard let writer = connection.writer else {
                throw StorageError(description: "\(path): cannot open the database")
            }
            return writer
        }
    }

    /// Closes the database file, folding its write-ahead log back into it, as closing the last
    /// connection does when a process ends normally. A later write opens it again.
    public func close() throws {
        let writer = box.connection.withLock { connection in
            defer {
                connection.writer = nil
                connection.failed = true
            }
            return connection.writer
        }
        try writer?.close()
    }

    private func markFailed() {
        box.connection.withLock { $0.failed = true }
    }

    /// Schema changes, by stable name; a landed migration is never edited, only followed by new ones.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: unanswered questions and safeguarding counts") { db in
            try db.create(table: "unansweredQuestion") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("askedAt", .datetime).notNull().indexed()
                table.column("question", .text).notNull()
                table.column("normalized", .text).notNull().indexed()
                table.column("channel", .text).notNull()
                table.column("outcome", .text).notNull()
                table.column("bestIntent", .text)
                table.column("score", .double).notNull()
            }
            try db.create(table: "safeguardingEvent") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("occurredAt", .datetime).notNull()
                table.column("channel", .text).notNull()
            }
        }
        migrator.registerMigration("v2: review groups, session keys and daily counts") { db in
            try db.create(table: "questionGroup") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("normalized", .text).notNull().unique()
                table.column("status", .text).notNull().defaults(to: "new")
                table.column("assignedIntent", .text)
                table.column("createdAt", .datetime).notNull()
            }
            try db.alter(table: "unansweredQuestion") { table in
                table.add(column: "sessionKey", .text).indexed()
                table.add(column: "groupId", .integer).references("questionGroup", onDelete: .setNull).indexed()
            }
            try db.create(table: "dailyCount") { table in
                table.column("day", .text).notNull()
                table.column("channel", .text).notNull()
                for column in ["questions", "answered", "unanswered", "clarified", "safeguarding"] {
                    table.column(column, .integer).notNull().defaults(to: 0)
                }
                table.primaryKey(["day", "channel"])
            }
        }
        migrator.registerMigration("v3: feedback") { db in
            try db.create(table: "feedback") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("givenAt", .datetime).notNull().indexed()
                table.column("sessionKey", .text).notNull().indexed()
                table.column("messageId", .text).notNull()
                table.column("helpful", .boolean).notNull()
                table.column("comment", .text)
                table.column("question", .text).notNull()
                table.column("intent", .text).notNull()
                table.column("answer", .text).notNull()
                table.column("channel", .text).notNull()
            }
        }
        migrator.registerMigration("v4: safeguarding counts by day and category") { db in
            try db.create(table: "safeguardingCount") { table in
                table.column("day", .text).notNull()
                table.column("channel", .text).notNull()
                table.column("category", .text).notNull()
                table.column("count", .integer).notNull().defaults(to: 0)
                table.primaryKey(["day", "channel", "category"])
            }
            // Earlier events kept a time each; only their day and a count are kept from now on.
            try db.execute(
                sql: """
                    INSERT INTO safeguardingCount (day, channel, category, count)
                    SELECT date(occurredAt), channel, 'unspecified', COUNT(*) FROM safeguardingEvent
                    GROUP BY date(occurredAt), channel
                    """)
            try db.drop(table: "safeguardingEvent")
        }
        migrator.registerMigration("v5: easy read recorded") { db in
            try db.alter(table: "unansweredQuestion") { table in
                table.add(column: "style", .text).notNull().defaults(to: "standard")
            }
            try db.alter(table: "feedback") { table in
                table.add(column: "style", .text).notNull().defaults(to: "standard")
            }
            try db.alter(table: "dailyCount") { table in
                table.add(column: "easy", .integer).notNull().defaults(to: 0)
            }
        }
        migrator.registerMigration("v6: the council of each row") { db in
            // One program may serve several councils: every row says whose assistant it came from
            // ('' for a program serving one). Groups, daily counts and safeguarding counts are
            // kept per council, so their keys gain the council (tables rebuilt, rows kept).
            for table in ["unansweredQuestion", "feedback"] {
                try db.alter(table: table) { table in
                    table.add(column: "council", .text).notNull().defaults(to: "")
                }
            }
            /// Makes `name` anew with a council column (built by `define`), keeping its rows.
            func rebuild(_ name: String, columns: [String], define: (TableDefinition) -> Void) throws {
                try db.create(table: name + "New") { table in
                    table.column("council", .text).notNull().defaults(to: "")
                    define(table)
                }
                let list = columns.joined(separator: ", ")
                try db.execute(sql: "INSERT INTO \(name)New (council, \(list)) SELECT '', \(list) FROM \(name)")
                try db.drop(table: name)
                try db.rename(table: name + "New", to: name)
            }
            try rebuild("questionGroup", columns: ["id", "normalized", "status", "assignedIntent", "createdAt"]) {
                table in
                table.autoIncrementedPrimaryKey("id")
                table.column("normalized", .text).notNull()
                table.column("status", .text).notNull().defaults(to: "new")
                table.column("assignedIntent", .text)
                table.column("createdAt", .datetime).notNull()
                table.uniqueKey(["council", "normalized"])
            }
            let counts = ["questions", "answered", "unanswered", "clarified", "safeguarding", "easy"]
            try rebuild("dailyCount", columns: ["day", "channel"] + counts) { table in
                table.column("day", .text).notNull()
                table.column("channel", .text).notNull()
                for column in counts { table.column(column, .integer).notNull().defaults(to: 0) }
                table.primaryKey(["council", "day", "channel"])
            }
            try rebuild("safeguardingCount", columns: ["day", "channel", "category", "count"]) { table in
                table.column("day", .text).notNull()
                table.column("channel", .text).notNull()
                table.column("category", .text).notNull()
                table.column("count", .integer).notNull().defaults(to: 0)
                table.primaryKey(["council", "day", "channel", "category"])
            }
        }
        return migrator
    }

    // MARK: Writing

    public func write(_ batch: LogBatch) async throws {
        let writer = try currentWriter()
        do {
            try await insert(batch, into: writer)
        } catch {
            markFailed()
            throw error
        }
    }

    private func insert(_ batch: LogBatch, into writer: any DatabaseWriter) async throws {
        try await writer.write { db in
            // A batch repeats questions: each wording's group is looked up once per batch.
            var groups: [String: Int64] = [:]
            for var question in batch.questions {
                let key = question.council + "\u{1F}" + question.normalized
                if let known = groups[key] {
                    question.groupId = known
                } else {
                    let id = try Self.groupID(
                        for: question.normalized, council: question.council, at: question.askedAt, db: db)
                    groups[key] = id
                    question.groupId = id
                }
                try question.insert(db)
            }
            for event in batch.safeguarding {
                try db.execute(
                    sql: """
                        INSERT INTO safeguardingCount (council, day, channel, category, count) VALUES (?, ?, ?, ?, 1)
                        ON CONFLICT(council, day, channel, category) DO UPDATE SET count = count + 1
                        """,
                    arguments: [event.council, Tally.day(of: event.date), event.channel.rawValue, event.category])
            }
            for item in batch.feedback {
                try db.execute(
                    sql: """
                        INSERT INTO feedback (givenAt, sessionKey, messageId, helpful, comment, question, intent, answer, channel, style, council)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        item.givenAt, item.sessionKey, item.messageId, item.helpful, item.comment, item.question,
                        item.intent, item.answer, item.channel.rawValue, item.style.rawValue, item.council,
                    ])
            }
            var counts: [String: [String: Int]] = [:]
            for tally in batch.tallies {
                let key = tally.day + "|" + tally.channel.rawValue + "|" + tally.council
                let column: String
                switch tally.kind {
                case .answer, .smalltalk: column = "answered"
                case .fallback: column = "unanswered"
                case .clarify: column = "clarified"
                case .safeguarding: column = "safeguarding"
                }
                counts[key, default: [:]][column, default: 0] += 1
                counts[key, default: [:]]["questions", default: 0] += 1
                if tally.style == .easy { counts[key, default: [:]]["easy", default: 0] += 1 }
            }
            for (key, columns) in counts {
                let parts = key.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
                let names = ["questions", "answered", "unanswered", "clarified", "safeguarding", "easy"]
                try db.execute(
                    sql: """
                        INSERT INTO dailyCount (day, channel, council, \(names.joined(separator: ", ")))
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(council, day, channel) DO UPDATE SET
                        \(names.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", "))
                        """,
                    arguments: StatementArguments([parts[0], parts[1], parts[2]] + names.map { columns[$0] ?? 0 }))
            }
        }
    }

    /// The group a normalised question joins: the same text, or else a near one (a typo or two),
    /// or a new group.
    private static func groupID(for normalized: String, council: String, at date: Date, db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(
            db, sql: "SELECT id FROM questionGroup WHERE council = ? AND normalized = ?",
            arguments: [council, normalized])
        {
            return id
        }
        let length = normalized.count
        let allowed = length <= 12 ? 1 : (length <= 30 ? 2 : 3)
        let source = Array(normalized.unicodeScalars)
        let candidates = try Row.fetchAll(
            db,
            sql: """
                SELECT id, normalized FROM questionGroup
                WHERE council = ? AND length(normalized) BETWEEN ? AND ? ORDER BY id DESC LIMIT 5000
                """, arguments: [council, length - allowed, length + allowed])
        var best: (id: Int64, distance: Int)?
        for row in candidates {
            let text: String = row["normalized"]
            let distance = SpellingCorrector.editDistance(source, Array(text.unicodeScalars), limit: allowed)
            if distance <= allowed, distance < (best?.distance ?? Int.max) { best = (row["id"], distance) }
        }
        if let best { return best.id }
        try db.execute(
            sql: "INSERT INTO questionGroup (council, normalized, status, createdAt) VALUES (?, ?, 'new', ?)",
            arguments: [council, normalized, date])
        return db.lastInsertedRowID
    }

    // MARK: Reading

    public func missed(limit: Int) async throws -> [MissedGroup] {
        try await groups(status: nil, since: nil, limit: limit)
    }

    /// Groups of unanswered questions, most frequent first; `status` nil means every status, and
    /// `council` nil every council.
    public func groups(
        status: MissedGroup.Status?, since: Date?, limit: Int, council: String? = nil
    ) async throws -> [MissedGroup] {
        try await currentWriter().read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let council {
                conditions.append("g.council = ?")
                arguments.append(council)
            }
            if let status {
                conditions.append("g.status = ?")
                arguments.append(status.rawValue)
            }
            if let since {
                conditions.append("q.askedAt >= ?")
                arguments.append(since)
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments.append(limit)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT g.id, g.council, g.normalized, g.status, g.assignedIntent, COUNT(q.id) AS count,
                        MIN(q.askedAt) AS firstSeen, MAX(q.askedAt) AS lastSeen,
                        (SELECT question FROM unansweredQuestion l WHERE l.groupId = g.id
                            ORDER BY askedAt DESC, id DESC LIMIT 1) AS example,
                        (SELECT bestIntent FROM unansweredQuestion l WHERE l.groupId = g.id
                            ORDER BY askedAt DESC, id DESC LIMIT 1) AS bestIntent
                    FROM questionGroup g JOIN unansweredQuestion q ON q.groupId = g.id
                    \(filter)
                    GROUP BY g.id
                    ORDER BY count DESC, lastSeen DESC
                    LIMIT ?
                    """, arguments: StatementArguments(arguments))
            return rows.map(Self.group(from:))
        }
    }

    private static func group(from row: Row) -> MissedGroup {
        MissedGroup(
            id: row["id"], normalized: row["normalized"], example: row["example"] ?? "", count: row["count"],
            firstSeen: row["firstSeen"], lastSeen: row["lastSeen"], bestIntent: row["bestIntent"],
            status: MissedGroup.Status(rawValue: row["status"]) ?? .new, assignedIntent: row["assignedIntent"],
            council: row["council"] ?? "")
    }

    /// One group and every question in it, oldest first; nil when there is no such group.
    public func group(id: Int64) async throws -> (group: MissedGroup, questions: [UnansweredQuestion])? {
        try await currentWriter().read { db in
            let questions = try UnansweredQuestion.filter(Column("groupId") == id).order(Column("askedAt")).fetchAll(db)
            guard let latest = questions.last,
                let row = try Row.fetchOne(db, sql: "SELECT * FROM questionGroup WHERE id = ?", arguments: [id])
            else { return nil }
            let group = MissedGroup(
                id: id, normalized: row["normalized"], example: latest.question, count: questions.count,
                firstSeen: questions[0].askedAt, lastSeen: latest.askedAt, bestIntent: latest.bestIntent,
                status: MissedGroup.Status(rawValue: row["status"]) ?? .new, assignedIntent: row["assignedIntent"],
                council: row["council"] ?? "")
            return (group, questions)
        }
    }

    /// Marks a group assigned (to `intent`) or ignored; false when there is no such group.
    @discardableResult
    public func setStatus(_ status: MissedGroup.Status, of id: Int64, intent: String? = nil) async throws -> Bool {
        try await currentWriter().write { db in
            try db.execute(
                sql: "UPDATE questionGroup SET status = ?, assignedIntent = ? WHERE id = ?",
                arguments: [status.rawValue, intent, id])
            return db.changesCount > 0
        }
    }

    /// Deletes everything stored from one conversation; returns the number of rows deleted.
    public func forget(sessionID: String) async throws -> Int {
        let key = SessionKey.of(sessionID)
        return try await currentWriter().write { db in
            try db.execute(sql: "DELETE FROM unansweredQuestion WHERE sessionKey = ?", arguments: [key])
            var deleted = db.changesCount
            try db.execute(sql: "DELETE FROM feedback WHERE sessionKey = ?", arguments: [key])
            deleted += db.changesCount
            return deleted
        }
    }

    /// Feedback, newest first; `helpful` nil means both kinds, `council` nil every council.
    public func feedback(helpful: Bool?, limit: Int, council: String? = nil) async throws -> [Feedback] {
        try await currentWriter().read { db in
            var conditions = helpful.map { ["helpful = \($0 ? 1 : 0)"] } ?? []
            var arguments: [any DatabaseValueConvertible] = []
            if let council {
                conditions.append("council = ?")
                arguments.append(council)
            }
            arguments.append(limit)
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(
                db, sql: "SELECT * FROM feedback \(filter) ORDER BY givenAt DESC, id DESC LIMIT ?",
                arguments: StatementArguments(arguments)
            ).map { row in
                Feedback(
                    givenAt: row["givenAt"], sessionKey: row["sessionKey"], messageId: row["messageId"],
                    helpful: row["helpful"], comment: row["comment"], question: row["question"], intent: row["intent"],
                    answer: row["answer"], channel: Channel(rawValue: row["channel"]) ?? .http,
                    style: ReplyStyle(rawValue: row["style"]) ?? .standard, council: row["council"] ?? "")
            }
        }
    }

    /// Deletes questions and safeguarding events older than `date`; review decisions (ignored,
    /// assigned) and anonymous daily counts stay. Returns the number of rows deleted.
    public func deleteOlder(than date: Date) throws -> Int {
        try currentWriter().write { db in
            try db.execute(sql: "DELETE FROM unansweredQuestion WHERE askedAt < ?", arguments: [date])
            var deleted = db.changesCount
            try db.execute(sql: "DELETE FROM safeguardingCount WHERE day < ?", arguments: [Tally.day(of: date)])
            deleted += db.changesCount
            try db.execute(sql: "DELETE FROM feedback WHERE givenAt < ?", arguments: [date])
            deleted += db.changesCount
            try db.execute(
                sql: """
                    DELETE FROM questionGroup WHERE status = 'new'
                    AND NOT EXISTS (SELECT 1 FROM unansweredQuestion q WHERE q.groupId = questionGroup.id)
                    """)
            return deleted
        }
    }

    /// Questions, answered, unanswered, clarified and safeguarding replies per day or per ISO week.
    public func stats(byWeek: Bool, council: String? = nil) async throws -> [DailyStats] {
        try await currentWriter().read { db in
            let period = byWeek ? "strftime('%Y-W%W', day)" : "day"
            let filter = council == nil ? "" : "WHERE council = ?"
            let arguments: StatementArguments = council.map { [$0] } ?? []
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(period) AS period, SUM(questions) AS questions, SUM(answered) AS answered,
                        SUM(unanswered) AS unanswered, SUM(clarified) AS clarified, SUM(safeguarding) AS safeguarding,
                        SUM(easy) AS easy
                    FROM dailyCount \(filter) GROUP BY period ORDER BY period
                    """, arguments: arguments)
            let feedbackPeriod = byWeek ? "strftime('%Y-W%W', givenAt)" : "date(givenAt)"
            var feedback: [String: (helpful: Int, unhelpful: Int)] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT \(feedbackPeriod) AS period, SUM(helpful) AS helpful, SUM(1 - helpful) AS unhelpful
                    FROM feedback \(filter) GROUP BY period
                    """, arguments: arguments)
            {
                feedback[row["period"]] = (row["helpful"], row["unhelpful"])
            }
            return rows.map { row in
                let period: String = row["period"]
                return DailyStats(
                    period: period, questions: row["questions"], answered: row["answered"],
                    unanswered: row["unanswered"], clarified: row["clarified"], safeguarding: row["safeguarding"],
                    easy: row["easy"],
                    helpful: feedback[period]?.helpful ?? 0, notHelpful: feedback[period]?.unhelpful ?? 0)
            }
        }
    }

    public func safeguardingCount() async throws -> Int {
        try await currentWriter().read { db in
            try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(count), 0) FROM safeguardingCount") ?? 0
        }
    }

    public func safeguardingCounts() async throws -> [SafeguardingCount] {
        try await safeguardingCounts(council: nil)
    }

    /// Safeguarding signals by day and category, newest day first; `council` nil means every council.
    public func safeguardingCounts(council: String?) async throws -> [SafeguardingCount] {
        try await currentWriter().read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT day, category, SUM(count) AS count FROM safeguardingCount
                    \(council == nil ? "" : "WHERE council = ?")
                    GROUP BY day, category ORDER BY day DESC, category
                    """, arguments: council.map { [$0] } ?? []
            )
            .map { SafeguardingCount(day: $0["day"], category: $0["category"], count: $0["count"]) }
        }
    }

    /// Every stored question, oldest first (for tests and export).
    public func allQuestions() async throws -> [UnansweredQuestion] {
        try await currentWriter().read { db in
            try UnansweredQuestion.order(UnansweredQuestion.Columns.askedAt).fetchAll(db)
        }
    }
}

/// Counts for one day or week.
public struct DailyStats: Codable, Sendable, Equatable {
    /// `yyyy-MM-dd`, or `yyyy-Www` for a week.
    public var period: String
    /// Every message answered in any way.
    public var questions: Int
    /// Answered from the content (answers and small talk).
    public var answered: Int
    /// Fallbacks.
    public var unanswered: Int
    /// "Did you mean …?" replies.
    public var clarified: Int
    /// Safeguarding replies.
    public var safeguarding: Int
    /// Replies in easy read.
    public var easy: Int = 0
    /// "Was this helpful?" answered yes.
    public var helpful: Int = 0
    /// "Was this helpful?" answered no.
    public var notHelpful: Int = 0

    /// Share of questions answered, 0…1 (safeguarding replies left out).
    public var answerRate: Double {
        let asked = questions - safeguarding
        return asked > 0 ? Double(answered) / Double(asked) : 0
    }
}
