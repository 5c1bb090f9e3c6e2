import FluentKit
import Foundation
import PrepStore
import PrepTestSupport
import SQLKit
import Testing
import VaporTesting

@testable import PrepWeb

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

/// Issue #12, finding 5: a damaged SQLite file opens and migrates, then fails page by page.
/// Found at start, it makes /readyz answer 503 naming the file and what to do, data pages say
/// the same instead of a bare 500, and `status` reports it.
@Suite struct DamagedDatabaseTests {
    static func corrupt(_ path: String) throws {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        let pages = data.count / 4096
        #expect(pages > 4)
        // The last pages hold the newest rows; the first (the schema) stays readable.
        for index in (pages - 2) * 4096..<pages * 4096 { data[index] = 0xA5 }
        try data.write(to: URL(fileURLWithPath: path))
    }

    @Test func aDamagedFileIsReportedNotServed() async throws {
        guard !TestStorage.usesPostgres else { return }
        try await withTestStorage { storage in
            guard case let .sqlite(path) = storage.storage else { return }
            func boot() async throws -> Application {
                let app = try await Application.make(.testing)
                try await configure(app, AppConfig(storage: storage.storage, dataDirectory: storage.directory, catalog: sharedCatalog))
                return app
            }
            let first = try await boot()
            _ = try await send(first, .PUT, "api/v1/plan", json: #"{"start":"2026-11-16"}"#)
            for n in 0..<20 { _ = try await send(first, .PATCH, "api/v1/me", json: #"{"display_name":"n\#(n)"}"#) }
            try await first.asyncShutdown()
            try Self.corrupt(path)

            let app = try await boot()
            do {
                let ready = try await send(app, .GET, "readyz")
                #expect(ready.status == .serviceUnavailable)
                #expect(ready.body.string.contains("the database file \(path) is damaged"))
                #expect(ready.body.string.contains("restore the file from a backup"))
                let page = try await send(app, .GET, "api/v1/plan")
                #expect(page.status == .serviceUnavailable || page.status == .ok, "\(page.status)")
                if page.status != .ok { #expect(page.body.string.contains("is damaged")) }
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
        }
    }
}

/// Issue #12, finding 5: headers every answer carries, errors and static files included.
@Suite struct SecurityHeaderTests {
    @Test func everyAnswerForbidsSniffingAndCrossSiteReferrersAndAPIAnswersAreNotStored() async throws {
        try await withTestApp { app, _ in
            for path in ["/", "/plan", "/no-such-page", "/api/v1/me", "/api/v1/no-such", "/healthz", StaticAsset.stylesheet.url] {
                let res = try await send(app, .GET, path)
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(res.headers.first(name: "Referrer-Policy") == "same-origin", "\(path)")
                if path.hasPrefix("/api/") { #expect(res.headers.first(name: .cacheControl) == "no-store", "\(path)") }
            }
            let stylesheet = try await send(app, .GET, StaticAsset.stylesheet.url)
            #expect(stylesheet.headers.first(name: .cacheControl)?.contains("max-age") == true, "static files stay cacheable")
        }
    }
}
