import Foundation
import PrepCore
import Testing

@Suite struct RubricTests {
    let points = [
        "Exit code 137 means SIGKILL from the kernel OOM killer",
        "GPU memory is not a cgroup resource",
        "Use Kubernetes requests equal to limits for Guaranteed QoS",
    ]

    @Test func coversPointsByTheirWordsAndShowsWhatMatched() {
        let answer = "The pod was OOMKilled: exit 137 is a SIGKILL sent by the OOM killer when the cgroup limit is hit."
        let result = Rubric.match(answer: answer, keyPoints: points)
        #expect(result[0].covered)
        #expect(result[0].matched.contains("137") && result[0].matched.contains("SIGKILL"), "words are shown as the key point writes them")
        #expect(!result[1].covered && !result[2].covered)
    }

    @Test func aliasesCountAsTheSameWord() {
        let synonyms = Rubric.Synonyms(groups: [["Kubernetes", "k8s", "Amazon EKS"]])
        let answer = "In k8s set requests equal to limits so the pod gets Guaranteed QoS."
        #expect(Rubric.match(answer: answer, keyPoints: [points[2]], synonyms: synonyms)[0].matched.contains("Kubernetes"))
        #expect(!Rubric.match(answer: "EKS", keyPoints: ["Kubernetes"], synonyms: synonyms)[0].covered, "multi-word aliases are not single words")
    }

    @Test func pluralsOfShortWordsMatch() {
        #expect(Rubric.match(answer: "two GPUs per pod", keyPoints: ["GPU pod"])[0].covered)
    }

    @Test func suggestsAGradeFromTheShareCovered() {
        #expect(Rubric.suggestedRating(covered: 0, total: 5) == .again)
        #expect(Rubric.suggestedRating(covered: 2, total: 5) == .hard)
        #expect(Rubric.suggestedRating(covered: 4, total: 5) == .good)
        #expect(Rubric.suggestedRating(covered: 5, total: 5) == .good, "Easy is never suggested")
    }
}

@Suite struct DailySessionTests {
    func candidates() -> [DailySession.Candidate] {
        var out: [DailySession.Candidate] = []
        for i in 0..<40 { out.append(.init(itemID: "t1-\(i)", kind: .technical, skill: "kubernetes", tier: 1, difficulty: 1 + i % 3)) }
        for i in 0..<40 { out.append(.init(itemID: "t2-\(i)", kind: .technical, skill: "terraform", tier: 2, difficulty: 2)) }
        for i in 0..<40 { out.append(.init(itemID: "t3-\(i)", kind: .technical, skill: "vector-db", tier: 3, difficulty: 2)) }
        for i in 0..<10 { out.append(.init(itemID: "b-\(i)", kind: .behavioral, skill: "behavioral", tier: nil, difficulty: 1)) }
        out.append(.init(itemID: "sheet", kind: .cheatsheet, skill: "kubernetes", tier: 1, difficulty: 1))
        return out
    }

    @Test func reviewsFirstUpToTheLimitThenTheDailyMix() {
        let settings = PracticeSettings(newPerDay: 4, reviewsPerDay: 3, desiredRetention: 0.9)
        let queue = DailySession.build(due: ["r1", "r2", "r3", "r4"], candidates: candidates(), today: .init(reviewsDone: 1), settings: settings, seed: 1)
        #expect(queue.reviews == ["r1", "r2"], "the daily limit counts reviews already done")
        #expect(queue.new.count == 4)
        #expect(queue.new.contains { $0.hasPrefix("t") } && queue.new.contains { $0.hasPrefix("b-") })
        #expect(!queue.new.contains("sheet"), "cheat sheets are read, not drilled")
        #expect(queue == DailySession.build(due: ["r1", "r2", "r3", "r4"], candidates: candidates(), today: .init(reviewsDone: 1), settings: settings, seed: 1))
    }

    @Test func todaysNewQuestionsDoNotChangeAsTheyAreStudied() {
        let settings = PracticeSettings(newPerDay: 5, reviewsPerDay: 10, desiredRetention: 0.9)
        let all = candidates()
        let morning = DailySession.forToday(due: [], unstudied: all, studiedToday: [], reviewsDone: 0, settings: settings, seed: 42)
        #expect(morning.new.count == 5)
        var studied: [DailySession.Candidate] = []
        for id in morning.new.prefix(3) {
            studied.append(all.first { $0.itemID == id }!)
            let later = DailySession.forToday(
                due: [], unstudied: all.filter { c in !studied.contains(c) }, studiedToday: studied,
                reviewsDone: 0, settings: settings, seed: 42)
            #expect(later.new == Array(morning.new.filter { id in !studied.contains { $0.itemID == id } }), "after \(studied.count)")
        }
    }

    @Test func newQuestionsFollowTheTierShares() {
        let settings = PracticeSettings(newPerDay: 2, reviewsPerDay: 10, desiredRetention: 0.9)
        var tiers = [0, 0, 0, 0]
        for seed in 0..<3000 {
            // Both of today's minimums are met, so every new question comes from the weighted draw.
            let queue = DailySession.build(due: [], candidates: candidates(), today: .init(newKinds: [.technical, .behavioral]), settings: settings, seed: UInt64(seed))
            for id in queue.new { if id.hasPrefix("t1") { tiers[1] += 1 } else if id.hasPrefix("t2") { tiers[2] += 1 } else if id.hasPrefix("t3") { tiers[3] += 1 } }
        }
        let total = Double(tiers[1] + tiers[2] + tiers[3])
        #expect(abs(Double(tiers[1]) / total - 0.5) < 0.06, "\(tiers)")
        #expect(abs(Double(tiers[2]) / total - 0.3) < 0.06, "\(tiers)")
        #expect(abs(Double(tiers[3]) / total - 0.2) < 0.06, "\(tiers)")
    }

    @Test func weakSkillsAreChosenMoreOften() {
        let settings = PracticeSettings(newPerDay: 1, reviewsPerDay: 10, desiredRetention: 0.9)
        let pool = candidates().filter { $0.skill == "terraform" || $0.skill == "vector-db" }.map {
            var c = $0
            c.tier = 2
            return c
        }
        var weak = 0
        for seed in 0..<2000 {
            let queue = DailySession.build(
                due: [], candidates: pool, today: .init(newKinds: [.technical, .behavioral]), settings: settings,
                weakness: ["terraform": 0.9, "vector-db": 0.1], seed: UInt64(seed))
            if queue.new.first?.hasPrefix("t2") == true { weak += 1 }
        }
        #expect(weak > 1100, "weight 1.9 against 1.1 should win about 63 % (got \(weak) of 2000)")
    }

    @Test func focusFavoursThePlansSkillsAndKeepsTheBehavioralMinimum() {
        let settings = PracticeSettings(newPerDay: 3, reviewsPerDay: 10, desiredRetention: 0.9)
        var focused = 0
        var technical = 0
        for seed in 0..<500 {
            let queue = DailySession.build(due: [], candidates: candidates(), today: .init(), settings: settings, focus: ["terraform"], seed: UInt64(seed))
            #expect(queue.new.contains { $0.hasPrefix("b-") }, "the behavioral question of the day stays")
            for id in queue.new where id.hasPrefix("t") {
                technical += 1
                if id.hasPrefix("t2") { focused += 1 }
            }
        }
        // Without focus terraform (tier 2) would get about 30 % of the technical draws; with
        // the week's weight it should get most of them.
        #expect(Double(focused) / Double(technical) > 0.7, "got \(focused) of \(technical)")
    }

    @Test func focusNeverLeavesNewSlotsEmpty() {
        let pool = candidates().filter { !$0.itemID.hasPrefix("t2") || $0.itemID == "t2-0" }
        let settings = PracticeSettings(newPerDay: 6, reviewsPerDay: 10, desiredRetention: 0.9)
        let queue = DailySession.build(due: [], candidates: pool, today: .init(), settings: settings, focus: ["terraform"], seed: 3)
        #expect(queue.new.count == 6, "other skills fill the slots the week's skills cannot")
        #expect(queue.new.contains("t2-0"))
    }
}

@Suite struct PracticeStatsTests {
    @Test func countsDaysInTheUsersTimeZoneAndForecastsDues() throws {
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        let now = try ISO8601.parse("2026-03-10T15:00:00Z")  // 11:00 in New York
        let late = try ISO8601.parse("2026-03-10T03:00:00Z")  // 23:00 on March 9 in New York
        let counts = PracticeStats.Counts(
            reviewsPerDay: [LocalDay(now, in: zone).number: 1, LocalDay(late, in: zone).number: 2],
            bySkill: [.init(skill: "b", reviews: 4, passed: 3), .init(skill: "a", reviews: 2, passed: 2)],
            reviewsTotal: 3, cardsStudied: 2, dueNow: 1, upcomingDues: [late, now.adding(days: 2), now.adding(days: 40)]
        )
        let stats = PracticeStats.compute(counts, now: now, timeZone: zone, skillOrder: ["a", "b"])
        #expect(stats.reviewsPerDay.count == 30 && stats.reviewsPerDay.last == .init(date: "2026-03-10", count: 1))
        #expect(stats.reviewsPerDay[28] == .init(date: "2026-03-09", count: 2))
        #expect(stats.forecast.first == .init(date: "2026-03-10", count: 1), "overdue counts today")
        #expect(stats.forecast[2].count == 1 && stats.forecast.reduce(0) { $0 + $1.count } == 2)
        #expect(stats.retentionBySkill.map(\.skill) == ["a", "b"])
        #expect(stats.trueRetention == 5.0 / 6.0)
        #expect(stats.streakDays == 2)
    }

    @Test func localDayStartsAtLocalMidnightAcrossDaylightSaving() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
        // 2026-03-29 is the spring-forward day in Berlin: midnight is still UTC+1.
        let day = LocalDay(try ISO8601.parse("2026-03-29T12:00:00Z"), in: zone)
        #expect(day.text == "2026-03-29")
        #expect(day.start(in: zone) == (try ISO8601.parse("2026-03-28T23:00:00Z")))
        #expect(LocalDay(number: day.number + 1).start(in: zone) == (try ISO8601.parse("2026-03-29T22:00:00Z")))
    }
}

@Suite struct LocalDayTextTests {
    @Test func textMatchesTheFormattedDateForEveryYearShape() {
        let samples = [-800_000, -719_528, -719_162, -1, 0, 1, 20_513, 20_889, 2_932_896, 2_932_897, 3_000_000] + Array(stride(from: -720_000, through: 3_000_000, by: 9_973))
        for number in samples {
            let (y, m, d) = ISO8601.civilFromDays(number)
            #expect(LocalDay(number: number).text == String(format: "%04d-%02d-%02d", y, m, d), "day \(number)")
        }
    }
}
