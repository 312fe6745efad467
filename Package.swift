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
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
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
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ChatCLI",
            dependencies: [
                "Knowledge",
                "DialogueEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KnowledgeTests",
            dependencies: ["Knowledge"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "DialogueEngineTests",
            dependencies: [
                "DialogueEngine",
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
    ],
    swiftLanguageModes: [.v6]
)
