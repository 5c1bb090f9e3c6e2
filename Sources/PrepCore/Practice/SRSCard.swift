/// A card's memory state as FSRS keeps it.
public struct SRSCard: Sendable, Equatable, Codable {
    public var state: CardState
    /// The learning or relearning step; nil in review.
    public var step: Int?
    /// Days until recall probability falls to 90 %; nil before the first review.
    public var stability: Double?
    /// 1 (easy) to 10 (hard); nil before the first review.
    public var difficulty: Double?
    public var due: Instant
    public var lastReview: Instant?

    /// A card never reviewed, due at `created`.
    public static func new(at created: Instant) -> SRSCard {
        SRSCard(state: .learning, step: 0, stability: nil, difficulty: nil, due: created, lastReview: nil)
    }

    public init(state: CardState, step: Int?, stability: Double?, difficulty: Double?, due: Instant, lastReview: Instant?) {
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }

    public var isNew: Bool { lastReview == nil }
}
