/// The skill areas in ranking order, with lookup by id.
public struct Taxonomy: Sendable, Equatable {
    public let skills: [Skill]
    private let index: [String: Int]

    public init(skills: [Skill]) throws {
        var index: [String: Int] = [:]
        for (i, skill) in skills.enumerated() {
            if index[skill.id] != nil { throw PlainError("skill '\(skill.id)' is defined twice", fix: "give each skill a unique id") }
            index[skill.id] = i
        }
        for skill in skills {
            if let parent = skill.parent, index[parent] == nil {
                throw PlainError("skill '\(skill.id)' names an unknown parent '\(parent)'", fix: "use the id of a skill defined in the taxonomy")
            }
            if let tier = skill.tier, !(1...4).contains(tier) {
                throw PlainError("skill '\(skill.id)' has tier \(tier)", fix: "use a tier from 1 to 4, or leave it out")
            }
        }
        self.skills = skills
        self.index = index
    }

    public subscript(id: String) -> Skill? { index[id].map { skills[$0] } }

    public func skills(inTier tier: Int) -> [Skill] { skills.filter { $0.tier == tier } }
}
