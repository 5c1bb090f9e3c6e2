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

    func run() async throws {
        let catalog = try content.catalog()
        try await withContext(global: global, catalog: catalog, writes: true) { context in
            let service = context.practice
            if json {
                print(try JSONOutput.render(try await service.queueDocument()))
            } else {
                try await PracticeSessionUI(terminal: .forStandardOutput(), catalog: catalog).run(serviceAt: { PracticeService(context.at(context.environment.now)) })
            }
        }
    }
}
