import Foundation

@testable import PrepApp
@testable import PrepCore
@testable import PrepStore

/// Fixed content the page mocks share: a few skills, two questions and a cheat sheet, and a
/// plan that started on Monday 2026-03-02, seen on Monday 2026-03-09. Nothing here reads
/// the clock, the time zone or a random source, so the snapshots are the same everywhere.
enum MockContent {
    static let today = "2026-03-09"
    /// 2026-03-09T18:30:00Z.
    static let now = Instant(microseconds: 1_773_081_000_000_000)

    static let kubernetes = Skill(id: "kubernetes", name: "Kubernetes", tier: 1, postingShare: 86...86)
    static let gpu = Skill(id: "gpu", name: "GPU infrastructure", tier: 1, postingShare: 60...74)
    static let behavioral = Skill(id: "behavioral", name: "Behavioral", tier: nil, postingShare: nil)
    static let skills = [kubernetes, gpu, behavioral]
    static let skillNames = Dictionary(uniqueKeysWithValues: skills.map { ($0.id, $0.name) })

    static let configMaps = ContentItem(
        id: "k8s-configmaps-secrets", kind: .technical,
        title: "How do ConfigMaps and Secrets differ, how do pods consume them, and how do you keep Secrets actually secret?",
        skill: "kubernetes", difficulty: 1, tags: ["configmaps", "secrets", "security"],
        keyPoints: [
            "Both are namespaced key-value objects capped at 1 MiB; consumed as env vars or as files via volumes",
            "Secret values are only base64-encoded; stored unencrypted in etcd unless encryption at rest is enabled",
            "Env vars are fixed at container start; mounted volumes update eventually; subPath mounts never update",
        ],
        followUps: ["You rotated a database password in the Secret but the app still uses the old one. Why?"],
        sources: [.init(title: "Kubernetes documentation: Secrets", url: "https://kubernetes.io/docs/concepts/configuration/secret/")],
        related: ["k8s-rbac-least-privilege"],
        intro: "Asked of every platform engineer: the answer shows whether you know where a Secret actually lives.",
        sections: [
            .init(
                heading: "Answer",
                markdown: "A **ConfigMap** holds settings; a **Secret** holds credentials.\n\n```bash\nkubectl create secret generic hf-token --from-file=HF_TOKEN=./token\n```\n",
                line: 30)
        ],
        file: "technical/kubernetes/k8s-configmaps-secrets.md")

    static let rbac = ContentItem(
        id: "k8s-rbac-least-privilege", kind: .technical, title: "How do you give a CI job least-privilege access to one namespace?",
        skill: "kubernetes", difficulty: 2)

    static let nvidiaSMI = ContentItem(
        id: "gpu-xid-79-fallen-off-bus", kind: .troubleshooting, title: "A training job dies and nvidia-smi reports Xid 79: what now?",
        skill: "gpu", difficulty: 3, tags: ["nvidia-smi", "xid"],
        keyPoints: ["Xid 79 means the GPU fell off the bus: drain the node", "Check dmesg and the BMC for power or thermal events"],
        intro: "",
        sections: [
            .init(heading: "Scenario", markdown: "Rank 5 of a 64-GPU job stops; the node's `dmesg` shows `NVRM: Xid 79`.", line: 12),
            .init(heading: "Investigation", markdown: "1. `nvidia-smi -q -d PERFORMANCE`\n2. `journalctl -k | grep -i xid`", line: 16),
        ])

    static let gpuSheet = ContentItem(
        id: "sheet-gpu-debugging", kind: .cheatsheet, title: "GPU debugging", skill: "gpu", difficulty: 1, tags: ["nvidia-smi", "dcgm"],
        keyPoints: ["Xid 48 and 79 mean hardware: drain the node"],
        sections: [.init(heading: "Commands", markdown: "| Command | Shows |\n|---|---|\n| `nvidia-smi topo -m` | NVLink and PCIe topology |\n", line: 8)])

    static let dockerSheet = ContentItem(id: "sheet-docker", kind: .cheatsheet, title: "Docker", skill: "docker", difficulty: 1)

    /// One planned task of the mock plan.
    static func task(
        _ id: String, part: Int = 1, parts: Int = 1, date: String, week: Int, kind: Curriculum.Task.Kind = .theory, text: String, minutes: Int,
        skills: [String], items: [String] = []
    ) -> PlannedTask {
        PlannedTask(
            id: part > 1 ? "\(id)#\(part)" : id, taskID: id, part: part, parts: parts, date: date, week: week, curriculumWeek: week, phase: "Foundations",
            kind: kind, text: text, minutes: minutes, skills: skills, items: items)
    }

    static let entries: [PlanService.Entry] = [
        .init(
            task: task("fnd-k8s-course", date: "2026-03-02", week: 1, text: "Kubernetes course: workloads and scheduling", minutes: 90, skills: ["kubernetes"]),
            progress: TaskProgress(taskID: "fnd-k8s-course", done: Instant(microseconds: 1_772_470_800_000_000), movedTo: nil, notes: nil),
            date: "2026-03-02", done: true),
        .init(
            task: task(
                "fnd-gpu-lab", date: "2026-03-04", week: 1, kind: .handsOn, text: "Lab: read nvidia-smi and DCGM on a GPU node", minutes: 60, skills: ["gpu"],
                items: ["gpu-xid-79-fallen-off-bus"]),
            progress: nil, date: "2026-03-04", done: false),
        .init(
            task: task(
                "fnd-k8s-practice", part: 1, parts: 2, date: "2026-03-09", week: 2, kind: .practice, text: "Practice: Kubernetes questions", minutes: 45,
                skills: ["kubernetes"], items: ["k8s-configmaps-secrets", "k8s-rbac-least-privilege"]),
            progress: nil, date: "2026-03-09", done: false),
        .init(
            task: task(
                "fnd-k8s-practice", part: 2, parts: 2, date: "2026-03-10", week: 2, kind: .practice, text: "Practice: Kubernetes questions", minutes: 45,
                skills: ["kubernetes"], items: ["k8s-configmaps-secrets", "k8s-rbac-least-privilege"]),
            progress: nil, date: "2026-03-10", done: false),
    ]

    static let settings = PlanSettings(start: "2026-03-02", hoursPerDay: 2.5, daysPerWeek: 6, interviewDate: "2026-04-27", skillRatings: ["kubernetes": 2])

    static let plan = StudyPlan(
        settings: settings, end: "2026-04-26", weeks: 8, tasks: entries.map(\.task),
        notes: ["Kubernetes got 15 % more time: you rated it 2 of 5."], minutesByTier: ["1": 240], dropped: [])

    static let weeks: [PlanProgress.Week] = [
        .init(week: 1, start: "2026-03-02", plannedMinutes: 150, tickedMinutes: 90, practiceMinutes: 24),
        .init(week: 2, start: "2026-03-09", plannedMinutes: 90, tickedMinutes: 0, practiceMinutes: 6),
    ]
}
