import PrepApp
import PrepCore
import PrepStore
import Vapor

enum SettingsController {
    struct Form: Content {
        var displayName: String?
        var timeZone: String?
    }

    static func show(_ req: Request) async throws -> Response {
        let profile = try await currentProfile(req)
        let practice = try await PracticeStore.settings(userID: req.userID, on: req.db)
        let model = SettingsPageModel(
            displayName: profile.displayName, timeZone: profile.timeZone,
            practice: .init(practice),
            saved: req.flash == .saved,
            about: SettingsPageModel.about(services: req.prep),
            calendar: try await calendarFields(req, revoked: req.flash == .revoked)
        )
        return HTMLResponse.page(SettingsPage(model: model).render())
    }

    static func save(_ req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let update = ProfileUpdate(displayName: form.displayName ?? "", timeZone: form.timeZone ?? "")
        switch try await UserStore.update(id: req.userID, with: update, on: req.db) {
        case .success:
            return req.redirect(to: .settings, .saved)
        case let .failure(errors):
            // Keep exactly what was typed so nothing is lost while it is corrected.
            let practice = try await PracticeStore.settings(userID: req.userID, on: req.db)
            let model = SettingsPageModel(
                displayName: update.displayName, timeZone: update.timeZone, practice: .init(practice), errors: errors.fields,
                about: SettingsPageModel.about(services: req.prep), calendar: try await calendarFields(req)
            )
            return HTMLResponse.page(SettingsPage(model: model).render(), status: .unprocessableEntity)
        }
    }

    struct PracticeForm: Content {
        var newPerDay: String?
        var reviewsPerDay: String?
        var desiredRetention: String?
        enum CodingKeys: String, CodingKey {
            case newPerDay = "new_per_day"
            case reviewsPerDay = "reviews_per_day"
            case desiredRetention = "desired_retention"
        }
    }

    /// The practice limits; on an error the form comes back with what was typed.
    static func savePractice(_ req: Request) async throws -> Response {
        let form = try req.content.decode(PracticeForm.self)
        let typed = SettingsPageModel.PracticeFields(newPerDay: form.newPerDay ?? "", reviewsPerDay: form.reviewsPerDay ?? "", desiredRetention: form.desiredRetention ?? "")
        var errors: [String: String] = [:]
        let newPerDay = Int(typed.newPerDay.trimmingCharacters(in: .whitespaces))
        let reviewsPerDay = Int(typed.reviewsPerDay.trimmingCharacters(in: .whitespaces))
        let retention = Double(typed.desiredRetention.trimmingCharacters(in: .whitespaces))
        if newPerDay == nil { errors["new_per_day"] = "Enter a whole number of new questions per day, from 0 to 50." }
        if reviewsPerDay == nil { errors["reviews_per_day"] = "Enter a whole number of reviews per day, from 1 to 1000." }
        if retention == nil { errors["desired_retention"] = "Enter a decimal such as 0.90." }
        if errors.isEmpty, let newPerDay, let reviewsPerDay, let retention {
            errors = try await PracticeStore.saveSettings(
                PracticeSettings(newPerDay: newPerDay, reviewsPerDay: reviewsPerDay, desiredRetention: retention), userID: req.userID, on: req.db)
            if errors.isEmpty { return req.redirect(to: .settings, .saved, fragment: "practice") }
        }
        let profile = try await currentProfile(req)
        let model = SettingsPageModel(
            displayName: profile.displayName, timeZone: profile.timeZone, practice: typed, errors: errors,
            about: SettingsPageModel.about(services: req.prep), calendar: try await calendarFields(req)
        )
        return HTMLResponse.page(SettingsPage(model: model).render(), status: .unprocessableEntity)
    }

    static func calendarFields(_ req: Request, revoked: Bool = false) async throws -> SettingsPageModel.CalendarFields {
        var fields = SettingsPageModel.CalendarFields(revoked: revoked)
        fields.hasPlan = try await PlanStore.settings(userID: req.userID, on: req.db) != nil
        if let feed = try await CalendarFeedStore.feed(userID: req.userID, on: req.db) {
            let zone = try await PracticeController.service(req).timeZone
            fields.existsSince = LocalDay(feed.created, in: zone).text
            fields.at = PlanCalendar.text(ofMinute: feed.startMinute)
        }
        return fields
    }

    struct CalendarForm: Content {
        var calendarAt: String?
        enum CodingKeys: String, CodingKey { case calendarAt = "calendar_at" }
    }

    /// Makes (or replaces) the subscription link and shows it once, on this response.
    static func createCalendarLink(_ req: Request) async throws -> Response {
        let typed = (try req.content.decode(CalendarForm.self).calendarAt ?? "").trimmingCharacters(in: .whitespaces)
        var fields = try await calendarFields(req)
        var errors: [String: String] = [:]
        if let minute = PlanCalendar.minute(ofDay: typed) {
            let created = try await CalendarFeedService.create(try await req.context(), startMinute: minute)
            fields = try await calendarFields(req)
            fields.newLink = CalendarFeedService.url(base: baseURL(req), token: created.token)
        } else {
            fields.at = typed
            errors["calendar_at"] = "Write the time as HH:MM on a 24-hour clock, such as 07:30 or 18:00 (got '\(typed)')."
        }
        let profile = try await currentProfile(req)
        let practice = try await PracticeStore.settings(userID: req.userID, on: req.db)
        let model = SettingsPageModel(
            displayName: profile.displayName, timeZone: profile.timeZone, practice: .init(practice), errors: errors,
            about: SettingsPageModel.about(services: req.prep), calendar: fields)
        let response = HTMLResponse.page(SettingsPage(model: model).render(), status: errors.isEmpty ? .ok : .unprocessableEntity)
        // The page holds a secret: keep it out of caches.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func revokeCalendarLink(_ req: Request) async throws -> Response {
        _ = try await CalendarFeedStore.revoke(userID: req.userID, on: req.db)
        return req.redirect(to: .settings, .revoked, fragment: "calendar")
    }

    /// Where links given out start: `--public-url`, else the address the server listens on
    /// (the machine's name for an every-interface bind). Never the request's `Host`, which a
    /// client chooses (issue #12: a rebinding page had its own name written into the feed URL).
    static func baseURL(_ req: Request) -> String {
        let config = req.prep.config
        if let url = config.publicURL { return url }
        let port = req.application.listeningAddress?.port ?? config.port
        var host = config.host
        if host == "0.0.0.0" || host == "::" { host = ProcessInfo.processInfo.hostName }
        if host.contains(":") && !host.hasPrefix("[") { host = "[\(host)]" }
        return "http://\(host):\(port)"
    }

    static func currentProfile(_ req: Request) async throws -> UserProfile {
        guard let profile = try await UserStore.profile(id: req.userID, on: req.db) else {
            throw Abort(.internalServerError, reason: "The local user is missing from the database; restart infraprep to recreate it.")
        }
        return profile
    }
}
