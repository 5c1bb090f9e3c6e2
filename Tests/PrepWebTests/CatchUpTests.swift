import Foundation
import PrepCore
import PrepTestSupport
import PrepWeb
import Testing
import VaporTesting

/// Catching up (issue #13, deliverable 3): missed tasks re-flowed over the coming study days
/// within the daily hours, previewed then confirmed; or ticked all at once. Ticks stay.
@Suite struct CatchUpTests {
    @Test func missedTasksAreSpreadWithinTheDailyHoursAfterAPreview() async throws {
        let clock = MovableClock()  // 2026-11-29, a week into a plan that started 2026-11-23
        try await withTestApp(now: clock.read) { app, _ in
            _ = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-11-23","hours_per_day":2}"#)
            let before = try #require(try object(try await send(app, .GET, "api/v1/today"))["day"] as? [String: Any])
            let missed = try #require(before["missed"] as? [[String: Any]])
            #expect(missed.count >= 3)
            let ticked = try #require((missed.first?["task"] as? [String: Any])?["id"] as? String)
            _ = try await send(app, .POST, "plan/tasks/done", form: "task_id=\(ticked)&return_to=/")

            let home = try await send(app, .GET, "/")
            #expect(home.body.string.contains(#"id="catch-up-link" href="/plan/catch-up""#))
            let preview = try object(try await send(app, .GET, "api/v1/plan/catch-up"))
            let moves = try #require(preview["moves"] as? [[String: Any]])
            let missedIDs = Set(missed.compactMap { ($0["task"] as? [String: Any])?["id"] as? String }).subtracting([ticked])
            #expect(missedIDs.isSubset(of: Set(moves.compactMap { $0["task_id"] as? String })) && preview["applied"] as? Bool == false)
            #expect(moves.allSatisfy { ($0["to"] as? String ?? "") >= "2026-11-29" }, "nothing goes into the past")
            let fitting = moves.filter { $0["over"] as? Bool == false }
            #expect(fitting.allSatisfy { ($0["day_minutes"] as? Int ?? 0) <= 120 }, "within the two hours a day")
            #expect(fitting.count == moves.count, "no interview, no deadline: the plan runs longer instead of piling onto its last day")
            let first = moves.first { missedIDs.contains($0["task_id"] as? String ?? "") }
            // 2026-11-29 is the plan's rest day (six study days a week from 2026-11-23).
            #expect(first?["to"] as? String == "2026-11-30", "the missed tasks come first, from the first study day")
            let stillMissed = try #require(try object(try await send(app, .GET, "api/v1/today"))["day"] as? [String: Any])
            #expect((stillMissed["missed"] as? [[String: Any]])?.count == missed.count - 1, "the preview moved nothing")

            let page = try await send(app, .GET, "plan/catch-up")
            #expect(page.body.string.contains(#"id="confirm-catch-up""#) && page.body.string.contains("Nothing moves until you confirm"))
            let confirmed = try await send(app, .POST, "plan/catch-up")
            #expect(confirmed.headers.first(name: .location) == "/plan?caught-up=\(moves.count)")
            #expect(try await send(app, .GET, "plan?caught-up=\(moves.count)").body.string.contains("Caught up: \(moves.count) missed task"))
            let after = try #require(try object(try await send(app, .GET, "api/v1/today"))["day"] as? [String: Any])
            #expect((after["missed"] as? [[String: Any]])?.isEmpty == true, "nothing is missed any more")
            let entries = try #require(try object(try await send(app, .GET, "api/v1/plan"))["entries"] as? [[String: Any]])
            let kept = entries.first { ($0["task"] as? [String: Any])?["id"] as? String == ticked }
            #expect(kept?["done"] as? Bool == true, "the ticked task stays ticked where it was")
            let again = try object(try await send(app, .POST, "api/v1/plan/catch-up"))
            #expect((again["moves"] as? [[String: Any]])?.isEmpty == true)
        }
    }

    @Test func missedTasksCanAllBeTickedAtOnce() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            _ = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-11-23"}"#)
            let missed = try #require((try object(try await send(app, .GET, "api/v1/today"))["day"] as? [String: Any])?["missed"] as? [[String: Any]])
            let res = try await send(app, .POST, "plan/missed/done")
            #expect(res.headers.first(name: .location) == "/?missed-done=\(missed.count)")
            #expect(try await send(app, .GET, "?missed-done=\(missed.count)").body.string.contains("Ticked \(missed.count) missed tasks as done."))
            let after = try #require(try object(try await send(app, .GET, "api/v1/today"))["day"] as? [String: Any])
            #expect((after["missed"] as? [[String: Any]])?.isEmpty == true)
        }
    }

    @Test func theReflowPacksDaysInOrderAndSaysWhenTheLastDayOverflows() {
        let days = (0..<3).map { LocalDay(number: 20_000 + $0) }
        let queue: [CatchUp.Task] = [
            .init(id: "missed", minutes: 100, date: "2024-01-01"), .init(id: "missed2", minutes: 100, date: "2024-01-02"),
            .init(id: "today", minutes: 100, date: days[0].text), .init(id: "big", minutes: 200, date: days[2].text),
        ]
        let moves = CatchUp.plan(queue: queue, days: days, budget: 150)
        #expect(moves.map(\.taskID) == ["missed", "missed2", "today"], "big is already on the last day")
        #expect(moves.map(\.to) == [days[0].text, days[1].text, days[2].text])
        #expect(moves.map(\.from) == ["2024-01-01", "2024-01-02", days[0].text])
        #expect(moves.last?.dayMinutes == 300 && moves.last?.over == true, "the last day holds what is left, and says it is over")
        #expect(moves.first?.over == false)
    }
}
