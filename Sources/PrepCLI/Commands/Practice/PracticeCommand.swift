import ArgumentParser
import Foundation
import Logging
import PrepApp
import PrepContent
import PrepCore
import PrepStore

struct PracticeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Today's spaced-repetition session in the terminal (the same queue as the web page).",
        discussion: """
            Keys: Space reveals the answer, t types an answer to check against the key points, \
            1 Again, 2 Hard, 3 Good, 4 Easy, u undoes the last grade, q quits. Input from a pipe is \
            read as keys too, so a session can be scripted. --json prints today's queue instead.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var content: ContentOptions

    @Flag(name: .long, help: "Print today's queue as JSON (the shape of GET /api/v1/practice/queue) and exit.")
    var json = false

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("Practise only this skill's questions, due and new together (e.g. kubernetes).", valueName: "skill"))
    var skill: String?

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("Practise only the questions of this plan task (`plan show` lists the ids).", valueName: "id"))
    var task: String?

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("Practise only the questions this search finds.", valueName: "words"))
    var search: String?

    func validate() throws {
        if task != nil, skill != nil || search != nil { throw ValidationError("--task cannot be combined with --skill or --search; practise one set at a time") }
        if let search, let problem = ItemQuery.textProblem(search) { throw ValidationError("--search: \(problem)") }
    }

    /// The set the flags name, nil for today's session.
    func focus(_ catalog: ContentCatalog) throws -> PracticeFocus? {
        if let task { return .task(task) }
        if let skill, catalog.taxonomy[skill] == nil {
            let close = Suggest.close(to: skill, among: catalog.taxonomy.skills.map(\.id), limit: 2)
            throw PlainError(
                "--skill \(skill) is not a skill", fix: close.isEmpty ? "`infraprep questions --json` lists the skills" : "did you mean \(close.joined(separator: " or "))?")
        }
        guard skill != nil || search != nil else { return nil }
        return .questions(ItemQuery(skill: skill, text: search))
    }

    func run() async throws {
        let catalog = try content.catalog()
        let focus = try focus(catalog)
        try await withContext(global: global, catalog: catalog, writes: true) { context in
            let service = context.practice
            if json {
                print(try JSONOutput.render(try await service.queueDocument(focus: focus)))
            } else {
                try await PracticeSessionUI(terminal: .forStandardOutput(), catalog: catalog, focus: focus).run(serviceAt: {
                    PracticeService(context.at(context.environment.now))
                })
            }
        }
    }
}
