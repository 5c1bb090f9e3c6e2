/// A person's answer to a checklist item: for the readiness checklists "yes, I can";
/// for a red flag "yes, this is me" (and "no" once they checked and it is not).
public enum ChecklistAnswer: String, Sendable, Codable, CaseIterable {
    case yes, no
}

/// Everything readiness is measured from, gathered by the caller from the store, the bank
/// and the plan. Nothing here is a guess: each field is a record of something done.
public struct ReadinessInput: Sendable {
    /// A question of the bank that can be practised.
    public struct Question: Sendable, Equatable {
        public var itemID: String
        public var skill: String
        public var kind: ItemKind
        public var title: String
        public init(itemID: String, skill: String, kind: ItemKind, title: String) {
            self.itemID = itemID
            self.skill = skill
            self.kind = kind
            self.title = title
        }
    }

    /// A studied card: how likely it is to be recalled now (FSRS retrievability).
    public struct Memory: Sendable, Equatable {
        public var recall: Double
        public var reviews: Int
        public var lapses: Int
        public init(recall: Double, reviews: Int, lapses: Int) {
            self.recall = recall
            self.reviews = reviews
            self.lapses = lapses
        }
    }

    /// A task of the plan (all its parts together).
    public struct PlanWork: Sendable, Equatable {
        public var taskID: String
        public var text: String
        public var kind: Curriculum.Task.Kind
        public var skills: [String]
        public var items: [String]
        public var minutes: Int
        public var minutesDone: Int
        /// Its (last) day is today or earlier.
        public var due: Bool
        public init(taskID: String, text: String, kind: Curriculum.Task.Kind, skills: [String], items: [String], minutes: Int, minutesDone: Int, due: Bool) {
            self.taskID = taskID
            self.text = text
            self.kind = kind
            self.skills = skills
            self.items = items
            self.minutes = minutes
            self.minutesDone = minutesDone
            self.due = due
        }
        public var done: Bool { minutesDone >= minutes }
    }

    public var taxonomy: Taxonomy
    public var questions: [Question]
    /// By item id; questions never studied are absent.
    public var memory: [String: Memory]
    /// Reviews of cards in review state and how many passed, per skill (true retention).
    public var retention: [PracticeStats.SkillRetention]
    /// Nil when there is no plan.
    public var plan: [PlanWork]?
    /// The interview-ready and ready-if checklists, and the red flags.
    public var checklists: [Checklist]
    public var answers: [String: ChecklistAnswer]
    /// The person's own ratings of their skills, 1 (weak) to 5 (strong), from the plan.
    public var selfRatings: [String: Int] = [:]

    public init(
        taxonomy: Taxonomy, questions: [Question], memory: [String: Memory], retention: [PracticeStats.SkillRetention],
        plan: [PlanWork]?, checklists: [Checklist], answers: [String: ChecklistAnswer]
    ) {
        self.taxonomy = taxonomy
        self.questions = questions
        self.memory = memory
        self.retention = retention
        self.plan = plan
        self.checklists = checklists
        self.answers = answers
    }

    public static let readinessChecklists = ["interview-ready", "ready-if"]
    public static let redFlagChecklist = "red-flags"
}
