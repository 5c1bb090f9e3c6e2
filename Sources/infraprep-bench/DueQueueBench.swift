import FluentKit
import Foundation
import Logging
import PrepCore
import PrepStore
import SQLKit

/// `--due-queue [--cards N --reviews N]`: a SQLite database with one user's N cards and
/// N review-log rows (plus a second user of the same size, so the user filter matters),
/// then today's due queue and today's counts, timed as the app runs them.
enum DueQueueBench {
    static func run(cards: Int, reviews: Int, keep: Bool) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("infraprep-due-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/infraprep.sqlite"
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let store = try StandaloneStore(storage: .sqlite(path: path), logger: logger)
        do {
            try await measure(store: store, cards: cards, reviews: reviews, path: path)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
        if !keep { try? FileManager.default.removeItem(atPath: folder) }
    }

    static func measure(store: StandaloneStore, cards: Int, reviews: Int, path: String) async throws {
        let user = try await store.prepare()
        let other = UUID()
        let sql = store.db as! any SQLDatabase
        try await sql.raw("INSERT INTO users (id, username, display_name, time_zone, role) VALUES (\(bind: other), 'other', 'Other', 'UTC', 'member')").run()
        let now = Instant(date: Date())
        // Filling is set-up, not the measure: no fsync and a large cache while it runs.
        try await sql.raw("PRAGMA synchronous = OFF").run()
        try await sql.raw("PRAGMA cache_size = -262144").run()
        let fillStart = DispatchTime.now().uptimeNanoseconds
        for owner in [user.id, other] {
            // Due times spread over a year either side of now; about half the cards are due.
            try await sql.raw(
                """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < \(literal: cards - 1))
                INSERT INTO srs_cards (id, user_id, item_id, state, step, stability, difficulty, due_us, last_review_us, reps, lapses, created_us)
                SELECT randomblob(16), \(bind: owner), 'item-' || i, 2, NULL, 10.0, 5.0,
                       \(literal: now.microseconds) + (abs(random()) % \(literal: 2 * 365 * 86_400)) * 1000000 - \(literal: 365 * 86_400) * 1000000,
                       \(literal: now.microseconds) - 86400000000, 3, 0, 0
                FROM n
                """
            ).run()
            let base = try await sql.raw("SELECT MIN(rowid) AS r FROM srs_cards WHERE user_id = \(bind: owner)").first()?.decode(column: "r", as: Int.self) ?? 1
            try await sql.raw(
                """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < \(literal: reviews - 1))
                INSERT INTO srs_reviews (id, user_id, card_id, item_id, skill, rating, reviewed_us, recorded_us, prev_state, prev_reps, prev_lapses,
                                         after_state, after_stability, after_difficulty, after_due_us)
                SELECT randomblob(16), \(bind: owner), (SELECT id FROM srs_cards WHERE rowid = \(literal: base) + i % \(literal: cards)),
                       'item-' || (i % \(literal: cards)), 'kubernetes', 1 + abs(random()) % 4,
                       \(literal: now.microseconds) - (abs(random()) % \(literal: 400 * 86_400)) * 1000000, 0, 2, 0, 0, 2, 10.0, 5.0, 0
                FROM n
                """
            ).run()
        }
        try await sql.raw("ANALYZE").run()
        try await sql.raw("PRAGMA synchronous = NORMAL").run()
        let fillSeconds = Double(DispatchTime.now().uptimeNanoseconds - fillStart) / 1e9
        let dayStart = now.adding(microseconds: -8 * 3_600_000_000)

        func time(_ runs: Int, _ body: () async throws -> Void) async throws -> (median: Double, p95: Double) {
            try await body()  // warm the page cache and the statement
            var samples: [Double] = []
            for _ in 0..<runs {
                let start = DispatchTime.now().uptimeNanoseconds
                try await body()
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            samples.sort()
            return (samples[runs / 2], samples[min(runs - 1, runs * 95 / 100)])
        }
        var dueCount = 0
        let due = try await time(50) {
            dueCount = try await PracticeStore.dueItemIDs(userID: user.id, now: now, limit: 101, on: store.db).count
        }
        let today = try await time(50) { _ = try await PracticeStore.today(userID: user.id, since: dayStart, on: store.db) }
        let dueTotal =
            try await sql.raw("SELECT COUNT(*) AS n FROM srs_cards WHERE user_id = \(bind: user.id) AND due_us <= \(bind: now.microseconds)")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        print(
            """
            {"cards_per_user":\(cards),"reviews_per_user":\(reviews),"users":2,"fill_seconds":\(fillSeconds),\
            "due_now":\(dueTotal),"queue_length":\(dueCount),\
            "due_queue_median_ms":\(due.median),"due_queue_p95_ms":\(due.p95),\
            "today_counts_median_ms":\(today.median),"today_counts_p95_ms":\(today.p95),\
            "database":"\(path)","now_us":\(now.microseconds),"day_start_us":\(dayStart.microseconds)}
            """)
    }
}
