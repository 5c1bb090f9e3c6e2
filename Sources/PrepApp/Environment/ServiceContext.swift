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
    /// The person's data revision as read with the time zone (`user_revisions`): what a
    /// cached summary of their data must have been derived at to still be current; nil where
    /// it was not read (tests, a terminal session), and then nothing is cached.
    public let revision: Int64?

    public init(db: any Database, environment: AppEnvironment, userID: UUID, timeZone: TimeZone, now: Instant, revision: Int64? = nil) {
        self.db = db
        self.environment = environment
        self.userID = userID
        self.timeZone = timeZone
        self.now = now
        self.revision = revision
    }

    /// The context for a user in their profile's time zone, at the clock's present.
    public static func forUser(_ userID: UUID, db: any Database, environment: AppEnvironment) async throws -> ServiceContext {
        // The revision is read before anything is derived from the data, so a summary kept
        // under it can only be older than the data, never newer; a later write raises it.
        let read: (timeZone: String, revision: Int64?)? =
            if let book = environment.revisions {
                try await book.zoneAndRevision(userID, on: db)
            } else {
                try await UserStore.zoneAndRevision(id: userID, on: db).map { ($0.timeZone, $0.revision) }
            }
        let zone = read.flatMap { TimeZone(identifier: $0.timeZone) } ?? .current
        return ServiceContext(db: db, environment: environment, userID: userID, timeZone: zone, now: environment.now, revision: read?.revision)
    }

    /// The same person and database at another moment (a terminal session that runs for minutes).
    public func at(_ instant: Instant) -> ServiceContext {
        ServiceContext(db: db, environment: environment, userID: userID, timeZone: timeZone, now: instant, revision: revision)
    }

    public var catalog: ContentCatalog { environment.catalog }
    public var random: RandomSource { environment.random }
    public var today: LocalDay { LocalDay(now, in: timeZone) }

    public var practice: PracticeService { PracticeService(self) }
    public var plans: PlanService { PlanService(self) }
    public var readiness: ReadinessService { ReadinessService(self) }
    public var todayService: TodayService { TodayService(self) }
}
