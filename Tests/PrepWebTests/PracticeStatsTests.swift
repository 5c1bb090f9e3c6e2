import Foundation
import PrepCore
import PrepTestSupport
import PrepWeb
import Testing
import VaporTesting

/// Practice statistics: the API's counts by day in the profile's time zone, and the page's charts.
/// Every test runs on its own storage, in Europe/Berlin (set through the profile) where it
/// matters, on an injected clock that starts at 23:30 UTC, when the day in Berlin (00:30) is
/// already a day later than in UTC (`MovableClock`, in PracticeTestSupport.swift).
@Suite struct PracticeStatsTests {
    // MARK: API

    @Test func statsCountDaysInTheProfileTimeZone() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let res = try await send(app, .GET, "api/v1/practice/stats")
            #expect(res.status == .ok)
            let raw = try object(res)
            #expect(Set(raw.keys).isSuperset(of: ["time_zone", "reviews_per_day", "forecast", "retention_by_skill", "cards_studied", "reviews_total", "due_now", "streak_days"]))
            let fresh = try decode(PracticeJSON.Stats.self, res)
            #expect(fresh.timeZone == "Europe/Berlin")
            #expect(fresh.reviewsPerDay.count == 30)
            #expect(fresh.reviewsPerDay.first?.date == "2026-11-01")
            #expect(fresh.reviewsPerDay.last?.date == "2026-11-30", "today in Berlin ends the history")
            #expect(fresh.forecast.count == 30)
            #expect(fresh.forecast.first?.date == "2026-11-30")
            #expect(fresh.forecast.last?.date == "2026-12-29")
            #expect(consecutive(fresh.reviewsPerDay.map(\.date)))
            #expect(consecutive(fresh.forecast.map(\.date)))
            #expect(fresh.reviewsPerDay.allSatisfy { $0.count == 0 })
            #expect(fresh.forecast.allSatisfy { $0.count == 0 })
            #expect(fresh.retentionBySkill.isEmpty)
            #expect(fresh.trueRetention == nil)
            #expect(fresh.cardsStudied == 0)
            #expect(fresh.reviewsTotal == 0)
            #expect(fresh.dueNow == 0)
            #expect(fresh.streakDays == 0)

            let ids = try await fetchQueue(app).entries.map(\.itemId)
            for (id, rating) in zip(ids, [3, 1, 4]) {
                let graded = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(id)","rating":\#(rating)}"#)
                #expect(graded.status == .created)
            }
            let stats = try await fetchStats(app)
            #expect(stats.reviewsTotal == 3)
            #expect(stats.cardsStudied == 3)
            #expect(stats.reviewsPerDay.last?.count == 3, "reviewed at 00:30 in Berlin: today")
            #expect(stats.reviewsPerDay.reduce(0) { $0 + $1.count } == 3)
            #expect(stats.streakDays == 1)
            #expect(stats.dueNow == 0, "Again is due in a minute, Good in ten")
            #expect(stats.forecast.first?.count == 2, "the Again and Good cards fall due today")
            #expect(stats.forecast.reduce(0) { $0 + $1.count } == 3, "the Easy card falls due within 30 days")
            #expect(stats.forecast.dropFirst().contains { $0.count == 1 })
            #expect(stats.retentionBySkill.isEmpty, "no card has reached review before a review yet")
            #expect(stats.trueRetention == nil)

            clock.advance(minutes: 2)
            #expect(try await fetchStats(app).dueNow == 1, "the Again card is due")
            clock.advance(minutes: 10)
            #expect(try await fetchStats(app).dueNow == 2)
        }
    }

    // MARK: Page

    @Test func statsPageDrawsTheCharts() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let res = try await send(app, .GET, "practice/stats")
            #expect(res.status == .ok)
            #expect(res.headers.contentType == .html)
            let html = res.body.string
            #expect(html.components(separatedBy: #"<svg class="chart""#).count - 1 == 2, "reviews per day and the forecast")
            #expect(html.contains("No reviews yet."))
            #expect(html.contains("Reviews graded on each of the last 30 days, in Europe/Berlin."))
            #expect(html.contains("<td>2026-11-30</td>"))

            let item = try #require(try await fetchQueue(app).entries.first).itemId
            _ = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":3}"#)
            let after = try await send(app, .GET, "practice/stats").body.string
            #expect(!after.contains("No reviews yet."))
            #expect(after.contains("<strong>1</strong>Reviews in all"))
            #expect(after.contains("<strong>1</strong>Cards studied"))
            #expect(after.contains("<strong>1 day</strong>Streak"))
            #expect(after.contains("<title>11-30: 1 reviews</title>"))
        }
    }
}
