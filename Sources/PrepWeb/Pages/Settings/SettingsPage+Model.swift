import Foundation
import PrepCore

/// Everything the Settings page shows, built by the controller; the view never touches the database.
struct SettingsPageModel {
    /// What the form shows: the stored profile, or what the user typed when it was refused.
    var displayName: String
    var timeZone: String
    var practice: PracticeFields
    var errors: [String: String] = [:]
    var saved = false
    var about: [(label: String, value: String)]
    var calendar = CalendarFields()
    /// The names the time zone field suggests.
    var timeZones: [String] = SettingsPageModel.knownTimeZones

    /// Computed once: the list is long and the same for every request.
    static let knownTimeZones: [String] = TimeZone.knownTimeZoneIdentifiers.sorted()

    /// The calendar subscription: whether a link exists, and the new link right after it is made
    /// (the only time it can be shown: only its hash is kept).
    struct CalendarFields {
        var existsSince: String?
        /// The download link only makes sense once there is a plan.
        var hasPlan = false
        var at = "18:00"
        var newLink: String?
        var revoked = false
    }

    /// The practice limits as text, so a refused value is shown exactly as typed.
    struct PracticeFields {
        var newPerDay: String
        var reviewsPerDay: String
        var desiredRetention: String

        init(newPerDay: String, reviewsPerDay: String, desiredRetention: String) {
            self.newPerDay = newPerDay
            self.reviewsPerDay = reviewsPerDay
            self.desiredRetention = desiredRetention
        }

        init(_ settings: PracticeSettings) {
            self.init(
                newPerDay: String(settings.newPerDay), reviewsPerDay: String(settings.reviewsPerDay),
                desiredRetention: String(format: "%.2f", settings.desiredRetention))
        }
    }

    static func about(services: AppServices) -> [(label: String, value: String)] {
        var rows: [(String, String)] = [
            ("Version", "\(AppInfo.name) \(AppInfo.version)"),
            ("Database", services.config.storage.kind == "sqlite" ? "SQLite (single user)" : "PostgreSQL"),
            ("Database location", services.config.storage.location),
        ]
        if let dir = services.config.dataDirectory { rows.append(("Data folder", dir)) }
        rows.append(("Skill areas loaded", String(services.catalog.taxonomy.skills.count)))
        return rows
    }
}
