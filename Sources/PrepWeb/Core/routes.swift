import PrepCore
import Vapor

/// Every route of the app, grouped by page, registered from `SiteURL` so that links built
/// from it always have a route. The OpenAPI test reads `app.routes` to check that each API
/// and operations route here is documented in openapi.yaml, and back.
func routes(_ app: Application) throws {
    // Operations
    app.get(.healthz, use: OpsController.healthz)
    app.get(.readyz, use: OpsController.readyz)
    app.get(.metrics, use: OpsController.metrics)
    app.get(.openAPI, use: OpsController.openAPI)
    app.get(.calendarFeed, use: CalendarController.feed)

    // Pages
    app.get(.today, use: PlanController.today)
    app.post(.plan, use: PlanController.create)
    app.get(.plan, use: PlanController.show)
    app.get(.planICS, use: CalendarController.download)
    app.post(.planTasksDone, use: PlanController.tick)
    app.post(.planTasksMove, use: PlanController.move)
    app.get(.planCatchUp, use: CatchUpController.preview)
    app.post(.planCatchUp, use: CatchUpController.apply)
    app.post(.planMissedDone, use: CatchUpController.markDone)
    app.get(.planTask(":id"), use: PlanController.task)
    app.post(.planTaskNotes(":id"), use: PlanController.saveNotes)
    app.get(.questions, use: QuestionsController.list)
    app.get(.question(":id"), use: QuestionsController.show)
    app.get(.cheatsheets, use: CheatSheetsController.list)
    app.get(.cheatsheet(":id"), use: CheatSheetsController.show)
    for section in Section.allCases where !section.isAvailable {
        app.get(.planned(section)) { _ in
            HTMLResponse.page(PlannedPage(model: PlannedPageModel(section: section)).render())
        }
    }
    app.get(.practice, use: PracticeController.show)
    app.get(.practiceStats, use: PracticeController.stats)
    app.post(.practiceCheck, use: PracticeController.check)
    app.post(.practiceReview, use: PracticeController.review)
    app.post(.practiceUndo, use: PracticeController.undo)
    app.get(.calculators, use: CalculatorsController.index)
    app.get(.calculator(":kind"), use: CalculatorsController.show)
    app.get(.readiness, use: ReadinessController.show)
    app.post(.readinessAnswers, use: ReadinessController.answer)
    app.get(.settings, use: SettingsController.show)
    app.post(.settings, use: SettingsController.save)
    app.post(.settingsPractice, use: SettingsController.savePractice)
    app.post(.settingsCalendar, use: SettingsController.createCalendarLink)
    app.post(.settingsCalendarRevoke, use: SettingsController.revokeCalendarLink)

    // JSON API (`SiteURL.api` paths carry the /api/v1 prefix)
    let api = app.grouped(JSONBodyMiddleware())
    api.get(.api(.status), use: StatusAPI.status)
    api.get(.api(.sections), use: StatusAPI.sections)
    api.get(.api(.skills), use: QuestionsAPI.skills)
    api.get(.api(.questions), use: QuestionsAPI.list)
    api.get(.api(.question(":id")), use: QuestionsAPI.show)
    api.get(.api(.practiceQueue), use: PracticeAPI.queue)
    api.post(.api(.practiceReviews), use: PracticeAPI.submit)
    api.post(.api(.practiceUndo), use: PracticeAPI.undo)
    api.post(.api(.practiceRubric), use: PracticeAPI.rubric)
    api.get(.api(.practiceStats), use: PracticeAPI.stats)
    api.get(.api(.practiceSettings), use: PracticeAPI.settings)
    api.patch(.api(.practiceSettings), use: PracticeAPI.updateSettings)
    api.get(.api(.today), use: PlanAPI.today)
    api.get(.api(.plan), use: PlanAPI.show)
    api.put(.api(.plan), use: PlanAPI.put)
    api.patch(.api(.planTask(":id")), use: PlanAPI.patchTask)
    api.get(.api(.planCatchUp), use: CatchUpController.previewJSON)
    api.post(.api(.planCatchUp), use: CatchUpController.applyJSON)
    api.get(.api(.calcCatalogue), use: CalculatorsController.catalogue)
    api.get(.api(.calc(":kind")), use: CalculatorsController.api)
    api.get(.api(.readiness), use: ReadinessAPI.show)
    api.put(.api(.readinessAnswer(":id")), use: ReadinessAPI.answer)
    api.get(.api(.calendarFeed), use: CalendarAPI.show)
    api.post(.api(.calendarFeed), use: CalendarAPI.create)
    api.delete(.api(.calendarFeed), use: CalendarAPI.revoke)
    api.get(.api(.me), use: ProfileAPI.show)
    api.patch(.api(.me), use: ProfileAPI.update)
}
