import Foundation
import Testing

@testable import Knowledge

@Suite struct CharterParserTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func projectCharter() throws -> Charter {
        let path = Self.packageRoot.appendingPathComponent("intents/charter.md").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try CharterParser.parse(text, file: path)
    }

    @Test func readsTheProjectsTranscription() throws {
        let charter = try projectCharter()
        #expect(
            charter.cornerstones.map(\.title) == [
                "Welcome and Care", "Value and Include", "Communicate", "Work in Partnership",
            ])
        #expect(
            charter.cornerstones.map(\.id) == [
                "welcome-and-care", "value-and-include", "communicate", "work-in-partnership",
            ])
        #expect(charter.cornerstones.allSatisfy { $0.commitments.count == 3 })
        #expect(charter.cornerstones.map(\.outcomes.count) == [9, 8, 9, 8])
        #expect(charter.introduction.count == 2)
        #expect(
            charter.statement(id: "communicate.o3")?.text
                == "We will give space and breaks when communicating with others if they need it")
        #expect(charter.cornerstone(containing: "value-and-include.c2")?.title == "Value and Include")
    }

    /// Every bullet of the full (authoritative) sections of the supplied charter appears exactly once,
    /// word for word; the summary's repeats and misplaced headings do not leak in.
    @Test func matchesTheSuppliedCharterWordForWord() throws {
        // A copy of the charter as supplied is kept as a fixture, so a clone of the repository alone
        // runs this test; where the supplied original sits beside the checkout, the copy must match it.
        let fixture = try #require(
            Bundle.module.url(forResource: "charter-as-supplied", withExtension: "md", subdirectory: "Fixtures"))
        let text = try String(contentsOf: fixture, encoding: .utf8)
        let original = Self.packageRoot.deletingLastPathComponent().appendingPathComponent(
            "shared/charter/charter-as-supplied.md")
        if let supplied = try? String(contentsOf: original, encoding: .utf8) {
            #expect(
                supplied == text, "Tests/KnowledgeTests/Fixtures/charter-as-supplied.md differs from \(original.path)")
        }
        let full = text.components(separatedBy: "In adopting this co-production charter, we will:").last ?? ""
        let bullets = full.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("- ") }
            .map { String($0.dropFirst(2)).replacingOccurrences(of: "**", with: "") }
        #expect(bullets.count == 46)
        let statements = try projectCharter().cornerstones.flatMap { $0.commitments + $0.outcomes }.map(\.text)
        #expect(statements == bullets)
        #expect(Set(statements).count == statements.count)
    }

    @Test func reportsEveryProblemWithItsLine() {
        let text = """
            # Title
            ## Introduction
            Some words.
            - a stray item
            ## Welcome and Care
            ### We will
            - We will do a thing
            ### Things we like
            - We will do a thing
            stray prose
            """
        #expect(throws: ContentErrors.self) { try CharterParser.parse(text, file: "charter.md") }
        do {
            _ = try CharterParser.parse(text, file: "charter.md")
        } catch {
            let lines = error.diagnostics.map(\.line)
            #expect(lines.contains(4))  // list item outside a cornerstone
            #expect(lines.contains(8))  // unknown list heading
            #expect(lines.contains(9))  // duplicate statement
            #expect(lines.contains(10))  // prose in a cornerstone
            #expect(error.diagnostics.contains { $0.message.contains("no 'You will feel/see that' outcomes") })
            #expect(error.description.contains("charter.md:8:1: error: unknown list heading 'Things we like'"))
        }
    }

    @Test func slugsTitles() {
        #expect(CharterParser.slug("Welcome and Care") == "welcome-and-care")
        #expect(CharterParser.slug("  Work in   Partnership! ") == "work-in-partnership")
    }
}
