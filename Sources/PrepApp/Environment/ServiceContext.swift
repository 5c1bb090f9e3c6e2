import FluentKit
import Foundation
import PrepContent
import PrepCore
import PrepStore

/// One person at one moment: what every service of a request (or a command) works for.
/// "Now" is read once from the environment's clock, so a page's parts agree on the day.
public struct ServiceContext: Sendable {
    public let db: any Database
    public let environment: AppEnvironment
    public let userID: UUID
    public let timeZone: TimeZone
    public let now: Instant

    public init(db: any Database, environment: AppEnvironment, userID: UUID, timeZone: TimeZone, now: Instant) {
        self.db = db
        self.environment = environment
        self.userID = userID
        self.timeZone = timeZone
        self.now = now
    }

    /// The context for a user in their profile's time zone, at the clock's present.
    public static func forUser(_ userID: UUID, db: any Database, environment: AppEnvironment) async throws -> ServiceContext {
        let zone = try await UserStore.timeZone(id: userID, on: db).flatMap { TimeZone(identifier: $0) } ?? .current
        return ServiceContext(db: db, environment: environment, userID: userID, timeZone: zone, now: environment.now)
    }

    /// The same person and database at another moment (a terminal session that runs for minutes).
    public func at(_ instant: Instant) -> ServiceContext {
        ServiceContext(db: db, environment: environment, userID: userID, timeZone: timeZone, now: instant)
    }

    public var catalog: ContentCatalog { environment.catalog }
    public var random: RandomSource { environment.random }
    public var today: LocalDay { LocalDay(now, in: timeZone) }

    public var practice: PracticeService { PracticeService(self) }
    public var plans: PlanService { PlanService(self) }
    public var readiness: ReadinessService { ReadinessService(self) }
}
