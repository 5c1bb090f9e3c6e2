import Foundation
import PrepCore
import PrepTestSupport
import PrepWeb
import Testing
import VaporTesting

/// The practice page: a card, grading and undo by form posts (PRG), and a typed answer checked.
/// Every test runs on its own storage, in Europe/Berlin (set through the profile) where it
/// matters, on an injected clock that starts at 23:30 UTC, when the day in Berlin (00:30) is
/// already a day later than in UTC (`MovableClock`, in PracticeTestSupport.swift).
@Suite struct PracticePageTests {
    @Test func practicePageShowsTheFirstCardWithItsAnswerHidden() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let first = try #require(try await fetchQueue(app).entries.first)
            let res = try await send(app, .GET, "practice")
            #expect(res.status == .ok)
            #expect(res.headers.contentType == .html)
            let html = res.body.string
            #expect(html.contains(#"<article class="practice-card" data-item="\#(first.itemId)">"#))
            #expect(html.contains("5 left today: 0 reviews, 5 new"))
            for (value, name) in [(1, "again"), (2, "hard"), (3, "good"), (4, "easy")] {
                #expect(html.contains(#"<button type="submit" name="rating" value="\#(value)" class="grade \#(name)""#), "\(name) button")
            }
            #expect(html.contains(#"<span class="label">Good</span><span class="interval">10m</span>"#))
            #expect(html.contains(#"<span class="label">Again</span><span class="interval">1m</span>"#))
            #expect(html.contains(#"<form method="post" action="/practice/review""#))
            #expect(html.contains(#"<input type="hidden" name="item_id" value="\#(first.itemId)">"#))
            #expect(html.contains(#"href="/practice?reveal=1""#))
            #expect(html.contains(#"id="try""#))
            let section = try #require(openingTag(in: html, containing: #"id="answer-section""#))
            #expect(section.hasSuffix(" hidden>"), "\(section)")

            let revealed = try await send(app, .GET, "practice?reveal=1")
            #expect(revealed.status == .ok)
            let shown = revealed.body.string
            let tag = try #require(openingTag(in: shown, containing: #"id="answer-section""#))
            #expect(!tag.contains("hidden"), "\(tag)")
            #expect(!shown.contains(#"id="try""#), "no reveal button once revealed")
            #expect(shown.contains(#"data-item="\#(first.itemId)""#))
        }
    }

    @Test func gradingFromThePageRedirectsAndADoubleSubmitIsRecordedOnce() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let page = try await send(app, .GET, "practice")
            let html = page.body.string
            let item = try #require(attribute("data-item", in: html))
            let clientID = try #require(inputValue("client_review_id", in: html))
            #expect(UUID(uuidString: clientID) != nil)
            let shownAt = try #require(inputValue("shown_at", in: html))
            #expect(shownAt == String(clock.instant.microseconds))

            clock.advance(minutes: 0.5)
            let form = "item_id=\(item)&rating=3&client_review_id=\(clientID)&shown_at=\(shownAt)&hits[]=0"
            let res = try await send(app, .POST, "practice/review", form: form)
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/practice?graded=3&next=10m")
            let again = try await send(app, .POST, "practice/review", form: form)
            #expect(again.status == .seeOther, "a double submit lands on the same page")
            #expect(try await fetchStats(app).reviewsTotal == 1, "and is recorded once")

            let next = try await send(app, .GET, "practice?graded=3&next=10m")
            let after = next.body.string
            #expect(after.contains("Good: next review in 10m."))
            #expect(after.contains(#"action="/practice/undo""#))
            #expect(after.contains("4 left today: 0 reviews, 4 new"))
            #expect(after.contains("done today: 0 reviews, 1 new"))
            #expect(attribute("data-item", in: after) != item)

            let badRating = try await send(app, .POST, "practice/review", form: "item_id=\(item)&rating=9")
            #expect(badRating.status == .unprocessableEntity)
            #expect(badRating.headers.contentType == .html)
            #expect(badRating.body.string.contains("rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)"))
            let unknown = try await send(app, .POST, "practice/review", form: "item_id=no-such-question&rating=3")
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.string.contains("no-such-question"))
            let noItem = try await send(app, .POST, "practice/review", form: "rating=3")
            #expect(noItem.status == .unprocessableEntity)
            #expect(try await fetchStats(app).reviewsTotal == 1)
        }
    }

    @Test func crossSiteGradesAreRefused() async throws {
        try await withTestApp { app, _ in
            let item = try #require(try await fetchQueue(app).entries.first).itemId
            let res = try await send(app, .POST, "practice/review", form: "item_id=\(item)&rating=3", headers: ["Sec-Fetch-Site": "cross-site"])
            #expect(res.status == .forbidden)
            let undo = try await send(app, .POST, "practice/undo", headers: ["Origin": "https://evil.example", "Host": "127.0.0.1:8080"])
            #expect(undo.status == .forbidden)
            #expect(try await fetchStats(app).reviewsTotal == 0)
        }
    }

    @Test func undoFromThePageRedirectsAndSaysWhatHappened() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let item = try #require(try await fetchQueue(app).entries.first).itemId
            _ = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":3}"#)

            let res = try await send(app, .POST, "practice/undo")
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/practice?undone=1")
            #expect(try await fetchStats(app).reviewsTotal == 0)
            #expect(try await fetchQueue(app).entries.first?.itemId == item)

            let none = try await send(app, .POST, "practice/undo")
            #expect(none.status == .seeOther)
            #expect(none.headers.first(name: .location) == "/practice?undone=none")

            #expect(try await send(app, .GET, "practice?undone=1").body.string.contains("Undone: the card is back as it was."))
            #expect(try await send(app, .GET, "practice?undone=none").body.string.contains("Nothing to undo."))
        }
    }

    @Test func checkingATypedAnswerTicksTheKeyPointsItCovers() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            try await useBerlin(app)
            let queue = try await fetchQueue(app)
            let item = try #require(queue.entries.first).itemId
            let points = try await keyPoints(app, item)
            let point = try #require(points.first)
            let answer = "My answer: " + point

            let res = try await send(app, .POST, "practice/check", form: try formBody(["item_id": item, "answer": answer, "shown_at": "1"]))
            #expect(res.status == .ok)
            #expect(res.headers.contentType == .html)
            let html = res.body.string
            #expect(html.contains(#"<input type="checkbox" name="hits[]" value="0" id="hit-0" checked>"#))
            #expect(html.contains(#"<small class="matched"> matched: "#))
            #expect(html.contains("<blockquote>\(HTMLEscape.text(answer))</blockquote>"))
            #expect(html.contains("Suggested grade: "))
            #expect(html.contains(#"<input type="hidden" name="shown_at" value="1">"#), "the time the card was shown is kept")
            let section = try #require(openingTag(in: html, containing: #"id="answer-section""#))
            #expect(!section.contains("hidden"))

            let empty = try await send(app, .POST, "practice/check", form: try formBody(["item_id": item, "answer": ""]))
            #expect(empty.status == .ok)
            let blank = empty.body.string
            #expect(!blank.contains(" checked>"))
            #expect(blank.contains("Suggested grade: Again (0 of \(points.count) key points)."))

            // An answer typed for another card (the queue moved on) is not applied to this one.
            let other = try #require(queue.entries.dropFirst().first).itemId
            let moved = try await send(app, .POST, "practice/check", form: try formBody(["item_id": other, "answer": answer]))
            #expect(moved.status == .ok)
            #expect(!moved.body.string.contains(" checked>"))
            #expect(!moved.body.string.contains("Suggested grade: "))
        }
    }
}
