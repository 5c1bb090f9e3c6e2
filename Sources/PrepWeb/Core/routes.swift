import PrepCore
import Vapor

/// Every route of the app, grouped by page. The OpenAPI test reads `app.routes` to check
/// that each API and operations route here is documented in openapi.yaml, and back.
func routes(_ app: Application) throws {
    // Operations
    app.get("healthz", use: OpsController.healthz)
    app.get("readyz", use: OpsController.readyz)
    app.get("metrics", use: OpsController.metrics)
    app.get("openapi.yaml", use: OpsController.openAPI)
    app.get("calendar.ics", use: CalendarController.feed)

    // Pages
    app.get(use: PlanController.today)
    app.post("plan", use: PlanController.create)
    app.get("plan", use: PlanController.show)
    app.get("plan.ics", use: CalendarController.download)
    app.post("plan", "tasks", "done", use: PlanController.tick)
    app.post("plan", "tasks", "move", use: PlanController.move)
    app.get("plan", "tasks", ":id", use: PlanController.task)
    app.post("plan", "tasks", ":id", "notes", use: PlanController.saveNotes)
    app.get("questions", use: QuestionsController.list)
    app.get("questions", ":id", use: QuestionsController.show)
    app.get("cheatsheets", use: CheatSheetsController.list)
    app.get("cheatsheets", ":id", use: CheatSheetsController.show)
    for section in Section.allCases where !section.isAvailable {
        app.get(PathComponent(stringLiteral: section.rawValue)) { _ in
            HTMLResponse.page(PlannedPage(section: section).render())
        }
    }
    app.get("practice", use: PracticeController.show)
    app.get("practice", "stats", use: PracticeController.stats)
    app.post("practice", "check", use: PracticeController.check)
    app.post("practice", "review", use: PracticeController.review)
    app.post("practice", "undo", use: PracticeController.undo)
    app.get("calculators", use: CalculatorsController.index)
    app.get("calculators", ":kind", use: CalculatorsController.show)
    app.get("readiness", use: ReadinessController.show)
    app.post("readiness", "answers", use: ReadinessController.answer)
    app.get("settings", use: SettingsController.show)
    app.post("settings", use: SettingsController.save)
    app.post("settings", "practice", use: SettingsController.savePractice)
    app.post("settings", "calendar", use: SettingsController.createCalendarLink)
    app.post("settings", "calendar", "revoke", use: SettingsController.revokeCalendarLink)

    // JSON API
    let api = app.grouped("api", "v1").grouped(JSONBodyMiddleware())
    api.get("status", use: StatusAPI.status)
    api.get("sections", use: StatusAPI.sections)
    api.get("skills", use: QuestionsAPI.skills)
    api.get("questions", use: QuestionsAPI.list)
    api.get("questions", ":id", use: QuestionsAPI.show)
    api.get("practice", "queue", use: PracticeAPI.queue)
    api.post("practice", "reviews", use: PracticeAPI.submit)
    api.post("practice", "undo", use: PracticeAPI.undo)
    api.post("practice", "rubric", use: PracticeAPI.rubric)
    api.get("practice", "stats", use: PracticeAPI.stats)
    api.get("practice", "settings", use: PracticeAPI.settings)
    api.patch("practice", "settings", use: PracticeAPI.updateSettings)
    api.get("today", use: PlanAPI.today)
    api.get("plan", use: PlanAPI.show)
    api.put("plan", use: PlanAPI.put)
    api.patch("plan", "tasks", ":id", use: PlanAPI.patchTask)
    api.get("calc", "catalogue", use: CalculatorsController.catalogue)
    api.get("calc", ":kind", use: CalculatorsController.api)
    api.get("readiness", use: ReadinessAPI.show)
    api.put("readiness", "answers", ":id", use: ReadinessAPI.answer)
    api.get("calendar", "feed", use: CalendarAPI.show)
    api.post("calendar", "feed", use: CalendarAPI.create)
    api.delete("calendar", "feed", use: CalendarAPI.revoke)
    api.get("me", use: ProfileAPI.show)
    api.patch("me", use: ProfileAPI.update)
}
