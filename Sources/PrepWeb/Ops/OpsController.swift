import Foundation
import PrepCore
import PrepStore
import Vapor

/// `/healthz`, `/readyz`, `/metrics`, `/openapi.yaml`: what load balancers, Prometheus and
/// API clients ask of a running server.
enum OpsController {
    struct Health: Content {
        var status: String
        var version: String
    }

    struct Readiness: Content {
        struct Check: Content {
            var name: String
            var ok: Bool
            var detail: String
        }
        var status: String
        var checks: [Check]
    }

    /// The process is up and serving; says nothing about the database.
    static func healthz(_ req: Request) async throws -> Health {
        Health(status: "ok", version: AppInfo.version)
    }

    /// Ready to take traffic: database reachable, migrations applied, content loaded.
    static func readyz(_ req: Request) async throws -> Response {
        let checks = await readinessChecks(req)
        let ready = checks.allSatisfy(\.ok)
        let body = Readiness(status: ready ? "ready" : "not ready", checks: checks)
        let response = Response(status: ready ? .ok : .serviceUnavailable)
        try response.content.encode(body, as: .json)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    static func readinessChecks(_ req: Request) async -> [Readiness.Check] {
        let storage = req.prep.config.storage
        var checks: [Readiness.Check] = []
        if case let .sqlite(path) = storage, !FileManager.default.fileExists(atPath: path) {
            // SQLite keeps writing to an unlinked file without complaint; every write would be lost.
            checks.append(.init(name: "database", ok: false, detail: StoreError.missingDatabaseFile(path: path).message))
            return checks + [contentCheck(req)]
        }
        if let damage = req.prep.damage {
            checks.append(.init(name: "database", ok: false, detail: damage.message))
            return checks + [contentCheck(req)]
        }
        do {
            try await StoreBootstrap.ping(req.db, storage: storage)
            checks.append(.init(name: "database", ok: true, detail: "\(storage.kind) reachable"))
            let status = try await SchemaGuard.status(of: req.db)
            if status.pending.isEmpty && status.unknown.isEmpty {
                checks.append(.init(name: "migrations", ok: true, detail: "\(SchemaMigrations.names.count) applied"))
            } else {
                let detail =
                    status.pending.isEmpty
                    ? "unknown migrations present: \(status.unknown.joined(separator: ", "))"
                    : "pending: \(status.pending.joined(separator: ", "))"
                checks.append(.init(name: "migrations", ok: false, detail: detail))
            }
        } catch {
            let message = (error as? any UserFacingError)?.message ?? ErrorText.short(error)
            checks.append(.init(name: "database", ok: false, detail: message))
        }
        checks.append(contentCheck(req))
        return checks
    }

    private static func contentCheck(_ req: Request) -> Readiness.Check {
        let catalog = req.prep.catalog
        let skills = catalog.taxonomy.skills.count
        return .init(name: "content", ok: skills > 0 && !catalog.items.isEmpty, detail: "\(catalog.items.count) items in \(skills) skill areas loaded")
    }

    static func metrics(_ req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: req.prep.metrics.exposition()))
    }

    static func openAPI(_ req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/yaml; charset=utf-8")
        return Response(status: .ok, headers: headers, body: .init(string: req.prep.openAPIDocument))
    }
}
