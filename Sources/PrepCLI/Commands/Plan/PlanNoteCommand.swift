import ArgumentParser
import Foundation
import Logging
import PrepApp
import PrepContent
import PrepCore
import PrepStore

struct PlanNoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Show or write a task's lab notes (Markdown): the commands you ran, the configs that worked."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var content: ContentOptions

    @Argument(help: "The task id, as `plan show` lists it.")
    var id: String

    @Option(name: .long, help: ArgumentHelp("Replace the notes with this text.", valueName: "markdown"))
    var text: String?

    @Option(name: .long, help: ArgumentHelp("Replace the notes with this file's contents; - reads standard input.", valueName: "file"))
    var file: String?

    @Flag(name: .long, help: "Append --text or --file to the notes instead of replacing them.")
    var append = false

    @Flag(name: .long, help: "Delete the notes.")
    var clear = false

    func validate() throws {
        if text != nil, file != nil { throw ValidationError("--text and --file cannot be used together") }
        if clear, text != nil || file != nil { throw ValidationError("--clear cannot be used with --text or --file") }
        if append, text == nil, file == nil { throw ValidationError("--append needs --text or --file") }
    }

    func input() throws -> String? {
        if let text { return text }
        guard let file else { return nil }
        if file == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        do {
            return try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw PlainError("--file \(file): cannot read it as UTF-8 text (\(error.localizedDescription))", fix: "check the path, or pass - to read standard input")
        }
    }

    func run() async throws {
        let catalog = try content.catalog()
        let new = try input()
        try await withPlanService(global: global, catalog: catalog, writes: true) { service in
            let first = try await service.parts(of: id)[0]
            let current = first.progress?.notes
            guard new != nil || clear else {
                print(current ?? "No notes for \(first.task.text) yet: `infraprep plan note \(first.task.taskID) --text \"…\"` or `--file notes.md`.")
                return
            }
            let combined = clear ? nil : (append ? [current, new].compactMap { $0 }.joined(separator: "\n\n") : new)
            let entry = try await service.setNotes(id, notes: combined)
            print(entry.progress?.notes == nil ? "Notes cleared: \(entry.task.text)" : "Notes saved: \(entry.task.text) (\(entry.progress?.notes?.count ?? 0) characters)")
        }
    }
}
