import ArgumentParser
import Foundation
import PrepCore

struct SRSReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Run reviews through the scheduler and print each card's state after each review.",
        discussion: """
            Input: JSON lines {"card":"id","rating":1-4,"time":"2026-11-29T08:30:00Z"} in time order per card. \
            Output: one JSON line per review: card, state (Learning, Review, Relearning), step, stability, \
            difficulty, due, last_review. Matches the reference implementation (fsrs 6.3.2 on PyPI) with \
            fuzzing off, which is the default here. A bad line is reported on standard error with its \
            number and changes nothing; the other lines still run, and the exit status is then 1.
            """
    )

    /// Accepted everywhere, so a shell alias that always passes --data-dir works with every command.
    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Read reviews from this file instead of standard input.", valueName: "file"))
    var input: String?

    @Option(name: .long, help: ArgumentHelp("Target probability of recall, between 0 and 1 (default 0.9).", valueName: "r"))
    var desiredRetention: Double = 0.9

    @Option(name: .long, help: ArgumentHelp("The 21 FSRS-6 weights w0…w20, comma-separated (default: the reference's).", valueName: "w0,…,w20"))
    var parameters: String?

    @Option(name: .long, help: ArgumentHelp("Learning steps, comma-separated: 60 or 60s, 10m, 1h, 1d; \"\" for none (default 1m,10m).", valueName: "steps"))
    var learningSteps: String = "1m,10m"

    @Option(name: .long, help: ArgumentHelp("Relearning steps, same form (default 10m).", valueName: "steps"))
    var relearningSteps: String = "10m"

    @Option(name: .long, help: ArgumentHelp("Longest interval in days (default 36500).", valueName: "days"))
    var maximumInterval: Int = 36500

    @Flag(name: .long, help: "Spread review intervals randomly as the reference does (off by default so a replay is repeatable).")
    var fuzz = false

    @Option(name: .long, help: ArgumentHelp("Seed for --fuzz, to repeat a fuzzed replay.", valueName: "n"))
    var seed: UInt64?

    func configuration() throws -> SchedulerConfiguration {
        var weights = SchedulerConfiguration.defaultParameters
        if let parameters {
            let parts = parameters.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            weights = try parts.enumerated().map { index, text in
                guard let value = Double(text) else { throw ValidationError("--parameters: w\(index) '\(text)' is not a number") }
                return value
            }
        }
        let config = SchedulerConfiguration(
            parameters: weights, desiredRetention: desiredRetention,
            learningSteps: try StepList.parse(learningSteps, option: "--learning-steps"),
            relearningSteps: try StepList.parse(relearningSteps, option: "--relearning-steps"),
            maximumInterval: maximumInterval, fuzzing: fuzz
        )
        let problems = config.problems()
        if !problems.isEmpty { throw ValidationError(problems.joined(separator: "; ")) }
        return config
    }

    func validate() throws {
        _ = try configuration()
        if seed != nil, !fuzz { throw ValidationError("--seed only matters with --fuzz; add --fuzz or drop --seed") }
    }

    func run() throws {
        let scheduler = try FSRS(configuration())
        var replay = Replay(scheduler: scheduler, seed: seed ?? UInt64.random(in: .min ... .max))
        let reader: LineReader
        if let input {
            guard let opened = LineReader(path: input) else {
                throw ValidationError("--input \(input): cannot open the file; check the path and that it is readable")
            }
            reader = opened
        } else {
            guard let opened = LineReader() else { throw PlainError("cannot read standard input") }
            reader = opened
        }
        let out = BufferedOutput()
        var errors = 0
        var number = 0
        while let line = reader.next() {
            number += 1
            do {
                try out.writeLine { try replay.run(line, line: number, into: &$0) }
            } catch let error as Replay.LineError {
                errors += 1
                let label = input.map { "\($0):" } ?? "stdin:"
                FileHandle.standardError.write(Data("\(label)\(error.line): \(error.message)\n".utf8))
            }
        }
        out.flush()
        if errors > 0 {
            FileHandle.standardError.write(Data("\(errors) bad line\(errors == 1 ? "" : "s") skipped; the other reviews ran\n".utf8))
            throw ExitCode.failure
        }
    }
}
