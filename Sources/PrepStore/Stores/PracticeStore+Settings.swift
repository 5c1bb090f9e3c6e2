import FluentKit
import Foundation
import PrepCore
import SQLKit

/// Daily limits and the scheduler settings, one row a person.
extension PracticeStore {
    public static func settings(userID: UUID, on db: any Database) async throws -> PracticeSettings {
        let sql = try sqlDatabase(db)
        guard
            let row = try await sql.select().columns("new_per_day", "reviews_per_day", "desired_retention")
                .from("practice_settings").where("user_id", .equal, userID).first()
        else { return .defaults }
        return PracticeSettings(
            newPerDay: try row.decode(column: "new_per_day", as: Int.self),
            reviewsPerDay: try row.decode(column: "reviews_per_day", as: Int.self),
            desiredRetention: try row.decode(column: "desired_retention", as: Double.self)
        )
    }

    /// Stores valid settings; invalid ones come back as field errors and nothing is written.
    public static func saveSettings(_ settings: PracticeSettings, userID: UUID, on db: any Database) async throws -> [String: String] {
        let errors = settings.validate()
        guard errors.isEmpty else { return errors }
        try await Writes.transaction(on: db, bumping: userID) { tx in
            let sql = try sqlDatabase(tx)
            try await sql.delete(from: "practice_settings").where("user_id", .equal, userID).run()
            try await sql.insert(into: "practice_settings")
                .columns("id", "user_id", "new_per_day", "reviews_per_day", "desired_retention")
                .values(UUID(), userID, settings.newPerDay, settings.reviewsPerDay, settings.desiredRetention)
                .run()
        }
        return [:]
    }
}
