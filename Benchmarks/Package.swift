// swift-tools-version:6.1
import PackageDescription

// Benchmarks for charter-chat, kept out of the test command: `swift package benchmark` here.
// AnswerLatency times each question of the benchmarks' mix back to back and cold.
// BareRoute is the comparison server for scripts/loadtest: hummingbird returning a fixed JSON body.
let package = Package(
    name: "charter-chat-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "charter-chat", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark.git", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
    ],
    targets: [
        .executableTarget(
            name: "CharterChatBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "DialogueEngine", package: "charter-chat"),
                .product(name: "ChatHTTP", package: "charter-chat"),
            ],
            path: "Benchmarks/CharterChatBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .target(
            name: "BenchmarkSupport",
            dependencies: [.product(name: "DialogueEngine", package: "charter-chat")],
            path: "Sources/BenchmarkSupport"
        ),
        .executableTarget(
            name: "AnswerLatency",
            dependencies: ["BenchmarkSupport", .product(name: "DialogueEngine", package: "charter-chat")],
            path: "Sources/AnswerLatency"
        ),
        .executableTarget(
            name: "BareRoute",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Sources/BareRoute"
        ),
    ],
    swiftLanguageModes: [.v6]
)
