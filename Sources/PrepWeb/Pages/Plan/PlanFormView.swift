import PrepCore

/// The plan form: create a plan on Today, change it on the Plan page.
struct PlanFormView {
    let form: PlanForm
    let errors: [String: String]
    let skills: [Skill]
    /// A plan exists: the form replaces it, after a tick to confirm.
    let replacing: Bool

    var node: Node {
        el("form", .init("method", "post"), .init("action", SiteURL.plan.path), .class("stack"), .id("plan-form"), .init("novalidate", nil)) {
            field("start", "Start date", form.start, "YYYY-MM-DD; a day in the past is fine (earlier tasks show as missed).", type: "date")
            field("hours_per_day", "Hours a day", form.hoursPerDay, "0.5 to 12; the seed plans 2 to 3.", type: "text")
            field("days_per_week", "Study days a week", form.daysPerWeek, "1 to 7; 6 leaves a rest day.", type: "text")
            field("interview_date", "Interview date (optional)", form.interviewDate, "The plan is fitted to end the day before.", type: "date")
            ratings()
            if replacing {
                let error = errors["replace"]
                el("div", .class(error == nil ? "field" : "field invalid")) {
                    el("label") {
                        el(
                            "input",
                            attributes: [.type("checkbox"), .name("replace"), .value("1"), .id("replace")] + (form.replace ? [.flag("checked")] : [])
                                + (error == nil ? [] : [.aria("invalid", "true"), .aria("describedby", "replace-error")]))
                        " Replace my plan (ticks and notes on tasks that still exist are kept)"
                    }
                    if let error { el("p", .class("field-error"), .id("replace-error"), .init("role", "alert")) { error } }
                }
            }
            el("button", .type("submit")) { replacing ? "Replace my plan" : "Create my plan" }
        }
    }

    private func ratings() -> Node {
        let rated = form.ratings.values.contains { !$0.isEmpty }
        let invalid = errors.keys.contains { $0.hasPrefix("skill_ratings.") }
        return el("details", attributes: [.class("ratings")] + (rated || invalid ? [.flag("open")] : [])) {
            el("summary") { "Rate your skills (optional): weak skills get up to 30 % more time" }
            el("div", .class("rating-grid")) {
                for skill in skills {
                    let id = "rate-\(skill.id)"
                    let error = errors["skill_ratings.\(skill.id)"]
                    el("div", .class(error == nil ? "field rating" : "field rating invalid")) {
                        el("label", .init("for", id)) {
                            skill.name
                            if let tier = skill.tier { el("span", .class("hint")) { " tier \(tier)" } }
                        }
                        el("select", attributes: [.id(id), .name("rate_\(skill.id)")] + (error == nil ? [] : [.aria("invalid", "true"), .aria("describedby", "\(id)-error")])) {
                            let current = form.ratings[skill.id] ?? ""
                            for (value, label) in [("", "not rated"), ("1", "1 · weak"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5 · strong")] {
                                el("option", attributes: [.value(value)] + (current == value ? [.flag("selected")] : [])) { label }
                            }
                        }
                        if let error { el("p", .class("field-error"), .id("\(id)-error"), .init("role", "alert")) { error } }
                    }
                }
            }
        }
    }

    private func field(_ id: String, _ label: String, _ value: String, _ hint: String, type: String) -> Node {
        let error = errors[id]
        var attributes: [Attribute] = [.id(id), .name(id), .type(type), .value(value), .aria("describedby", error == nil ? "\(id)-hint" : "\(id)-hint \(id)-error")]
        if error != nil { attributes.append(.aria("invalid", "true")) }
        return el("div", .class(error == nil ? "field" : "field invalid")) {
            el("label", .init("for", id)) { label }
            el("input", attributes: attributes)
            el("p", .class("hint"), .id("\(id)-hint")) { hint }
            if let error { el("p", .class("field-error"), .id("\(id)-error"), .init("role", "alert")) { error } }
        }
    }
}
