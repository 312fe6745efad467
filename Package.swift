// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "charter-chat",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "charter-chat", targets: ["ChatCLI"]),
        .library(name: "Knowledge", targets: ["Knowledge"]),
        .library(name: "DialogueEngine", targets: ["DialogueEngine"]),
        .library(name: "ChatHTTP", targets: ["ChatHTTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        // SHA-256 for pseudonymous session keys in the log (no raw session id is stored).
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // Already in the graph through hummingbird; named because ChatHTTP uses them directly.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .target(
            name: "Knowledge",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DialogueEngine",
            dependencies: [
                "Knowledge",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ChatHTTP",
            dependencies: [
                "DialogueEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ChatCLI",
            dependencies: [
                "Knowledge",
                "DialogueEngine",
                "ChatHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The project's content (intents/, through a link), built in: the program answers from
            // any folder. --intents or CHARTER_CHAT_INTENTS points at a council's own.
            resources: [.copy("DefaultContent/base"), .copy("DefaultContent/stoke-on-trent")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KnowledgeTests",
            dependencies: ["Knowledge"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DialogueEngineTests",
            dependencies: [
                "DialogueEngine",
                "Knowledge",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChatCLITests",
            dependencies: ["ChatCLI"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChatHTTPTests",
            dependencies: [
                "ChatHTTP",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
