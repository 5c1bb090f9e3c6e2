import ArgumentParser
import Foundation
import PrepContent
import PrepCore

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one item of the question bank with its answer."
    )

    @Argument(help: "The item's id, as `infraprep questions` lists it.")
    var id: String

    @Flag(name: .long, help: "Print JSON (shape in docs/CLI.md).")
    var json = false

    /// Accepted everywhere, so a shell alias that always passes --data-dir works with every command.
    @OptionGroup var global: GlobalOptions

    @OptionGroup var content: ContentOptions

    func run() async throws {
        let catalog = try content.catalog()
        let item = try find(in: catalog)
        if json {
            print(try JSONOutput.render(item))
        } else {
            print(ItemText.render(item, catalog: catalog, terminal: .forStandardOutput()))
        }
    }

    func find(in catalog: ContentCatalog) throws -> ContentItem {
        if let item = catalog[id] { return item }
        let close = Suggest.close(to: id, among: catalog.items.map(\.id))
        throw PlainError("no item has the id '\(id)'", fix: close.isEmpty ? "`infraprep questions --search WORDS` finds items" : "did you mean \(close.joined(separator: ", "))?")
    }
}
