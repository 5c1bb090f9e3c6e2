/// Chooses what to practise today: due reviews first (oldest due first, up to the daily
/// review limit), then new questions in the seed's mix: at least one technical and one
/// behavioral question a day, the rest weighted by tier (50/30/20) and toward weak skills.
public enum DailySession {
    public struct Candidate: Sendable, Equatable {
        public var itemID: String
        public var kind: ItemKind
        public var skill: String
        /// The skill's tier (1-4); nil for behavioral and interview craft.
        public var tier: Int?
        public var difficulty: Int
        public init(itemID: String, kind: ItemKind, skill: String, tier: Int?, difficulty: Int) {
            self.itemID = itemID
            self.kind = kind
            self.skill = skill
            self.tier = tier
            self.difficulty = difficulty
        }
    }

    public struct Today: Sendable, Equatable {
        public var reviewsDone: Int
        public var newDone: Int
        /// Kinds of the new questions already started today.
        public var newKinds: Set<ItemKind>
        public init(reviewsDone: Int = 0, newDone: Int = 0, newKinds: Set<ItemKind> = []) {
            self.reviewsDone = reviewsDone
            self.newDone = newDone
            self.newKinds = newKinds
        }
    }

    public struct Queue: Sendable, Equatable, Codable {
        /// Item ids of due cards, in the order to review them.
        public var reviews: [String]
        /// Item ids of new questions, in the order to study them.
        public var new: [String]
        public var count: Int { reviews.count + new.count }
        public var all: [String] { reviews + new }
    }

    /// The kinds that become practice cards; cheat sheets and questions to ask are read, not drilled.
    public static let practisedKinds: Set<ItemKind> = [.technical, .behavioral, .troubleshooting, .systemDesign]

    /// - Parameters:
    ///   - due: item ids of cards due now, oldest due first.
    ///   - candidates: items never studied, of the practised kinds.
    ///   - weakness: per skill, 0 (strong) to 1 (weak); unknown skills count as 0.5.
    ///   - focus: skills of the plan's current week, drawn `focusWeight` times as often; nil or empty: no preference.
    ///   - seed: the same seed gives the same choice (one per user and day).
    public static func build(
        due: [String], candidates: [Candidate], today: Today, settings: PracticeSettings,
        weakness: [String: Double] = [:], focus: Set<String>? = nil, seed: UInt64
    ) -> Queue {
        let reviews = Array(due.prefix(max(0, settings.reviewsPerDay - today.reviewsDone)))
        var slots = max(0, settings.newPerDay - today.newDone)
        var pool = candidates.filter { practisedKinds.contains($0.kind) }
        let focus = focus ?? []
        var random = SplitMix64(seed: seed)
        var chosen: [String] = []
        func take(_ index: Int) {
            chosen.append(pool[index].itemID)
            pool.remove(at: index)
            slots -= 1
        }
        // The seed's daily minimum: one technical and one behavioral question.
        func weights(_ indices: [Int]) -> [Double] {
            var peers: [Int: Int] = [:]
            for candidate in pool { peers[candidate.tier ?? 0, default: 0] += 1 }
            // The week's skills come first by weight, not by exclusion: when they run out,
            // the other skills still fill the day's new slots.
            return indices.map { weight(pool[$0], peers: peers[pool[$0].tier ?? 0] ?? 1, weakness: weakness) * (focus.contains(pool[$0].skill) ? focusWeight : 1) }
        }
        for kind in [ItemKind.technical, .behavioral] where slots > 0 && !today.newKinds.contains(kind) {
            let indices = pool.indices.filter { pool[$0].kind == kind }
            if let index = pick(indices, weights: weights(indices), random: &random) { take(index) }
        }
        while slots > 0, !pool.isEmpty {
            let indices = Array(pool.indices)
            guard let index = pick(indices, weights: weights(indices), random: &random) else { break }
            take(index)
        }
        return Queue(reviews: reviews, new: chosen)
    }

    /// Today's queue, stable through the day: the new questions are drawn once from the pool
    /// as it stood at the start of the day (`studiedToday` put back, nothing done yet), so
    /// grading one card never reshuffles the rest; those already studied are then crossed off.
    /// `weakness` should be as known at the start of the day, for the same reason.
    public static func forToday(
        due: [String], unstudied: [Candidate], studiedToday: [Candidate], reviewsDone: Int, settings: PracticeSettings,
        weakness: [String: Double] = [:], focus: Set<String>? = nil, seed: UInt64
    ) -> Queue {
        let done = Set(studiedToday.map(\.itemID))
        // In one fixed order, so the same seed draws the same questions whatever was studied since.
        let pool = (unstudied + studiedToday).sorted { $0.itemID < $1.itemID }
        let pick = build(due: [], candidates: pool, today: .init(), settings: settings, weakness: weakness, focus: focus, seed: seed).new
        let left = max(0, settings.newPerDay - done.count)
        return Queue(
            reviews: Array(due.prefix(max(0, settings.reviewsPerDay - reviewsDone))),
            new: Array(pick.filter { !done.contains($0) }.prefix(left))
        )
    }

    /// How much more likely a skill of the plan's week is to be drawn than any other.
    static let focusWeight = 8.0

    /// Each tier's share of study time is split across that tier's remaining items, so a
    /// tier with many questions does not crowd out a smaller one; weak skills count up to
    /// twice, and easier questions of a skill come before harder ones.
    static func weight(_ candidate: Candidate, peers: Int, weakness: [String: Double]) -> Double {
        let tier = candidate.tier ?? 0
        let share = tier >= 1 && tier <= 3 ? TierAllocation.share(ofTier: tier) : 0.05
        let weak = 1 + min(max(weakness[candidate.skill] ?? 0.5, 0), 1)
        let ease = Double(4 - min(max(candidate.difficulty, 1), 3)) / 2
        return share / Double(max(peers, 1)) * weak * ease
    }

    private static func pick(_ indices: [Int], weights: [Double], random: inout SplitMix64) -> Int? {
        let total = weights.reduce(0, +)
        guard !indices.isEmpty, total > 0 else { return indices.first }
        var target = Double.random(in: 0..<total, using: &random)
        for (index, w) in zip(indices, weights) {
            if target < w { return index }
            target -= w
        }
        return indices.last
    }
}
