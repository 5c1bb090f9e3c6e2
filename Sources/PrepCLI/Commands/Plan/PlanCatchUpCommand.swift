import ArgumentParser
import Foundation
import PrepApp
import PrepCore

struct PlanCatchUpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catch-up",
        abstract: "Spread the missed tasks over the coming study days within the daily hours (shows the moves; --yes makes them).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var content: ContentOptions

    @Flag(name: .long, help: "Make the moves instead of only showing them.")
    var yes = false

    @Flag(name: .customLong("mark-done"), help: "Tick every missed task instead of moving them.")
    var markDone = false

    func validate() throws {
        if yes, markDone { throw ValidationError("--yes and --mark-done cannot be used together; catch up one way") }
    }

    func run() async throws {
        let catalog = try content.catalog()
        try await withPlanService(global: global, catalog: catalog, writes: yes || markDone) { service in
            if markDone {
                let count = try await service.markMissedDone()
                print("Ticked \(count) missed task\(count == 1 ? "" : "s") as done.")
                return
            }
            let (_, entries) = try await service.entries()
            let moves = yes ? try await service.catchUp() : try await service.catchUpMoves()
            guard !moves.isEmpty else {
                print("Nothing is missed: every past task is done.")
                return
            }
            for move in moves {
                let text = entries.first { $0.task.id == move.taskID }?.task.text ?? move.taskID
                let day = PlanSettings.day(move.to).map { "\($0.weekdayName) \(move.to)" } ?? move.to
                print("\(move.taskID): \(move.from) → \(day) (\(move.minutes) min; that day \(move.dayMinutes) min\(move.over ? ", over the daily hours" : ""))  \(text)")
            }
            print(yes ? "Moved \(moves.count) task\(moves.count == 1 ? "" : "s")." : "Nothing moved yet: run again with --yes to make these moves, or --mark-done to tick them.")
        }
    }
}
