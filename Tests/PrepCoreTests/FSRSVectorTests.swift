import Foundation
import PrepCore
import Testing

/// Replays review sequences whose expected states were written by the reference scheduler
/// (`fsrs` 6.3.2, fuzzing off; Tests/oracles/fsrs_vectors.py). `FSRS_VECTORS=path` replays
/// another file, e.g. a fresh random batch made in CI.
@Suite struct FSRSVectorTests {
    static var vectorFile: URL {
        if let path = ProcessInfo.processInfo.environment["FSRS_VECTORS"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fsrs-vectors.jsonl")
    }

    struct Mismatch: CustomStringConvertible {
        var sequence: String, review: Int, field: String, expected: String, got: String
        var description: String { "\(sequence) review \(review): \(field) expected \(expected), got \(got)" }
    }

    @Test func replaysEveryVectorExactly() throws {
        let text = try String(contentsOf: Self.vectorFile, encoding: .utf8)
        var schedulers: [Int: FSRS] = [:]
        var sequences = 0
        var reviews = 0
        var mismatches: [Mismatch] = []
        for line in text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            if let id = object["config"] as? Int {
                let config = SchedulerConfiguration(
                    parameters: (object["parameters"] as! [NSNumber]).map(\.doubleValue),
                    desiredRetention: (object["desired_retention"] as! NSNumber).doubleValue,
                    learningSteps: (object["learning_steps"] as! [NSNumber]).map { $0.int64Value * 1_000_000 },
                    relearningSteps: (object["relearning_steps"] as! [NSNumber]).map { $0.int64Value * 1_000_000 },
                    maximumInterval: (object["maximum_interval"] as! NSNumber).intValue
                )
                schedulers[id] = try FSRS(config)
                continue
            }
            let scheduler = try #require(schedulers[object["c"] as! Int])
            let name = object["id"] as! String
            var card = SRSCard.new(at: Instant(microseconds: (object["t0"] as! NSNumber).int64Value))
            let inputs = object["r"] as! [[NSNumber]]
            let expected = object["x"] as! [[Any]]
            sequences += 1
            for (index, (input, want)) in zip(inputs, expected).enumerated() {
                reviews += 1
                let rating = try #require(Rating(rawValue: input[1].intValue))
                card = try scheduler.review(card, rating: rating, at: Instant(microseconds: input[0].int64Value))
                func check(_ field: String, _ ok: Bool, _ want: Any, _ got: Any) {
                    if !ok { mismatches.append(Mismatch(sequence: name, review: index, field: field, expected: "\(want)", got: "\(got)")) }
                }
                check("state", card.state.rawValue == (want[0] as! NSNumber).intValue, want[0], card.state)
                let step = (want[1] as? NSNumber)?.intValue
                check("step", card.step == step, step as Any, card.step as Any)
                for (field, value, got) in [("stability", want[2], card.stability), ("difficulty", want[3], card.difficulty)] {
                    let w = (value as! NSNumber).doubleValue
                    check(field, got.map { abs($0 - w) <= 1e-9 * max(abs(w), 1e-300) } ?? false, w, got as Any)
                }
                // The due date and last review are exact integers of microseconds.
                check("due", card.due.microseconds == (want[4] as! NSNumber).int64Value, want[4], card.due.microseconds)
                check("last_review", card.lastReview?.microseconds == (want[5] as! NSNumber).int64Value, want[5], card.lastReview as Any)
                if mismatches.count > 20 { break }
            }
            if mismatches.count > 20 { break }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches; first: \(mismatches.prefix(10).map(\.description).joined(separator: "\n"))")
        #expect(sequences >= (ProcessInfo.processInfo.environment["FSRS_VECTORS"] == nil ? 10_000 : 1))
        #expect(reviews > sequences)
    }
}
