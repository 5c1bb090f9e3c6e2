import Foundation
import PrepTestSupport
import Testing

@testable import PrepCLI

/// Issue #13, bug 10: a mistyped command gets "did you mean", whatever follows it, and the
/// global options work with every command (shell aliases pass --data-dir to all of them).
@Suite(.serialized) struct CommandSuggestionTests {
    let cli = CLIProcess(prefix: "infraprep-typo")

    @Test func aMistypedCommandGetsASuggestionNotABlamedOption() throws {
        defer { cli.cleanUp() }
        let dir = cli.scratch + "/data"
        for arguments in [["pratice"], ["pratice", "--data-dir", dir], ["plan", "shwo", "--data-dir", dir]] {
            let run = try cli.run(arguments)
            #expect(run.status != 0, "\(arguments)")
            #expect(!run.stderr.contains("--data-dir'"), "\(arguments): \(run.stderr)")
            let expected = arguments[0] == "plan" ? "did you mean show?" : "did you mean practice?"
            #expect(run.firstErrorLine.contains(expected), "\(arguments): \(run.stderr)")
        }
        #expect(CommandSuggestion.problem(in: ["calc", "memroy", "--params", "7e9"])?.contains("not a command of infraprep calc; did you mean memory?") == true)
        #expect(CommandSuggestion.problem(in: ["practice", "--data-dir", "x"]) == nil)
        #expect(CommandSuggestion.problem(in: ["questions", "kubernetes"]) == nil, "a command's own arguments are not commands")
        #expect(CommandSuggestion.problem(in: ["help", "pratice"]) == nil)
    }

    @Test func everyCommandAcceptsTheGlobalOptions() throws {
        defer { cli.cleanUp() }
        let dir = cli.scratch + "/data"
        for arguments in [
            ["calc", "list"], ["calc", "train", "--params", "7e9", "--tokens", "1e12", "--gpu", "h100-sxm", "--gpus", "8", "--mfu", "0.4"],
            ["questions", "--skill", "kubernetes"], ["show", "docker-layer-caching"], ["content", "lint"],
        ] {
            let run = try cli.run(arguments + ["--data-dir", dir, "--log-level", "warning"])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
    }
}
