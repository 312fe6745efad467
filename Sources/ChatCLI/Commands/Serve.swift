import ArgumentParser
import ChatHTTP
import DialogueEngine
import Foundation
import Logging

/// Runs the HTTP API, the widget and its demo page.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API, the embeddable widget (/widget.js) and a demo page (/).")

    @OptionGroup var options: CommonOptions

    @Option(
        name: .long,
        help: ArgumentHelp("The address to listen on.", discussion: "Env: CHARTER_CHAT_HOST. Default: 127.0.0.1"))
    var host: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The port to listen on (0: any free port).", discussion: "Env: CHARTER_CHAT_PORT. Default: 8080"))
    var port: Int?

    @Option(
        name: .customLong("allow-origin"),
        help: ArgumentHelp(
            "An origin whose pages may call the API, e.g. https://www.example.org (repeatable).",
            discussion: "Env: CHARTER_CHAT_ALLOW_ORIGINS, a comma-separated list."))
    var allowOrigins: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The longest message accepted, in characters.",
            discussion: "Env: CHARTER_CHAT_MAX_MESSAGE_LENGTH. Default: 500"))
    var maxMessageLength: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Requests per minute allowed per client.", discussion: "Env: CHARTER_CHAT_RATE_LIMIT. Default: 60"))
    var rateLimit: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Requests a client may make at once before the limit applies.",
            discussion: "Env: CHARTER_CHAT_RATE_BURST. Default: 20"))
    var rateBurst: Int?

    @Option(
        name: .customLong("council"),
        help: ArgumentHelp(
            "A council to serve, as ID=DIR: its id in requests and its content folder (repeatable).",
            discussion:
                "Without it, the one council of --intents is served. With several, each request names its council (\"council\": \"ID\"; data-council on the widget's script tag)."
        ))
    var councils: [String] = []

    @Flag(
        name: .long,
        help:
            "Take the client address from X-Forwarded-For (only behind a trusted reverse proxy). Env: CHARTER_CHAT_TRUST_PROXY=1"
    )
    var trustProxy = false

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535.") }
        for (name, value) in [
            ("--max-message-length", maxMessageLength), ("--rate-limit", rateLimit), ("--rate-burst", rateBurst),
        ] {
            if let value, value <= 0 { throw ValidationError("\(name) must be above 0.") }
        }
        for origin in allowOrigins { try ServerConfiguration.checkOrigin(origin) }
        _ = try Self.parseCouncils(councils)
    }

    /// `ID=DIR` pairs, checked: ids are lower-case letters, digits, '-' and '_', each given once.
    static func parseCouncils(_ values: [String]) throws -> [(id: String, directory: String)] {
        var seen = Set<String>()
        return try values.map { value in
            let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else {
                throw ValidationError(
                    "--council '\(value)' must be ID=DIR, e.g. --council anytown=/srv/councils/anytown.")
            }
            guard CouncilService.isValidID(parts[0]) else {
                throw ValidationError(
                    "--council id '\(parts[0])' may hold only lower-case letters, digits, '-' and '_' (at most 64).")
            }
            guard seen.insert(parts[0]).inserted else {
                throw ValidationError("--council '\(parts[0])' is given twice; give each council once.")
            }
            return (parts[0], parts[1])
        }
    }

    func run() async throws {
        let configuration = try options.configuration()
        let settings: ServerSettings
        do {
            settings = try ServerConfiguration.resolve(
                host: host, port: port, allowOrigins: allowOrigins, maxMessageLength: maxMessageLength,
                rateLimit: rateLimit, rateBurst: rateBurst, trustProxy: trustProxy)
        } catch let error as ConfigurationError {
            throw ValidationError(error.message)
        }
        // The councils: each --council ID=DIR, or else the one of --intents, named after its folder.
        var sources: [(id: String, configuration: Configuration)] = []
        for (id, directory) in try Self.parseCouncils(councils) {
            var council = configuration
            council.intentsDirectory = directory
            council.intentsAreBuiltIn = false
            sources.append((id, council))
        }
        if sources.isEmpty { sources.append((configuration.councilID, configuration)) }
        var contents: [CompiledContent] = []
        for (_, council) in sources {
            do {
                contents.append(try Runtime.loadContent(council))
            } catch {
                throw ExitCode(1)
            }
        }
        var logger = Logger(label: "charter-chat") { ServerLogHandler(label: $0) }
        logger.logLevel =
            ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
        let (log, store) = Runtime.openLogAndStore(configuration, queued: true)
        let retentionDays = configuration.retentionDays
        var maintenance: (@Sendable () async -> Void)?
        if let store {
            maintenance = { @Sendable in Runtime.applyRetention(store, days: retentionDays) }
        }
        // SIGHUP never ends the server: with a content folder it reloads it (ContentReloadService);
        // with the built-in content there is nothing to reload.
        signal(SIGHUP, SIG_IGN)
        let services = zip(sources, contents).map { source, content in
            let assistant = Assistant(
                compiled: content, log: log, sessionTTL: .seconds(configuration.sessionTTL),
                maxSessions: configuration.maxSessions, council: source.id)
            // The built-in content is not changed by staff actions: assign and reload need a folder.
            let review =
                source.configuration.intentsAreBuiltIn
                ? nil : ContentReview(source: source.configuration.contentSource, log: store, assistant: assistant)
            return CouncilService(id: source.id, assistant: assistant, contentReview: review)
        }
        let app = try buildApplication(
            ChatService(
                councils: services, log: log, settings: settings, dailyMaintenance: maintenance, review: store),
            logger: logger)
        logger.info(
            "charter-chat serving",
            metadata: [
                "http.host": "\(settings.host)", "http.port": "\(settings.port)",
                "councils":
                    "\(zip(sources, contents).map { "\($0.id) (\($1.content.intentCount) intents)" }.joined(separator: ", "))",
            ])
        try await app.runService()
    }
}
