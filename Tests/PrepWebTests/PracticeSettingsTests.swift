import Foundation
import PrepCore
import PrepTestSupport
import PrepWeb
import Testing
import VaporTesting

/// The practice limits: the settings API and the settings page's practice form.
/// Every test runs on its own storage, in Europe/Berlin (set through the profile) where it
/// matters, on an injected clock that starts at 23:30 UTC, when the day in Berlin (00:30) is
/// already a day later than in UTC (`MovableClock`, in PracticeTestSupport.swift).
@Suite struct PracticeSettingsTests {
    // MARK: API

    @Test func practiceSettingsPatchPersistsValidValues() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let defaults = try decode(PracticeJSON.Settings.self, try await send(app, .GET, "api/v1/practice/settings"))
            #expect(defaults == .init(newPerDay: 5, reviewsPerDay: 100, desiredRetention: 0.9))

            let res = try await send(app, .PATCH, "api/v1/practice/settings", json: #"{"new_per_day":2}"#)
            #expect(res.status == .ok)
            let raw = try object(res)
            #expect(Set(raw.keys) == ["new_per_day", "reviews_per_day", "desired_retention"])
            #expect(try decode(PracticeJSON.Settings.self, res) == .init(newPerDay: 2, reviewsPerDay: 100, desiredRetention: 0.9))

            let more = try await send(app, .PATCH, "api/v1/practice/settings", json: #"{"reviews_per_day":250,"desired_retention":0.85}"#)
            #expect(try decode(PracticeJSON.Settings.self, more) == .init(newPerDay: 2, reviewsPerDay: 250, desiredRetention: 0.85))
            let stored = try decode(PracticeJSON.Settings.self, try await send(app, .GET, "api/v1/practice/settings"))
            #expect(stored == .init(newPerDay: 2, reviewsPerDay: 250, desiredRetention: 0.85))

            let queue = try await fetchQueue(app)
            #expect(queue.entries.count == 2, "new_per_day applies to today's queue")
            #expect(Set(queue.entries.map(\.kind)) == ["technical", "behavioral"])

            let zero = try await send(app, .PATCH, "api/v1/practice/settings", json: #"{"new_per_day":0}"#)
            #expect(zero.status == .ok)
            #expect(try await fetchQueue(app).entries.isEmpty)
        }
    }

    @Test func practiceSettingsPatchRefusesOutOfRangeValuesAndSavesNothing() async throws {
        try await withTestApp { app, _ in
            let res = try await send(app, .PATCH, "api/v1/practice/settings", json: #"{"new_per_day":51,"reviews_per_day":0,"desired_retention":0.5}"#)
            let problem = try expectProblem(res, .unprocessableEntity)
            let errors = try #require(problem.errors)
            #expect(errors.map(\.field) == ["desired_retention", "new_per_day", "reviews_per_day"], "one error per field")
            #expect(errors.first { $0.field == "new_per_day" }?.message.contains("got 51") == true)
            #expect(errors.first { $0.field == "reviews_per_day" }?.message.contains("got 0") == true)
            #expect(errors.first { $0.field == "desired_retention" }?.message.contains("got 0.5") == true)
            let defaults = PracticeJSON.Settings(newPerDay: 5, reviewsPerDay: 100, desiredRetention: 0.9)
            #expect(try decode(PracticeJSON.Settings.self, try await send(app, .GET, "api/v1/practice/settings")) == defaults)

            // One bad field refuses the whole change.
            let partly = try await send(app, .PATCH, "api/v1/practice/settings", json: #"{"new_per_day":3,"reviews_per_day":5000}"#)
            #expect(try expectProblem(partly, .unprocessableEntity).errors?.map(\.field) == ["reviews_per_day"])
            let retention = try await send(app, .PATCH, "api/v1/practice/settings", json: #"{"desired_retention":0.98}"#)
            #expect(try expectProblem(retention, .unprocessableEntity).errors?.map(\.field) == ["desired_retention"])
            let negative = try await send(app, .PATCH, "api/v1/practice/settings", json: #"{"new_per_day":-1}"#)
            #expect(try expectProblem(negative, .unprocessableEntity).errors?.map(\.field) == ["new_per_day"])
            #expect(try decode(PracticeJSON.Settings.self, try await send(app, .GET, "api/v1/practice/settings")) == defaults)

            let wrongType = try await send(app, .PATCH, "api/v1/practice/settings", json: #"{"new_per_day":"ten"}"#)
            #expect(try expectProblem(wrongType, .badRequest).detail.hasPrefix("In the request body, field '"))
            #expect(try decode(PracticeJSON.Settings.self, try await send(app, .GET, "api/v1/practice/settings")) == defaults)
        }
    }

    // MARK: Page

    @Test func practiceSettingsFormKeepsWhatWasTypedWhenRefused() async throws {
        try await withTestApp { app, _ in
            let res = try await send(app, .POST, "settings/practice", form: "new_per_day=abc&reviews_per_day=100&desired_retention=0.90")
            #expect(res.status == .unprocessableEntity)
            #expect(res.headers.contentType == .html)
            let html = res.body.string
            #expect(html.contains(#"id="new_per_day" name="new_per_day" type="text" value="abc""#))
            #expect(html.contains(#"id="reviews_per_day" name="reviews_per_day" type="text" value="100""#))
            #expect(html.contains("Enter a whole number of new questions per day, from 0 to 50."))
            #expect(html.contains("Nothing was saved"))
            #expect(html.contains(#"aria-describedby="new_per_day-hint new_per_day-error" aria-invalid="true""#))
            #expect(!html.contains(#"aria-describedby="reviews_per_day-hint reviews_per_day-error""#), "only the bad field is marked")

            let range = try await send(app, .POST, "settings/practice", form: "new_per_day=60&reviews_per_day=100&desired_retention=0.90")
            #expect(range.status == .unprocessableEntity)
            #expect(range.body.string.contains("Use a number of new questions from 0 to 50 (got 60)."))
            #expect(range.body.string.contains(#"value="60""#))

            let defaults = PracticeJSON.Settings(newPerDay: 5, reviewsPerDay: 100, desiredRetention: 0.9)
            #expect(try decode(PracticeJSON.Settings.self, try await send(app, .GET, "api/v1/practice/settings")) == defaults)
        }
    }

    @Test func practiceSettingsFormSavesValidLimits() async throws {
        try await withTestApp { app, _ in
            let res = try await send(app, .POST, "settings/practice", form: "new_per_day=7&reviews_per_day=200&desired_retention=0.85")
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/settings?saved=1#practice")
            let stored = try decode(PracticeJSON.Settings.self, try await send(app, .GET, "api/v1/practice/settings"))
            #expect(stored == .init(newPerDay: 7, reviewsPerDay: 200, desiredRetention: 0.85))
            let page = try await send(app, .GET, "settings?saved=1").body.string
            #expect(page.contains(#"id="new_per_day" name="new_per_day" type="text" value="7""#))
            #expect(page.contains(#"id="reviews_per_day" name="reviews_per_day" type="text" value="200""#))
            #expect(page.contains(#"id="desired_retention" name="desired_retention" type="text" value="0.85""#))
            #expect(page.contains("Saved."))
            #expect(try await fetchQueue(app).entries.count == 7)
        }
    }
}
