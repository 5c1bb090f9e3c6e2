import Foundation
import PrepTestSupport
import PrepWeb
import Testing
import Vapor
import VaporTesting
import Yams

/// The OpenAPI document and the registered routes must agree: no API or operations route
/// undocumented, no documented route missing.
@Suite struct OpenAPIRoutesTests {
    /// Clients generate one function per operationId: two operations with one id collide
    /// (issue #12: `getReadiness` named both /readyz and /api/v1/readiness).
    @Test func operationIdsAreUnique() async throws {
        try await withTestApp { app, _ in
            let res = try await app.testing().sendRequest(.GET, "openapi.yaml")
            let doc = try #require(try Yams.load(yaml: res.body.string) as? [String: Any])
            let paths = try #require(doc["paths"] as? [String: [String: Any]])
            let ids = paths.values.flatMap { $0.values.compactMap { ($0 as? [String: Any])?["operationId"] as? String } }
            #expect(ids.count > 20)
            #expect(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted() == [])
        }
    }

    @Test func documentMatchesRegisteredRoutes() async throws {
        try await withTestApp { app, _ in
            var documented: Set<String> = []
            var registered: Set<String> = []
            try await app.testing().test(.GET, "openapi.yaml") { res in
                #expect(res.status == .ok)
                let doc = try #require(try Yams.load(yaml: res.body.string) as? [String: Any])
                #expect(doc["openapi"] as? String == "3.1.0")
                let paths = try #require(doc["paths"] as? [String: Any])
                for (path, value) in paths {
                    let operations = try #require(value as? [String: Any])
                    for method in operations.keys where ["get", "put", "post", "patch", "delete"].contains(method) {
                        documented.insert("\(method.uppercased()) \(path)")
                    }
                }
            }
            let operational: Set<String> = ["/healthz", "/readyz", "/metrics", "/openapi.yaml", "/calendar.ics"]
            for route in app.routes.all {
                let path =
                    "/"
                    + route.path.map { component -> String in
                        if case let .parameter(name) = component { return "{\(name)}" }
                        return component.description
                    }.joined(separator: "/")
                if path.hasPrefix("/api/") || operational.contains(path) {
                    registered.insert("\(route.method.rawValue) \(path)")
                }
            }
            #expect(registered.subtracting(documented).sorted() == [], "routes missing from openapi.yaml")
            #expect(documented.subtracting(registered).sorted() == [], "documented paths with no route")
            #expect(registered.count >= 8)
        }
    }
}
