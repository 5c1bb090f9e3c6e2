/// The 8-week study plan as data: phases of one or two weeks, each with topics and tasks,
/// daily practice, weekend projects and a checkpoint. Dates are laid on later by the plan
/// builder; this is the curriculum itself.
public struct Curriculum: Sendable, Equatable, Codable {
    public struct Phase: Sendable, Equatable, Codable, Identifiable {
        public var id: String
        public var title: String
        public var weeks: [Int]
        /// Share of daily time for theory and hands-on work (they add up to 1).
        public var timeSplit: TimeSplit
        public var dailyPractice: [String]
        public var topics: [Topic]
        public var weekendProjects: [WeekendProject]
        public var checkpoint: [String]

        public init(
            id: String, title: String, weeks: [Int], timeSplit: TimeSplit, dailyPractice: [String], topics: [Topic], weekendProjects: [WeekendProject], checkpoint: [String]
        ) {
            self.id = id
            self.title = title
            self.weeks = weeks
            self.timeSplit = timeSplit
            self.dailyPractice = dailyPractice
            self.topics = topics
            self.weekendProjects = weekendProjects
            self.checkpoint = checkpoint
        }
    }

    public struct TimeSplit: Sendable, Equatable, Codable {
        public var theory: Double
        public var handsOn: Double

        public init(theory: Double, handsOn: Double) {
            self.theory = theory
            self.handsOn = handsOn
        }
    }

    public struct Topic: Sendable, Equatable, Codable, Identifiable {
        public var id: String
        public var title: String
        public var skills: [String]
        public var tasks: [Task]

        public init(id: String, title: String, skills: [String], tasks: [Task]) {
            self.id = id
            self.title = title
            self.skills = skills
            self.tasks = tasks
        }
    }

    public struct Task: Sendable, Equatable, Codable, Identifiable {
        public enum Kind: String, Sendable, Codable, CaseIterable {
            case theory
            case handsOn = "hands-on"
            case practice, review, build, mock, behavioral
        }
        public var id: String
        public var kind: Kind
        public var text: String
        public var minutes: Int
        /// Question-bank items the task drills.
        public var items: [String]

        public init(id: String, kind: Kind, text: String, minutes: Int, items: [String]) {
            self.id = id
            self.kind = kind
            self.text = text
            self.minutes = minutes
            self.items = items
        }
    }

    public struct WeekendProject: Sendable, Equatable, Codable, Identifiable {
        public var id: String
        public var week: Int
        /// A build project, or a lighter review drill.
        public var kind: Task.Kind
        public var title: String
        public var minutes: Int
        public var steps: [String]
        /// Question-bank items the weekend drills.
        public var items: [String]

        public init(id: String, week: Int, kind: Task.Kind, title: String, minutes: Int, steps: [String], items: [String]) {
            self.id = id
            self.week = week
            self.kind = kind
            self.title = title
            self.minutes = minutes
            self.steps = steps
            self.items = items
        }
    }

    public var phases: [Phase]

    public init(phases: [Phase]) {
        self.phases = phases
    }

    public var allTasks: [Task] { phases.flatMap { $0.topics.flatMap(\.tasks) } }
}

/// The seed's checklists (interview-ready, ready-if, red flags, day before, after the
/// interview, interview types, resources).
public struct Checklist: Sendable, Equatable, Codable, Identifiable {
    public struct Group: Sendable, Equatable, Codable {
        public var title: String?
        public var items: [Item]

        public init(title: String?, items: [Item]) {
            self.title = title
            self.items = items
        }
    }

    public struct Item: Sendable, Equatable, Codable, Identifiable {
        public var id: String
        public var text: String
        public var skills: [String]
        /// Question-bank items that drill it.
        public var items: [String]
        public var url: String?

        public init(id: String, text: String, skills: [String], items: [String], url: String?) {
            self.id = id
            self.text = text
            self.skills = skills
            self.items = items
            self.url = url
        }
    }

    public var id: String
    public var title: String
    public var purpose: String
    public var groups: [Group]

    public init(id: String, title: String, purpose: String, groups: [Group]) {
        self.id = id
        self.title = title
        self.purpose = purpose
        self.groups = groups
    }

    public var allItems: [Item] { groups.flatMap(\.items) }
}

// Decoding from the YAML files: snake_case keys, and optional lists that may be left out.
extension Curriculum.Phase {
    enum CodingKeys: String, CodingKey {
        case id, title, weeks
        case timeSplit = "time_split"
        case dailyPractice = "daily_practice"
        case topics
        case weekendProjects = "weekend_projects"
        case checkpoint
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        weeks = try c.decode([Int].self, forKey: .weeks)
        timeSplit = try c.decode(Curriculum.TimeSplit.self, forKey: .timeSplit)
        dailyPractice = try c.decodeIfPresent([String].self, forKey: .dailyPractice) ?? []
        topics = try c.decode([Curriculum.Topic].self, forKey: .topics)
        weekendProjects = try c.decodeIfPresent([Curriculum.WeekendProject].self, forKey: .weekendProjects) ?? []
        checkpoint = try c.decodeIfPresent([String].self, forKey: .checkpoint) ?? []
    }
}

extension Curriculum.TimeSplit {
    enum CodingKeys: String, CodingKey {
        case theory
        case handsOn = "hands_on"
    }
}

extension Curriculum.Task {
    enum CodingKeys: String, CodingKey { case id, kind, text, minutes, items }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(Kind.self, forKey: .kind)
        text = try c.decode(String.self, forKey: .text)
        minutes = try c.decode(Int.self, forKey: .minutes)
        items = try c.decodeIfPresent([String].self, forKey: .items) ?? []
    }
}

extension Checklist.Item {
    enum CodingKeys: String, CodingKey { case id, text, skills, items, url }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        text = try c.decode(String.self, forKey: .text)
        skills = try c.decodeIfPresent([String].self, forKey: .skills) ?? []
        items = try c.decodeIfPresent([String].self, forKey: .items) ?? []
        url = try c.decodeIfPresent(String.self, forKey: .url)
    }
}

extension Curriculum.WeekendProject {
    enum CodingKeys: String, CodingKey { case id, week, kind, title, minutes, steps, items }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        week = try c.decode(Int.self, forKey: .week)
        kind = try c.decodeIfPresent(Curriculum.Task.Kind.self, forKey: .kind) ?? .build
        title = try c.decode(String.self, forKey: .title)
        minutes = try c.decode(Int.self, forKey: .minutes)
        steps = try c.decodeIfPresent([String].self, forKey: .steps) ?? []
        items = try c.decodeIfPresent([String].self, forKey: .items) ?? []
    }
}
