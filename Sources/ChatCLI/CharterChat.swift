import ArgumentParser

/// `charter-chat`: answers plain-language questions about the Stoke-on-Trent SEND Co-production Charter.
@main
struct CharterChat: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charter-chat",
        abstract: "Answers plain-language questions about the Stoke-on-Trent SEND Co-production Charter.",
        discussion: """
            With no subcommand: a conversation. In a terminal it is interactive; with input from a pipe it reads
            one message a line and writes one reply a line.
            """,
        subcommands: [
            Chat.self, Ask.self, Evaluate.self, Missed.self, Stats.self, Check.self, Serve.self, Initialize.self,
        ],
        defaultSubcommand: Chat.self
    )
}

/// Options every command that answers questions shares.
struct CommonOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The council's content folder.",
            discussion: "Env: CHARTER_CHAT_INTENTS. Default: ./intents/stoke-on-trent, else the built-in council"))
    var intents: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The base layer the council's folder builds on, when its council.yaml names none.",
            discussion: "Env: CHARTER_CHAT_BASE. Default: a 'base' folder beside the council's, else the built-in base")
    )
    var base: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The SQLite file for unanswered questions.",
            discussion: "Env: CHARTER_CHAT_DATABASE. Default: ./charter-chat.sqlite"))
    var database: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Seconds an idle conversation keeps its context.",
            discussion: "Env: CHARTER_CHAT_SESSION_TTL. Default: 1800"))
    var sessionTTL: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The most conversations remembered at once.", discussion: "Env: CHARTER_CHAT_MAX_SESSIONS. Default: 10000"))
    var maxSessions: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Days stored questions are kept.", discussion: "Env: CHARTER_CHAT_RETENTION_DAYS. Default: 180"))
    var retentionDays: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The folder where compiled content is kept between starts ('off' for none).",
            discussion: "Env: CHARTER_CHAT_CACHE. Default: $XDG_CACHE_HOME/charter-chat, else ~/.cache/charter-chat"))
    var cache: String?

    func validate() throws {
        if let retentionDays, retentionDays <= 0 { throw ValidationError("--retention-days must be above 0.") }
        if let sessionTTL, sessionTTL <= 0 { throw ValidationError("--session-ttl must be above 0 seconds.") }
        if let maxSessions, maxSessions <= 0 { throw ValidationError("--max-sessions must be above 0.") }
    }

    /// The configuration these options and the environment give.
    func configuration() throws -> Configuration {
        do {
            return try Configuration.resolve(
                intents: intents, database: database, base: base, sessionTTL: sessionTTL, maxSessions: maxSessions,
                retentionDays: retentionDays, cache: cache)
        } catch let error as ConfigurationError {
            throw ValidationError(error.message)
        }
    }

    /// Loads content and log, or exits 1 after printing the content's errors.
    func runtime(logToDatabase: Bool = true) throws -> Runtime {
        do {
            return try Runtime.start(try configuration(), logToDatabase: logToDatabase)
        } catch is ContentLoadFailed {
            throw ExitCode(1)
        }
    }
}
