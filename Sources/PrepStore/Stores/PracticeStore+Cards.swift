import FluentKit
import Foundation
import PrepCore
import SQLKit

/// Cards and the queues read from them: range scans of the `(user_id, due_us)` index.
extension PracticeStore {
    static let cardColumns = ["id", "item_id", "state", "step", "stability", "difficulty", "due_us", "last_review_us", "reps", "lapses"]

    public static func card(userID: UUID, itemID: String, on db: any Database) async throws -> StoredCard? {
        let sql = try sqlDatabase(db)
        let row = try await sql.select().columns(cardColumns).from("srs_cards")
            .where("user_id", .equal, userID).where("item_id", .equal, itemID).first()
        return try row.map(decodeCard)
    }

    public static func cards(userID: UUID, itemIDs: [String], on db: any Database) async throws -> [String: StoredCard] {
        guard !itemIDs.isEmpty else { return [:] }
        let sql = try sqlDatabase(db)
        let rows = try await sql.select().columns(cardColumns).from("srs_cards")
            .where("user_id", .equal, userID).where("item_id", .in, itemIDs).all()
        return Dictionary(try rows.map(decodeCard).map { ($0.itemID, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Answering time since `since` per local day number, each answer capped at
    /// `capMilliseconds` before it is summed (answers without a duration count nothing). The
    /// sum is cast because PostgreSQL sums a BIGINT column as NUMERIC.
    public static func answerTimePerDay(userID: UUID, since: Instant, capMilliseconds: Int, offsets: ZoneOffsets, on db: any Database) async throws -> [Int: Int] {
        let day = localDay(offsets)
        let rows = try await sqlDatabase(db).raw(
            """
            SELECT \(day) AS d,
              CAST(SUM(CASE WHEN duration_ms IS NULL OR duration_ms < 0 THEN 0 WHEN duration_ms > \(bind: capMilliseconds) THEN \(bind: capMilliseconds)
                  ELSE duration_ms END) AS BIGINT) AS ms
            FROM srs_reviews WHERE user_id = \(bind: userID) AND reviewed_us >= \(bind: since.microseconds)
            GROUP BY \(day)
            """
        ).all()
        return try Dictionary(rows.map { (try $0.decode(column: "d", as: Int.self), try $0.decode(column: "ms", as: Int?.self) ?? 0) }, uniquingKeysWith: +)
    }

    /// Every card of a person (readiness reads them all: a few hundred after eight weeks).
    public static func allCards(userID: UUID, on db: any Database) async throws -> [StoredCard] {
        try await sqlDatabase(db).select().columns(cardColumns).from("srs_cards").where("user_id", .equal, userID).all().map(decodeCard)
    }

    /// Item ids of cards due at `now`, oldest due first: one range scan of an index.
    public static func dueItemIDs(userID: UUID, now: Instant, limit: Int, on db: any Database) async throws -> [String] {
        let sql = try sqlDatabase(db)
        return try await sql.select().column("item_id").from("srs_cards")
            .where("user_id", .equal, userID).where("due_us", .lessThanOrEqual, now.microseconds)
            .orderBy("due_us").limit(limit).all()
            .map { try $0.decode(column: "item_id", as: String.self) }
    }

    /// How many cards are due at `now` (a count over the same index range).
    public static func dueCount(userID: UUID, now: Instant, on db: any Database) async throws -> Int {
        let sql = try sqlDatabase(db)
        return try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM srs_cards WHERE user_id = \(bind: userID) AND due_us <= \(bind: now.microseconds)
            """
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    public static func studiedItemIDs(userID: UUID, on db: any Database) async throws -> Set<String> {
        let sql = try sqlDatabase(db)
        let rows = try await sql.select().column("item_id").from("srs_cards").where("user_id", .equal, userID).all()
        return Set(try rows.map { try $0.decode(column: "item_id", as: String.self) })
    }

    /// Reviews since `start` (the start of the person's day), and the items first studied in them.
    public static func today(userID: UUID, since start: Instant, on db: any Database) async throws -> (reviews: Int, newItemIDs: [String]) {
        let sql = try sqlDatabase(db)
        let rows = try await sql.select().columns("item_id", "prev_state").from("srs_reviews")
            .where("user_id", .equal, userID).where("reviewed_us", .greaterThanOrEqual, start.microseconds).all()
        var reviews = 0
        var new: [String] = []
        for row in rows {
            if try row.decodeNil(column: "prev_state") { new.append(try row.decode(column: "item_id", as: String.self)) } else { reviews += 1 }
        }
        return (reviews, new)
    }
}
