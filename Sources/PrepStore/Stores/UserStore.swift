import FluentKit
import Foundation
import PrepCore
import SQLKit

/// Reads and writes user profiles.
public enum UserStore {
    public static let localUsername = "local"

    /// The local user of a single-user install, created on first start.
    public static func ensureLocalUser(on db: any Database, timeZone: String = TimeZone.current.identifier) async throws -> UserProfile {
        if let existing = try await UserRecord.query(on: db).filter(\.$username == localUsername).first() {
            return try existing.profile()
        }
        let record = UserRecord(username: localUsername, displayName: "You", timeZone: timeZone, role: .local)
        try await record.create(on: db)
        return try record.profile()
    }

    /// The person's time zone identifier: every request reads it, so one column, not the model.
    public static func timeZone(id: UUID, on db: any Database) async throws -> String? {
        guard let sql = db as? any SQLDatabase else { return try await profile(id: id, on: db)?.timeZone }
        return try await sql.select().column("time_zone").from("users").where("id", .equal, id).first()?.decode(column: "time_zone", as: String.self)
    }

    public static func profile(id: UUID, on db: any Database) async throws -> UserProfile? {
        try await UserRecord.find(id, on: db)?.profile()
    }

    /// Validates and stores the change; on invalid input nothing is written and the field
    /// errors come back for the form to show.
    public static func update(id: UUID, with update: ProfileUpdate, on db: any Database) async throws -> Result<UserProfile, ProfileErrors> {
        let errors = update.validate()
        guard errors.isEmpty else { return .failure(ProfileErrors(fields: errors)) }
        guard let record = try await UserRecord.find(id, on: db) else {
            return .failure(ProfileErrors(fields: ["id": "No user with id \(id)."]))
        }
        let clean = update.normalized
        record.displayName = clean.displayName
        record.timeZone = clean.timeZone
        try await record.save(on: db)
        return .success(try record.profile())
    }
}

public struct ProfileErrors: Error, Equatable, Sendable {
    public let fields: [String: String]
}

extension UserStore {
    /// The local user if it exists; nil before the first start.
    public static func localUser(on db: any Database) async throws -> UserProfile? {
        try await UserRecord.query(on: db).filter(\.$username == localUsername).first()?.profile()
    }
}
