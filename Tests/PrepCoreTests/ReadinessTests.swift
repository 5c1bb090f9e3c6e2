import PrepCore
import Testing

@Suite struct ReadinessTests {
    let taxonomy = try! Taxonomy(skills: [
        Skill(id: "kubernetes", name: "Kubernetes", tier: 1, postingShare: nil),
        Skill(id: "terraform", name: "Terraform", tier: 2, postingShare: nil),
        Skill(id: "behavioral", name: "Behavioral", tier: nil, postingShare: nil),
    ])

    var questions: [ReadinessInput.Question] {
        (1...4).map { .init(itemID: "k\($0)", skill: "kubernetes", kind: .technical, title: "K8s \($0)") }
            + [
                .init(itemID: "t1", skill: "terraform", kind: .technical, title: "TF 1"),
                .init(itemID: "d1", skill: "kubernetes", kind: .systemDesign, title: "Design 1"),
                .init(itemID: "b1", skill: "behavioral", kind: .behavioral, title: "Story 1"),
            ]
    }

    var checklists: [Checklist] {
        [
            Checklist(
                id: "interview-ready", title: "Ready", purpose: "",
                groups: [
                    .init(
                        title: nil,
                        items: [
                            .init(id: "ir-a", text: "Explain workloads", skills: ["kubernetes"], items: ["k1", "k2"], url: nil),
                            .init(id: "ir-b", text: "Debug pods", skills: ["kubernetes"], items: [], url: nil),
                        ])
                ]),
            Checklist(
                id: "red-flags", title: "Flags", purpose: "",
                groups: [
                    .init(
                        title: "Technical",
                        items: [
                            .init(id: "rf-a", text: "Bluffing", skills: [], items: [], url: nil)
                        ])
                ]),
            Checklist(
                id: "resources", title: "Not part of readiness", purpose: "",
                groups: [
                    .init(
                        title: nil,
                        items: [
                            .init(id: "res-a", text: "A course", skills: ["kubernetes"], items: [], url: nil)
                        ])
                ]),
        ]
    }

    func input(memory: [String: ReadinessInput.Memory] = [:], plan: [ReadinessInput.PlanWork]? = nil, answers: [String: ChecklistAnswer] = [:]) -> ReadinessInput {
        ReadinessInput(taxonomy: taxonomy, questions: questions, memory: memory, retention: [], plan: plan, checklists: checklists, answers: answers)
    }

    func area(_ report: ReadinessReport, _ id: String) throws -> ReadinessReport.Area {
        try #require(report.areas.first { $0.id == id } ?? report.interviewTypes.first { $0.id == id })
    }

    @Test func nothingDoneMeansNoScoresButStillNextSteps() throws {
        let report = Readiness.report(input())
        #expect(report.overall == nil)
        #expect(report.areas.allSatisfy { $0.score == nil } && report.interviewTypes.allSatisfy { $0.score == nil })
        #expect(report.weakest.map(\.id) == ["kubernetes", "terraform", "behavioral"], "equal (no) scores: the higher tier first")
        #expect(try area(report, "kubernetes").next.first?.text.contains("Study the 5 Kubernetes questions") == true)
        #expect(try area(report, "kubernetes").missing.contains { $0.contains("no study plan") })
        #expect(!report.checklists.contains { $0.id == "res-a" }, "only the readiness checklists count")
    }

    /// Issue #13, deliverable 5: "Work on these next" weighs the person's own ratings as well as
    /// the evidence: rated 1 of 5 comes before rated 4 with the same (no) evidence, even a
    /// lower tier.
    @Test func nextStepsWeighSelfRatingsAndTiers() throws {
        var rated = input()
        rated.selfRatings = ["kubernetes": 5, "terraform": 1]
        #expect(Readiness.report(rated).weakest.map(\.id).prefix(2) == ["terraform", "kubernetes"])
        rated.selfRatings = ["kubernetes": 4, "terraform": 4]
        #expect(Readiness.report(rated).weakest.first?.id == "kubernetes", "equal ratings: the higher tier first")
    }

    @Test func memoryIsTheRecallOfAllTheAreasQuestions() throws {
        let report = Readiness.report(input(memory: ["k1": .init(recall: 0.9, reviews: 3, lapses: 0), "k2": .init(recall: 0.5, reviews: 2, lapses: 1)]))
        let k8s = try area(report, "kubernetes")
        // 5 Kubernetes questions (4 technical, 1 design): (0.9 + 0.5) / 5 = 0.28; the checklist
        // (0 of 2 ticked) weighs 0.2 of 0.7.
        #expect(k8s.evidence.map(\.kind) == ["memory", "checklist"])
        #expect(abs(k8s.evidence[0].value - 0.28) < 1e-12 && abs(k8s.evidence[0].weight - 0.5 / 0.7) < 1e-12)
        #expect(k8s.score == 20, "0.28 × 5/7 = 0.2")
        #expect(k8s.evidence[0].detail.hasPrefix("2 of 5 questions studied"))
        #expect(k8s.next.contains { $0.text.contains("Review 1 Kubernetes card") }, "recall 0.5 is fragile")
        #expect(try area(report, "terraform").score == nil)
        #expect(report.checklists.first { $0.id == "ir-a" }?.recall == 0.7)
    }

    @Test func planAndChecklistJoinWithTheirWeights() throws {
        let plan = [
            ReadinessInput.PlanWork(taskID: "task-a", text: "Deploy a cluster", kind: .handsOn, skills: ["kubernetes"], items: [], minutes: 120, minutesDone: 60, due: true),
            ReadinessInput.PlanWork(taskID: "task-b", text: "Read", kind: .theory, skills: ["terraform"], items: [], minutes: 60, minutesDone: 0, due: false),
        ]
        let memory: [String: ReadinessInput.Memory] = [
            "k1": .init(recall: 0.9, reviews: 1, lapses: 0), "k2": .init(recall: 0.9, reviews: 1, lapses: 0),
            "k3": .init(recall: 0.9, reviews: 1, lapses: 0), "k4": .init(recall: 0.9, reviews: 1, lapses: 0),
            "d1": .init(recall: 0.4, reviews: 1, lapses: 0),
        ]
        let report = Readiness.report(input(memory: memory, plan: plan, answers: ["ir-a": .yes, "ir-b": .no]))
        let k8s = try area(report, "kubernetes")
        // memory 4.0 / 5 = 0.8, plan 60 / 120 = 0.5, checklist 1 / 2 = 0.5:
        // 0.5 × 0.8 + 0.3 × 0.5 + 0.2 × 0.5 = 0.65.
        #expect(k8s.score == 65)
        #expect(k8s.evidence.map(\.kind) == ["memory", "plan", "checklist"])
        #expect(k8s.next.contains { $0.link == "/plan/tasks/task-a" && $0.text.hasPrefix("Catch up") })
        let terraform = try area(report, "terraform")
        #expect(terraform.score == nil, "a plan task not started and no cards: no evidence")
        #expect(terraform.next.contains { $0.text.hasPrefix("Next in your plan: Read") })
    }

    @Test func selfTicksAloneCannotMakeAnAreaLookReady() throws {
        let report = Readiness.report(input(answers: ["ir-a": .yes, "ir-b": .yes]))
        // Checklist 1.0 × 0.2/0.7, memory 0 × 0.5/0.7.
        #expect(try area(report, "kubernetes").score == 29)
    }

    @Test func overallIsTheMeanOfTheInterviewTypes() throws {
        let report = Readiness.report(input(memory: ["b1": .init(recall: 1.0, reviews: 4, lapses: 0)]))
        let behavioral = try #require(report.interviewTypes.first { $0.id == "behavioral" })
        #expect(behavioral.score == 100)
        #expect(behavioral.missing.contains { $0.contains("STAR") })
        #expect(report.interviewTypes.map(\.id) == ["technical", "system-design", "troubleshooting", "behavioral"])
        #expect(report.overall == 25, "one type at 100, three without evidence counting 0")
    }

    @Test func redFlagsAreReportedAsAnswered() {
        let report = Readiness.report(input(answers: ["rf-a": .yes]))
        #expect(report.redFlags.map(\.id) == ["rf-a"] && report.redFlags[0].answer == .yes)
        #expect(report.notMeasured.count == 3)
    }
}

@Suite struct SuggestTests {
    @Test func closeNamesComeClosestFirst() {
        #expect(Suggest.distance("kitten", "sitting") == 3 && Suggest.distance("", "abc") == 3)
        #expect(Suggest.close(to: "rf-ramble", among: ["rf-rambling", "rf-low-energy", "ir-prometheus"]) == ["rf-rambling"])
        #expect(Suggest.close(to: "zzz", among: ["kubernetes"]).isEmpty)
        #expect(Suggest.close(to: "h100", among: ["a10g", "h200", "h100-sxm", "h100-pcie", "b200"]) == ["h100-sxm", "h100-pcie", "h200"])
    }
}

@Suite struct RecallTests {
    /// A card failed an hour ago is not "100 % recalled" (the scheduler's whole days would say
    /// so); a review card's recall falls with the exact time since its review.
    @Test func recallUsesExactTimeAndIgnoresUnlearnedCards() throws {
        let fsrs = try FSRS(SchedulerConfiguration())
        let start = try ISO8601.parse("2026-11-01T09:00:00Z")
        let relearning = SRSCard(state: .relearning, step: 0, stability: 3, difficulty: 5, due: start, lastReview: start)
        #expect(fsrs.recall(of: relearning, at: start.adding(microseconds: 3_600_000_000)) == 0)
        let review = SRSCard(state: .review, step: nil, stability: 10, difficulty: 5, due: start, lastReview: start)
        let halfDay = fsrs.recall(of: review, at: start.adding(microseconds: 43_200_000_000))
        let tenDays = fsrs.recall(of: review, at: start.adding(days: 10))
        #expect(halfDay < 1 && halfDay > 0.99)
        #expect(abs(tenDays - 0.9) < 1e-9, "FSRS: stability is the time to 90 % recall")
    }
}

/// Issue #13, deliverable 5: the trend carried to the interview day, against the target.
@Suite struct ReadinessProjectionTests {
    let today = LocalDay(number: 20_000)

    @Test func theLastTwoWeeksTrendIsCarriedToTheInterview() throws {
        let history = (0..<5).map { (day: LocalDay(number: 20_000 - 4 + $0), score: Optional(40 + 2 * $0)) }
        let projection = try #require(ReadinessProjection.make(history: history, interview: LocalDay(number: 20_010), today: today))
        #expect(abs(projection.perDay - 2) < 1e-9 && projection.projected == 68, "48 today, +2 a day for 10 days")
        #expect(projection.sentence.contains("about 68 by the interview") && projection.sentence.contains("short of the target of 80"))
        let capped = try #require(ReadinessProjection.make(history: history, interview: LocalDay(number: 20_100), today: today))
        #expect(capped.projected == 100)
    }

    @Test func noProjectionWithoutAnInterviewOrTwoMeasuredDays() {
        let one = [(day: today, score: Optional(50))]
        #expect(ReadinessProjection.make(history: one, interview: LocalDay(number: 20_010), today: today) == nil)
        let two = [(day: LocalDay(number: 19_999), score: Optional(40)), (day: today, score: Optional(45))]
        #expect(ReadinessProjection.make(history: two, interview: nil, today: today) == nil)
        let old = [(day: LocalDay(number: 19_900), score: Optional(40)), (day: LocalDay(number: 19_901), score: Optional(45))]
        #expect(ReadinessProjection.make(history: old, interview: LocalDay(number: 20_010), today: today) == nil, "older than two weeks")
    }
}
