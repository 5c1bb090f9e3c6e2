import ArgumentParser
import Foundation
import PrepContent
import PrepTestSupport
import Testing

@testable import PrepCLI

@Suite struct ContentCommandsTests {
    @Test func questionsFiltersAndSearches() throws {
        let command = try #require(try InfraPrepCommand.parseAsRoot(["questions", "--kind", "system-design", "--search", "daily active users"]) as? QuestionsCommand)
        let rows = try command.rows(in: sharedCatalog)
        #expect(rows.first?.id == "design-llm-inference-10m-dau")
        #expect(rows.allSatisfy { $0.kind == "system-design" })
    }

    @Test func questionsRejectsUnknownValuesNamingTheOption() throws {
        do {
            _ = try InfraPrepCommand.parseAsRoot(["questions", "--kind", "trivia"])
            Issue.record("accepted --kind trivia")
        } catch {
            #expect(InfraPrepCommand.message(for: error).hasPrefix("--kind trivia is not a kind; use one of technical"))
        }
        let command = try #require(try InfraPrepCommand.parseAsRoot(["questions", "--skill", "kubernets"]) as? QuestionsCommand)
        #expect {
            try command.rows(in: sharedCatalog)
        } throws: { error in
            "\(error)".contains("--skill kubernets is not a skill; did you mean kubernetes?")
        }
    }

    @Test func showSuggestsCloseIDs() throws {
        let command = try #require(try InfraPrepCommand.parseAsRoot(["show", "design-llm-inference-10m"]) as? ShowCommand)
        #expect {
            try command.find(in: sharedCatalog)
        } throws: { error in
            "\(error)".contains("did you mean design-llm-inference-10m-dau")
        }
        let found = try #require(try InfraPrepCommand.parseAsRoot(["show", "sheet-kubectl"]) as? ShowCommand)
        let text = ItemText.render(try found.find(in: sharedCatalog), catalog: sharedCatalog, terminal: Terminal(colors: false))
        #expect(text.hasPrefix(sharedCatalog["sheet-kubectl"]!.title))
        #expect(text.contains("## "))
    }

    @Test func lintReportsFileLineAndFailsOnErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lint-cli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "---\nid: mine\nkind: technical\n---\n".write(to: dir.appendingPathComponent("mine.md"), atomically: true, encoding: .utf8)
        let command = try #require(try InfraPrepCommand.parseAsRoot(["content", "lint", dir.path, "--json"]) as? ContentCommand.Lint)
        let summary = try command.makeReport()
        #expect(summary.errors > 0)
        #expect(summary.issues.contains { $0.description == "\(dir.path)/mine.md:2: missing required field 'title'" })
    }
}
