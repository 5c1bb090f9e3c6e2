import Foundation
import PrepCore
import PrepTestSupport
import PrepWeb
import Testing
import VaporTesting

/// Today, the plan page and the plan API.
@Suite struct PlanWebTests {
    private func json(_ res: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
    }

    @Test func todayOffersAPlanUntilOneExists() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            let page = try await send(app, .GET, "/")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("id=\"plan-form\""))
            #expect(!page.body.string.contains("Not built yet."), "Today is built: no planned-section notice")
            let today = try json(try await send(app, .GET, "api/v1/today"))
            #expect(today["day"] == nil || today["day"] is NSNull)
            #expect((today["practice"] as? [String: Any])?["new"] as? Int == 5)
        }
    }

    @Test func theFormCreatesAPlanAndKeepsWhatWasTypedOnError() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            let bad = try await send(app, .POST, "plan", form: "start=2026-12-10&hours_per_day=lots&days_per_week=6&interview_date=2026-12-01")
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("value=\"lots\"") && bad.body.string.contains("id=\"hours_per_day-error\""))
            let good = try await send(app, .POST, "plan", form: "start=2026-11-23&hours_per_day=2.5&days_per_week=6&interview_date=")
            #expect(good.status == .seeOther)
            #expect(good.headers.first(name: .location) == "/?created=1")
            let page = try await send(app, .GET, "/?created=1")
            #expect(page.body.string.contains("Your plan is ready."))
            #expect(page.body.string.contains("Missed ("), "a start before today lists missed tasks")
            #expect(page.body.string.contains("planned minutes (0 in ticked tasks, 0 in practice)"), "this week's time against plan")
            let plan = try await send(app, .GET, "plan")
            #expect(plan.status == .ok && plan.body.string.contains("id=\"week-1\""))
            #expect(plan.body.string.contains("<title id=") && plan.body.string.contains("Minutes planned and done per week"))
            #expect(plan.body.string.contains("Share of planned minutes done per skill"))
        }
    }

    @Test func theAPIPutsTicksAndKeepsProgressOnReplace() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            #expect(try await send(app, .GET, "api/v1/plan").status == .notFound)
            let created = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-11-30","skill_ratings":{"kubernetes":1}}"#)
            #expect(created.status == .created, "\(created.body.string)")
            let entries = try #require(try json(created)["entries"] as? [[String: Any]])
            let first = try #require((entries.first?["task"] as? [String: Any])?["id"] as? String)
            let today = try #require(try json(try await send(app, .GET, "api/v1/today"))["day"] as? [String: Any])
            #expect(today["this_week"] == nil && today["week"] == nil, "the plan starts tomorrow: no week yet")
            let conflict = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-12-01"}"#)
            #expect(conflict.status == .conflict)
            let ticked = try await send(app, .PATCH, "api/v1/plan/tasks/\(first)", json: #"{"done":true}"#)
            let tick = try json(ticked)
            #expect(ticked.status == .ok && tick["done"] as? Bool == true)
            #expect(((tick["progress"] as? [String: Any])?["done"] as? String)?.hasSuffix("+00:00") == true)
            #expect(try await send(app, .PATCH, "api/v1/plan/tasks/nope", json: #"{"done":true}"#).status == .notFound)
            let replaced = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-11-30","hours_per_day":3,"replace":true}"#)
            #expect(replaced.status == .ok)
            let again = try #require(try json(replaced)["entries"] as? [[String: Any]])
            #expect(again.first { ($0["task"] as? [String: Any])?["id"] as? String == first }?["done"] as? Bool == true)
            let invalid = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-11-30","days_per_week":9,"replace":true}"#)
            #expect(invalid.status == .unprocessableEntity && invalid.body.string.contains("days_per_week"))
        }
    }

    @Test func tickingFromThePageRedirectsOnlyWithinTheSite() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            _ = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-11-30"}"#)
            let entries = try #require(try json(try await send(app, .GET, "api/v1/plan"))["entries"] as? [[String: Any]])
            let id = try #require((entries.first?["task"] as? [String: Any])?["id"] as? String)
            let form = "task_id=\(id)&done=1&return_to=//evil.example/"
            let res = try await send(app, .POST, "plan/tasks/done", form: form)
            #expect(res.status == .seeOther && res.headers.first(name: .location)?.hasPrefix("/#task-") == true)
            let back = try await send(app, .POST, "plan/tasks/done", form: "task_id=\(id)&done=0&return_to=/plan%23week-1")
            #expect(back.headers.first(name: .location) == "/plan#week-1")
        }
    }

    /// Issue #13, bug 5: a task page named two weeks as if one ("Plan · week 2" over
    /// "Curriculum week 3"), a task moved into week 3 kept "(week 1)" in the calendar, and a move
    /// could put 300 minutes on a 2.5-hour day with nothing said.
    @Test func aMovedTaskJoinsItsNewWeekAndTheMoveSaysWhereAndWhenADayIsOverloaded() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            _ = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-11-23","hours_per_day":1}"#)
            let day = try #require(try json(try await send(app, .GET, "api/v1/today"))["day"] as? [String: Any])
            let missed = try #require((day["missed"] as? [[String: Any]])?.first?["task"] as? [String: Any])
            let id = try #require(missed["id"] as? String)
            #expect(missed["week"] as? Int == 1)
            let target = "2026-12-07"  // a Monday, in week 3 of a plan that starts on 2026-11-23

            let moved = try await send(app, .POST, "plan/tasks/move", form: "task_id=\(id)&to=\(target)&return_to=/plan")
            let anchor = "task-" + id.replacingOccurrences(of: "#", with: "-")
            let location = try #require(moved.headers.first(name: .location))
            #expect(location == "/plan?moved=\(id.replacingOccurrences(of: "#", with: "%23"))&to=\(target)#\(anchor)", "\(location)")
            let page = try await send(app, .GET, String(location.dropFirst().prefix { $0 != "#" }))
            let name = try #require(missed["text"] as? String)
            #expect(page.body.string.contains("Moved “\(name)") && page.body.string.contains("to Mon 2026-12-07."), "says where the task went")
            #expect(page.body.string.contains("more than your 1 h a day"), "the day now holds more than the daily hour")

            let entries = try #require(try json(try await send(app, .GET, "api/v1/plan"))["entries"] as? [[String: Any]])
            let task = try #require(entries.first { ($0["task"] as? [String: Any])?["id"] as? String == id })
            #expect((task["task"] as? [String: Any])?["week"] as? Int == 3, "the moved task is in week 3 now")
            let taskPage = try await send(app, .GET, "plan/tasks/\((missed["task_id"] as? String) ?? id)")
            #expect(taskPage.body.string.contains("Plan · week 3"))
            #expect(taskPage.body.string.contains("of the curriculum, in week 3 of your plan"), "\(taskPage.body.string)")

            let link = try object(try await send(app, .POST, "api/v1/calendar/feed", json: "{}"))
            let token = try #require((link["url"] as? String)?.components(separatedBy: "token=").last)
            let feed = try await send(app, .GET, "calendar.ics?token=\(token)").body.string
            let event = try #require(feed.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:study-\(target)@infraprep") })
            #expect(event.contains("(week 3)"), "\(event)")

            let ticked = try await send(app, .POST, "plan/tasks/done", form: "task_id=\(id)&return_to=/plan")
            #expect(ticked.headers.first(name: .location) == "/plan#\(anchor)", "a tick lands back on the ticked row")
        }
    }

    @Test func missedTasksMoveAndNotesAreKeptSafe() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            _ = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-11-23"}"#)
            let today = try json(try await send(app, .GET, "api/v1/today"))
            let day = try #require(today["day"] as? [String: Any])
            let missed = try #require(day["missed"] as? [[String: Any]])
            let id = try #require((missed.first?["task"] as? [String: Any])?["id"] as? String)
            let date = try #require(day["date"] as? String)
            let home = try await send(app, .GET, "/")
            #expect(home.body.string.contains("action=\"/plan/tasks/move\""), "missed tasks offer a move")

            let moved = try await send(app, .POST, "plan/tasks/move", form: "task_id=\(id)&to=\(date)&return_to=/")
            #expect(moved.status == .seeOther)
            let after = try #require(try json(try await send(app, .GET, "api/v1/today"))["day"] as? [String: Any])
            #expect((after["tasks"] as? [[String: Any]])?.contains { ($0["task"] as? [String: Any])?["id"] as? String == id } == true, "the task is on today now")
            #expect((after["missed"] as? [[String: Any]])?.contains { ($0["task"] as? [String: Any])?["id"] as? String == id } == false)

            let past = try await send(app, .PATCH, "api/v1/plan/tasks/\(id)", json: #"{"moved_to":"2026-01-01"}"#)
            #expect(past.status == .unprocessableEntity && past.body.string.contains("moved_to"), "\(past.body.string)")
            let garbage = try await send(app, .PATCH, "api/v1/plan/tasks/\(id)", json: #"{"moved_to":"next week"}"#)
            #expect(garbage.status == .unprocessableEntity && garbage.body.string.contains("YYYY-MM-DD"))
            let back = try json(try await send(app, .PATCH, "api/v1/plan/tasks/\(id)", json: #"{"moved_to":null}"#))
            #expect((back["progress"] as? [String: Any])?["moved_to"] == nil, "null puts the task back on its planned day")

            let notes = "Ran `kubectl describe pod <name>` <script>alert(1)</script>"
            let saved = try await send(app, .POST, "plan/tasks/\(id)/notes", form: "notes=" + (notes.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            #expect(saved.status == .seeOther)
            let page = try await send(app, .GET, "plan/tasks/\(id)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("<code>kubectl describe pod &lt;name&gt;</code>"))
            #expect(!page.body.string.contains("<script>alert"), "notes never run markup")
            let viaAPI = try json(try await send(app, .GET, "api/v1/plan"))
            let entry = (viaAPI["entries"] as? [[String: Any]])?.first { ($0["task"] as? [String: Any])?["id"] as? String == id }
            #expect((entry?["progress"] as? [String: Any])?["notes"] as? String == notes)

            let long = String(repeating: "x", count: 20_001)
            let refused = try await send(app, .POST, "plan/tasks/\(id)/notes", form: "notes=" + long)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("notes-error"))
            let kept = try await send(app, .GET, "plan/tasks/\(id)")
            #expect(kept.body.string.contains("&lt;name&gt;"), "the refused text did not replace the notes")
            #expect(try await send(app, .GET, "plan/tasks/nope").status == .notFound)
            #expect(try await send(app, .PATCH, "api/v1/plan/tasks/\(id)", json: "{}").status == .unprocessableEntity)
        }
    }

    @Test func refusedPatchesChangeNothingAndIdsAreExact() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            _ = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-11-23","interview_date":"2027-01-20"}"#)
            let entries = try #require(try json(try await send(app, .GET, "api/v1/plan"))["entries"] as? [[String: Any]])
            let ids = entries.compactMap { ($0["task"] as? [String: Any])?["id"] as? String }
            let split = try #require(ids.first { $0.contains("#2") })
            let base = String(split.split(separator: "#")[0])

            let refused = try await send(app, .PATCH, "api/v1/plan/tasks/\(base)", json: #"{"notes":"kept?","moved_to":"2020-01-01"}"#)
            #expect(refused.status == .unprocessableEntity)
            let after = try json(try await send(app, .GET, "api/v1/plan"))
            let first = (after["entries"] as? [[String: Any]])?.first { ($0["task"] as? [String: Any])?["id"] as? String == base }
            #expect((first?["progress"] as? [String: Any])?["notes"] == nil, "a refused PATCH writes nothing")
            let late = try await send(app, .PATCH, "api/v1/plan/tasks/\(base)", json: #"{"moved_to":"9999-12-31"}"#)
            #expect(late.status == .unprocessableEntity && late.body.string.contains("after the plan's last day (2027-01-19)"))

            _ = try await send(app, .PATCH, "api/v1/plan/tasks/\(base)", json: #"{"notes":"on every part"}"#)
            let part = (try json(try await send(app, .GET, "api/v1/plan"))["entries"] as? [[String: Any]])?.first { ($0["task"] as? [String: Any])?["id"] as? String == split }
            #expect((part?["progress"] as? [String: Any])?["notes"] as? String == "on every part", "notes show on every part")

            #expect(try await send(app, .GET, "plan/tasks/\(base)%2399").status == .notFound, "a made-up part is not a task")
            let injected = try await send(app, .POST, "plan/tasks/\(base)%23x%0d%0aX-Evil:%201/notes", form: "notes=hi")
            #expect(injected.status == .notFound && injected.headers.first(name: "X-Evil") == nil)
            let formPatch = try await send(app, .PATCH, "api/v1/plan/tasks/\(base)", form: "done=true")
            #expect(formPatch.status == .unsupportedMediaType, "the API reads JSON only")
            let tab = try await send(app, .POST, "plan/tasks/done", form: "task_id=\(base)&done=1&return_to=/%09/evil.example")
            #expect(tab.headers.first(name: .location) == "/#task-\(base)", "a path browsers would read as another host is refused")
        }
    }

    @Test func todayCountsDownToTheInterview() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            _ = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-11-20","interview_date":"2026-12-20"}"#)
            let day = try #require(try json(try await send(app, .GET, "api/v1/today"))["day"] as? [String: Any])
            #expect(day["days_to_interview"] as? Int == 21 && day["interview_date"] as? String == "2026-12-20")
            #expect((day["this_week"] as? [String: Any])?["week"] as? Int == 2)
            #expect(try await send(app, .GET, "/").body.string.contains("Interview in 21 days (2026-12-20)."))
        }
    }

    @Test func thePlanPageReplacesThePlanWithRatingsOnlyWhenAsked() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            _ = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-11-30"}"#)
            let page = try await send(app, .GET, "plan")
            #expect(page.body.string.contains("name=\"rate_kubernetes\"") && page.body.string.contains("name=\"replace\""))
            let unconfirmed = try await send(app, .POST, "plan", form: "start=2026-11-30&hours_per_day=3&days_per_week=6&interview_date=&rate_kubernetes=1")
            #expect(unconfirmed.status == .unprocessableEntity && unconfirmed.body.string.contains("tick the box"))
            #expect(unconfirmed.body.string.contains("<option value=\"1\" selected>"), "the rating typed is kept")
            let badRating = try await send(app, .POST, "plan", form: "start=2026-11-30&hours_per_day=3&days_per_week=6&rate_kubernetes=9&replace=1")
            #expect(badRating.status == .unprocessableEntity && badRating.body.string.contains("Rate kubernetes from 1"))
            let replaced = try await send(app, .POST, "plan", form: "start=2026-11-30&hours_per_day=3&days_per_week=6&interview_date=&rate_kubernetes=1&rate_python=&replace=1")
            #expect(replaced.status == .seeOther && replaced.headers.first(name: .location) == "/plan?replaced=1")
            let plan = try json(try await send(app, .GET, "api/v1/plan"))
            let settings = (plan["plan"] as? [String: Any])?["settings"] as? [String: Any]
            #expect(settings?["hours_per_day"] as? Double == 3)
            #expect((settings?["skill_ratings"] as? [String: Int]) == ["kubernetes": 1])
        }
    }
}

/// The calendar download, the subscription link and its revocation.
@Suite struct CalendarFeedWebTests {
    private func json(_ res: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
    }

    @Test func aSubscriptionLinkServesThePlanUntilRevoked() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            #expect(try await send(app, .GET, "api/v1/calendar/feed").status == .notFound)
            _ = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-11-30"}"#)
            let download = try await send(app, .GET, "plan.ics?at=07:30")
            #expect(download.status == .ok && download.headers.first(name: .contentType)?.hasPrefix("text/calendar") == true)
            #expect(download.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            #expect(download.body.string.hasPrefix("BEGIN:VCALENDAR\r\n") && download.body.string.contains("UID:study-2026-11-30@infraprep"))
            #expect(try await send(app, .GET, "plan.ics?at=7pm").status == .badRequest)

            let made = try await send(app, .POST, "api/v1/calendar/feed", json: #"{"at":"06:45"}"#)
            #expect(made.status == .created, "\(made.body.string)")
            let link = try json(made)
            let token = try #require(link["token"] as? String)
            #expect(token.count == 43 && (link["url"] as? String)?.hasSuffix("/calendar.ics?token=\(token)") == true)
            let feed = try await send(app, .GET, "calendar.ics?token=\(token)")
            #expect(feed.status == .ok && feed.body.string.contains("UID:study-2026-11-30@infraprep"))
            #expect(feed.body.string.contains("REFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n") && !download.body.string.contains("REFRESH-INTERVAL"))
            // The test user's zone is UTC.
            #expect(feed.body.string.contains("DTSTART:20261130T064500Z"), "\(feed.body.string.prefix(600))")
            #expect(try json(try await send(app, .GET, "api/v1/calendar/feed"))["at"] as? String == "06:45")

            // A new link replaces the old one; revoking ends both.
            let second = try #require(try json(try await send(app, .POST, "api/v1/calendar/feed", json: "{}"))["token"] as? String)
            #expect(try await send(app, .GET, "calendar.ics?token=\(token)").status == .notFound)
            #expect(try await send(app, .GET, "calendar.ics?token=\(second)").status == .ok)
            #expect(try await send(app, .DELETE, "api/v1/calendar/feed").status == .noContent)
            let gone = try await send(app, .GET, "calendar.ics?token=\(second)")
            #expect(gone.status == .notFound && gone.body.string.contains("revoked"))
            #expect(try await send(app, .DELETE, "api/v1/calendar/feed").status == .notFound)
            #expect(try await send(app, .GET, "calendar.ics").status == .notFound)
            #expect(try await send(app, .POST, "api/v1/calendar/feed", json: #"{"at":"25:00"}"#).status == .unprocessableEntity)
        }
    }

    @Test func settingsShowsTheLinkOnceAndRevokesIt() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            _ = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-11-30"}"#)
            let bad = try await send(app, .POST, "settings/calendar", form: "calendar_at=half+past+six")
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("value=\"half past six\""))
            let made = try await send(app, .POST, "settings/calendar", form: "calendar_at=19:00")
            #expect(made.status == .ok && made.headers.first(name: .cacheControl) == "no-store")
            let body = made.body.string
            let range = try #require(body.range(of: "calendar.ics?token="))
            let token = String(body[range.upperBound...].prefix(43))
            #expect(try await send(app, .GET, "calendar.ics?token=\(token)").status == .ok)
            let later = try await send(app, .GET, "settings")
            #expect(!later.body.string.contains(token), "the link is shown only once")
            #expect(later.body.string.contains("study blocks at 19:00"))
            let revoked = try await send(app, .POST, "settings/calendar/revoke", form: "")
            #expect(revoked.status == .seeOther)
            #expect(try await send(app, .GET, "calendar.ics?token=\(token)").status == .notFound)
        }
    }
}

/// Issue #12, finding 6: a NUL in text was stored and read back cut short.
@Suite struct ControlCharacterTests {
    @Test func controlCharactersInStoredTextAreRefusedNamingThem() async throws {
        try await withTestApp { app, _ in
            let created = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-11-16"}"#)
            let entries = try #require(try object(created)["entries"] as? [[String: Any]])
            let task = try #require((entries.first?["task"] as? [String: Any])?["id"] as? String)
            let notes = try await send(app, .PATCH, "api/v1/plan/tasks/\(task)", json: #"{"notes":"before\u0000after"}"#)
            let problem = try expectProblem(notes, .unprocessableEntity)
            #expect(problem.errors?.first { $0.field == "notes" }?.message.contains("control character U+0000") == true)
            let name = try await send(app, .PATCH, "api/v1/me", json: #"{"display_name":"Ada\u0007"}"#)
            #expect(name.status == .unprocessableEntity)
            #expect(name.body.string.contains("U+0007"))
            let fine = try await send(app, .PATCH, "api/v1/plan/tasks/\(task)", json: #"{"notes":"line one\nline\ttwo"}"#)
            #expect(fine.status == .ok, "line breaks and tabs are text")
        }
    }
}
