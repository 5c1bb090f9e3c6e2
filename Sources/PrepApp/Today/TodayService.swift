import FluentKit
import Foundation
import PrepContent
import PrepCore
import PrepStore

/// What Today shows of the plan and of practice: the day in the plan, the practice waiting
/// and the streak. It is kept per person (`TodayCache`) under the revision the request read
/// before deriving it, and until the next moment it could change by time alone (a card
/// falling due, or local midnight), so a person looking at Today again costs one read.
public struct TodayService: PersonService {
    public let context: ServiceContext

    public init(_ context: ServiceContext) {
        self.context = context
    }

    public struct Summary: Sendable, Equatable {
        public var plan: StudyPlan?
        public var day: PlanService.Day?
        public var reviewsWaiting: Int
        public var newWaiting: Int
        public var streakDays: Int
    }

    public func summary() async throws -> Summary {
        try await summaryAndExpiry().summary
    }

    /// The summary and the first moment it could change with no write, so a page showing it
    /// can expire then without asking again; nil where nothing is kept (no revision read).
    public func summaryAndExpiry() async throws -> (summary: Summary, changesAt: Instant?) {
        let key = TodayCache.Key(userID: userID, revision: context.revision, zone: timeZone.identifier, day: context.today.number)
        if let kept = context.environment.today.summary(for: key, at: now) { return (kept.summary, kept.until) }
        let (plan, day) = try await context.plans.today()
        let session = try await context.practice.session(plan: plan, cards: false)
        let reviews = session.entries.filter { !$0.isNew }.count
        let summary = Summary(
            plan: plan, day: day, reviewsWaiting: reviews, newWaiting: session.entries.count - reviews,
            streakDays: try await context.practice.streak())
        guard key.revision != nil else { return (summary, nil) }
        let until = try await context.practice.changesByTime()
        context.environment.today.keep(summary, for: key, until: until)
        return (summary, until)
    }
}
