import Foundation

/// Every address of the site, as one value: the routes are registered from it and every
/// link, form action and redirect is built from it, so a link cannot drift from its route.
/// A case with an id is also a route pattern when the id is a `:name` placeholder
/// (`.question(":id")`); real ids never start with a colon.
public enum SiteURL: Sendable, Hashable {
    // Operations
    case healthz
    case readyz
    case metrics
    case openAPI
    case calendarFeed
    // Pages
    case today
    case plan
    case planICS
    case planTasksDone
    case planTasksMove
    /// Catching up: the missed tasks spread over the coming days (GET previews, POST applies).
    case planCatchUp
    case planMissedDone
    case planTask(String)
    case planTaskNotes(String)
    case questions
    case question(String)
    case cheatsheets
    case cheatsheet(String)
    case practice
    case practiceStats
    case practiceCheck
    case practiceReview
    case practiceUndo
    case calculators
    case calculator(String)
    case readiness
    case readinessAnswers
    case settings
    case settingsPractice
    case settingsCalendar
    case settingsCalendarRevoke
    /// The page of a section that is not built yet (it says so).
    case planned(Section)
    case api(API)

    /// The JSON API under `/api/v1`.
    public enum API: Sendable, Hashable {
        case status
        case sections
        case skills
        case questions
        case question(String)
        case practiceQueue
        case practiceReviews
        case practiceUndo
        case practiceRubric
        case practiceStats
        case practiceSettings
        case today
        case plan
        case planTask(String)
        case planCatchUp
        case calcCatalogue
        case calc(String)
        case readiness
        case readinessAnswer(String)
        case calendarFeed
        case me

        var segments: [String] {
            switch self {
            case .status: ["status"]
            case .sections: ["sections"]
            case .skills: ["skills"]
            case .questions: ["questions"]
            case .question(let id): ["questions", id]
            case .practiceQueue: ["practice", "queue"]
            case .practiceReviews: ["practice", "reviews"]
            case .practiceUndo: ["practice", "undo"]
            case .practiceRubric: ["practice", "rubric"]
            case .practiceStats: ["practice", "stats"]
            case .practiceSettings: ["practice", "settings"]
            case .today: ["today"]
            case .plan: ["plan"]
            case .planTask(let id): ["plan", "tasks", id]
            case .planCatchUp: ["plan", "catch-up"]
            case .calcCatalogue: ["calc", "catalogue"]
            case .calc(let kind): ["calc", kind]
            case .readiness: ["readiness"]
            case .readinessAnswer(let id): ["readiness", "answers", id]
            case .calendarFeed: ["calendar", "feed"]
            case .me: ["me"]
            }
        }
    }

    /// The path's segments, unencoded; placeholders stay as `:name`.
    public var segments: [String] {
        switch self {
        case .healthz: ["healthz"]
        case .readyz: ["readyz"]
        case .metrics: ["metrics"]
        case .openAPI: ["openapi.yaml"]
        case .calendarFeed: ["calendar.ics"]
        case .today: []
        case .plan: ["plan"]
        case .planICS: ["plan.ics"]
        case .planTasksDone: ["plan", "tasks", "done"]
        case .planTasksMove: ["plan", "tasks", "move"]
        case .planCatchUp: ["plan", "catch-up"]
        case .planMissedDone: ["plan", "missed", "done"]
        case .planTask(let id): ["plan", "tasks", id]
        case .planTaskNotes(let id): ["plan", "tasks", id, "notes"]
        case .questions: ["questions"]
        case .question(let id): ["questions", id]
        case .cheatsheets: ["cheatsheets"]
        case .cheatsheet(let id): ["cheatsheets", id]
        case .practice: ["practice"]
        case .practiceStats: ["practice", "stats"]
        case .practiceCheck: ["practice", "check"]
        case .practiceReview: ["practice", "review"]
        case .practiceUndo: ["practice", "undo"]
        case .calculators: ["calculators"]
        case .calculator(let kind): ["calculators", kind]
        case .readiness: ["readiness"]
        case .readinessAnswers: ["readiness", "answers"]
        case .settings: ["settings"]
        case .settingsPractice: ["settings", "practice"]
        case .settingsCalendar: ["settings", "calendar"]
        case .settingsCalendarRevoke: ["settings", "calendar", "revoke"]
        case .planned(let section): [section.rawValue]
        case .api(let api): ["api", "v1"] + api.segments
        }
    }

    /// The absolute path, each segment percent-encoded (a task id's `#` is `%23`).
    public var path: String {
        "/" + segments.map(Self.encode).joined(separator: "/")
    }

    /// The path with a flash message to show after a redirect, other query items and a fragment.
    public func link(_ flash: Flash? = nil, query: [(String, String)] = [], fragment: String? = nil) -> String {
        let items = (flash?.query ?? []) + query
        var text = path
        if !items.isEmpty { text += "?" + items.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&") }
        if let fragment { text += "#" + Self.encode(fragment) }
        return text
    }

    /// The page a section's navigation entry opens: built sections have pages of their own.
    public static func page(of section: Section) -> SiteURL {
        switch section {
        case .today: .today
        case .plan: .plan
        case .practice: .practice
        case .questions: .questions
        case .calculators: .calculators
        case .readiness: .readiness
        case .cheatsheets: .cheatsheets
        case .settings: .settings
        default: .planned(section)
        }
    }

    /// Unreserved characters (RFC 3986) stay; everything else is escaped.
    static func encode(_ text: String) -> String {
        // Most segments are ids of letters, digits and hyphens: nothing to escape, and
        // Foundation's encoder was a measurable part of drawing a page of links.
        let plain = text.utf8.allSatisfy { byte in
            (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 46 || byte == 95 || byte == 126
        }
        return plain ? text : text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:")
}

/// What a page says after a form redirected to it, carried in the query (`?saved=1`) so the
/// redirect stays a plain GET that a reload repeats harmlessly.
public enum Flash: Sendable, Hashable {
    case created
    case saved
    case replaced
    case revoked
    case undone
    case nothingToUndo
    /// Catching up moved this many tasks, or ticked them.
    case caughtUp(moved: Int)
    case missedDone(Int)
    /// A grade was recorded; `next` is the interval as the button showed it.
    case graded(Int, next: String)
    /// A planned task was moved to a day (or back to its own).
    case moved(String, to: String)

    public var query: [(String, String)] {
        switch self {
        case .created: [("created", "1")]
        case .saved: [("saved", "1")]
        case .replaced: [("replaced", "1")]
        case .revoked: [("revoked", "1")]
        case .undone: [("undone", "1")]
        case .nothingToUndo: [("undone", "none")]
        case .graded(let rating, let next): [("graded", String(rating)), ("next", next)]
        case .moved(let task, let day): [("moved", task), ("to", day)]
        case .caughtUp(let moved): [("caught-up", String(moved))]
        case .missedDone(let count): [("missed-done", String(count))]
        }
    }

    /// `path` (a same-site path, perhaps with a query and a fragment) with this flash added to
    /// its query; without a fragment of its own it gets `fragment`.
    public func appended(to path: String, fragment: String? = nil) -> String {
        var base = path
        var anchor = fragment.map(SiteURL.encode)
        if let hash = base.firstIndex(of: "#") {
            anchor = String(base[base.index(after: hash)...])
            base = String(base[..<hash])
        }
        base += (base.contains("?") ? "&" : "?") + query.map { "\(SiteURL.encode($0.0))=\(SiteURL.encode($0.1))" }.joined(separator: "&")
        return base + (anchor.map { "#" + $0 } ?? "")
    }

    /// The flash a page's query carries, if any (`value(name)` reads one query item).
    public static func read(_ value: (String) -> String?) -> Flash? {
        if let graded = value("graded").flatMap(Int.init) { return .graded(graded, next: value("next") ?? "") }
        if let task = value("moved"), let day = value("to") { return .moved(task, to: day) }
        if let moved = value("caught-up").flatMap(Int.init) { return .caughtUp(moved: moved) }
        if let count = value("missed-done").flatMap(Int.init) { return .missedDone(count) }
        switch value("undone") {
        case "1": return .undone
        case "none": return .nothingToUndo
        default: break
        }
        for flash in [Flash.created, .saved, .replaced, .revoked] where value(flash.query[0].0) == "1" { return flash }
        return nil
    }
}
