@testable import PrepWeb

extension SettingsPageModel {
    static let about: [(label: String, value: String)] = [
        ("Version", "InfraPrep VERSION"), ("Database", "SQLite (single user)"), ("Database location", "/home/ada/.local/share/infraprep/infraprep.sqlite"),
        ("Data folder", "/home/ada/.local/share/infraprep"), ("Skill areas loaded", "21"),
    ]
    static let zones = ["America/New_York", "Europe/Berlin", "Europe/London", "UTC"]

    /// The stored settings, a calendar link made earlier.
    static let mock = SettingsPageModel(
        displayName: "Ada", timeZone: "Europe/Berlin", practice: .init(newPerDay: "5", reviewsPerDay: "200", desiredRetention: "0.90"), saved: true, about: about,
        calendar: .init(existsSince: "2026-03-02", hasPlan: true, at: "07:30"), timeZones: zones)

    /// Values refused, shown as typed; the new calendar link shown once.
    static let refused = SettingsPageModel(
        displayName: "Ada", timeZone: "Mars/Olympus", practice: .init(newPerDay: "many", reviewsPerDay: "200", desiredRetention: "0.99"),
        errors: [
            "timeZone": "Unknown time zone 'Mars/Olympus'; use an IANA name such as Europe/Berlin.", "new_per_day": "Enter a whole number of new questions per day, from 0 to 50.",
        ],
        about: about,
        calendar: .init(existsSince: "2026-03-09", hasPlan: false, at: "18:00", newLink: "http://127.0.0.1:8080/calendar.ics?token=q3J9xZ0bVYc5mT2wLkN8aR4pE7uH1sD6fG0jC3vB9nM"),
        timeZones: zones)
}
