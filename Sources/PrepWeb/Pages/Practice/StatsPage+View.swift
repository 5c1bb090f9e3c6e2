import PrepCore

/// `/practice/stats`: the workload behind you and ahead of you, and how well each skill sticks.
struct StatsPage {
    let model: StatsPageModel

    func render() -> String {
        let stats = model.stats
        return Layout.page(title: "Practice statistics", current: .practice) {
            el("nav", .class("crumbs"), .aria("label", "Breadcrumb")) {
                el("a", .href(SiteURL.practice.path)) { "Practice" }
                " › Statistics"
            }
            el("h1") { "Practice statistics" }
            el("div", .class("stat-tiles")) {
                tile("Due now", String(stats.dueNow))
                tile("Cards studied", String(stats.cardsStudied))
                tile("Reviews in all", String(stats.reviewsTotal))
                tile("True retention", stats.trueRetention.map(percent) ?? "—")
                tile("Streak", "\(stats.streakDays) day\(stats.streakDays == 1 ? "" : "s")")
            }
            if stats.reviewsTotal == 0 {
                el("p", .class("notice")) {
                    "No reviews yet. "
                    el("a", .href(SiteURL.practice.path)) { "Start today's practice" }
                    "; these charts fill in as you grade answers."
                }
            }
            el("h2") { "Reviews per day (last 30 days)" }
            SVGChart.columns(
                stats.reviewsPerDay.map { .init(label: short($0.date), value: Double($0.count), text: "\($0.count) reviews") },
                title: "Reviews per day", description: "Reviews graded on each of the last 30 days, in \(stats.timeZone).")
            table(stats.reviewsPerDay, caption: "Reviews per day")
            el("h2") { "Due in the next 30 days" }
            SVGChart.columns(
                stats.forecast.map { .init(label: short($0.date), value: Double($0.count), text: "\($0.count) due") },
                title: "Forecast of due cards", description: "Cards falling due on each of the next 30 days; overdue cards count today.")
            table(stats.forecast, caption: "Cards due per day")
            el("h2") { "True retention by skill" }
            el("p", .class("hint")) {
                "Share of reviews of cards past learning that you did not fail (Anki's true retention). The scheduler aims for your desired retention; a skill well below it needs more attention."
            }
            if stats.retentionBySkill.isEmpty {
                el("p") { "Shown once cards reach review, a day or more after you first learn them." }
            } else {
                SVGChart.shares(
                    stats.retentionBySkill.map { entry in
                        .init(
                            label: model.skillName(entry.skill), value: entry.retention ?? 0,
                            text: "\(entry.retention.map(percent) ?? "—") of \(entry.reviews)")
                    }, title: "True retention by skill", description: "For each skill, the share of review-state cards recalled.")
                el("table", .class("data")) {
                    el("caption") { "True retention by skill" }
                    el("thead") {
                        el("tr") {
                            el("th") { "Skill" }
                            el("th") { "Reviews" }
                            el("th") { "Passed" }
                            el("th") { "Retention" }
                        }
                    }
                    el("tbody") {
                        for entry in stats.retentionBySkill {
                            el("tr") {
                                el("td") { model.skillName(entry.skill) }
                                el("td") { String(entry.reviews) }
                                el("td") { String(entry.passed) }
                                el("td") { entry.retention.map(percent) ?? "—" }
                            }
                        }
                    }
                }
            }
        }
    }

    private func tile(_ label: String, _ value: String) -> Node {
        el("div") {
            el("strong") { value }
            label
        }
    }

    /// Days as a folded table, for screen readers and anyone who wants the numbers.
    private func table(_ days: [PracticeStats.Day], caption: String) -> Node {
        el("details", .class("numbers")) {
            el("summary") { "The numbers" }
            el("table", .class("data")) {
                el("caption") { caption }
                el("tbody") {
                    for day in days {
                        el("tr") {
                            el("td") { day.date }
                            el("td") { String(day.count) }
                        }
                    }
                }
            }
        }
    }

    private func short(_ date: String) -> String { String(date.suffix(5)) }
    private func percent(_ value: Double) -> String { "\(Int((value * 100).rounded())) %" }
}
