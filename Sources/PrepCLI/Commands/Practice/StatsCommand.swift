import ArgumentParser
import Foundation
import PrepApp
import PrepCore

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Practice statistics: reviews per day, true retention per skill, the due forecast."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var content: ContentOptions

    @Flag(name: .long, help: "Print JSON (the shape of GET /api/v1/practice/stats).")
    var json = false

    func run() async throws {
        let catalog = try content.catalog()
        try await withContext(global: global, catalog: catalog, writes: false) { context in
            let service = context.practice
            let stats = try await service.stats()
            if json {
                print(try JSONOutput.render(stats))
            } else {
                print(Self.render(stats, names: { catalog.taxonomy[$0]?.name ?? $0 }, terminal: .forStandardOutput()))
            }
        }
    }

    static func render(_ stats: PracticeStats, names: (String) -> String, terminal: Terminal) -> String {
        func percent(_ value: Double?) -> String { value.map { "\(Int(($0 * 100).rounded())) %" } ?? "—" }
        var out = [terminal.bold("Practice statistics") + terminal.dim(" (days in \(stats.timeZone))")]
        out.append(
            "Due now \(stats.dueNow) · cards studied \(stats.cardsStudied) · reviews \(stats.reviewsTotal) · true retention \(percent(stats.trueRetention)) · streak \(stats.streakDays) day\(stats.streakDays == 1 ? "" : "s")"
        )
        out.append(
            "\n" + terminal.bold("Reviews, last 30 days") + "  " + sparkline(stats.reviewsPerDay.map(\.count)) + "  total \(stats.reviewsPerDay.reduce(0) { $0 + $1.count })")
        out.append(terminal.bold("Due, next 30 days   ") + "  " + sparkline(stats.forecast.map(\.count)) + "  total \(stats.forecast.reduce(0) { $0 + $1.count })")
        let week = stats.forecast.prefix(7).map { "\($0.date.suffix(5)) \($0.count)" }.joined(separator: "  ")
        out.append(terminal.dim("  next 7 days: \(week)"))
        if !stats.retentionBySkill.isEmpty {
            out.append("\n" + terminal.bold("True retention by skill"))
            let width = stats.retentionBySkill.map { names($0.skill).count }.max() ?? 10
            for entry in stats.retentionBySkill {
                let name = names(entry.skill)
                let bar = String(repeating: "█", count: Int(((entry.retention ?? 0) * 20).rounded()))
                out.append(
                    "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + percent(entry.retention).padding(toLength: 5, withPad: " ", startingAt: 0) + " "
                        + bar + terminal.dim(" \(entry.passed)/\(entry.reviews)"))
            }
        }
        return out.joined(separator: "\n")
    }

    /// Counts as block characters, scaled to the largest.
    static func sparkline(_ values: [Int]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        let top = max(values.max() ?? 0, 1)
        return String(values.map { $0 == 0 ? " " : blocks[min(blocks.count - 1, ($0 * (blocks.count - 1) + top - 1) / top)] })
    }
}
