/// One skill area of the curriculum, as the job-posting analysis ranks it.
public struct Skill: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// 1 (must-have) to 4 (nice-to-have); nil for areas outside the ranking (behavioral, interview craft).
    public var tier: Int?
    /// Share of analysed job postings that ask for the skill, as a range of percentages
    /// (the seed gives ranges such as 29-45% where it merges several tools).
    public var postingShare: ClosedRange<Int>?
    /// A broader skill this one belongs to (Kubernetes for ML belongs to Kubernetes).
    public var parent: String?
    /// Spellings of the skill in job postings, matched case-insensitively on word boundaries.
    public var aliases: [String]

    public init(id: String, name: String, tier: Int?, postingShare: ClosedRange<Int>?, parent: String? = nil, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.tier = tier
        self.postingShare = postingShare
        self.parent = parent
        self.aliases = aliases
    }
}

/// The study-time share the seed gives each tier; tier 4 gets only spare time.
public enum TierAllocation {
    public static func share(ofTier tier: Int) -> Double {
        switch tier {
        case 1: 0.50
        case 2: 0.30
        case 3: 0.20
        default: 0
        }
    }
}
