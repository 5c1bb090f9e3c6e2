import FluentKit
import Foundation
import PrepApp
import PrepCore
import PrepStore
import PrepTestSupport
import SQLKit
import Testing

/// Looking at readiness again is a read: the day's point is written only when it changed.
@Suite struct ReadinessSnapshotTests {
    @Test func theDaysPointIsWrittenOnlyWhenItChanges() async throws {
        try await withTestStore { store, user in
            let environment = AppEnvironment(catalog: sharedCatalog)
            let morning = try ISO8601.parse("2026-03-09T08:00:00Z")
            func context(_ at: Instant) -> ServiceContext {
                ServiceContext(db: store.db, environment: environment, userID: user.id, timeZone: .gmt, now: at)
            }
            func takenAt() async throws -> [Int64] {
                let sql = try #require(store.db as? any SQLDatabase)
                return try await sql.raw("SELECT taken_us FROM readiness_snapshots").all().map { try $0.decode(column: "taken_us", as: Int64.self) }
            }
            let first = try await context(morning).readiness.reportAndHistory()
            #expect(first.history.map(\.day) == ["2026-03-09"])
            #expect(try await takenAt() == [morning.microseconds])
            // Nothing changed an hour later: no write.
            let again = try await context(morning.adding(microseconds: 3_600_000_000)).readiness.reportAndHistory()
            #expect(again.history == first.history)
            #expect(try await takenAt() == [morning.microseconds])
            // Practice changes the score: the point is replaced and the history shows it.
            let item = try #require(sharedCatalog.items.first { $0.kind == .technical })
            let noon = morning.adding(microseconds: 4 * 3_600_000_000)
            _ = try await context(noon).practice.grade(itemID: item.id, rating: .easy, time: noon)
            let changed = try await context(noon).readiness.reportAndHistory()
            #expect(changed.history.count == 1 && changed.history != first.history)
            #expect(try await takenAt() == [noon.microseconds])
            #expect(try await context(noon).readiness.history() == changed.history)
        }
    }
}
