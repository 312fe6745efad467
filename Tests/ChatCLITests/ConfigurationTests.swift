import DialogueEngine
import Testing

@testable import ChatCLI

@Suite struct ConfigurationTests {
    @Test func defaultsApplyWhenNothingIsGiven() throws {
        let configuration = try Configuration.resolve(
            intents: nil, database: nil, environment: [:], localIntentsExist: { true }, builtInContent: { "/built-in" })
        var expected = Configuration()
        expected.baseDirectory = "/built-in/base"
        #expect(configuration == expected)
        #expect(configuration.intentsDirectory == "intents/stoke-on-trent")
        #expect(configuration.databasePath == "charter-chat.sqlite")
    }

    /// Without --intents or CHARTER_CHAT_INTENTS, ./intents/stoke-on-trent is used when it exists, and otherwise the
    /// content built into the program, which staff actions then leave alone.
    @Test func theBuiltInContentIsUsedWhereNoContentFolderIsGiven() throws {
        let elsewhere = try Configuration.resolve(
            intents: nil, database: nil, environment: [:], localIntentsExist: { false }, builtInContent: { "/built-in" }
        )
        #expect(elsewhere.intentsDirectory == "/built-in/stoke-on-trent")
        #expect(elsewhere.baseDirectory == "/built-in/base")
        #expect(elsewhere.intentsAreBuiltIn)
        let given = try Configuration.resolve(
            intents: "/mine", database: nil, environment: [:], localIntentsExist: { false },
            builtInContent: { "/built-in" })
        #expect(given.intentsDirectory == "/mine")
        #expect(!given.intentsAreBuiltIn)
        let missing = try Configuration.resolve(
            intents: nil, database: nil, environment: [:], localIntentsExist: { false }, builtInContent: { nil })
        #expect(
            missing.intentsDirectory == "intents/stoke-on-trent",
            "without a built-in bundle the error names the project's folder")
    }

    /// Compiled content is kept in the user's cache folder unless told otherwise; `off` keeps none.
    @Test func theCacheFolderComesFromTheFlagTheEnvironmentOrTheHomeFolder() throws {
        func cache(_ flag: String?, _ environment: [String: String]) throws -> String? {
            try Configuration.resolve(
                intents: nil, database: nil, cache: flag, environment: environment, localIntentsExist: { true },
                builtInContent: { nil }
            ).cacheDirectory
        }
        #expect(try cache(nil, [:]) == nil, "no home folder: nothing is kept")
        #expect(try cache(nil, ["HOME": "/home/ann"]) == "/home/ann/.cache/charter-chat")
        #expect(
            try cache(nil, ["HOME": "/home/ann", "XDG_CACHE_HOME": "/var/cache/ann"]) == "/var/cache/ann/charter-chat")
        #expect(try cache(nil, ["HOME": "/home/ann", "XDG_CACHE_HOME": "relative"]) == "/home/ann/.cache/charter-chat")
        #expect(try cache(nil, ["HOME": "/home/ann", "CHARTER_CHAT_CACHE": "/srv/cache"]) == "/srv/cache")
        #expect(try cache(nil, ["HOME": "/home/ann", "CHARTER_CHAT_CACHE": "off"]) == nil)
        #expect(try cache("/flag", ["CHARTER_CHAT_CACHE": "/srv/cache"]) == "/flag")
        #expect(try cache("off", ["CHARTER_CHAT_CACHE": "/srv/cache"]) == nil)
    }

    @Test func environmentOverridesDefaults() throws {
        let configuration = try Configuration.resolve(
            intents: nil, database: nil,
            environment: [
                "CHARTER_CHAT_INTENTS": "/content", "CHARTER_CHAT_DATABASE": "/data/log.sqlite",
                "CHARTER_CHAT_SESSION_TTL": "60", "CHARTER_CHAT_MAX_SESSIONS": "5",
            ])
        #expect(configuration.intentsDirectory == "/content")
        #expect(configuration.databasePath == "/data/log.sqlite")
        #expect(configuration.sessionTTL == 60)
        #expect(configuration.maxSessions == 5)
    }

    /// Every option given on the command line reaches the configuration, `--retention-days` included.
    @Test func commandLineOptionsReachTheConfiguration() throws {
        let options = try CommonOptions.parse([
            "--intents", "dir", "--database", "db.sqlite", "--session-ttl", "30", "--max-sessions", "9",
            "--retention-days", "7",
        ])
        let configuration = try options.configuration()
        #expect(configuration.intentsDirectory == "dir")
        #expect(configuration.databasePath == "db.sqlite")
        #expect(configuration.sessionTTL == 30)
        #expect(configuration.maxSessions == 9)
        #expect(configuration.retentionDays == 7)
        #expect(try CommonOptions.parse([]).configuration().retentionDays == Configuration().retentionDays)
    }

    @Test func flagsOverrideTheEnvironment() throws {
        let configuration = try Configuration.resolve(
            intents: "./mine", database: "x.sqlite", sessionTTL: 10, maxSessions: 2,
            environment: [
                "CHARTER_CHAT_INTENTS": "/content", "CHARTER_CHAT_DATABASE": "/data/log.sqlite",
                "CHARTER_CHAT_SESSION_TTL": "60",
            ])
        #expect(configuration.intentsDirectory == "./mine")
        #expect(configuration.databasePath == "x.sqlite")
        #expect(configuration.sessionTTL == 10)
        #expect(configuration.maxSessions == 2)
    }

    @Test(arguments: ["abc", "0", "-5", ""])
    func badEnvironmentValuesSayWhatIsWrong(value: String) {
        #expect {
            _ = try Configuration.resolve(intents: nil, database: nil, environment: ["CHARTER_CHAT_SESSION_TTL": value])
        } throws: { error in
            (error as? ConfigurationError)?.message.contains("CHARTER_CHAT_SESSION_TTL must be a whole number") == true
        }
    }
}

@Suite struct ServeCouncilOptionTests {
    @Test func councilsAreIDEqualsFolder() throws {
        let parsed = try Serve.parseCouncils(["stoke-on-trent=intents/stoke-on-trent", "bcp=/srv/bcp"])
        #expect(parsed.map(\.id) == ["stoke-on-trent", "bcp"])
        #expect(parsed.map(\.directory) == ["intents/stoke-on-trent", "/srv/bcp"])
    }

    @Test(arguments: ["stoke", "=dir", "Stoke=dir", "a b=dir", "x="])
    func aBadCouncilIsRefusedWithTheFormToUse(_ value: String) {
        #expect(throws: (any Error).self) { try Serve.parseCouncils([value]) }
    }

    @Test func aCouncilGivenTwiceIsRefused() {
        #expect(throws: (any Error).self) { try Serve.parseCouncils(["a=one", "a=two"]) }
    }

    @Test func aCouncilsIDIsItsFoldersName() {
        var configuration = Configuration()
        configuration.intentsDirectory = "/srv/councils/anytown/"
        #expect(configuration.councilID == "anytown")
        configuration.intentsDirectory = "/srv/Council Files"
        #expect(configuration.councilID == "default")
    }
}

@Suite struct BaseLayerOptionTests {
    /// The base layer: --base wins over CHARTER_CHAT_BASE, which wins over the built-in base.
    @Test func theBaseComesFromTheFlagTheEnvironmentOrTheBuiltInContent() throws {
        let flag = try Configuration.resolve(
            intents: "/councils/anytown", database: nil, base: "/shared/base",
            environment: ["CHARTER_CHAT_BASE": "/env/base"], builtInContent: { "/built-in" })
        #expect(flag.baseDirectory == "/shared/base")
        #expect(flag.contentSource == ContentSource(directory: "/councils/anytown", defaultBase: "/shared/base"))
        let environment = try Configuration.resolve(
            intents: "/councils/anytown", database: nil, environment: ["CHARTER_CHAT_BASE": "/env/base"],
            builtInContent: { "/built-in" })
        #expect(environment.baseDirectory == "/env/base")
        let builtIn = try Configuration.resolve(
            intents: "/councils/anytown", database: nil, environment: [:], builtInContent: { "/built-in" })
        #expect(builtIn.baseDirectory == "/built-in/base")
        let none = try Configuration.resolve(
            intents: "/councils/anytown", database: nil, environment: [:], builtInContent: { nil })
        #expect(none.baseDirectory == nil)
    }
}
