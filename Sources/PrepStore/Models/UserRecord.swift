import FluentKit
import Foundation
import PrepCore

/// A row of `users`. Every user-owned table has a `user_id` that points here.
public final class UserRecord: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "username") public var username: String
    @Field(key: "display_name") public var displayName: String
    @Field(key: "time_zone") public var timeZone: String
    @Field(key: "role") public var role: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = nil, username: String, displayName: String, timeZone: String, role: UserProfile.Role) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.timeZone = timeZone
        self.role = role.rawValue
    }

    func profile() throws -> UserProfile {
        UserProfile(
            id: try requireID(), username: username, displayName: displayName,
            timeZone: timeZone, role: UserProfile.Role(rawValue: role) ?? .member
        )
    }
}
