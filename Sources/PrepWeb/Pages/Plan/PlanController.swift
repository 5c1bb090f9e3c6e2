import Foundation
import PrepContent
import PrepCore
import PrepStore
import Vapor

/// Today (the home page), the whole plan, and ticking tasks; forms with redirects, so
/// everything works without JavaScript.
enum PlanController {
    static func service(_ req: Request) async throws -> PlanService {
        PlanService(try await PracticeController.service(req))
    }

    static func today(_ req: Request) async throws -> Response {
        let model = try await todayModel(req, form: nil, errors: [:])
        return HTMLResponse.page(TodayPage(model: model).render())
    }

    static func todayModel(_ req: Request, form: TodayPage.PlanForm?, errors: [String: String]) async throws -> TodayPage.Model {
        let practice = try await PracticeController.service(req)
        let plans = try await service(req)
        var day: PlanService.Day?
        var entries: [PlanService.Entry] = []
        do {
            day = try await plans.day()
            entries = try await plans.entries().1
        } catch PlanService.Failure.noPlan {}
        let session = try await practice.session()
        let reviews = session.entries.filter { !$0.isNew }.count
        let stats = try await practice.stats()
        let today = practice.today
        let weekStart = today.number - 6
        let doneThisWeek = entries.filter { entry in
            entry.done && entry.progress?.done.map { LocalDay($0, in: practice.timeZone).number >= weekStart } == true
        }.reduce(0) { $0 + $1.task.minutes }
        let flash: String? = (try? req.query.get(String.self, at: "created")) == "1" ? "Your plan is ready." : nil
        return TodayPage.Model(
            day: day, plan: nil, reviewsWaiting: reviews, newWaiting: session.entries.count - reviews, streakDays: stats.streakDays,
            minutesDoneThisWeek: doneThisWeek, form: form ?? TodayPage.PlanForm(start: today.text), errors: errors, flash: flash
        )
    }

    struct PlanFormBody: Content {
        var start: String?
        var hoursPerDay: String?
        var daysPerWeek: String?
        var interviewDate: String?
        enum CodingKeys: String, CodingKey {
            case start, hoursPerDay = "hours_per_day", daysPerWeek = "days_per_week", interviewDate = "interview_date"
        }
    }

    static func create(_ req: Request) async throws -> Response {
        let body = try req.content.decode(PlanFormBody.self)
        let form = TodayPage.PlanForm(start: body.start ?? "", hoursPerDay: body.hoursPerDay ?? "", daysPerWeek: body.daysPerWeek ?? "", interviewDate: body.interviewDate ?? "")
        var errors: [String: String] = [:]
        let hours = Double(form.hoursPerDay.trimmingCharacters(in: .whitespaces))
        let days = Int(form.daysPerWeek.trimmingCharacters(in: .whitespaces))
        if hours == nil { errors["hours_per_day"] = "Enter a number of hours such as 2.5." }
        if days == nil { errors["days_per_week"] = "Enter a whole number of days from 1 to 7." }
        let interview = form.interviewDate.trimmingCharacters(in: .whitespaces)
        let settings = PlanSettings(start: form.start.trimmingCharacters(in: .whitespaces), hoursPerDay: hours ?? 2.5, daysPerWeek: days ?? 6,
                                    interviewDate: interview.isEmpty ? nil : interview)
        if errors.isEmpty { errors = settings.validate(taxonomy: req.prep.catalog.taxonomy) }
        if errors.isEmpty {
            let plans = try await service(req)
            do {
                try await PlanStore.save(settings, userID: req.userID, replace: false, now: plans.now, on: req.db)
                return req.redirect(to: "/?created=1", redirectType: .normal)
            } catch is PlanExists {
                errors["start"] = "A plan exists already; replace it with `infraprep plan init --force` or PUT /api/v1/plan with replace: true."
            }
        }
        let model = try await todayModel(req, form: form, errors: errors)
        return HTMLResponse.page(TodayPage(model: model).render(), status: .unprocessableEntity)
    }

    static func show(_ req: Request) async throws -> Response {
        let plans = try await service(req)
        var plan: StudyPlan?
        var entries: [PlanService.Entry] = []
        do { (plan, entries) = try await plans.entries() } catch PlanService.Failure.noPlan {}
        let taxonomy = req.prep.catalog.taxonomy
        return HTMLResponse.page(PlanPage(plan: plan, entries: entries, skillName: { taxonomy[$0]?.name ?? $0 }).render())
    }

    struct TickBody: Content {
        var taskID: String?
        var done: String?
        var returnTo: String?
        enum CodingKeys: String, CodingKey { case taskID = "task_id", done, returnTo = "return_to" }
    }

    static func tick(_ req: Request) async throws -> Response {
        let body = try req.content.decode(TickBody.self)
        guard let id = body.taskID, !id.isEmpty else { throw Abort(.unprocessableEntity, reason: "task_id is missing from the form; reload the page") }
        do {
            _ = try await service(req).setDone(id, done: body.done != "0")
        } catch let failure as PlanService.Failure {
            throw HTTPUserError(status: failure == .noPlan ? .conflict : .notFound, error: failure)
        }
        // Only paths of this site: never an open redirect.
        let target = body.returnTo.flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? "/"
        return req.redirect(to: target, redirectType: .normal)
    }
}
