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

    /// The person's time zone identifier and data revision: every request reads them, so one
    /// indexed row, not the model.
    public static func zoneAndRevision(id: UUID, on db: any Database) async throws -> (timeZone: String, revision: Int64)? {
        let sql = try PracticeStore.sqlDatabase(db)
        guard
            let row = try await sql.raw(
                "SELECT u.time_zone, r.revision FROM users u LEFT JOIN user_revisions r ON r.user_id = u.id WHERE u.id = \(bind: id)"
            ).first()
        else { return nil }
        return (try row.decode(column: "time_zone", as: String.self), try row.decode(column: "revision", as: Int64?.self) ?? 0)
    }

    /// Raises the person's revision; called inside every write transaction of their data.
    /// On PostgreSQL it also tells the other replicas (`RevisionFeed`), at commit.
    public static func bumpRevision(_ userID: UUID, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO user_revisions (user_id, revision) VALUES (\(bind: userID), 1)
            ON CONFLICT (user_id) DO UPDATE SET revision = user_revisions.revision + 1
            """
        ).run()
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT pg_notify(\(bind: RevisionFeed.channel), \(bind: userID.uuidString))").run()
        }
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
        try await Writes.transaction(on: db, bumping: id) { tx in
            try await record.save(on: tx)
        }
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
