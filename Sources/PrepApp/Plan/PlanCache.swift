import Foundation
import PrepContent
import PrepCore

/// Dated plans by the settings they were built from. A plan is a pure function of its
/// settings and the bundled curriculum (progress is applied on top, per request), so the
/// settings value is the whole key: a change of hours, dates or ratings is a new key, and
/// ticks, moves or a new day never make a cached plan wrong. Building one takes about as
/// long as drawing the whole Today page, which is why it is kept (issue #11).
public final class PlanCache: Sendable {
    private let plans = LockedValue([PlanSettings: StudyPlan]())
    /// A cohort server holds one entry a person; past this the cache starts again.
    let capacity: Int

    public init(capacity: Int = 2_048) {
        self.capacity = capacity
    }

    public func plan(for settings: PlanSettings, catalog: ContentCatalog) throws -> StudyPlan {
        if let plan = plans.withLock({ $0[settings] }) { return plan }
        let plan = try PlanBuilder.build(curriculum: catalog.curriculum, taxonomy: catalog.taxonomy, settings: settings)
        plans.withLock { cached in
            if cached.count >= capacity { cached.removeAll(keepingCapacity: true) }
            cached[settings] = plan
        }
        return plan
    }

    public var count: Int { plans.withLock { $0.count } }
}
