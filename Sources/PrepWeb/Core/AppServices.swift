import Foundation
import PrepApp
import PrepContent
import PrepCore
import PrepStore
import Vapor

/// The app-wide values every handler may need, built once in `configure`.
public final class AppServices: Sendable {
    public let config: AppConfig
    public let catalog: ContentCatalog
    /// GPUs and models for the calculators.
    public let calculators: CalcCatalog
    public let metrics: AppMetrics
    public let openAPIDocument: String
    /// The owner of data in single-user mode.
    public let localUserID: UUID
    public let startedAt: Date
    /// Clock, random source, content and derived plans for the services (PrepApp).
    public let environment: AppEnvironment
    let markdown = RenderedMarkdown()
    /// Drawn pages by person and address, under the state they show.
    let pages = PageCache()
    /// What `PRAGMA quick_check` found at start; nil when the file is sound.
    let damage: StoreError?

    init(
        config: AppConfig, catalog: ContentCatalog, calculators: CalcCatalog, metrics: AppMetrics, openAPIDocument: String, localUserID: UUID, startedAt: Date,
        environment: AppEnvironment, damage: StoreError? = nil
    ) {
        self.config = config
        self.catalog = catalog
        self.calculators = calculators
        self.metrics = metrics
        self.openAPIDocument = openAPIDocument
        self.localUserID = localUserID
        self.startedAt = startedAt
        self.environment = environment
        self.damage = damage
    }
}

private struct AppServicesKey: StorageKey {
    typealias Value = AppServices
}

extension Application {
    public var prep: AppServices {
        get {
            guard let services = storage[AppServicesKey.self] else { fatalError("configure(_:_:) has not run on this Application") }
            return services
        }
        set { storage[AppServicesKey.self] = newValue }
    }
}

extension Request {
    var prep: AppServices { application.prep }
    /// The person this request acts for. Single-user mode: always the local user.
    var userID: UUID { prep.localUserID }

    /// The services' view of this request: its person, in their time zone, now.
    func context() async throws -> ServiceContext {
        try await ServiceContext.forUser(userID, db: db, environment: prep.environment)
    }
}
