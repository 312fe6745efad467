import ChatHTTP
import Testing

@testable import ChatCLI

@Suite struct ServerConfigurationTests {
    private func resolve(
        host: String? = nil, port: Int? = nil, origins: [String] = [], environment: [String: String] = [:]
    ) throws -> ServerSettings {
        try ServerConfiguration.resolve(
            host: host, port: port, allowOrigins: origins, maxMessageLength: nil, rateLimit: nil, rateBurst: nil,
            trustProxy: false, environment: environment)
    }

    @Test func defaults() throws {
        #expect(try resolve() == ServerSettings())
    }

    @Test func environmentThenFlags() throws {
        let environment = [
            "CHARTER_CHAT_HOST": "0.0.0.0", "CHARTER_CHAT_PORT": "9000",
            "CHARTER_CHAT_ALLOW_ORIGINS": "https://a.example, https://b.example",
            "CHARTER_CHAT_RATE_LIMIT": "30", "CHARTER_CHAT_TRUST_PROXY": "1",
        ]
        let fromEnvironment = try resolve(environment: environment)
        #expect(fromEnvironment.host == "0.0.0.0")
        #expect(fromEnvironment.port == 9000)
        #expect(fromEnvironment.allowedOrigins == ["https://a.example", "https://b.example"])
        #expect(fromEnvironment.rateLimitPerMinute == 30)
        #expect(fromEnvironment.trustForwardedFor)
        let fromFlags = try resolve(
            host: "127.0.0.2", port: 0, origins: ["https://c.example"], environment: environment)
        #expect(fromFlags.host == "127.0.0.2")
        #expect(fromFlags.port == 0)
        #expect(fromFlags.allowedOrigins == ["https://c.example"])
    }

    @Test(arguments: ["www.example.org", "https://example.org/path", "https://example.org/", "ftp://example.org", "*"])
    func originsMustBeSchemeAndHost(origin: String) {
        #expect(throws: ConfigurationError.self) { try ServerConfiguration.checkOrigin(origin) }
    }

    @Test func badEnvironmentNumbersAreRefused() {
        #expect(throws: ConfigurationError.self) { _ = try resolve(environment: ["CHARTER_CHAT_PORT": "http"]) }
        #expect(throws: ConfigurationError.self) { _ = try resolve(environment: ["CHARTER_CHAT_RATE_BURST": "0"]) }
    }
}
