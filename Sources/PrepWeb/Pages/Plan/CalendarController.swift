import Foundation
import PrepApp
import PrepCore
import PrepStore
import Vapor

/// The plan as iCalendar: a download for the person signed in, and the subscription feed
/// that calendar apps fetch with the secret token and nothing else.
enum CalendarController {
    static func download(_ req: Request) async throws -> Response {
        let text = (try? req.query.get(String.self, at: "at")) ?? "18:00"
        guard let minute = PlanCalendar.minute(ofDay: text) else {
            throw HTTPUserError(status: .badRequest, error: PlainError("at: '\(text)' is not a time of day", fix: "write it as HH:MM, e.g. ?at=07:30"))
        }
        return try await calendar(PlanController.service(req), startMinute: minute, download: true)
    }

    static func feed(_ req: Request) async throws -> Response {
        let token = (try? req.query.get(String.self, at: "token")) ?? ""
        guard let feed = try await CalendarFeedService.feed(token: token, on: req.db) else {
            throw HTTPUserError(
                status: .notFound,
                error: PlainError(
                    "this calendar link was revoked, replaced or never existed",
                    fix: "make a new subscription link in Settings › Calendar and subscribe to that one"
                ))
        }
        let context = try await ServiceContext.forUser(feed.userID, db: req.db, environment: req.prep.environment)
        return try await calendar(context.plans, startMinute: feed.startMinute, download: false)
    }

    static func calendar(_ service: PlanService, startMinute: Int, download: Bool) async throws -> Response {
        let text: String
        do {
            // Subscribers are asked to look again every 6 hours: a moved task shows the same day.
            text = try await service.calendar(startMinute: startMinute, refreshHours: download ? nil : 6).text
        } catch PlanService.Failure.noPlan {
            throw HTTPUserError(status: .notFound, error: PlanService.Failure.noPlan)
        }
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        if download { response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"infraprep-plan.ics\"") }
        return response
    }
}
