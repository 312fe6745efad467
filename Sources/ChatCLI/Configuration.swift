import Foundation

/// Every setting of the program, built once at start-up: a flag wins over the environment, and
/// the environment over the default. Tests build it literally.
struct Configuration: Sendable, Equatable {
    /// The content directory (`--intents`, `CHARTER_CHAT_INTENTS`; else `./intents` when it exists,
    /// else the content built into the program).
    var intentsDirectory: String = "intents"
    /// True when ``intentsDirectory`` is the built-in content, which staff actions must not change.
    var intentsAreBuiltIn = false
    /// The SQLite log (`--database`, `CHARTER_CHAT_DATABASE`).
    var databasePath: String = "charter-chat.sqlite"
    /// How long a conversation keeps its context when idle (`--session-ttl`, `CHARTER_CHAT_SESSION_TTL`), seconds.
    var sessionTTL: Int = 1800
    /// The most conversations remembered at once (`--max-sessions`, `CHARTER_CHAT_MAX_SESSIONS`).
    var maxSessions: Int = 10_000
    /// Days stored questions are kept (`--retention-days`, `CHARTER_CHAT_RETENTION_DAYS`).
    var retentionDays: Int = 180

    /// Builds the configuration from flags (nil when not given) and the environment.
    static func resolve(
        intents: String?, database: String?, sessionTTL: Int? = nil, maxSessions: Int? = nil, retentionDays: Int? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        localIntentsExist: () -> Bool = { FileManager.default.fileExists(atPath: "intents/charter.md") },
        builtInContent: () -> String? = { BuiltInContent.directory }
    ) throws -> Configuration {
        var configuration = Configuration()
        if let given = intents ?? environment["CHARTER_CHAT_INTENTS"] {
            configuration.intentsDirectory = given
        } else if !localIntentsExist(), let builtIn = builtInContent() {
            configuration.intentsDirectory = builtIn
            configuration.intentsAreBuiltIn = true
        }
        configuration.databasePath = database ?? environment["CHARTER_CHAT_DATABASE"] ?? configuration.databasePath
        configuration.sessionTTL =
            try sessionTTL ?? environment["CHARTER_CHAT_SESSION_TTL"].map {
                try positive($0, "CHARTER_CHAT_SESSION_TTL")
            }
            ?? configuration.sessionTTL
        configuration.maxSessions =
            try maxSessions ?? environment["CHARTER_CHAT_MAX_SESSIONS"].map {
                try positive($0, "CHARTER_CHAT_MAX_SESSIONS")
            }
            ?? configuration.maxSessions
        configuration.retentionDays =
            try retentionDays
            ?? environment["CHARTER_CHAT_RETENTION_DAYS"].map { try positive($0, "CHARTER_CHAT_RETENTION_DAYS") }
            ?? configuration.retentionDays
        return configuration
    }

    private static func positive(_ text: String, _ name: String) throws -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value > 0 else {
            throw ConfigurationError(message: "\(name) must be a whole number above 0, not '\(text)'")
        }
        return value
    }
}

/// A setting from the environment that cannot be used.
struct ConfigurationError: Error, CustomStringConvertible {
    var message: String
    var description: String { "error: " + message }
}
