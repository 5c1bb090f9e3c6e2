import ArgumentParser
import Foundation
import PrepContent
import PrepCore

/// An item as readable terminal text: the Markdown is already plain enough to read, so
/// only headings and the rubric are styled.
enum ItemText {
    static func render(_ item: ContentItem, catalog: ContentCatalog, terminal: Terminal) -> String {
        var out = [terminal.bold(item.title)]
        let skill = catalog.taxonomy[item.skill]?.name ?? item.skill
        out.append(terminal.dim("\(item.kind.title) · \(skill) · difficulty \(item.difficulty) · \(item.id)"))
        if !item.intro.isEmpty { out.append("\n" + item.intro) }
        for section in item.sections {
            out.append("\n" + terminal.bold("## \(section.heading)") + "\n" + section.markdown)
        }
        if !item.keyPoints.isEmpty {
            out.append("\n" + terminal.bold("Key points"))
            out += item.keyPoints.map { "  - \($0)" }
        }
        if !item.followUps.isEmpty {
            out.append("\n" + terminal.bold("Follow-ups"))
            out += item.followUps.map { "  - \($0)" }
        }
        if !item.sources.isEmpty {
            out.append("\n" + terminal.bold("Sources"))
            out += item.sources.map { "  - \($0.title): \($0.url)" }
        }
        return out.joined(separator: "\n")
    }
}
