import ArgumentParser
import Foundation
import Logging
import PrepApp
import PrepContent
import PrepCore
import PrepStore

struct PlanICSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics",
        abstract: "Write the plan as an iCalendar file: a study block per study day and the interview, with alarms."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var content: ContentOptions

    @Option(name: .long, help: ArgumentHelp("The file to write; - for standard output.", valueName: "file"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Local time study blocks start (HH:MM, default 18:00).", valueName: "time"))
    var at: String = "18:00"

    func startMinute() throws -> Int {
        guard let minute = PlanCalendar.minute(ofDay: at) else { throw ValidationError("--at \(at): write a time of day as HH:MM, e.g. 07:30") }
        return minute
    }

    func validate() throws { _ = try startMinute() }

    func run() async throws {
        let catalog = try content.catalog()
        let minute = try startMinute()
        try await withPlanService(global: global, catalog: catalog, writes: false) { service in
            let (text, events) = try await service.calendar(startMinute: minute)
            if out == "-" {
                FileHandle.standardOutput.write(Data(text.utf8))
            } else {
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
                } catch {
                    throw PlainError("--out \(out): cannot write the file (\(error.localizedDescription))", fix: "check the folder exists and is writable")
                }
                print("Wrote \(events) events to \(out).")
            }
        }
    }
}
