import Foundation
import PrepTestSupport
import Testing

/// `infraprep calc` through the built binary: the JSON contract and bad input.
@Suite struct CalcCommandTests {
    let cli = CLIProcess(prefix: "infraprep-calc")

    private func json(_ arguments: [String]) throws -> [String: Any] {
        let run = try cli.run(["calc"] + arguments + ["--json"])
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func trainJSONHoldsInputsResultsWithUnitsAndSteps() throws {
        defer { cli.cleanUp() }
        let out = try json(["train", "--model", "llama-2-7b", "--gpu", "a100-80gb", "--gpus", "2048", "--mfu", "40%", "--price", "2.5", "--days", "30"])
        let inputs = try #require(out["inputs"] as? [String: Any])
        #expect(inputs["model"] as? String == "llama-2-7b" && inputs["tokens"] as? Double == 2e12 && inputs["mfu"] as? Double == 0.4)
        let flops = try #require(out["total_flops"] as? Double)
        #expect(abs(flops - 6 * 6.74e9 * 2e12) / flops < 1e-12)
        #expect(out["gpu_hours"] is Double && out["wall_clock_days"] is Double && out["cost_usd"] is Double && out["gpus_needed"] is Double)
        let steps = try #require(out["steps"] as? [[String: Any]])
        #expect(steps.first?["formula"] as? String == "C ≈ 6 · N · D" && steps.allSatisfy { $0["result"] is String })
    }

    @Test func theOtherCalculatorsAnswerInTheirUnits() throws {
        defer { cli.cleanUp() }
        let memory = try json(["memory", "--params", "7.5B", "--gpu", "a100-80gb", "--gpus", "64", "--zero", "3"])
        #expect(abs((memory["per_gpu_bytes"] as? Double ?? 0) - 1.875e9) < 1 && memory["total_per_gpu_bytes"] as? Double == memory["per_gpu_bytes"] as? Double)
        let infer = try json(["infer", "--model", "llama-3-8b", "--gpu", "l4", "--context", "8192", "--batch", "4"])
        #expect(infer["kv_cache_bytes_per_token"] as? Double == 131_072 && infer["kv_cache_bytes"] as? Double == 131_072 * 8192 * 4)
        let serve = try json(["serve", "--model", "llama-3-70b", "--gpu", "h100-sxm", "--dau", "10M", "--requests-per-user", "5", "--tpot-ms", "50"])
        #expect(serve["replicas"] is Double && serve["cost_per_million_tokens_usd"] is Double && serve["meets_latency_target"] as? Bool == true)
        let listed = try cli.run(["calc", "gpus"])
        #expect(listed.status == 0 && listed.stdout.contains("h100-sxm") && listed.stdout.contains("llama-3.1-405b"))
    }

    @Test func badInputNamesTheOption() throws {
        defer { cli.cleanUp() }
        for (arguments, message) in [
            (["train", "--params", "7e9", "--tokens", "2e12", "--gpu", "h100", "--mfu", "0.4"], "--gpu: 'h100' is not a GPU in the catalogue; did you mean h100-sxm or h100-pcie"),
            (["train", "--params", "7e9", "--tokens", "2e12", "--gpu", "h100-sxm", "--mfu", "1.5"], "--mfu: '1.5' is not a fraction between 0 and 1"),
            (["train", "--params", "7e9", "--tokens", "NaN", "--gpu", "h100-sxm"], "--tokens: 'NaN' is not a number"),
            (["train", "--params", "7e9", "--tokens", "2e17", "--gpu", "h100-sxm"], "pass --force if you mean it"),
            (["train", "--params=-7e9", "--tokens", "2e12", "--gpu", "h100-sxm"], "--params: -7.0 B is not positive"),
            (["train", "--params", "7e9", "--tokens", "2e12"], "--gpu: missing"),
            (["train", "--tokens", "2e12", "--gpu", "h100-sxm"], "--params: missing"),
            (["infer", "--model", "lama-3-8b", "--gpu", "l4"], "did you mean llama-3-8b"),
            (["memory", "--params", "7e9", "--gpu", "a100-80gb", "--zero", "4"], "--zero: stage 4 does not exist"),
            (["serve", "--model", "llama-3-8b", "--gpu", "l4"], "--qps: the load is missing"),
        ] {
            let run = try cli.run(["calc"] + arguments)
            #expect(run.status != 0 && run.firstErrorLine.contains(message), "\(arguments): \(run.stderr)")
        }
        #expect(try cli.run(["calc", "train", "--params", "7e9", "--tokens", "2e17", "--gpu", "h100-sxm", "--force"]).status == 0)
    }
}
