import Foundation
import PrepTestSupport
import Testing

/// `infraprep practice --skill S | --task ID | --search Q` (issue #13, deliverable 1).
@Suite(.serialized) struct PracticeFocusCommandTests {
    let cli = CLIProcess(prefix: "infraprep-focus")

    @Test func aSkillOrASearchIsPractisedAsASetOfItsOwn() throws {
        defer { cli.cleanUp() }
        let dir = cli.scratch + "/data"
        let json = try cli.run(["practice", "--skill", "docker", "--json", "--data-dir", dir])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let entries = try #require(document["entries"] as? [[String: Any]])
        #expect(entries.count > 5 && entries.allSatisfy { $0["skill"] as? String == "docker" }, "\(entries.count)")

        let session = try cli.run(["practice", "--search", "kv cache", "--data-dir", dir], stdin: " 3q")
        #expect(session.status == 0, "\(session.stderr)")
        #expect(session.stdout.contains("Good: next review in 10m"), "\(session.stdout)")

        // A typed answer is checked; p 1 ticks point 1 by hand and the suggestion follows.
        let typed = try cli.run(["practice", "--skill", "docker", "--data-dir", dir], stdin: "tnothing useful here\n\np1q")
        #expect(typed.status == 0, "\(typed.stderr)")
        #expect(typed.stdout.contains("(0 of ") && typed.stdout.contains("(1 of "), "ticking by hand changes the count: \(typed.stdout.suffix(800))")

        let typo = try cli.run(["practice", "--skill", "dokker", "--data-dir", dir])
        #expect(typo.status != 0 && typo.firstErrorLine.contains("--skill dokker is not a skill; did you mean docker?"), "\(typo.stderr)")
        let both = try cli.run(["practice", "--task", "x", "--skill", "docker", "--data-dir", dir])
        #expect(both.status != 0 && both.stderr.contains("--task cannot be combined with --skill or --search"))
    }
}
