@testable import PrepCore
@testable import PrepStore
@testable import PrepWeb

extension ReadinessPageModel {
    static let kubernetesArea = ReadinessReport.Area(
        id: "kubernetes", name: "Kubernetes", tier: 1, score: 62,
        evidence: [
            .init(kind: "memory", value: 0.55, weight: 0.5, detail: "recall of 24 questions about 55 % (12 studied)"),
            .init(kind: "plan", value: 0.8, weight: 0.3, detail: "240 of 300 planned minutes done"),
            .init(kind: "checklist", value: 0.5, weight: 0.2, detail: "2 of 4 checklist items answered yes"),
        ],
        missing: [], next: [.init(text: "Review the 12 Kubernetes questions you have not studied", link: "/questions?skill=kubernetes")])
    static let gpuArea = ReadinessReport.Area(
        id: "gpu", name: "GPU infrastructure", tier: 1, score: nil, evidence: [], missing: ["No question of this area studied yet", "No planned task ticked"],
        next: [.init(text: "Start with the GPU debugging cheat sheet", link: "/cheatsheets/sheet-gpu-debugging")])
    static let systemDesign = ReadinessReport.Area(
        id: "system-design", name: "System design", tier: nil, score: 41,
        evidence: [.init(kind: "memory", value: 0.41, weight: 1, detail: "recall of 12 designs about 41 %")], missing: ["Mock interviews are not measured yet"], next: [])

    static let mock = ReadinessPageModel(
        report: ReadinessReport(
            overall: 38, overallBasis: "The mean of the four interview types; a type without evidence counts 0.",
            areas: [kubernetesArea, gpuArea], interviewTypes: [systemDesign], weakest: [gpuArea, systemDesign],
            checklists: [
                .init(
                    id: "ready-k8s-debug", checklist: "interview-ready", group: "Kubernetes", text: "I can debug a pod stuck in Pending out loud", answer: .yes,
                    skills: ["kubernetes"], items: ["k8s-configmaps-secrets"], recall: 0.72),
                .init(
                    id: "ready-gpu-xid", checklist: "interview-ready", group: nil, text: "I can explain what Xid 79 means", answer: nil, skills: ["gpu"],
                    items: ["gpu-xid-79-fallen-off-bus"], recall: 0),
                .init(
                    id: "ready-if-numbers", checklist: "ready-if", group: nil, text: "I know the H100's memory and bandwidth by heart", answer: .no, skills: ["gpu"],
                    items: [], recall: nil),
            ],
            redFlags: [
                .init(id: "flag-no-numbers", checklist: "red-flags", group: "Design", text: "I gave no numbers in the design", answer: .yes, skills: [], items: [], recall: nil),
                .init(id: "flag-rambling", checklist: "red-flags", group: nil, text: "My stories ran past three minutes", answer: nil, skills: [], items: [], recall: nil),
            ],
            notMeasured: ["Mock interview scores (issue #12)", "STAR story coverage"]),
        history: [
            ReadinessSnapshot(day: "2026-03-06", overall: 30, areas: ["kubernetes": 50]), ReadinessSnapshot(day: "2026-03-07", overall: nil, areas: [:]),
            ReadinessSnapshot(day: "2026-03-08", overall: 35, areas: ["kubernetes": 58]), ReadinessSnapshot(day: "2026-03-09", overall: 38, areas: ["kubernetes": 62]),
        ],
        itemTitles: [MockContent.configMaps.id: MockContent.configMaps.title, MockContent.nvidiaSMI.id: MockContent.nvidiaSMI.title],
        checklistTitles: ["interview-ready": "Interview-ready checklist", "ready-if": "You are ready if"],
        projection: ReadinessProjection(perDay: 2.7, projected: 76, interviewDay: LocalDay(number: 20_535), points: 3))

    /// A first visit: no evidence anywhere, no history.
    static let empty = ReadinessPageModel(
        report: ReadinessReport(
            overall: nil, overallBasis: "Practise, tick plan tasks or answer the checklists to get a score.",
            areas: [gpuArea], interviewTypes: [], weakest: [gpuArea], checklists: [], redFlags: [], notMeasured: ["Mock interview scores (issue #12)"]),
        history: [], itemTitles: [:], checklistTitles: [:])
}
