/// How ready a person is, area by area, with the evidence behind every number. A score is
/// only given where something was done (a card studied, a task ticked, a checklist item
/// answered); otherwise the area says "no evidence yet".
public struct ReadinessReport: Sendable, Equatable, Codable {
    /// One measured ingredient of a score.
    public struct Evidence: Sendable, Equatable, Codable {
        /// `memory`, `plan` or `checklist`.
        public var kind: String
        /// 0…1; the share this ingredient shows.
        public var value: Double
        /// Its weight in the area's score (weights of the ingredients present add up to 1).
        public var weight: Double
        /// The evidence in words, with its counts.
        public var detail: String
    }

    public struct NextStep: Sendable, Equatable, Codable {
        public var text: String
        /// A path in the web app where the step is done.
        public var link: String
    }

    /// A skill area or an interview type.
    public struct Area: Sendable, Equatable, Codable, Identifiable {
        public var id: String
        public var name: String
        public var tier: Int?
        /// 0…100, or nil when nothing has been done that could show readiness.
        public var score: Int?
        public var evidence: [Evidence]
        /// Evidence this area would use but that does not exist (yet), in words.
        public var missing: [String]
        public var next: [NextStep]
    }

    public struct ChecklistItem: Sendable, Equatable, Codable, Identifiable {
        public var id: String
        public var checklist: String
        public var group: String?
        public var text: String
        public var answer: ChecklistAnswer?
        public var skills: [String]
        public var items: [String]
        /// Mean recall of the linked questions (unstudied count as 0): measured evidence shown
        /// beside the self-assessment; nil when the item links no questions.
        public var recall: Double?
    }

    /// 0…100: the mean of the interview types' scores, a type without evidence counting 0;
    /// nil until some type has evidence.
    public var overall: Int?
    public var overallBasis: String
    public var areas: [Area]
    public var interviewTypes: [Area]
    /// The three areas most in need of work, each with what to do next.
    public var weakest: [Area]
    public var checklists: [ChecklistItem]
    public var redFlags: [ChecklistItem]
    /// Evidence the product cannot measure yet, said plainly.
    public var notMeasured: [String]
}
