import DialogueEngine
import Foundation

/// Wires the pieces together from a ``Configuration``: content, log and assistant.
struct Runtime {
    let configuration: Configuration
    let content: Content
    let log: ResilientLog
    /// The SQLite file behind the log, when it opened.
    let store: SQLiteUnansweredLog?
    let assistant: Assistant

    /// Loads the content (printing every problem and exiting 1 when it is broken) and opens the log.
    static func start(_ configuration: Configuration, logToDatabase: Bool = true) throws -> Runtime {
        let compiled = try loadContent(configuration)
        let (log, store) =
            logToDatabase
            ? openLogAndStore(configuration, queued: false)
            : (ResilientLog(InMemoryUnansweredLog(), report: Self.warn), nil)
        let assistant = Assistant(
            compiled: compiled, log: log, sessionTTL: .seconds(configuration.sessionTTL),
            maxSessions: configuration.maxSessions, council: configuration.councilID)
        return Runtime(
            configuration: configuration, content: compiled.content, log: log, store: store, assistant: assistant)
    }

    /// Opens the SQLite log; when it cannot be opened, the problem is reported once and the
    /// conversation goes on without it.
    static func openLog(_ configuration: Configuration, queued: Bool) -> ResilientLog {
        openLogAndStore(configuration, queued: queued).log
    }

    /// The log and, when it opened, the SQLite store behind it (for daily retention).
    static func openLogAndStore(
        _ configuration: Configuration, queued: Bool
    ) -> (log: ResilientLog, store: SQLiteUnansweredLog?) {
        do {
            let store = try SQLiteUnansweredLog(path: configuration.databasePath)
            applyRetention(store, days: configuration.retentionDays)
            return (ResilientLog(store, queued: queued, report: Self.warn), store)
        } catch {
            // Opening is tried again with each write: a read-only or missing location that is
            // fixed while the server runs starts being written to without a restart.
            let log = ResilientLog(
                SQLiteUnansweredLog.retrying(path: configuration.databasePath),
                problem:
                    "warning: cannot open the database '\(configuration.databasePath)' (\(error)); answers go on, but unanswered questions are not being saved until it can be opened. Fix the path with --database or CHARTER_CHAT_DATABASE.",
                queued: queued, report: Self.warn)
            return (log, nil)
        }
    }

    /// Deletes stored questions older than the retention period (run at start-up, and daily by the server).
    static func applyRetention(_ log: SQLiteUnansweredLog, days: Int) {
        let cutoff = Date().addingTimeInterval(-Double(days) * 86_400)
        do {
            _ = try log.deleteOlder(than: cutoff)
        } catch {
            warn("warning: could not delete questions older than \(days) days: \(error)")
        }
    }

    /// Loads and compiles the content (through the cache when there is one), or prints its errors
    /// and exits with status 1.
    static func loadContent(_ configuration: Configuration) throws -> CompiledContent {
        do {
            guard let cache = configuration.cacheDirectory else {
                return CompiledContent(try Content.load(from: configuration.contentSource))
            }
            return try ContentCache(directory: cache).load(configuration.contentSource, report: warn)
        } catch {
            Self.warn(error.description)
            throw ContentLoadFailed()
        }
    }

    /// Prints to standard error.
    @Sendable static func warn(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// The content could not be loaded; its errors were printed already.
struct ContentLoadFailed: Error {}
