import FluentKit
import Foundation
import PrepApp
import PrepContent
import PrepCore
import PrepStore
import PrepTestSupport
import SQLKit
import Testing

/// Today's summary is kept per person under the revision read before it was derived: every
/// write of theirs, a card falling due and local midnight must each show at once.
@Suite struct TodayCacheTests {
    final class Clock: @unchecked Sendable {
        var now = try! ISO8601.parse("2026-03-09T09:00:00Z")
    }

    struct Person {
        let store: StandaloneStore
        let user: UserProfile
        let clock: Clock
        let environment: AppEnvironment

        func context() async throws -> ServiceContext {
            try await ServiceContext.forUser(user.id, db: store.db, environment: environment)
        }

        func summary() async throws -> TodayService.Summary {
            try await context().todayService.summary()
        }

        /// The same summary derived afresh, with nothing kept.
        func fresh() async throws -> TodayService.Summary {
            let context = try await context()
            return try await ServiceContext(
                db: store.db, environment: AppEnvironment(catalog: sharedCatalog, clock: { context.now.date }), userID: user.id, timeZone: context.timeZone,
                now: context.now, revision: nil
            ).todayService.summary()
        }
    }

    func withPerson(_ body: (Person) async throws -> Void) async throws {
        try await withTestStore { store, user in
            let clock = Clock()
            let environment = AppEnvironment(catalog: sharedCatalog, clock: { clock.now.date })
            try await UserStore.update(id: user.id, with: ProfileUpdate(displayName: "You", timeZone: "UTC"), on: store.db).get()
            try await PlanStore.save(PlanSettings(start: "2026-03-02"), userID: user.id, replace: false, now: clock.now, on: store.db)
            try await body(Person(store: store, user: user, clock: clock, environment: environment))
        }
    }

    @Test func aSecondLookIsKeptUntilAWriteRaisesTheRevision() async throws {
        try await withPerson { person in
            let first = try await person.summary()
            // A change behind the stores' back (no revision raised) is not seen: the summary is kept.
            let sql = try #require(person.store.db as? any SQLDatabase)
            let task = try #require(first.day?.tasks.first)
            try await sql.raw("INSERT INTO plan_progress (id, user_id, task_id, done_us) VALUES (\(bind: UUID()), \(bind: person.user.id), \(bind: task.task.id), 1)").run()
            #expect(try await person.summary() == first)
            // The same change through the store raises the revision: shown at once.
            _ = try await person.context().plans.setNotes(task.task.id, notes: "done")
            let after = try await person.summary()
            #expect(after != first)
            #expect(after == (try await person.fresh()))
        }
    }

    @Test func everyWriteOfThePersonShowsAtOnce() async throws {
        try await withPerson { person in
            let items = sharedCatalog.items.filter { $0.kind == .technical }
            var last = try await person.summary()
            func changed(_ what: String, _ write: () async throws -> Void) async throws {
                try await write()
                let now = try await person.summary()
                #expect(now == (try await person.fresh()), "\(what): the kept summary is stale")
                last = now
            }
            try await changed("a grade") { _ = try await person.context().practice.grade(itemID: items[0].id, rating: .good) }
            try await changed("another grade") { _ = try await person.context().practice.grade(itemID: items[1].id, rating: .again) }
            try await changed("an undo") { _ = try await person.context().practice.undo() }
            let task = try #require(last.day?.tasks.first)
            try await changed("a tick") { _ = try await person.context().plans.setDone(task.task.id, done: true) }
            try await changed("a move") { _ = try await person.context().plans.move(task.task.id, to: "2026-03-11") }
            try await changed("practice settings") {
                _ = try await PracticeStore.saveSettings(PracticeSettings(newPerDay: 2, reviewsPerDay: 50, desiredRetention: 0.9), userID: person.user.id, on: person.store.db)
            }
            try await changed("a new plan") {
                try await PlanStore.save(PlanSettings(start: "2026-03-05", hoursPerDay: 1), userID: person.user.id, replace: true, now: person.clock.now, on: person.store.db)
            }
            try await changed("a time zone") {
                try await UserStore.update(id: person.user.id, with: ProfileUpdate(displayName: "You", timeZone: "Pacific/Auckland"), on: person.store.db).get()
            }
        }
    }

    @Test func aCardFallingDueAndMidnightShowWithoutAWrite() async throws {
        try await withPerson { person in
            let item = try #require(sharedCatalog.items.first { $0.kind == .technical })
            let outcome = try await person.context().practice.grade(itemID: item.id, rating: .good)
            let before = try await person.summary()
            // Just before the card's step ends and its learn-ahead window opens nothing changes;
            // once it falls due it is waiting.
            person.clock.now = outcome.card.due.adding(microseconds: 1_000_000)
            let due = try await person.summary()
            #expect(due == (try await person.fresh()))
            #expect(due.reviewsWaiting + due.newWaiting != before.reviewsWaiting + before.newWaiting || due.reviewsWaiting >= 1)
            // A new day: the plan's day moves on.
            person.clock.now = try ISO8601.parse("2026-03-10T09:00:00Z")
            let tomorrow = try await person.summary()
            #expect(tomorrow.day?.date == "2026-03-10")
            #expect(tomorrow == (try await person.fresh()))
        }
    }
}
