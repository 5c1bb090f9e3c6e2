import FluentKit
import Foundation
import PrepContent
import PrepCore
import PrepStore

/// Practice as the page, the API and the terminal share it: today's queue built from the
/// store and the bank, grading, undo and statistics, for one person at one moment.
public struct PracticeService: PersonService {
    public let context: ServiceContext

    public init(_ context: ServiceContext) {
        self.context = context
    }

    public struct Entry: Sendable {
        public var item: ContentItem
        /// The stored card of a review; nil for a new question, and for a review when the
        /// session was built without cards (Today counts, it does not show them).
        public var card: StoredCard?
        public var isNew: Bool

        public init(item: ContentItem, card: StoredCard?, isNew: Bool? = nil) {
            self.item = item
            self.card = card
            self.isNew = isNew ?? (card == nil)
        }
    }

    public struct Session: Sendable {
        public var date: LocalDay
        public var entries: [Entry]
        public var settings: PracticeSettings
        public var reviewsDone: Int
        public var newDone: Int
        /// Cards due now beyond today's review limit.
        public var dueBeyondLimit: Int
        /// The next time a card falls due, when nothing is due now.
        public var nextDue: Instant?
        /// Nothing is left but a learning step due within the learn-ahead window: it can be
        /// reviewed now on request (`early`), as Anki offers, but is not served unasked.
        public var canReviewEarly: Bool = false
    }

    public var today: LocalDay { context.today }

    static let learnAhead: Int64 = 20 * 60_000_000

    /// Today's queue: due reviews, then new questions (see `DailySession`). With `early`, an
    /// empty queue takes the learning step due next within the learn-ahead window.
    public func session(early: Bool = false) async throws -> Session {
        try await session(plan: try await context.plans.plan(), early: early)
    }

    /// The same with the person's plan already read (nil: no plan), as Today has it; without
    /// `cards`, reviews come without their stored cards (Today only counts them).
    public func session(plan: StudyPlan?, cards withCards: Bool = true, early: Bool = false) async throws -> Session {
        let settings = try await PracticeStore.settings(userID: userID, on: db)
        let dayStart = today.start(in: timeZone)
        let done = try await PracticeStore.today(userID: userID, since: dayStart, on: db)
        let reviewLimit = max(0, settings.reviewsPerDay - done.reviews)
        var due = try await PracticeStore.dueItemIDs(userID: userID, now: now, limit: reviewLimit, on: db)
            .filter { catalog[$0] != nil }
        let dueTotal = try await PracticeStore.dueCount(userID: userID, now: now, on: db)
        let studied = try await PracticeStore.studiedItemIDs(userID: userID, on: db)
        func candidate(_ item: ContentItem) -> DailySession.Candidate {
            DailySession.Candidate(itemID: item.id, kind: item.kind, skill: item.skill, tier: catalog.tier(of: item), difficulty: item.difficulty)
        }
        let practised = catalog.items.filter { DailySession.practisedKinds.contains($0.kind) }
        let studiedToday = Set(done.newItemIDs)
        let weakness = PracticeStats.weakness(try await PracticeStore.skillCounts(userID: userID, before: dayStart, on: db))
        // New questions follow the plan's week when there is a plan.
        let focus = plan.flatMap { PlanService.focusSkills(of: $0, today: today) }
        var queue = DailySession.forToday(
            due: due, unstudied: practised.filter { !studied.contains($0.id) }.map(candidate),
            studiedToday: practised.filter { studiedToday.contains($0.id) }.map(candidate), reviewsDone: done.reviews,
            settings: settings, weakness: weakness, focus: focus, seed: seed
        )
        var canReviewEarly = false
        if queue.count == 0, reviewLimit > 0 {
            // Like Anki's learn-ahead, but asked for: served unasked, a card graded Hard came
            // straight back ("next review in 6m", then the same card; issue #13, bug 2), and
            // Statistics said nothing was due while Practice showed a review (bug 6).
            due = try await PracticeStore.dueItemIDs(userID: userID, now: now.adding(microseconds: Self.learnAhead), limit: 1, on: db)
                .filter { catalog[$0] != nil }
            if early { queue.reviews = due } else { canReviewEarly = !due.isEmpty }
        }
        let cards = withCards ? try await PracticeStore.cards(userID: userID, itemIDs: queue.reviews, on: db) : [:]
        let entries =
            queue.reviews.compactMap { id in catalog[id].map { Entry(item: $0, card: cards[id], isNew: false) } }
            + queue.new.compactMap { id in catalog[id].map { Entry(item: $0, card: nil, isNew: true) } }
        let nextDue = entries.isEmpty ? try await PracticeStore.nextDue(userID: userID, after: now, on: db) : nil
        return Session(
            date: today, entries: entries, settings: settings, reviewsDone: done.reviews, newDone: done.newItemIDs.count,
            dueBeyondLimit: max(0, dueTotal - queue.reviews.count),
            nextDue: nextDue, canReviewEarly: canReviewEarly
        )
    }

    /// The same choice of new questions all day: a seed from the user and the date.
    var seed: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(userID.uuidString)|\(today.number)".utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    public func scheduler() async throws -> FSRS {
        try FSRS(try await PracticeStore.settings(userID: userID, on: db).scheduler)
    }

    /// What each grade would schedule for an item now, fuzz included, as the buttons show it:
    /// the grade draws the same fuzz (`FuzzSeed`), so the confirmation says what the button said.
    public func preview(_ entry: Entry, scheduler: FSRS) -> [Rating: SRSCard] {
        let card = entry.card?.card ?? .new(at: now)
        var configuration = scheduler.configuration
        configuration.fuzzing = true
        let fuzzing = (try? FSRS(configuration)) ?? scheduler
        let (user, item) = (userID.uuidString, entry.item.id)
        return fuzzing.preview(card, at: now) { FuzzSeed.generator(userID: user, itemID: item, card: card) }
    }

    public enum GradeError: UserFacingError {
        case unknownItem(String)
        case notPractised(String, ItemKind)

        public var problem: String {
            switch self {
            case let .unknownItem(id): "item_id: there is no question '\(id)' in the bank"
            case let .notPractised(id, kind): "item_id: '\(id)' is a \(kind.title.lowercased()), which is read rather than practised"
            }
        }
        public var fix: String { "use the id of a technical, system-design, troubleshooting or behavioral question (GET /api/v1/questions)" }
    }

    /// Records a grade. Fuzz spreads review intervals as the reference does.
    public func grade(
        itemID: String, rating: Rating, time: Instant? = nil, durationMs: Int? = nil,
        rubricHits: Int? = nil, rubricTotal: Int? = nil, clientReviewID: String? = nil
    ) async throws -> ReviewOutcome {
        guard let item = catalog[itemID] else { throw GradeError.unknownItem(itemID) }
        guard DailySession.practisedKinds.contains(item.kind) else { throw GradeError.notPractised(itemID, item.kind) }
        var settings = try await PracticeStore.settings(userID: userID, on: db).scheduler
        settings.fuzzing = true
        let submission = ReviewSubmission(
            itemID: itemID, skill: item.skill, rating: rating, time: time ?? now, durationMs: durationMs,
            rubricHits: rubricHits, rubricTotal: rubricTotal, clientReviewID: clientReviewID
        )
        let environment = context.environment
        var clock: (@Sendable () -> Instant)?
        if time == nil { clock = { environment.now } }
        let user = userID.uuidString
        return try await PracticeStore.record(
            submission, userID: userID, scheduler: try FSRS(settings), fuzz: { FuzzSeed.generator(userID: user, itemID: itemID, card: $0) },
            recordedAt: now, clock: clock, on: db)
    }

    public func undo() async throws -> UndoOutcome? {
        try await PracticeStore.undoLast(userID: userID, on: db)
    }

    /// Days in a row with a review, as the statistics count them, without the rest of them.
    public func streak() async throws -> Int {
        let since = now.adding(days: -PracticeStats.historyDays)
        let perDay = try await PracticeStore.reviewsPerDay(userID: userID, since: since, offsets: ZoneOffsets(from: since, to: now, in: timeZone), on: db)
        return PracticeStats.streak(perDay: perDay, today: today)
    }

    public func stats() async throws -> PracticeStats {
        let counts = try await PracticeStore.statsCounts(userID: userID, now: now, timeZone: timeZone, on: db)
        return PracticeStats.compute(counts, now: now, timeZone: timeZone, skillOrder: catalog.taxonomy.skills.map(\.id))
    }

    /// Which key points a typed answer covers, with the taxonomy's aliases as synonyms.
    /// A behavioral answer is judged as the person's own story (`StoryRubric`); any other
    /// against the item's key points, not counting the words the question itself uses.
    public func rubric(for item: ContentItem, answer: String) -> [Rubric.Match] {
        if item.kind == .behavioral { return StoryRubric.match(answer: answer) }
        let question = ([item.title, item.intro] + item.promptSections.map(\.markdown)).joined(separator: "\n")
        return Rubric.match(answer: answer, keyPoints: item.keyPoints, question: question, synonyms: Rubric.Synonyms(taxonomy: catalog.taxonomy))
    }

    /// What the checklist under a revealed card lists: a story's qualities for a behavioral
    /// question, the item's key points otherwise.
    public static func rubricPoints(for item: ContentItem) -> [String] {
        item.kind == .behavioral ? StoryRubric.points : item.keyPoints
    }

    /// The first moment what practice shows could change with no write: a card becoming due
    /// (it joins the queue), one coming within the learn-ahead window (offered early when
    /// nothing else is left), or the next local midnight. Kept summaries and pages expire then.
    public func changesByTime() async throws -> Instant {
        let ahead = PracticeService.learnAhead
        var until = LocalDay(number: context.today.number + 1).start(in: timeZone)
        if let due = try await PracticeStore.nextDue(userID: userID, after: now, on: db) { until = min(until, due) }
        if let soon = try await PracticeStore.nextDue(userID: userID, after: now.adding(microseconds: ahead), on: db) {
            until = min(until, soon.adding(microseconds: -ahead))
        }
        return until
    }
}
