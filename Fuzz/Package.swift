// swift-tools-version:6.1
import PackageDescription

// A libFuzzer target over text folding, matching and request decoding; built and run by
// scripts/fuzz (`-sanitize=fuzzer`, Linux), never by the test command.
let package = Package(
    name: "charter-chat-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "charter-chat", path: "../")],
    targets: [
        .executableTarget(
            name: "CharterChatFuzz",
            dependencies: [
                .product(name: "Knowledge", package: "charter-chat"),
                .product(name: "DialogueEngine", package: "charter-chat"),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    ],
    swiftLanguageModes: [.v6]
)
