/// How well an answer was recalled, as FSRS and Anki grade it.
public enum Rating: Int, Sendable, CaseIterable, Codable, Comparable {
    case again = 1
    case hard = 2
    case good = 3
    case easy = 4

    public var name: String {
        switch self {
        case .again: "Again"
        case .hard: "Hard"
        case .good: "Good"
        case .easy: "Easy"
        }
    }

    public static func < (a: Rating, b: Rating) -> Bool { a.rawValue < b.rawValue }
}

/// Where a card is in its life, named as the reference implementation names it.
public enum CardState: Int, Sendable, CaseIterable, Codable {
    case learning = 1
    case review = 2
    case relearning = 3

    public var name: String {
        switch self {
        case .learning: "Learning"
        case .review: "Review"
        case .relearning: "Relearning"
        }
    }
}
