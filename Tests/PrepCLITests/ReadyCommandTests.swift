import Foundation
import PrepTestSupport
import Testing

/// `infraprep ready` through the built binary.
@Suite(.serialized) struct ReadyCommandTests {
    let cli = CLIProcess(prefix: "infraprep-ready")

    @Test func reportAnswersAndJSON() throws {
        defer { cli.cleanUp() }
        let dir = cli.scratch + "/data"
        let empty = try cli.run(["ready", "--data-dir", dir])
        #expect(empty.status == 0 && empty.stdout.contains("no score yet"), "\(empty.stderr)")
        #expect(empty.stdout.contains("Work on these next"))

        #expect(try cli.run(["ready", "answer", "ir-prometheus", "yes", "--data-dir", dir]).status == 0)
        let typo = try cli.run(["ready", "answer", "rf-ramble", "yes", "--data-dir", dir])
        #expect(typo.status != 0 && typo.firstErrorLine.contains("did you mean rf-rambling?"))
        let bad = try cli.run(["ready", "answer", "rf-rambling", "maybe", "--data-dir", dir])
        #expect(bad.status != 0 && bad.stderr.contains("use yes, no or clear"))

        let json = try cli.run(["ready", "--json", "--data-dir", dir])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let report = try #require(document["report"] as? [String: Any])
        let item = (report["checklists"] as? [[String: Any]])?.first { $0["id"] as? String == "ir-prometheus" }
        #expect(item?["answer"] as? String == "yes")
        let monitoring = (report["areas"] as? [[String: Any]])?.first { $0["id"] as? String == "monitoring" }
        #expect((monitoring?["score"] as? Int ?? 0) > 0, "a ticked item is evidence, though self-assessed")
        #expect((document["history"] as? [[String: Any]])?.count == 1)
        let listed = try cli.run(["ready", "--checklists", "--data-dir", dir])
        #expect(listed.stdout.contains("[yes] Explain Prometheus metric types") && listed.stdout.contains("rf-rambling"))
    }
}
