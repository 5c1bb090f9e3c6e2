import FluentKit
import Foundation
import PrepApp
import PrepContent
import PrepCore
import PrepStore
import PrepTestSupport
import Testing

/// The dated plan is derived once per change of its settings and shared by every request;
/// these check that what a person sees stays right when settings, ticks, moves or the day change.
@Suite struct PlanDerivationTests {
    static let start = "2026-03-02"
    let monday = try! ISO8601.parse("2026-03-09T09:00:00Z")

    func context(_ store: StandaloneStore, _ user: UserProfile, _ environment: AppEnvironment, at now: Instant) -> ServiceContext {
        ServiceContext(db: store.db, environment: environment, userID: user.id, timeZone: TimeZone(identifier: "UTC")!, now: now)
    }

    func save(_ settings: PlanSettings, _ store: StandaloneStore, _ user: UserProfile, replace: Bool) async throws {
        try await PlanStore.save(settings, userID: user.id, replace: replace, now: monday, on: store.db)
    }

    @Test func aPlanIsBuiltOnceAndEqualsAFreshBuild() async throws {
        try await withTestStore { store, user in
            let environment = AppEnvironment(catalog: sharedCatalog)
            let settings = PlanSettings(start: Self.start, interviewDate: "2026-04-27")
            try await save(settings, store, user, replace: false)
            let plans = context(store, user, environment, at: monday).plans
            let first = try #require(try await plans.plan())
            _ = try await plans.day()
            _ = try await context(store, user, environment, at: monday).practice.session()
            #expect(environment.plans.count == 1)
            let fresh = try PlanBuilder.build(curriculum: sharedCatalog.curriculum, taxonomy: sharedCatalog.taxonomy, settings: settings)
            #expect(first == fresh)
        }
    }

    @Test func changedSettingsGiveTheNewPlan() async throws {
        try await withTestStore { store, user in
            let environment = AppEnvironment(catalog: sharedCatalog)
            try await save(PlanSettings(start: Self.start, hoursPerDay: 2.5), store, user, replace: false)
            let before = try #require(try await context(store, user, environment, at: monday).plans.plan())
            let changed = PlanSettings(start: Self.start, hoursPerDay: 1, daysPerWeek: 5, interviewDate: "2026-04-13")
            try await save(changed, store, user, replace: true)
            let after = try #require(try await context(store, user, environment, at: monday).plans.plan())
            #expect(after.settings == changed)
            #expect(after != before)
            let fresh = try PlanBuilder.build(curriculum: sharedCatalog.curriculum, taxonomy: sharedCatalog.taxonomy, settings: changed)
            #expect(after == fresh)
        }
    }

    @Test func ticksAndMovesShowAtOnceOnACachedPlan() async throws {
        try await withTestStore { store, user in
            let environment = AppEnvironment(catalog: sharedCatalog)
            try await save(PlanSettings(start: Self.start), store, user, replace: false)
            let plans = context(store, user, environment, at: monday).plans
            let today = try await plans.day()
            let task = try #require(today.tasks.first)
            #expect(!task.done)
            _ = try await plans.setDone(task.task.id, done: true)
            #expect(try await plans.day().tasks.first { $0.task.id == task.task.id }?.done == true)
            _ = try await plans.move(task.task.id, to: "2026-03-11")
            let moved = try await plans.day()
            #expect(!moved.tasks.contains { $0.task.id == task.task.id })
            let later = context(store, user, environment, at: try ISO8601.parse("2026-03-11T09:00:00Z")).plans
            #expect(try await later.day().tasks.contains { $0.task.id == task.task.id })
            #expect(environment.plans.count == 1)
        }
    }

    @Test func aNewDayShowsThatDaysTasks() async throws {
        try await withTestStore { store, user in
            let environment = AppEnvironment(catalog: sharedCatalog)
            try await save(PlanSettings(start: Self.start), store, user, replace: false)
            let plan = try #require(try await context(store, user, environment, at: monday).plans.plan())
            for offset in [0, 1, 2] {
                let now = monday.adding(microseconds: Int64(offset) * 86_400_000_000)
                let day = try await context(store, user, environment, at: now).plans.day()
                let expected = plan.tasks.filter { $0.date == day.date }.map(\.id)
                #expect(day.date == LocalDay(now, in: TimeZone(identifier: "UTC")!).text)
                #expect(day.tasks.map(\.task.id) == expected)
            }
        }
    }
}

extension PlanDerivationTests {
    @Test func todaysWeekMatchesTheWholePlansWeeks() async throws {
        try await withTestStore { store, user in
            let environment = AppEnvironment(catalog: sharedCatalog)
            try await save(PlanSettings(start: Self.start), store, user, replace: false)
            let context = context(store, user, environment, at: try ISO8601.parse("2026-03-18T09:00:00Z"))
            let item = try #require(sharedCatalog.items.first { $0.kind == .technical })
            for (offset, ms) in [(-9, 200_000), (-2, 900_000), (-1, 30_000), (0, 61_000)] {
                _ = try await context.practice.grade(itemID: item.id, rating: .good, time: context.now.adding(days: offset), durationMs: ms)
            }
            let plans = context.plans
            let first = try #require(try await plans.day().tasks.first)
            _ = try await plans.setDone(first.task.id, done: true)
            let day = try await plans.day()
            let week = try #require(day.thisWeek)
            #expect(week == (try await plans.weeks()).first { $0.week == day.week })
            #expect(week.practiceMinutes == 7 && week.tickedMinutes == first.task.minutes)
        }
    }
}

extension PlanDerivationTests {
    @Test func todaysCountsAreTheSameWithoutTheCards() async throws {
        try await withTestStore { store, user in
            let environment = AppEnvironment(catalog: sharedCatalog)
            let start = try ISO8601.parse("2026-03-01T09:00:00Z")
            let items = sharedCatalog.items.filter { $0.kind == .technical }.prefix(6)
            for (index, item) in items.enumerated() {
                _ = try await context(store, user, environment, at: start).practice.grade(itemID: item.id, rating: index % 2 == 0 ? .good : .again, time: start)
            }
            let later = context(store, user, environment, at: start.adding(days: 3)).practice
            let full = try await later.session(plan: nil)
            let counted = try await later.session(plan: nil, cards: false)
            #expect(full.entries.map(\.item.id) == counted.entries.map(\.item.id))
            #expect(full.entries.map(\.isNew) == counted.entries.map(\.isNew))
            #expect(full.entries.contains { !$0.isNew && $0.card != nil })
            #expect(counted.entries.allSatisfy { $0.card == nil })
        }
    }
}
