import Foundation
import PrepApp
import PrepContent
import PrepCore
import PrepStore
import Vapor

/// Today (the home page), the whole plan, and ticking tasks; forms with redirects, so
/// everything works without JavaScript.
enum PlanController {
    static func service(_ req: Request) async throws -> PlanService {
        try await req.context().plans
    }

    /// Kept until the summary it shows can change by time (the summary knows when).
    static func today(_ req: Request) async throws -> Response {
        let context = try await req.context()
        var changesAt: Instant?
        return try await req.cachedPage(
            for: context, lifetime: { changesAt.map(PageLifetime.until) ?? .notKept },
            draw: { _ in
                let (summary, expiry) = try await context.todayService.summaryAndExpiry()
                changesAt = expiry
                return HTMLResponse.page(TodayPage(model: try await todayModel(req, context: context, summary: summary, form: nil, errors: [:])).render())
            })
    }

    static func todayModel(
        _ req: Request, context: ServiceContext? = nil, summary: TodayService.Summary? = nil, form: PlanForm?, errors: [String: String]
    ) async throws -> TodayPageModel {
        let context = if let context { context } else { try await req.context() }
        let summary = if let summary { summary } else { try await context.todayService.summary() }
        let today = context.today
        let flash: String? =
            switch req.flash {
            case .created: "Your plan is ready."
            case .missedDone(let count): "Ticked \(count) missed task\(count == 1 ? "" : "s") as done."
            default: try await moveFlash(req, plans: context.plans)
            }
        return TodayPageModel(
            day: summary.day, reviewsWaiting: summary.reviewsWaiting, newWaiting: summary.newWaiting, streakDays: summary.streakDays,
            form: form ?? PlanForm(start: today.text), errors: errors, flash: flash,
            skills: PlanForm.ratedSkills(req.prep.catalog.taxonomy),
            dailyMinutes: summary.day == nil ? nil : try await context.plans.plan().map { Int(($0.settings.hoursPerDay * 60).rounded()) }
        )
    }

    /// Creates a plan (Today) or replaces it (Plan page, with the replace box ticked).
    static func create(_ req: Request) async throws -> Response {
        let body = try req.content.decode([String: String].self)
        var ratings: [String: String] = [:]
        for (key, value) in body where key.hasPrefix("rate_") { ratings[String(key.dropFirst(5))] = value.trimmingCharacters(in: .whitespaces) }
        let form = PlanForm(
            start: body["start"] ?? "", hoursPerDay: body["hours_per_day"] ?? "", daysPerWeek: body["days_per_week"] ?? "",
            interviewDate: body["interview_date"] ?? "", ratings: ratings, replace: body["replace"] == "1")
        var errors: [String: String] = [:]
        let hours = Double(form.hoursPerDay.trimmingCharacters(in: .whitespaces))
        let days = Int(form.daysPerWeek.trimmingCharacters(in: .whitespaces))
        if hours == nil { errors["hours_per_day"] = "Enter a number of hours such as 2.5." }
        if days == nil { errors["days_per_week"] = "Enter a whole number of days from 1 to 7." }
        var parsed: [String: Int] = [:]
        for (skill, value) in ratings where !value.isEmpty {
            if let number = Int(value) { parsed[skill] = number } else { errors["skill_ratings.\(skill)"] = "Choose a rating from 1 to 5." }
        }
        let interview = form.interviewDate.trimmingCharacters(in: .whitespaces)
        let settings = PlanSettings(
            start: form.start.trimmingCharacters(in: .whitespaces), hoursPerDay: hours ?? 2.5, daysPerWeek: days ?? 6,
            interviewDate: interview.isEmpty ? nil : interview, skillRatings: parsed)
        if errors.isEmpty { errors = settings.validate(taxonomy: req.prep.catalog.taxonomy) }
        let plans = try await service(req)
        let exists = try await PlanStore.settings(userID: req.userID, on: req.db) != nil
        if errors.isEmpty, exists, !form.replace {
            errors["replace"] = "You have a plan already: tick the box to replace it."
        }
        if errors.isEmpty {
            try await PlanStore.save(settings, userID: req.userID, replace: exists, now: plans.now, on: req.db)
            return req.redirect(to: exists ? .plan : .today, exists ? .replaced : .created)
        }
        if exists {
            return try await showPage(req, form: form, errors: errors, status: .unprocessableEntity)
        }
        let model = try await todayModel(req, form: form, errors: errors)
        return HTMLResponse.page(TodayPage(model: model).render(), status: .unprocessableEntity)
    }

    /// The whole plan changes with writes and with the day only (the stamp holds both).
    static func show(_ req: Request) async throws -> Response {
        let plans = try await service(req)
        return try await req.cachedPage(for: plans.context) { _ in try await showPage(req, plans: plans, form: nil, errors: [:], status: .ok) }
    }

    static func showPage(
        _ req: Request, plans: PlanService? = nil, form: PlanForm?, errors: [String: String], status: HTTPResponseStatus
    ) async throws -> Response {
        let plans = if let plans { plans } else { try await service(req) }
        var plan: StudyPlan?
        var entries: [PlanService.Entry] = []
        var weeks: [PlanProgress.Week] = []
        do {
            (plan, entries) = try await plans.entries()
            weeks = try await plans.weeks()
        } catch PlanService.Failure.noPlan {}
        let taxonomy = req.prep.catalog.taxonomy
        let model = PlanPageModel(
            plan: plan, entries: entries, skillNames: PlanPageModel.skillNames(entries, taxonomy: taxonomy),
            form: form ?? plan.map { PlanForm(settings: $0.settings) }, errors: errors, skills: PlanForm.ratedSkills(taxonomy),
            flash: try await planFlash(req, plans: plans),
            weeks: weeks, currentWeek: plan?.week(of: plans.context.today.text)
        )
        return HTMLResponse.page(PlanPage(model: model).render(), status: status)
    }

    static func task(_ req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        return try await taskPage(req, id: id, draft: nil, error: nil, saved: req.flash == .saved, status: .ok)
    }

    static func taskPage(_ req: Request, id: String, draft: String?, error: String?, saved: Bool, status: HTTPResponseStatus) async throws -> Response {
        let plans = try await service(req)
        let parts = try await plans.parts(of: id)
        let catalog = req.prep.catalog
        var titles: [String: String] = [:]
        for id in parts[0].task.items { titles[id] = catalog[id]?.title }
        var model = PlanTaskPageModel.make(parts: parts, today: plans.context.today.text, itemTitles: titles, draft: draft, error: error, saved: saved)
        model.moved = try await moveFlash(req, plans: plans)
        return HTMLResponse.page(PlanTaskPage(model: model).render(), status: status)
    }

    struct NotesBody: Content {
        var notes: String?
    }

    static func saveNotes(_ req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        let body = try req.content.decode(NotesBody.self)
        let entry: PlanService.Entry
        do {
            entry = try await service(req).setNotes(id, notes: body.notes)
        } catch let failure as PlanService.Failure {
            guard case .notesTooLong = failure else { throw failure }
            return try await taskPage(req, id: id, draft: body.notes, error: failure.message, saved: false, status: .unprocessableEntity)
        }
        // The id in the address is the one the plan knows, never what was posted.
        return req.redirect(to: .planTask(entry.task.taskID), .saved, fragment: "lab-notes")
    }

    struct MoveBody: Content {
        var taskID: String?
        var to: String?
        var returnTo: String?
        enum CodingKeys: String, CodingKey {
            case taskID = "task_id"
            case to
            case returnTo = "return_to"
        }
    }

    static func move(_ req: Request) async throws -> Response {
        let body = try req.content.decode(MoveBody.self)
        guard let id = body.taskID, !id.isEmpty else { throw Abort(.unprocessableEntity, reason: "task_id is missing from the form; reload the page") }
        let entry = try await service(req).move(id, to: body.to ?? "")
        // Back where the person was, at the task's row, saying where it went.
        return req.redirect(to: Flash.moved(entry.task.id, to: entry.date).appended(to: sameSite(body.returnTo), fragment: rowAnchor(entry.task.id)), redirectType: .normal)
    }

    /// The id of a task's row in `TaskRow`, so a redirect lands on it instead of the page top.
    static func rowAnchor(_ taskID: String) -> String {
        "task-" + taskID.replacingOccurrences(of: "#", with: "-")
    }

    static func planFlash(_ req: Request, plans: PlanService) async throws -> String? {
        switch req.flash {
        case .replaced: return "Your plan was rebuilt; ticks and notes on tasks that still exist were kept."
        case .caughtUp(let moved): return "Caught up: \(moved) missed task\(moved == 1 ? "" : "s") moved to the coming days."
        default: return try await moveFlash(req, plans: plans)
        }
    }

    /// What a page says after `move` redirected to it; nil for any other flash.
    static func moveFlash(_ req: Request, plans: PlanService) async throws -> String? {
        guard case .moved(let id, let day)? = req.flash else { return nil }
        let (plan, entries) = try await plans.entries()
        return PlanService.moveMessage(taskID: id, to: day, entries: entries, plan: plan)
    }

    /// Only paths of this site: never an open redirect. Browsers drop tabs and newlines and
    /// read `\` as `/`, so a path holding any of them (or a second leading slash) is refused.
    static func sameSite(_ path: String?) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"),
            path.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7f && $0 != "\\" })
        else { return SiteURL.today.path }
        return path
    }

    struct TickBody: Content {
        var taskID: String?
        var done: String?
        var returnTo: String?
        enum CodingKeys: String, CodingKey {
            case taskID = "task_id"
            case done
            case returnTo = "return_to"
        }
    }

    static func tick(_ req: Request) async throws -> Response {
        let body = try req.content.decode(TickBody.self)
        guard let id = body.taskID, !id.isEmpty else { throw Abort(.unprocessableEntity, reason: "task_id is missing from the form; reload the page") }
        let entry = try await service(req).setDone(id, done: body.done != "0")
        // Back at the ticked row rather than the top of the page, unless the form named a place.
        let back = sameSite(body.returnTo)
        return req.redirect(to: back.contains("#") ? back : back + "#" + rowAnchor(entry.task.id), redirectType: .normal)
    }
}
