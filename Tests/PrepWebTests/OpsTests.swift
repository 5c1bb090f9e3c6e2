import FluentKit
import Foundation
import PrepStore
import PrepTestSupport
import PrepWeb
import SQLKit
import Testing
import VaporTesting

@Suite struct OpsTests {
    @Test func healthzAnswersWhileTheProcessRuns() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.GET, "healthz") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(#""status":"ok""#))
            }
        }
    }

    @Test func readyzChecksDatabaseMigrationsAndContent() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.GET, "readyz") { res in
                #expect(res.status == .ok)
                let body = try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any]
                #expect(body?["status"] as? String == "ready")
                let checks = (body?["checks"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
                #expect(checks == ["database", "migrations", "content"])
            }
        }
    }

    @Test func readyzIs503WhenTheSQLiteFileIsGone() async throws {
        try await withTestApp { app, test in
            guard case let .sqlite(path) = test.storage else { return }
            // MUT: the data folder is deleted under a running server.
            try FileManager.default.removeItem(atPath: path)
            try await app.testing().test(.GET, "readyz") { res in
                #expect(res.status == .serviceUnavailable)
                #expect(res.body.string.contains("has been removed while the app was running"))
            }
        }
    }

    @Test func readyzIs503WhenMigrationsAreMissing() async throws {
        try await withTestApp { app, _ in
            try await (app.db as! any SQLDatabase).raw("DROP TABLE _fluent_migrations").run()
            try await app.testing().test(.GET, "readyz") { res in
                #expect(res.status == .serviceUnavailable)
                #expect(res.body.string.contains("pending: 2026-11-29-create-users"))
            }
        }
    }

    @Test func metricsCountRequestsByRoutePatternAndStatus() async throws {
        try await withTestApp { app, _ in
            let tester = try app.testing()
            for _ in 0..<3 { try await tester.test(.GET, "healthz") { _ in } }
            try await tester.test(.GET, "no/such/page") { _ in }

            try await tester.test(.GET, "metrics") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.description.hasPrefix("text/plain") == true)
                let text = try PrometheusText(res.body.string)
                #expect(text.types["http_requests_total"] == "counter")
                #expect(text.types["http_request_duration_seconds"] == "histogram")
                #expect(text.value("http_requests_total", ["route": "/healthz", "status": "200", "method": "GET"]) == 3)
                #expect(text.value("http_requests_total", ["route": "unmatched", "status": "404"]) == 1)
                let count = text.value("http_request_duration_seconds_count", ["route": "/healthz", "status": "200"])
                let inf = text.value("http_request_duration_seconds_bucket", ["route": "/healthz", "status": "200", "le": "+Inf"])
                #expect(count == 3 && inf == 3)
                #expect(text.value("infraprep_build_info", ["version": "0.1.0"]) == 1)
            }
        }
    }

    @Test func everyResponseCarriesARequestID() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.GET, "healthz") { res in
                #expect(res.headers.first(name: "X-Request-ID")?.isEmpty == false)
            }
            try await app.testing().test(.GET, "healthz", headers: ["X-Request-ID": "trace-42"]) { res in
                #expect(res.headers.first(name: "X-Request-ID") == "trace-42")
            }
        }
    }
}
