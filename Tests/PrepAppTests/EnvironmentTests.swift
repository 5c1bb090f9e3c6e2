import FluentKit
import Foundation
import PrepApp
import PrepContent
import PrepCore
import PrepStore
import PrepTestSupport
import SQLKit
import Testing

/// Services take time and randomness from the environment, never from the system.
@Suite struct EnvironmentTests {
    @Test func seededSourcesRepeatAndSystemSourcesDiffer() {
        let a = RandomSource.seeded(42)
        let b = RandomSource.seeded(42)
        let drawnA = (0..<5).map { _ in a.next() }
        #expect(drawnA == (0..<5).map { _ in b.next() })
        #expect(drawnA != (0..<5).map { _ in RandomSource.seeded(43).next() })
        #expect(RandomSource.system.next() != RandomSource.system.next())
    }

    /// The fuzz is decided by the card (`FuzzSeed`), so the grade schedules what the preview
    /// showed (issue #13, bug 3), whatever the environment's random source.
    @Test func aGradeIsRecordedAtTheClocksTimeWithTheFuzzThePreviewShowed() async throws {
        let fixed = try ISO8601.parse("2026-05-04T10:00:00Z")
        try await withTestStore { store, user in
            let environment = AppEnvironment(catalog: sharedCatalog, clock: { fixed.date }, random: .seeded(7))
            let context = try await ServiceContext.forUser(user.id, db: store.db, environment: environment)
            #expect(context.now == fixed)
            let item = try #require(sharedCatalog.items.first { $0.kind == .technical })
            // A card far enough along that fuzz applies: several good reviews a week apart.
            for week in 0..<3 {
                let at = fixed.adding(microseconds: -Int64(4 - week) * 7 * 86_400_000_000)
                _ = try await context.practice.grade(itemID: item.id, rating: .good, time: at)
            }
            let card = try #require(try await PracticeStore.cards(userID: user.id, itemIDs: [item.id], on: store.db)[item.id])
            let entry = PracticeService.Entry(item: item, card: card, isNew: false)
            let preview = context.practice.preview(entry, scheduler: try await context.practice.scheduler())
            let outcome = try await context.practice.grade(itemID: item.id, rating: .good)
            #expect(outcome.card.due == preview[.good]?.due)
            #expect(outcome.card.due.wholeDays(since: fixed) >= 3, "long enough for fuzz to apply")
            let sql = try #require(store.db as? any SQLDatabase)
            let rows = try await sql.raw("SELECT recorded_us FROM srs_reviews").all()
            let recorded = try rows.map { try $0.decode(column: "recorded_us", as: Int64.self) }
            #expect(recorded.count == 4 && recorded.allSatisfy { $0 == fixed.microseconds })
        }
    }

    @Test func calendarTokensComeFromTheEnvironmentsSource() async throws {
        var tokens: [String] = []
        for _ in 0..<2 {
            try await withTestStore { store, user in
                let environment = AppEnvironment(catalog: sharedCatalog, random: .seeded(99))
                let context = try await ServiceContext.forUser(user.id, db: store.db, environment: environment)
                let made = try await CalendarFeedService.create(context, startMinute: 18 * 60)
                #expect(made.token.utf8.count == 43)
                #expect(try await CalendarFeedService.feed(token: made.token, on: store.db)?.userID == user.id)
                tokens.append(made.token)
            }
        }
        #expect(tokens[0] == tokens[1])
    }
}
