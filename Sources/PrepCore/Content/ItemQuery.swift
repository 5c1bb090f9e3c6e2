/// Filters for the question bank; `text` is a full-text search ranked by relevance.
public struct ItemQuery: Sendable, Equatable {
    public var kind: ItemKind?
    public var skill: String?
    public var tier: Int?
    public var difficulty: Int?
    public var text: String?

    public init(kind: ItemKind? = nil, skill: String? = nil, tier: Int? = nil, difficulty: Int? = nil, text: String? = nil) {
        self.kind = kind
        self.skill = skill
        self.tier = tier
        self.difficulty = difficulty
        self.text = text
    }
}
