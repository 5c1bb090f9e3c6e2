import Foundation
import PrepTestSupport
import Testing

/// `plan init`, `plan done`, `plan show` and `today` through the built binary.
@Suite(.serialized) struct PlanCommandsTests {
    let cli = CLIProcess(prefix: "infraprep-plan")

    @Test func initTickAndToday() throws {
        defer { cli.cleanUp() }
        let dir = cli.scratch + "/data"
        let none = try cli.run(["today", "--json", "--data-dir", dir])
        #expect(none.status == 0 && none.stdout.contains("\"practice\""))
        let made = try cli.run(["plan", "init", "--start", "2026-11-01", "--interview-date", "2026-12-20", "--rate", "kubernetes=1", "--data-dir", dir])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("More time for the skills you rated weak: Kubernetes."))
        let again = try cli.run(["plan", "init", "--start", "2026-11-02", "--data-dir", dir])
        #expect(again.status != 0 && again.firstErrorLine.contains("a study plan exists already; pass --force"))

        let shown = try cli.run(["plan", "show", "--json", "--data-dir", dir])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [[String: Any]])
        let first = try #require((entries.first?["task"] as? [String: Any])?["id"] as? String)
        #expect(try cli.run(["plan", "done", first, "--data-dir", dir]).status == 0)
        let typo = try cli.run(["plan", "done", "no-such-task", "--data-dir", dir])
        #expect(typo.status != 0 && typo.firstErrorLine.contains("no planned task has the id 'no-such-task'"))

        // Replacing the plan keeps the tick on a task that still exists.
        #expect(try cli.run(["plan", "init", "--start", "2026-11-01", "--force", "--data-dir", dir]).status == 0)
        let today = try cli.run(["today", "--json", "--data-dir", dir])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(today.stdout.utf8)) as? [String: Any])
        let day = try #require(report["day"] as? [String: Any])
        #expect(day["done_in_plan"] as? Int == 1)
        #expect((day["missed"] as? [Any])?.isEmpty == false, "a start in the past lists missed tasks")
    }

    @Test func icsWritesTheCalendar() throws {
        defer { cli.cleanUp() }
        let dir = cli.scratch + "/data"
        let none = try cli.run(["plan", "ics", "--out", "-", "--data-dir", dir])
        #expect(none.status != 0 && none.firstErrorLine.contains("there is no study plan yet"))
        #expect(try cli.run(["plan", "init", "--start", "2026-12-01", "--data-dir", dir]).status == 0)
        let bad = try cli.run(["plan", "ics", "--out", "-", "--at", "25:00", "--data-dir", dir])
        #expect(bad.status != 0 && bad.firstErrorLine.contains("--at 25:00"))
        let file = cli.scratch + "/plan.ics"
        let run = try cli.run(["plan", "ics", "--out", file, "--at", "07:00", "--data-dir", dir])
        #expect(run.status == 0 && run.stdout.hasPrefix("Wrote "))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(text.contains("UID:study-2026-12-01@infraprep\r\n"))

        let feed = try cli.run(["plan", "feed", "--at", "06:30", "--base-url", "https://prep.example.org/", "--data-dir", dir])
        #expect(feed.status == 0 && feed.stdout.hasPrefix("https://prep.example.org/calendar.ics?token="), "\(feed.stdout)\(feed.stderr)")
        #expect(feed.stderr.contains("shown only once"))
        let badURL = try cli.run(["plan", "feed", "--base-url", "prep.example.org", "--data-dir", dir])
        #expect(badURL.status != 0 && badURL.stderr.contains("--base-url prep.example.org"))
        #expect(try cli.run(["plan", "feed", "--revoke", "--data-dir", dir]).stdout.hasPrefix("Revoked"))
        #expect(try cli.run(["plan", "feed", "--revoke", "--data-dir", dir]).stdout.contains("no subscription link"))
    }

    @Test func moveAMissedTaskAndKeepLabNotes() throws {
        defer { cli.cleanUp() }
        let dir = cli.scratch + "/data"
        #expect(try cli.run(["plan", "init", "--start", "2026-10-01", "--data-dir", dir]).status == 0)
        let today = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run(["today", "--json", "--data-dir", dir]).stdout.utf8)) as? [String: Any])
        let day = try #require(today["day"] as? [String: Any])
        let missed = try #require((day["missed"] as? [[String: Any]])?.first?["task"] as? [String: Any])
        let id = try #require(missed["id"] as? String)

        let moved = try cli.run(["plan", "move", id, "--to", "today", "--data-dir", dir])
        #expect(moved.status == 0 && moved.stdout.hasPrefix("Moved “") && moved.stdout.contains(" \(day["date"] as? String ?? "?")."), "\(moved.stdout)\(moved.stderr)")
        let past = try cli.run(["plan", "move", id, "--to", "2020-01-01", "--data-dir", dir])
        #expect(past.status != 0 && past.firstErrorLine.contains("--to: 2020-01-01 is before today"))
        let neither = try cli.run(["plan", "move", id, "--data-dir", dir])
        #expect(neither.status != 0 && neither.stderr.contains("give --to YYYY-MM-DD"))
        #expect(try cli.run(["plan", "move", id, "--back", "--data-dir", dir]).stdout.contains("is back on its planned day"))

        let empty = try cli.run(["plan", "note", id, "--data-dir", dir])
        #expect(empty.status == 0 && empty.stdout.contains("No notes for"))
        #expect(try cli.run(["plan", "note", id, "--text", "kubectl get pods -A", "--data-dir", dir]).status == 0)
        let piped = try cli.run(["plan", "note", id, "--file", "-", "--append", "--data-dir", dir], stdin: "Fixed by raising the memory limit.\n")
        #expect(piped.status == 0, "\(piped.stderr)")
        let shown = try cli.run(["plan", "note", id, "--data-dir", dir])
        #expect(shown.stdout.contains("kubectl get pods -A\n\nFixed by raising the memory limit."))
        let missing = try cli.run(["plan", "note", id, "--file", cli.scratch + "/nope.md", "--data-dir", dir])
        #expect(missing.status != 0 && missing.firstErrorLine.contains("nope.md: cannot read it"))
        #expect(try cli.run(["plan", "note", id, "--data-dir", dir]).stdout.contains("Fixed by raising"), "a failed write keeps the notes")
        #expect(try cli.run(["plan", "note", id, "--clear", "--data-dir", dir]).stdout.contains("Notes cleared"))
    }

    @Test func badSettingsNameTheOption() throws {
        defer { cli.cleanUp() }
        let dir = cli.scratch + "/data"
        for (arguments, message) in [
            (["--start", "2026-13-01"], "--start: Write the start date as YYYY-MM-DD"),
            (["--start", "2026-12-01", "--hours-per-day", "0"], "--hours-per-day: Use between 0.5 and 12 hours"),
            (["--start", "2026-12-10", "--interview-date", "2026-12-01"], "--interview-date: The interview (2026-12-01) must come after the start"),
            (["--start", "2026-12-01", "--rate", "kubernetes"], "--rate kubernetes: write SKILL=N"),
        ] {
            let run = try cli.run(["plan", "init"] + arguments + ["--data-dir", dir])
            #expect(run.status != 0)
            #expect(run.firstErrorLine.contains(message), "\(run.firstErrorLine)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/infraprep.sqlite"), "nothing is created for bad settings")
    }
}

/// Issue #12, finding 1, from the command line: commands writing one data folder at once
/// (no server) wait for each other instead of failing with "database is locked".
@Suite struct ConcurrentCommandWriteTests {
    @Test func commandsWritingAtOnceAllSucceed() throws {
        let cli = CLIProcess(prefix: "infraprep-cli-writes")
        defer { cli.cleanUp() }
        let dir = cli.scratch + "/data"
        #expect(try cli.run(["plan", "init", "--start", "2026-11-01", "--data-dir", dir]).status == 0)
        let shown = try cli.run(["plan", "show", "--json", "--data-dir", dir])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [[String: Any]])
        let tasks = entries.prefix(10).compactMap { ($0["task"] as? [String: Any])?["id"] as? String }
        let count = 20
        let results = LockedRuns(count)
        DispatchQueue.concurrentPerform(iterations: count) { n in
            let arguments =
                n % 2 == 0
                ? ["plan", "done", tasks[n / 2 % tasks.count], "--data-dir", dir]
                : ["ready", "answer", "ir-prometheus", n % 4 == 1 ? "yes" : "no", "--data-dir", dir]
            results.set(n, (try? cli.run(arguments)).map { ($0.status, $0.stderr) } ?? (-1, "did not run"))
        }
        let failed = results.all.filter { $0.0 != 0 }
        #expect(failed.isEmpty, "\(failed.count) of \(count) failed, e.g. \(failed.first?.1 ?? "")")
    }
}

private final class LockedRuns: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [(Int32, String)]
    init(_ count: Int) { runs = Array(repeating: (0, ""), count: count) }
    func set(_ index: Int, _ run: (Int32, String)) { lock.withLock { runs[index] = run } }
    var all: [(Int32, String)] { lock.withLock { runs } }

}

@Suite(.serialized) struct PlanCatchUpCommandTests {
    let cli = CLIProcess(prefix: "infraprep-catch-up")

    /// Issue #13, catching up from the terminal: a preview, then --yes; or --mark-done.
    @Test func catchUpPreviewsThenMoves() throws {
        defer { cli.cleanUp() }
        let dir = cli.scratch + "/catch-up"
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let start = formatter.string(from: Date().addingTimeInterval(-8 * 86_400))
        #expect(try cli.run(["plan", "init", "--start", String(start), "--data-dir", dir]).status == 0)
        let preview = try cli.run(["plan", "catch-up", "--data-dir", dir])
        #expect(preview.status == 0 && preview.stdout.contains(" → ") && preview.stdout.contains("Nothing moved yet"), "\(preview.stdout)\(preview.stderr)")
        let moved = try cli.run(["plan", "catch-up", "--yes", "--data-dir", dir])
        #expect(moved.status == 0 && moved.stdout.contains("Moved "), "\(moved.stderr)")
        #expect(try cli.run(["plan", "catch-up", "--data-dir", dir]).stdout.contains("Nothing is missed"))
    }
}
