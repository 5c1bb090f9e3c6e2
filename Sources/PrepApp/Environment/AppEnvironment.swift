import Foundation
import PrepContent
import PrepCore

/// What the services may not reach for themselves: the clock, the random source and the
/// content, plus the derived plans they share. Built once per process (by `configure` for
/// the web, by each command for the CLI) and passed in; tests build it with a fixed clock
/// and a seeded source.
public struct AppEnvironment: Sendable {
    public var catalog: ContentCatalog
    public var clock: @Sendable () -> Date
    public var random: RandomSource
    /// Plans derived from settings, shared by every request of this process.
    public let plans: PlanCache
    /// Today's summaries by person, checked against their revision on every read.
    public let today: TodayCache
    /// Zones and revisions in memory, where this process is the database's only writer;
    /// nil where others write too (PostgreSQL replicas, a command beside the server).
    public let revisions: RevisionBook?

    public init(
        catalog: ContentCatalog, clock: @escaping @Sendable () -> Date = { Date() }, random: RandomSource = .system, plans: PlanCache = PlanCache(),
        today: TodayCache = TodayCache(), revisions: RevisionBook? = nil
    ) {
        self.catalog = catalog
        self.clock = clock
        self.random = random
        self.plans = plans
        self.today = today
        self.revisions = revisions
    }

    public var now: Instant { Instant(date: clock()) }
}
