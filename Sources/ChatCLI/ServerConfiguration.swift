import ChatHTTP
import Foundation

/// Builds the HTTP settings: flag, then environment, then default.
enum ServerConfiguration {
    static func resolve(
        host: String?, port: Int?, allowOrigins: [String], maxMessageLength: Int?, rateLimit: Int?, rateBurst: Int?,
        trustProxy: Bool, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ServerSettings {
        var settings = ServerSettings()
        settings.host = host ?? environment["CHARTER_CHAT_HOST"] ?? settings.host
        settings.port = try port ?? number(environment, "CHARTER_CHAT_PORT", allowZero: true) ?? settings.port
        if !allowOrigins.isEmpty {
            settings.allowedOrigins = allowOrigins
        } else if let list = environment["CHARTER_CHAT_ALLOW_ORIGINS"] {
            settings.allowedOrigins = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            for origin in settings.allowedOrigins { try checkOrigin(origin) }
        }
        settings.maxMessageLength =
            try maxMessageLength ?? number(environment, "CHARTER_CHAT_MAX_MESSAGE_LENGTH") ?? settings.maxMessageLength
        settings.rateLimitPerMinute =
            try rateLimit ?? number(environment, "CHARTER_CHAT_RATE_LIMIT") ?? settings.rateLimitPerMinute
        settings.rateLimitBurst =
            try rateBurst ?? number(environment, "CHARTER_CHAT_RATE_BURST") ?? settings.rateLimitBurst
        if let token = environment["CHARTER_CHAT_ADMIN_TOKEN"], !token.isEmpty {
            guard token.count >= 32 else {
                throw ConfigurationError(
                    message: "CHARTER_CHAT_ADMIN_TOKEN must be at least 32 characters (try: openssl rand -hex 24)")
            }
            settings.adminToken = token
        }
        settings.trustForwardedFor =
            trustProxy || ["1", "true", "yes"].contains(environment["CHARTER_CHAT_TRUST_PROXY"]?.lowercased() ?? "")
        return settings
    }

    /// An origin is a scheme and host (and port), with no path: `https://www.example.org`.
    static func checkOrigin(_ origin: String) throws {
        guard let url = URL(string: origin), let scheme = url.scheme, ["http", "https"].contains(scheme),
            url.host != nil, url.path.isEmpty || url.path == "/", url.query == nil, !origin.hasSuffix("/")
        else {
            throw ConfigurationError(
                message:
                    "'\(origin)' is not an origin; write it as scheme and host, like https://www.example.org (no path, no trailing slash)"
            )
        }
    }

    private static func number(_ environment: [String: String], _ name: String, allowZero: Bool = false) throws -> Int?
    {
        guard let text = environment[name] else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value > 0 || (allowZero && value == 0) else {
            throw ConfigurationError(
                message: "\(name) must be a whole number\(allowZero ? "" : " above 0"), not '\(text)'")
        }
        return value
    }
}
