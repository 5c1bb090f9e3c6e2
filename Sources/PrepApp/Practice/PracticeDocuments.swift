import PrepCore

/// A card's scheduling state as the API and `--json` write it.
public struct CardStateDocument: Codable, Sendable, Equatable {
    public var state: String
    public var step: Int?
    public var stability: Double?
    public var difficulty: Double?
    public var due: String
    public var lastReview: String?

    public init(_ card: SRSCard) {
        state = card.state.name
        step = card.step
        stability = card.stability
        difficulty = card.difficulty
        due = ISO8601.format(card.due)
        lastReview = card.lastReview.map(ISO8601.format)
    }
}

/// Today's queue as `GET /api/v1/practice/queue` and `infraprep practice --json` write it.
public struct PracticeQueueDocument: Codable, Sendable {
    public struct Entry: Codable, Sendable {
        public var itemId: String
        public var title: String
        public var kind: String
        public var skill: String
        public var new: Bool
        public var card: CardStateDocument?
        /// What each grade would schedule now: the due time per lowercase rating name.
        public var preview: [String: String]
    }

    public var date: String
    public var timeZone: String
    public var reviewsDone: Int
    public var newDone: Int
    public var dueBeyondLimit: Int
    /// When nothing is left: when the next card falls due.
    public var nextDue: String?
    /// When nothing is left but a learning step due within 20 minutes: ask again with
    /// `early=true` to review it now.
    public var canReviewEarly: Bool
    public var entries: [Entry]
}

extension PracticeService {
    /// Today's queue, or the focus's when one is given (`early` then has nothing to add).
    public func queueDocument(early: Bool = false, focus: PracticeFocus? = nil) async throws -> PracticeQueueDocument {
        let session = if let focus { try await session(focus: focus).session } else { try await session(early: early) }
        let scheduler = try await scheduler()
        return PracticeQueueDocument(
            date: session.date.text, timeZone: timeZone.identifier, reviewsDone: session.reviewsDone, newDone: session.newDone,
            dueBeyondLimit: session.dueBeyondLimit, nextDue: session.nextDue.map(ISO8601.format), canReviewEarly: session.canReviewEarly,
            entries: session.entries.map { entry in
                let preview = preview(entry, scheduler: scheduler)
                return .init(
                    itemId: entry.item.id, title: entry.item.title, kind: entry.item.kind.rawValue, skill: entry.item.skill,
                    new: entry.isNew, card: entry.card.map { CardStateDocument($0.card) },
                    preview: Dictionary(uniqueKeysWithValues: preview.map { ($0.key.name.lowercased(), ISO8601.format($0.value.due)) })
                )
            }
        )
    }
}
