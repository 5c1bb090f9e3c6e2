import Foundation
import PrepApp
import PrepCore
import PrepStore
import Vapor

/// `/api/v1/calendar/feed`: the subscription link, made, read and revoked.
enum CalendarAPI {
    struct FeedStatus: Content {
        var at: String
        var created: String
    }

    struct Created: Content {
        var url: String
        var token: String
        var at: String
        var created: String
    }

    struct Create: Content {
        var at: String?
    }

    static func show(_ req: Request) async throws -> FeedStatus {
        guard let feed = try await CalendarFeedStore.feed(userID: req.userID, on: req.db) else {
            throw HTTPUserError(status: .notFound, error: PlainError("there is no calendar subscription link", fix: "POST /api/v1/calendar/feed makes one"))
        }
        return FeedStatus(at: PlanCalendar.text(ofMinute: feed.startMinute), created: ISO8601.format(feed.created))
    }

    static func create(_ req: Request) async throws -> Response {
        let body = req.body.data == nil ? Create(at: nil) : try req.content.decode(Create.self)
        let text = body.at ?? "18:00"
        guard let minute = PlanCalendar.minute(ofDay: text) else {
            throw ValidationFailure(fields: ["at": "Write the time as HH:MM on a 24-hour clock, such as 07:30 (got '\(text)')."])
        }
        let made = try await CalendarFeedService.create(try await req.context(), startMinute: minute)
        let response = Response(status: .created)
        try response.content.encode(
            Created(
                url: CalendarFeedService.url(base: SettingsController.baseURL(req), token: made.token),
                token: made.token, at: made.at, created: made.created))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func revoke(_ req: Request) async throws -> HTTPStatus {
        guard try await CalendarFeedStore.revoke(userID: req.userID, on: req.db) else {
            throw HTTPUserError(status: .notFound, error: PlainError("there is no calendar subscription link to revoke"))
        }
        return .noContent
    }
}
