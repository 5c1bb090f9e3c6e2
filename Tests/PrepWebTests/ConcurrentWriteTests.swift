import Foundation
import PrepCore
import PrepTestSupport
import PrepWeb
import Testing
import VaporTesting

/// Issue #12, finding 1: two tabs (or fifty clients) writing at once must never see a 500
/// (`database is locked`) or a 409 they did not cause. Every write endpoint, at 2 and at 50
/// concurrent clients, on the test run's database (SQLite, or PostgreSQL in CI's second run).
@Suite struct ConcurrentWriteTests {
    struct Outcome: Sendable {
        var status: UInt
        var body: String
    }

    /// `count` requests from `clients` concurrent clients; the statuses that were not 2xx.
    static func hammer(
        _ app: Application, clients: Int, count: Int, _ request: @escaping @Sendable (Int) -> (HTTPMethod, String, String?)
    ) async throws -> [Outcome] {
        try await withThrowingTaskGroup(of: [Outcome].self) { group in
            for client in 0..<clients {
                group.addTask {
                    var failures: [Outcome] = []
                    for n in stride(from: client, to: count, by: clients) {
                        let (method, path, json) = request(n)
                        let res = try await send(app, method, path, json: json)
                        if !(200..<300).contains(res.status.code) { failures.append(Outcome(status: res.status.code, body: res.body.string)) }
                    }
                    return failures
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
    }

    @Test(arguments: [2, 50])
    func everyWriteEndpointHoldsUnderConcurrentClients(clients: Int) async throws {
        try await withTestApp { app, _ in
            let created = try await send(app, .PUT, "api/v1/plan", json: #"{"start":"2026-11-16"}"#)
            #expect(created.status == .created)
            let entries = try #require(try object(created)["entries"] as? [[String: Any]])
            let tasks = entries.compactMap { ($0["task"] as? [String: Any])?["id"] as? String }
            let items = sharedCatalog.items.filter { $0.kind == .technical }.map(\.id)
            let checklist = "ir-prometheus"
            let count = max(100, clients * 4)

            let writes: [(String, @Sendable (Int) -> (HTTPMethod, String, String?))] = [
                // Many grades of one card, the repro of the issue, then of several cards.
                ("one card graded", { _ in (.POST, "api/v1/practice/reviews", #"{"item_id":"\#(items[0])","rating":3}"#) }),
                ("cards graded", { n in (.POST, "api/v1/practice/reviews", #"{"item_id":"\#(items[n % 7])","rating":\#(n % 4 + 1)}"#) }),
                ("undo", { _ in (.POST, "api/v1/practice/undo", nil) }),
                ("task ticks", { n in (.PATCH, "api/v1/plan/tasks/\(tasks[n % 5])", #"{"done":\#(n % 2 == 0)}"#) }),
                ("task notes", { n in (.PATCH, "api/v1/plan/tasks/\(tasks[n % 5])", #"{"notes":"note \#(n)"}"#) }),
                ("practice settings", { n in (.PATCH, "api/v1/practice/settings", #"{"new_per_day":\#(n % 20 + 1)}"#) }),
                ("readiness answers", { n in (.PUT, "api/v1/readiness/answers/\(checklist)", #"{"answer":"\#(n % 2 == 0 ? "yes" : "no")"}"#) }),
                ("profile", { n in (.PATCH, "api/v1/me", #"{"display_name":"Name \#(n)"}"#) }),
                ("plan replaced", { n in (.PUT, "api/v1/plan", #"{"start":"2026-11-\#(10 + n % 9)","replace":true}"#) }),
                ("calendar link", { n in (n % 3 == 2 ? .DELETE : .POST, "api/v1/calendar/feed", n % 3 == 2 ? nil : #"{}"#) }),
            ]
            for (what, request) in writes {
                let failures = try await Self.hammer(app, clients: clients, count: count, request)
                // Undo answers 409 once nothing is left to take back, and revoking answers 404
                // when another client revoked the link first: both are the truth, not a failure.
                let unexpected = failures.filter {
                    !(what == "undo" && $0.status == 409 && $0.body.contains("there is no review to undo"))
                        && !(what == "calendar link" && $0.status == 404 && $0.body.contains("no calendar subscription link"))
                }
                #expect(
                    unexpected.isEmpty, "\(what) at \(clients) clients: \(unexpected.count) failed, e.g. \(unexpected.first.map { "\($0.status) \($0.body.prefix(300))" } ?? "")")
            }
        }
    }
}
