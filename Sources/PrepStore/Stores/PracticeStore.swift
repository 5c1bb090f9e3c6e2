import FluentKit
import Foundation
import PrepCore
import SQLKit

/// A card as stored: the scheduler's state plus counters.
public struct StoredCard: Sendable, Equatable {
    public var id: UUID
    public var itemID: String
    public var card: SRSCard
    public var reps: Int
    public var lapses: Int
}

/// One graded answer, as the web page, the API or the terminal hands it in.
public struct ReviewSubmission: Sendable, Equatable {
    public var itemID: String
    public var skill: String
    public var rating: Rating
    public var time: Instant
    public var durationMs: Int?
    public var rubricHits: Int?
    public var rubricTotal: Int?
    /// Set by clients that may retry: the same id is recorded once.
    public var clientReviewID: String?

    public init(
        itemID: String, skill: String, rating: Rating, time: Instant, durationMs: Int? = nil, rubricHits: Int? = nil, rubricTotal: Int? = nil, clientReviewID: String? = nil
    ) {
        self.itemID = itemID
        self.skill = skill
        self.rating = rating
        self.time = time
        self.durationMs = durationMs
        self.rubricHits = rubricHits
        self.rubricTotal = rubricTotal
        self.clientReviewID = clientReviewID
    }
}

public struct ReviewOutcome: Sendable, Equatable {
    public var reviewID: UUID
    public var itemID: String
    /// The rating recorded (for a duplicate, the first request's).
    public var rating: Rating
    public var card: SRSCard
    /// True when the client review id had been recorded before; nothing changed this time.
    public var duplicate: Bool
}

/// A client review id sent again for another question: a client bug, not a retry.
public struct ClientIDReused: UserFacingError, Equatable {
    public let clientID: String
    public let itemID: String
    public var problem: String { "client_review_id '\(clientID)' was already used for a review of '\(itemID)'" }
    public var fix: String { "use a new id (such as a fresh UUID) for each review; reuse an id only to retry the same request" }
}

public struct UndoOutcome: Sendable, Equatable {
    public var itemID: String
    public var rating: Rating
    /// The card as it was before the undone review; nil when that review created it.
    public var card: SRSCard?
}

/// Reads and writes practice: settings, cards, the review log. Every write of a review
/// (card and log row) happens in one transaction.
public enum PracticeStore {
    static func sqlDatabase(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw PlainError("the database driver does not speak SQL") }
        return sql
    }

    static func decodeCard(_ row: any SQLRow) throws -> StoredCard {
        StoredCard(
            id: try row.decode(column: "id", as: UUID.self),
            itemID: try row.decode(column: "item_id", as: String.self),
            card: SRSCard(
                state: CardState(rawValue: try row.decode(column: "state", as: Int.self)) ?? .learning,
                step: try row.decode(column: "step", as: Int?.self),
                stability: try row.decode(column: "stability", as: Double?.self),
                difficulty: try row.decode(column: "difficulty", as: Double?.self),
                due: Instant(microseconds: try row.decode(column: "due_us", as: Int64.self)),
                lastReview: try row.decode(column: "last_review_us", as: Int64?.self).map(Instant.init(microseconds:))
            ),
            reps: try row.decode(column: "reps", as: Int.self),
            lapses: try row.decode(column: "lapses", as: Int.self)
        )
    }
}
