import Foundation
import PrepCore
import PrepTestSupport
import SQLKit
import Testing
import VaporTesting

@testable import PrepWeb

/// Drawn pages are kept per person under the state they show (issue #11). Every write must
/// show at once on every kept page, time alone must redraw what it changes, and values that
/// must be new on each response (a review's idempotency key, when the card was shown) are.
/// "Fresh" is the same page drawn with nothing kept: the person's revision raised by hand.
@Suite struct PageCacheTests {
    static let pages = ["/", "/plan", "/practice", "/practice?reveal=1", "/readiness", "/api/v1/today"]

    /// The page's body with the per-response values blanked.
    static func stable(_ body: String) -> String {
        body.replacingOccurrences(of: #"(name="(client_review_id|shown_at)" value=")[^"]*""#, with: "$1\"", options: .regularExpression)
    }

    static func get(_ app: Application, _ path: String) async throws -> String {
        let res = try await send(app, .GET, path)
        #expect(res.status == .ok, "\(path): \(res.status)")
        return stable(res.body.string)
    }

    /// The page as drawn with nothing kept for the person.
    static func fresh(_ app: Application, _ path: String) async throws -> String {
        try await forget(app)
        return try await get(app, path)
    }

    /// Makes everything kept for the local user stale, the way a write would.
    static func forget(_ app: Application) async throws {
        if let book = app.prep.environment.revisions {
            book.changed(app.prep.localUserID)
        } else {
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE user_revisions SET revision = revision + 1 WHERE user_id = \(bind: app.prep.localUserID)").run()
        }
    }

    static func makePlan(_ app: Application) async throws -> String {
        let created = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-11-16"}"#)
        #expect(created.status == .created, "\(created.body.string)")
        let entries = try #require(try object(created)["entries"] as? [[String: Any]])
        return try #require((entries.first?["task"] as? [String: Any])?["id"] as? String)
    }

    @Test func everyWriteShowsAtOnceOnEveryKeptPage() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            let task = try await Self.makePlan(app)
            let items = sharedCatalog.items.filter { $0.kind == .technical }.map(\.id)
            for path in Self.pages { _ = try await Self.get(app, path) }

            func write(_ what: String, _ method: HTTPMethod, _ path: String, json: String? = nil, form: String? = nil) async throws {
                let res = try await send(app, method, path, json: json, form: form)
                #expect(res.status.code < 400, "\(what): \(res.status) \(res.body.string)")
                var kept: [String: String] = [:]
                for page in Self.pages { kept[page] = try await Self.get(app, page) }
                for page in Self.pages {
                    #expect(kept[page] == (try await Self.fresh(app, page)), "after \(what), \(page) showed what it kept")
                }
            }
            try await write("a review through the API", .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(items[0])","rating":3}"#)
            try await write("a review from the page", .POST, "practice/review", form: "item_id=\(items[1])&rating=1&client_review_id=\(UUID())")
            try await write("an undo", .POST, "api/v1/practice/undo")
            try await write("a tick", .PATCH, "api/v1/plan/tasks/\(task)", json: #"{"done":true}"#)
            try await write("a note", .PATCH, "api/v1/plan/tasks/\(task)", json: #"{"notes":"read the scheduler docs"}"#)
            try await write("a move", .PATCH, "api/v1/plan/tasks/\(task)", json: #"{"done":false,"moved_to":"2026-12-01"}"#)
            try await write("practice settings", .PATCH, "api/v1/practice/settings", json: #"{"new_per_day":1}"#)
            try await write("a readiness answer", .POST, "readiness/answers", form: "item_id=ir-prometheus&answer=yes")
            try await write("a time zone", .PATCH, "api/v1/me", json: #"{"time_zone":"Pacific/Kiritimati"}"#)
            try await write("a new plan", .PUT, "api/v1/plan", json: #"{"start":"2026-11-23","replace":true}"#)
        }
    }

    @Test func aChangeBehindTheServersBackIsNotSeen() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            let task = try await Self.makePlan(app)
            let before = try await Self.get(app, "/plan")
            // Written without raising the revision: only a kept page can hide it.
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw(
                "INSERT INTO plan_progress (id, user_id, task_id, done_us) VALUES (\(bind: UUID()), \(bind: app.prep.localUserID), \(bind: task), 1)"
            ).run()
            #expect(try await Self.get(app, "/plan") == before)
            #expect(try await Self.fresh(app, "/plan") != before)
        }
    }

    @Test func aKeptCardHasANewReviewKeyAndShownTimeOnEveryResponse() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            func values(_ name: String, _ html: String) -> [String] {
                html.matches(of: try! Regex("name=\"\(name)\" value=\"([^\"]*)\"")).compactMap { $0.output[1].substring.map(String.init) }
            }
            let first = try await send(app, .GET, "/practice").body.string
            clock.advance(minutes: 0.5)
            let second = try await send(app, .GET, "/practice").body.string
            #expect(Self.stable(first) == Self.stable(second), "the same card, drawn once")
            let keys = values("client_review_id", first) + values("client_review_id", second)
            #expect(!keys.isEmpty && Set(keys).count == 2, "one key a response, never shared: \(keys)")
            #expect(Set(values("shown_at", second)) == [String(clock.instant.microseconds)])
            #expect(Set(values("shown_at", first)) == [String(clock.instant.adding(microseconds: -30_000_000).microseconds)])
        }
    }

    @Test func timeAloneRedrawsWhatItChanges() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            _ = try await Self.makePlan(app)
            let item = try #require(sharedCatalog.items.first { $0.kind == .technical }?.id)
            let graded = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":1}"#)
            #expect(graded.status == .created)
            for path in Self.pages { _ = try await Self.get(app, path) }
            // Past the learning step: the card is due again, and every page that counts it says so.
            clock.advance(minutes: 11)
            for path in Self.pages {
                let kept = try await Self.get(app, path)
                #expect(kept == (try await Self.fresh(app, path)), "\(path) after the card fell due")
            }
            // The next day: Today shows another day, and every page is as drawn afresh.
            let today = try await Self.get(app, "/")
            clock.advance(minutes: 24 * 60)
            let tomorrow = try await Self.get(app, "/")
            #expect(tomorrow != today)
            for path in Self.pages {
                let kept = try await Self.get(app, path)
                #expect(kept == (try await Self.fresh(app, path)), "\(path) the next day")
            }
        }
    }

    /// PostgreSQL replicas: a write through one shows on the other's kept pages, told by the
    /// revision feed at commit (SQLite has one server per data folder: nothing to check).
    @Test func aWriteOnOneReplicaShowsOnAnother() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { first, storage in
            guard case .postgres = storage.storage else { return }
            var logger = Logger(label: "second-replica")
            logger.logLevel = .warning
            let second = try await Application.make(.testing, logger: logger)
            do {
                try await configure(second, AppConfig(storage: storage.storage, dataDirectory: storage.directory, catalog: sharedCatalog, now: clock.read))
                try await waitForRevisionFeed(second)
                _ = try await Self.makePlan(first)
                let before = try await Self.get(second, "/")
                let item = try #require(sharedCatalog.items.first { $0.kind == .technical }?.id)
                let graded = try await send(first, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":3}"#)
                #expect(graded.status == .created)
                var after = before
                for _ in 0..<200 where after == before {
                    try await Task.sleep(nanoseconds: 10_000_000)
                    after = try await Self.get(second, "/")
                }
                #expect(after != before, "the other replica never heard of the write")
                #expect(after == (try await Self.get(first, "/")))
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
            try await second.asyncShutdown()
        }
    }

    /// After a write, many requests for one page at once cost one drawing: the others wait
    /// for it and answer with it (each with its own holes).
    @Test func requestsAtOnceShareOneDrawing() async throws {
        let clock = MovableClock()
        try await withTestApp(now: clock.read) { app, _ in
            _ = try await Self.makePlan(app)
            let item = try #require(sharedCatalog.items.first { $0.kind == .technical }?.id)
            #expect(try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":3}"#).status == .created)
            for path in ["/plan", "/practice"] {
                let before = app.prep.pages.drawings
                let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                    for _ in 0..<20 { group.addTask { try await send(app, .GET, path).body.string } }
                    return try await group.reduce(into: [String]()) { $0.append($1) }
                }
                #expect(app.prep.pages.drawings == before + 1, "\(path): \(app.prep.pages.drawings - before) drawings for 20 requests")
                #expect(Set(bodies.map(Self.stable)).count == 1)
                let keys = bodies.compactMap { $0.firstMatch(of: /name="client_review_id" value="([^"]+)"/)?.output.1 }
                #expect(Set(keys).count == keys.count, "\(path): a review key shared between responses")
            }
        }
    }
}
