/// The kinds of item in the question bank, each with the body sections it must have.
public enum ItemKind: String, CaseIterable, Codable, Sendable {
    case technical
    case systemDesign = "system-design"
    case troubleshooting
    case behavioral
    case askInterviewer = "ask-interviewer"
    case cheatsheet

    public var title: String {
        switch self {
        case .technical: "Technical"
        case .systemDesign: "System design"
        case .troubleshooting: "Troubleshooting"
        case .behavioral: "Behavioral"
        case .askInterviewer: "Questions to ask"
        case .cheatsheet: "Cheat sheet"
        }
    }

    /// Level-2 headings the body must have, in this order. Cheat sheets are free-form.
    public var requiredSections: [String] {
        switch self {
        case .technical: ["Answer"]
        case .systemDesign: ["Requirements", "Capacity estimate", "High-level design", "Deep dives", "Trade-offs and bottlenecks"]
        case .troubleshooting: ["Symptoms", "Investigation", "Root cause", "Fix", "Prevention"]
        case .behavioral: ["What the interviewer is probing", "STAR example"]
        case .askInterviewer: ["Why ask it", "What to listen for"]
        case .cheatsheet: []
        }
    }

    /// Sections shown with the prompt; everything after them stays hidden until the person
    /// has tried an answer or asks to see it (problem first).
    public var promptSections: Set<String> {
        switch self {
        case .troubleshooting: ["Symptoms"]
        case .cheatsheet: []
        default: []
        }
    }

    /// Whether the item has an answer to hide at all (cheat sheets are reference pages).
    public var hidesAnswer: Bool { self != .cheatsheet }

    /// Fewest key points and follow-ups an item of this kind needs to be a useful rubric.
    public var minimumKeyPoints: Int {
        switch self {
        case .technical, .systemDesign, .troubleshooting: 4
        case .behavioral: 3
        case .askInterviewer: 2
        case .cheatsheet: 0
        }
    }

    public var minimumFollowUps: Int {
        switch self {
        case .technical, .systemDesign, .troubleshooting: 2
        case .behavioral: 1
        case .askInterviewer, .cheatsheet: 0
        }
    }
}

/// The scenarios interviewers probe with behavioral questions (the seed's list and a few more).
public enum BehavioralScenario: String, CaseIterable, Codable, Sendable {
    case costOptimisation = "cost-optimisation"
    case productionIncident = "production-incident"
    case disagreement
    case teamProductivity = "team-productivity"
    case failure, conflict, leadership, learning, success, collaboration, ambiguity
}
