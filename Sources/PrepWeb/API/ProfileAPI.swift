import PrepCore
import PrepStore
import Vapor

/// `GET /api/v1/me` and `PATCH /api/v1/me`: the profile of the person using the app.
enum ProfileAPI {
    struct Patch: Content {
        var displayName: String?
        var timeZone: String?
    }

    static func show(_ req: Request) async throws -> UserProfile {
        try await SettingsController.currentProfile(req)
    }

    static func update(_ req: Request) async throws -> UserProfile {
        let patch = try req.content.decode(Patch.self)
        let current = try await SettingsController.currentProfile(req)
        let update = ProfileUpdate(displayName: patch.displayName ?? current.displayName, timeZone: patch.timeZone ?? current.timeZone)
        switch try await UserStore.update(id: req.userID, with: update, on: req.db) {
        case let .success(profile):
            return profile
        case let .failure(errors):
            // Field names in problems use the API's spelling (`display_name`), not Swift's.
            throw ValidationFailure(fields: Dictionary(uniqueKeysWithValues: errors.fields.map { (CodingPathText.snakeCase($0.key), $0.value) }))
        }
    }
}

extension UserProfile: Content {}
