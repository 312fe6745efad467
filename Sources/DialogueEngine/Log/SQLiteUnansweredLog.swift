public import Foundation
import GRDB

/// The unanswered-question log in SQLite (GRDB): a `DatabasePool` in WAL mode for a file, or an
/// in-memory `DatabaseQueue`. Opening runs the migrations.
public struct SQLiteUnansweredLog: UnansweredLog {
    private let writer: any DatabaseWriter

    /// Opens (creating if needed) the database file at `path`.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let pool = try DatabasePool(path: path, configuration: configuration)
        try self.init(writer: pool)
    }

    /// An empty database in memory.
    public static func inMemory() throws -> SQLiteUnansweredLog {
        try SQLiteUnansweredLog(writer: DatabaseQueue())
    }

    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
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
        return migrator
    }

    public func record(_ question: UnansweredQuestion) async throws {
        try await writer.write { db in
            var question = question
            try question.insert(db)
        }
    }

    public func recordSafeguarding(at date: Date, channel: Channel) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO safeguardingEvent (occurredAt, channel) VALUES (?, ?)",
                arguments: [date, channel.rawValue])
        }
    }

    public func recordBatch(_ questions: [UnansweredQuestion], safeguarding: [(Date, Channel)]) async throws {
        try await writer.write { db in
            for var question in questions { try question.insert(db) }
            for (date, channel) in safeguarding {
                try db.execute(
                    sql: "INSERT INTO safeguardingEvent (occurredAt, channel) VALUES (?, ?)",
                    arguments: [date, channel.rawValue])
            }
        }
    }

    public func missed(limit: Int) async throws -> [MissedGroup] {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT normalized, COUNT(*) AS count, MIN(askedAt) AS firstSeen, MAX(askedAt) AS lastSeen,
                        (SELECT question FROM unansweredQuestion latest
                            WHERE latest.normalized = grouped.normalized ORDER BY askedAt DESC, id DESC LIMIT 1) AS example,
                        (SELECT bestIntent FROM unansweredQuestion latest
                            WHERE latest.normalized = grouped.normalized ORDER BY askedAt DESC, id DESC LIMIT 1) AS bestIntent
                    FROM unansweredQuestion grouped
                    GROUP BY normalized
                    ORDER BY count DESC, lastSeen DESC
                    LIMIT ?
                    """, arguments: [limit])
            return rows.map { row in
                MissedGroup(
                    normalized: row["normalized"], example: row["example"], count: row["count"],
                    firstSeen: row["firstSeen"], lastSeen: row["lastSeen"], bestIntent: row["bestIntent"])
            }
        }
    }

    public func safeguardingCount() async throws -> Int {
        try await writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM safeguardingEvent") ?? 0 }
    }

    /// Every stored question, oldest first (for tests and export).
    public func allQuestions() async throws -> [UnansweredQuestion] {
        try await writer.read { db in
            try UnansweredQuestion.order(UnansweredQuestion.Columns.askedAt).fetchAll(db)
        }
    }
}
