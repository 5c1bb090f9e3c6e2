import ArgumentParser
import Foundation
import PrepApp
import PrepCore
import PrepStore

struct ReadyShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "The readiness report (the default).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var content: ContentOptions

    @Flag(name: .long, help: "Print JSON (the shape of GET /api/v1/readiness: {report, history}).")
    var json = false

    @Flag(name: .long, help: "List every checklist item and red flag with its id and answer.")
    var checklists = false

    struct Document: Codable {
        var report: ReadinessReport
        var history: [ReadinessSnapshot]
    }

    func run() async throws {
        let catalog = try content.catalog()
        try await withContext(global: global, catalog: catalog, writes: false) { context in
            let service = context.readiness
            let (report, history) = try await service.reportAndHistory()
            if json {
                print(try JSONOutput.render(Document(report: report, history: history)))
                return
            }
            print(Self.render(report, checklists: checklists, terminal: .forStandardOutput()))
        }
    }

    static func render(_ report: ReadinessReport, checklists: Bool, terminal: Terminal) -> String {
        func score(_ value: Int?) -> String { value.map { String(format: "%3d", $0) } ?? terminal.dim("  —") }
        var out = [terminal.bold("Readiness") + ": " + (report.overall.map { "\($0) of 100" } ?? "no score yet (nothing practised, ticked or answered)")]
        out.append(terminal.dim(report.overallBasis))
        out.append("\n" + terminal.bold("Interview types"))
        for type in report.interviewTypes { out.append("  \(score(type.score))  \(type.name)") }
        out.append("\n" + terminal.bold("Skill areas") + terminal.dim("  (— no evidence yet)"))
        for area in report.areas {
            out.append("  \(score(area.score))  \(area.name)" + terminal.dim(area.tier.map { " · tier \($0)" } ?? ""))
            for evidence in area.evidence where area.score != nil {
                out.append(terminal.dim("         \(evidence.kind) \(Int((evidence.weight * 100).rounded())) %: \(evidence.detail)"))
            }
        }
        out.append("\n" + terminal.bold("Work on these next"))
        for (index, area) in report.weakest.enumerated() {
            out.append("  \(index + 1). \(area.name) (\(area.score.map { "\($0)/100" } ?? "no evidence yet"))")
            for step in area.next { out.append("     - \(step.text)") }
        }
        let yes = report.checklists.filter { $0.answer == .yes }.count
        let flagged = report.redFlags.filter { $0.answer == .yes }
        out.append(
            "\nChecklists: \(yes) of \(report.checklists.count) ticked · red flags: \(flagged.count) present, \(report.redFlags.filter { $0.answer != nil }.count) of \(report.redFlags.count) checked"
        )
        for flag in flagged { out.append(terminal.yellow("  ! \(flag.text)")) }
        if checklists {
            for item in report.checklists + report.redFlags {
                let mark = item.answer.map { $0 == .yes ? "[yes]" : "[no] " } ?? "[ ]  "
                out.append("  \(mark) \(item.text)" + terminal.dim("  \(item.id)"))
            }
        } else {
            out.append(terminal.dim("`infraprep ready --checklists` lists the items; `infraprep ready answer ID yes|no|clear` answers one."))
        }
        out.append(terminal.dim("Not measured: " + report.notMeasured.joined(separator: " ")))
        return out.joined(separator: "\n")
    }
}
