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
        let model = SettingsPageModel(
            displayName: profile.displayName, timeZone: profile.timeZone,
            saved: (try? req.query.get(String.self, at: "saved")) == "1",
            about: SettingsPageModel.about(services: req.prep)
        )
        return HTMLResponse.page(SettingsPage(model: model).render())
    }

    static func save(_ req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let update = ProfileUpdate(displayName: form.displayName ?? "", timeZone: form.timeZone ?? "")
        switch try await UserStore.update(id: req.userID, with: update, on: req.db) {
        case .success:
            return req.redirect(to: "/settings?saved=1", redirectType: .normal)
        case let .failure(errors):
            // Keep exactly what was typed so nothing is lost while it is corrected.
            let model = SettingsPageModel(
                displayName: update.displayName, timeZone: update.timeZone, errors: errors.fields,
                about: SettingsPageModel.about(services: req.prep)
            )
            return HTMLResponse.page(SettingsPage(model: model).render(), status: .unprocessableEntity)
        }
    }

    static func currentProfile(_ req: Request) async throws -> UserProfile {
        guard let profile = try await UserStore.profile(id: req.userID, on: req.db) else {
            throw Abort(.internalServerError, reason: "The local user is missing from the database; restart infraprep to recreate it.")
        }
        return profile
    }
}
