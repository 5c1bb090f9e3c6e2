import Foundation
import PrepCore
import PrepTestSupport
import Testing

/// `srs replay`, `practice` and `stats` through the built binary.
@Suite(.serialized) struct PracticeCommandsTests {
    let cli = CLIProcess(prefix: "infraprep-practice")

    @Test func replayWritesTheReferenceStatesAndReportsBadLines() throws {
        defer { cli.cleanUp() }
        let input = """
            {"card":"a","rating":3,"time":"2026-01-01T00:00:00Z"}
            {"card":"a","rating":3,"time":"2026-01-01T00:10:00Z"}
            {"card":"a","rating":9,"time":"2026-01-02T00:10:00Z"}

            {"card":"a","rating":3,"time":"2026-01-03T00:10:00Z"}
            """
        let run = try cli.run(["srs", "replay"], stdin: input)
        #expect(run.status == 1, "a bad line makes the exit status 1")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        // Expected values from fsrs 6.3.2: Scheduler(enable_fuzzing=False), Good ×3 at these times.
        #expect(
            lines.last
                == #"{"card":"a","state":"Review","step":null,"stability":10.971048263078135,"difficulty":2.1043313908464483,"due":"2026-01-14T00:10:00+00:00","last_review":"2026-01-03T00:10:00+00:00"}"#
        )
        #expect(run.stderr.contains("stdin:3: rating 9 is outside 1-4"))
    }

    @Test func replayOptionsAreChecked() throws {
        defer { cli.cleanUp() }
        let bad = try cli.run(["srs", "replay", "--desired-retention", "1.5"], stdin: "")
        #expect(bad.status != 0 && bad.stderr.contains("desired retention: 1.5"))
        let weights = try cli.run(["srs", "replay", "--parameters", "1,2,3"], stdin: "")
        #expect(weights.status != 0 && weights.stderr.contains("expected 21 weights"))
        let steps = try cli.run(["srs", "replay", "--learning-steps", "soon"], stdin: "")
        #expect(steps.status != 0 && steps.stderr.contains("--learning-steps: 'soon'"))
        let missing = try cli.run(["srs", "replay", "--input", "/nonexistent/reviews.jsonl"])
        #expect(missing.status != 0 && missing.stderr.contains("--input /nonexistent/reviews.jsonl"))
        let none = try cli.run(
            ["srs", "replay", "--learning-steps", "", "--relearning-steps", ""],
            stdin: #"{"card":"x","rating":3,"time":"2026-01-01T00:00:00Z"}"#)
        #expect(none.status == 0 && none.stdout.contains(#""state":"Review""#), "no learning steps: Good graduates at once")
    }

    @Test func practiceSessionCanBeScriptedAndStatsCountIt() throws {
        defer { cli.cleanUp() }
        let dir = cli.scratch + "/data"
        let queue = try cli.run(["practice", "--json", "--data-dir", dir])
        #expect(queue.status == 0, "\(queue.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(queue.stdout.utf8)) as? [String: Any]
        let entries = try #require(document?["entries"] as? [[String: Any]])
        #expect(entries.count == PracticeSettings.defaults.newPerDay)
        let kinds = Set(entries.compactMap { $0["kind"] as? String })
        #expect(kinds.contains("technical") && kinds.contains("behavioral"))

        // Reveal and grade Good, reveal and grade Again, undo the Again, quit.
        let session = try cli.run(["practice", "--data-dir", dir], stdin: " 3 1uq")
        #expect(session.status == 0, "\(session.stderr)")
        #expect(session.stdout.contains("Good: next review in 10m."))
        #expect(session.stdout.contains("Again: next review in 1m."))
        #expect(session.stdout.contains("Undone: Again"))

        let stats = try cli.run(["stats", "--json", "--data-dir", dir])
        let object = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        #expect(object?["reviews_total"] as? Int == 1)
        #expect(object?["cards_studied"] as? Int == 1)
        #expect((object?["reviews_per_day"] as? [Any])?.count == 30)
        let text = try cli.run(["stats", "--data-dir", dir])
        #expect(text.stdout.contains("cards studied 1 · reviews 1"))
    }

    @Test func gradingBeforeRevealingIsRefusedPolitely() throws {
        defer { cli.cleanUp() }
        let run = try cli.run(["practice", "--data-dir", cli.scratch + "/data"], stdin: "3q")
        #expect(run.status == 0)
        #expect(run.stdout.contains("Reveal the answer first (Space)."))
        #expect(!run.stdout.contains("next review in"))
    }
}
