import PrepCore
import Testing

@Suite struct FSRSTests {
    let start = try! ISO8601.parse("2026-01-01T09:00:00Z")
    let scheduler = try! FSRS()

    @Test func newCardFollowsTheLearningSteps() throws {
        var card = SRSCard.new(at: start)
        card = try scheduler.review(card, rating: .good, at: start)
        #expect(card.state == .learning && card.step == 1)
        #expect(card.due == start.adding(microseconds: 600_000_000), "Good on step 0 moves to the 10-minute step")
        let hard = try scheduler.review(SRSCard.new(at: start), rating: .hard, at: start)
        #expect(hard.due == start.adding(microseconds: 330_000_000), "Hard on the first step waits halfway between 1 and 10 minutes")
        let easy = try scheduler.review(SRSCard.new(at: start), rating: .easy, at: start)
        #expect(easy.state == .review && easy.step == nil && easy.due == start.adding(days: 8), "Easy graduates at once with w3 ≈ 8.3 days")
    }

    @Test func lapseGoesToRelearning() throws {
        var card = try scheduler.review(.new(at: start), rating: .easy, at: start)
        card = try scheduler.review(card, rating: .again, at: card.due)
        #expect(card.state == .relearning && card.step == 0)
        #expect(card.due == card.lastReview!.adding(microseconds: 600_000_000))
    }

    @Test func refusesAReviewBeforeTheLastOne() throws {
        let card = try scheduler.review(.new(at: start), rating: .good, at: start)
        #expect(throws: FSRS.ReviewError.self) { try scheduler.review(card, rating: .good, at: start.adding(microseconds: -1)) }
    }

    @Test func validatesItsSettings() {
        #expect(throws: (any Error).self) { try FSRS(SchedulerConfiguration(parameters: [1, 2, 3])) }
        #expect(throws: (any Error).self) { try FSRS(SchedulerConfiguration(desiredRetention: 1.2)) }
        let problems = SchedulerConfiguration(parameters: Array(repeating: 50, count: 21)).problems()
        #expect(problems.contains { $0.contains("w4 = 50.0") })
    }

    @Test func previewShowsEveryGradeAndRetrievabilityFalls() throws {
        let card = try scheduler.review(.new(at: start), rating: .easy, at: start)
        let preview = scheduler.preview(card, at: card.due)
        #expect(preview.count == 4)
        #expect(preview[.again]!.due < preview[.hard]!.due && preview[.hard]!.due <= preview[.good]!.due && preview[.good]!.due < preview[.easy]!.due)
        #expect(scheduler.retrievability(of: card, at: start) == 1)
        #expect(scheduler.retrievability(of: card, at: start.adding(days: 30)) < 0.9)
    }

    @Test func fuzzStaysInTheReferenceRange() throws {
        let fuzzy = try FSRS(SchedulerConfiguration(fuzzing: true))
        var random = SplitMix64(seed: 7)
        var seen = Set<Int>()
        let card = try scheduler.review(.new(at: start), rating: .easy, at: start)
        let plain = try scheduler.review(card, rating: .good, at: card.due)
        let days = plain.due.wholeDays(since: card.due)
        for _ in 0..<300 {
            let next = try fuzzy.review(card, rating: .good, at: card.due, random: &random)
            seen.insert(next.due.wholeDays(since: card.due))
        }
        // The reference's range for an interval of d days: d ± (1 + 15 % of days 2.5-7 + 10 % of 7-20 + 5 % beyond).
        var delta = 1.0
        for (s, e, f) in [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, Double.infinity, 0.05)] { delta += f * max(min(Double(days), e) - s, 0) }
        let low = max(2, Int((Double(days) - delta).rounded(.toNearestOrEven)))
        let high = Int((Double(days) + delta).rounded(.toNearestOrEven))
        // The reference draws uniformly from [low, high + 1) and rounds, so high + 1 occurs too.
        #expect(seen.min()! >= low && seen.max()! <= high + 1)
        #expect(seen.count > 3, "fuzz spreads the interval")
    }
}

@Suite struct ISO8601Tests {
    @Test func readsAndWritesLikePython() throws {
        let t = try ISO8601.parse("2026-11-29T08:30:00Z")
        #expect(ISO8601.format(t) == "2026-11-29T08:30:00+00:00")
        #expect(ISO8601.format(try ISO8601.parse("2026-11-29T10:30:00.25+02:00")) == "2026-11-29T08:30:00.250000+00:00")
        #expect(ISO8601.format(try ISO8601.parse("1969-12-31T23:59:59.999999Z")) == "1969-12-31T23:59:59.999999+00:00")
        #expect(ISO8601.format(try ISO8601.parse("2024-02-29 00:00:00+00:00")) == "2024-02-29T00:00:00+00:00")
    }

    @Test func explainsBadTimes() {
        for bad in ["2026-11-29", "2026-11-29T08:30:00", "2026-02-30T00:00:00Z", "2026-11-29T25:00:00Z", "yesterday", "2026-11-29T08:30:00Zjunk"] {
            #expect(throws: ISO8601.ParseError.self, "\(bad)") { try ISO8601.parse(bad) }
        }
    }
}

@Suite struct ReplayTests {
    @Test func runsGoodLinesAndReportsBadOnesWithoutChangingTheCard() throws {
        var replay = Replay(scheduler: try FSRS())
        let first = try replay.run(#"{"card":"k8s-1","rating":3,"time":"2026-01-01T00:00:00Z"}"#, line: 1)
        #expect(
            first
                == #"{"card":"k8s-1","state":"Learning","step":1,"stability":2.3065,"difficulty":2.118103970459016,"due":"2026-01-01T00:10:00+00:00","last_review":"2026-01-01T00:00:00+00:00"}"#
        )
        let before = replay.cards["k8s-1"]
        for (line, text, message) in [
            (2, #"{"card":"k8s-1","rating":5,"time":"2026-01-02T00:00:00Z"}"#, "rating 5 is outside 1-4"),
            (3, #"{"card":"k8s-1","rating":3,"time":"2025-01-02T00:00:00Z"}"#, "before the card's last review"),
            (4, #"{"card":"k8s-1","rating":3}"#, "\"time\" must be"),
            (5, "not json", "not a JSON object"),
            (6, #"{"card":"","rating":3,"time":"2026-01-02T00:00:00Z"}"#, "\"card\" must be"),
        ] {
            #expect {
                _ = try replay.run(text, line: line)
            } throws: { error in
                guard let error = error as? Replay.LineError else { return false }
                return error.line == line && error.message.contains(message)
            }
        }
        #expect(replay.cards["k8s-1"] == before)
        #expect(try replay.run("   ", line: 7) == nil)
    }
}
