import Fluent
import Foundation
import PrepApp
import PrepContent
import PrepCore
import PrepStore
import Vapor

/// Wires the app: database, migrations, services, middleware, routes. The CLI and the
/// tests both start the app through here; tests pass their own `AppConfig`.
public func configure(_ app: Application, _ config: AppConfig) async throws {
    let catalog = try config.catalog ?? ContentCatalog.load(userDirectories: config.contentDirectories)
    let openAPI = try OpenAPIDocument.load()
    let calculators = try CalcCatalogLoader.bundled()

    app.databases.use(try config.storage.makeFactory(), as: .init(string: config.storage.kind), isDefault: true)
    SchemaMigrations.register(on: app.migrations)
    let localUser = try await StoreBootstrap.prepare(
        databases: app.databases, migrations: app.migrations, storage: config.storage, logger: app.logger
    )

    // A damaged file opens and migrates fine and then fails page by page: say so once, at start.
    let damage = await StoreBootstrap.damage(app.db, storage: config.storage)
    if let damage { app.logger.critical("\(damage.message)") }

    let metrics = AppMetrics()
    app.prep = AppServices(
        config: config, catalog: catalog, calculators: calculators, metrics: metrics, openAPIDocument: openAPI,
        localUserID: localUser.id, startedAt: config.now(),
        environment: AppEnvironment(catalog: catalog, clock: config.now, random: config.random, revisions: RevisionFeedLifecycle.book(for: config, app: app)),
        damage: damage
    )

    ContentConfiguration.global.use(encoder: JSONCoding.encoder(), for: .json)
    ContentConfiguration.global.use(decoder: StrictJSONDecoder(base: JSONCoding.decoder()), for: .json)

    app.useGuardedServer(hostname: config.host, port: config.port, limits: config.limits)
    app.routes.defaultMaxBodySize = ByteCount(value: config.limits.maxBodyBytes)

    // Outermost first: observation sees the final status of everything, errors included.
    app.middleware = Middlewares()
    app.middleware.use(RequestObservationMiddleware(metrics: metrics))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ProblemMiddleware())
    if HostCheckMiddleware.isLoopback(config.host) { app.middleware.use(HostCheckMiddleware(config: config)) }
    app.middleware.use(SameOriginMiddleware())
    app.middleware.use(ContentEncodingMiddleware())
    app.middleware.use(WriteObservationMiddleware())
    app.middleware.use(try StaticFilesMiddleware())

    try routes(app)
}

enum OpenAPIDocument {
    static func load() throws -> String {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw Abort(.internalServerError, reason: "openapi.yaml is missing from the installed resources; reinstall infraprep with its .resources folder.")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
