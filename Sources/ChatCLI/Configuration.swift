import ChatHTTP
import DialogueEngine
import Foundation

/// Every setting of the program, built once at start-up: a flag wins over the environment, and
/// the environment over the default. Tests build it literally.
struct Configuration: Sendable, Equatable {
    /// The council's content folder (`--intents`, `CHARTER_CHAT_INTENTS`; else
    /// `./intents/stoke-on-trent` when it exists, else the council built into the program).
    var intentsDirectory: String = Self.projectCouncil
    /// The base layer a council folder builds on when it names none and has no `base` beside it
    /// (`--base`, `CHARTER_CHAT_BASE`; else the base built into the program).
    var baseDirectory: String?
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
    /// Where compiled content is kept between starts (`--cache`, `CHARTER_CHAT_CACHE`; else
    /// `$XDG_CACHE_HOME/charter-chat` or `~/.cache/charter-chat`); nil (`off`) compiles at each start.
    var cacheDirectory: String?

    /// The project's own council folder, used when run from the project's folder.
    static let projectCouncil = "intents/stoke-on-trent"

    /// The council's id in the log and in requests: its folder's name ("stoke-on-trent").
    var councilID: String {
        let name = URL(fileURLWithPath: intentsDirectory).standardizedFileURL.lastPathComponent
        return CouncilService.isValidID(name) ? name : "default"
    }

    /// Where the content is read from.
    var contentSource: ContentSource {
        ContentSource(directory: intentsDirectory, defaultBase: baseDirectory)
    }

    /// Builds the configuration from flags (nil when not given) and the environment.
    /// `builtInContent` gives the folder of the content built into the program (holding `base` and
    /// the default council).
    static func resolve(
        intents: String?, database: String?, base: String? = nil, sessionTTL: Int? = nil, maxSessions: Int? = nil,
        retentionDays: Int? = nil, cache: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        localIntentsExist: () -> Bool = { FileManager.default.fileExists(atPath: projectCouncil + "/charter.md") },
        builtInContent: () -> String? = { BuiltInContent.directory }
    ) throws -> Configuration {
        var configuration = Configuration()
        let builtIn = builtInContent()
        if let given = intents ?? environment["CHARTER_CHAT_INTENTS"] {
            configuration.intentsDirectory = given
        } else if !localIntentsExist(), let builtIn {
            configuration.intentsDirectory = builtIn + "/" + BuiltInContent.council
            configuration.intentsAreBuiltIn = true
        }
        configuration.baseDirectory = base ?? environment["CHARTER_CHAT_BASE"] ?? builtIn.map { $0 + "/base" }
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
        configuration.cacheDirectory = cacheDirectory(
            cache ?? environment["CHARTER_CHAT_CACHE"], environment: environment)
        return configuration
    }

    /// The cache folder given (`off` for none), else the user's cache folder.
    private static func cacheDirectory(_ given: String?, environment: [String: String]) -> String? {
        if let given { return given == "off" || given.isEmpty ? nil : given }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/charter-chat" }
        return environment["HOME"].flatMap { $0.isEmpty ? nil : $0 + "/.cache/charter-chat" }
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
