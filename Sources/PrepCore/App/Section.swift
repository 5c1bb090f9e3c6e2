/// The top-level areas of the product, in the order the navigation shows them.
///
/// `availability` is the single place that says whether an area works yet, so a page for
/// something not built can say so plainly instead of showing anything fake.
public enum Section: String, CaseIterable, Sendable, Codable {
    case today, plan, practice, questions, mock, stories, labs, calculators, jobs, readiness, cheatsheets, settings

    public enum Availability: Sendable, Equatable {
        case available
        /// Not built yet; `issue` is the tracker number of the work that builds it, when filed.
        case planned(issue: Int?)
    }

    public var title: String {
        switch self {
        case .today: "Today"
        case .plan: "Plan"
        case .practice: "Practice"
        case .questions: "Questions"
        case .mock: "Mock"
        case .stories: "Stories"
        case .labs: "Labs"
        case .calculators: "Calculators"
        case .jobs: "Jobs"
        case .readiness: "Readiness"
        case .cheatsheets: "Cheat sheets"
        case .settings: "Settings"
        }
    }

    /// The URL path of the section's page; Today is the home page.
    public var path: String { SiteURL.page(of: self).path }

    /// One sentence on what the section does for the person preparing.
    public var summary: String {
        switch self {
        case .today: "What to study today, the reviews that are due, and your streak."
        case .plan: "The 8-week plan laid onto your calendar, with progress per week and per skill."
        case .practice: "Spaced-repetition review of answers, graded against the key points an interviewer listens for."
        case .questions: "The question bank: technical questions, system designs, troubleshooting scenarios and behavioral prompts."
        case .mock: "Timed mock interviews of the four interview types, alone or with a peer."
        case .stories: "A STAR workshop to build, lint and rehearse your behavioral stories."
        case .labs: "Simulated broken clusters to debug with kubectl and nvidia-smi."
        case .calculators: "Training, memory, inference and serving arithmetic with the worked steps shown."
        case .jobs: "Job-posting analysis, skill gaps, and your application pipeline with reminders."
        case .readiness: "An honest view of how ready you are, area by area, with the evidence behind it."
        case .cheatsheets: "Printable references: kubectl, GPU debugging, PromQL, Terraform, the design framework."
        case .settings: "Your profile, time zone, and where your data lives."
        }
    }

    public var availability: Availability {
        switch self {
        case .settings, .questions, .cheatsheets, .practice, .today, .plan, .readiness, .calculators: .available
        case .mock, .stories, .labs, .jobs: .planned(issue: nil)
        }
    }

    public var isAvailable: Bool { availability == .available }
}
