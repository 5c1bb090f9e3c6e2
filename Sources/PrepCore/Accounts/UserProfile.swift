import Foundation

/// A person using InfraPrep. Every row a person owns points at one of these, even in
/// single-user mode, where the only profile is the local user created on first start.
public struct UserProfile: Sendable, Equatable, Codable {
    public enum Role: String, Sendable, Codable, CaseIterable {
        /// The single user of a local, account-less install.
        case local
        case member
        case admin
    }

    public var id: UUID
    public var username: String
    public var displayName: String
    /// IANA time zone name; days, streaks and reminders are counted in it.
    public var timeZone: String
    public var role: Role

    public init(id: UUID, username: String, displayName: String, timeZone: String, role: Role) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.timeZone = timeZone
        self.role = role
    }
}

/// The editable part of a profile, checked before anything is stored.
public struct ProfileUpdate: Sendable, Equatable, Codable {
    public var displayName: String
    public var timeZone: String

    public init(displayName: String, timeZone: String) {
        self.displayName = displayName
        self.timeZone = timeZone
    }

    /// Field errors keyed by field name, empty when the update is valid.
    public func validate() -> [String: String] {
        var errors: [String: String] = [:]
        let name = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            errors["displayName"] = "Enter a name to show on your pages."
        } else if name.count > 80 {
            errors["displayName"] = "Use at most 80 characters (this one has \(name.count))."
        } else if let control = ControlCharacters.first(in: name) {
            errors["displayName"] = "Remove the control character \(control) from the name."
        }
        if TimeZone(identifier: timeZone) == nil {
            errors["timeZone"] = "'\(timeZone)' is not an IANA time zone name; use one such as Europe/Berlin or America/New_York."
        }
        return errors
    }

    /// The update with surrounding spaces removed, as it will be stored.
    public var normalized: ProfileUpdate {
        ProfileUpdate(displayName: displayName.trimmingCharacters(in: .whitespacesAndNewlines), timeZone: timeZone)
    }
}
