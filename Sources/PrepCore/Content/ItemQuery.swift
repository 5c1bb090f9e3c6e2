/// Filters for the question bank; `text` is a full-text search ranked by relevance.
public struct ItemQuery: Sendable, Equatable {
    public var kind: ItemKind?
    public var skill: String?
    public var tier: Int?
    public var difficulty: Int?
    public var text: String?

    /// Longer searches are refused: a question is a few words, and each word costs a pass
    /// over its postings and spelling corrections (issue #12: 13,000 words held a server for 7.5 s).
    public static let maxTextCharacters = 200
    public static let maxTextTerms = 16

    /// Why a search text is refused, or nil when it is within the limits.
    public static func textProblem(_ text: String) -> String? {
        let characters = text.count
        if characters > maxTextCharacters {
            return "the search is \(characters) characters long; use at most \(maxTextCharacters) (a few words)"
        }
        let terms = Set(Tokenizer.terms(text)).count
        if terms > maxTextTerms { return "the search has \(terms) different words; use at most \(maxTextTerms)" }
        return nil
    }

    public init(kind: ItemKind? = nil, skill: String? = nil, tier: Int? = nil, difficulty: Int? = nil, text: String? = nil) {
        self.kind = kind
        self.skill = skill
        self.tier = tier
        self.difficulty = difficulty
        self.text = text
    }
}
