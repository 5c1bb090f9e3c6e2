import ArgumentParser
import Foundation
import PrepContent
import PrepCore

struct QuestionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions",
        abstract: "List or search the question bank."
    )

    @ArgumentParser.Option(name: .long, help: "Only this skill (e.g. kubernetes, model-serving).")
    var skill: String?

    @ArgumentParser.Option(name: .long, help: "Only this kind: technical, system-design, troubleshooting, behavioral, ask-interviewer, cheatsheet.")
    var kind: String?

    @ArgumentParser.Option(name: .long, help: "Only this tier of the skill ranking (1-4).")
    var tier: Int?

    @ArgumentParser.Option(name: .long, help: "Only this difficulty (1-3).")
    var difficulty: Int?

    @ArgumentParser.Option(name: .long, help: "Full-text search, ranked by relevance.")
    var search: String?

    @Flag(name: .long, help: "Print JSON (shape in docs/CLI.md).")
    var json = false

    /// Accepted everywhere, so a shell alias that always passes --data-dir works with every command.
    @OptionGroup var global: GlobalOptions

    @OptionGroup var content: ContentOptions

    struct Row: Codable, Equatable {
        var id: String
        var kind: String
        var skill: String
        var tier: Int?
        var difficulty: Int
        var title: String
    }

    func validate() throws {
        if let kind, ItemKind(rawValue: kind) == nil {
            throw ValidationError("--kind \(kind) is not a kind; use one of \(ItemKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let tier, !(1...4).contains(tier) { throw ValidationError("--tier \(tier) is out of range; use 1, 2, 3 or 4") }
        if let difficulty, !(1...3).contains(difficulty) { throw ValidationError("--difficulty \(difficulty) is out of range; use 1, 2 or 3") }
    }

    func run() async throws {
        let catalog = try content.catalog()
        let rows = try rows(in: catalog)
        if json {
            print(try JSONOutput.render(rows))
            return
        }
        let terminal = Terminal.forStandardOutput()
        for row in rows {
            print("\(terminal.bold(row.id))  \(terminal.dim("\(row.kind) · \(row.skill) · difficulty \(row.difficulty)"))\n    \(row.title)")
        }
        print(terminal.dim("\(rows.count) item\(rows.count == 1 ? "" : "s")"))
    }

    func rows(in catalog: ContentCatalog) throws -> [Row] {
        if let skill, catalog.taxonomy[skill] == nil {
            let suggestion = catalog.taxonomy.skills.map(\.id).min { Suggest.distance($0, skill) < Suggest.distance($1, skill) }
            throw PlainError("--skill \(skill) is not a skill", fix: "did you mean \(suggestion ?? "kubernetes")? `infraprep questions --json | jq` lists the skills in use")
        }
        if let search, let problem = ItemQuery.textProblem(search) { throw PlainError("--search: \(problem)", fix: "search for the key words only") }
        let query = ItemQuery(kind: kind.flatMap(ItemKind.init(rawValue:)), skill: skill, tier: tier, difficulty: difficulty, text: search)
        return catalog.find(query).map {
            Row(id: $0.id, kind: $0.kind.rawValue, skill: $0.skill, tier: catalog.tier(of: $0), difficulty: $0.difficulty, title: $0.title)
        }
    }
}
