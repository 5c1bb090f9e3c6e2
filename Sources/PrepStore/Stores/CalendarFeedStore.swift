import FluentKit
import Foundation
import PrepCore
import SQLKit

/// A calendar subscription as stored: whose it is, when study blocks start, since when.
public struct CalendarFeed: Sendable, Equatable {
    public var userID: UUID
    /// Minutes after local midnight that study blocks start.
    public var startMinute: Int
    public var created: Instant
}

/// Calendar subscriptions, found by the hash of their token. One per person: a new link
/// replaces the old one, which stops working at once.
public enum CalendarFeedStore {
    public static func replace(userID: UUID, tokenSHA256: String, startMinute: Int, now: Instant, on db: any Database) async throws {
        // One upsert: a double-clicked "create" cannot collide on the unique index.
        try await Writes.transaction(on: db, bumping: nil) { tx in
            try await PracticeStore.sqlDatabase(tx).insert(into: "calendar_feeds").columns("id", "user_id", "token_sha256", "start_minute", "created_us")
                .values(UUID(), userID, tokenSHA256, startMinute, now.microseconds)
                .onConflict(with: ["user_id"]) { $0.set(excludedValueOf: "token_sha256").set(excludedValueOf: "start_minute").set(excludedValueOf: "created_us") }
                .run()
        }
    }

    /// Returns whether there was a link to revoke.
    public static func revoke(userID: UUID, on db: any Database) async throws -> Bool {
        try await Writes.transaction(on: db, bumping: nil) { tx in
            !(try await PracticeStore.sqlDatabase(tx).raw("DELETE FROM calendar_feeds WHERE user_id = \(bind: userID) RETURNING id").all()).isEmpty
        }
    }

    public static func feed(userID: UUID, on db: any Database) async throws -> CalendarFeed? {
        try await first(
            try PracticeStore.sqlDatabase(db).select().columns("user_id", "start_minute", "created_us").from("calendar_feeds")
                .where("user_id", .equal, userID))
    }

    public static func feed(tokenSHA256: String, on db: any Database) async throws -> CalendarFeed? {
        try await first(
            try PracticeStore.sqlDatabase(db).select().columns("user_id", "start_minute", "created_us").from("calendar_feeds")
                .where("token_sha256", .equal, tokenSHA256))
    }

    private static func first(_ query: SQLSelectBuilder) async throws -> CalendarFeed? {
        guard let row = try await query.first() else { return nil }
        return CalendarFeed(
            userID: try row.decode(column: "user_id", as: UUID.self), startMinute: try row.decode(column: "start_minute", as: Int.self),
            created: Instant(microseconds: try row.decode(column: "created_us", as: Int64.self)))
    }
}
