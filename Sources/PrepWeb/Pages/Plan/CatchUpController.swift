import Foundation
import PrepApp
import PrepCore
import Vapor

/// Catching up (issue #13): the missed tasks re-flowed over the coming study days within the
/// daily hours, previewed first and moved on confirmation; or all ticked at once.
enum CatchUpController {
    struct Document: Content {
        /// Where each missed task goes (preview) or went (applied).
        var moves: [CatchUp.Move]
        var applied: Bool
        /// Days left over the daily hours: no day had room.
        var overloadedDays: [String]
    }

    static func document(_ moves: [CatchUp.Move], applied: Bool) -> Document {
        Document(moves: moves, applied: applied, overloadedDays: Array(Set(moves.filter(\.over).map(\.to))).sorted())
    }

    static func previewJSON(_ req: Request) async throws -> Document {
        document(try await PlanController.service(req).catchUpMoves(), applied: false)
    }

    static func applyJSON(_ req: Request) async throws -> Document {
        document(try await PlanController.service(req).catchUp(), applied: true)
    }

    static func preview(_ req: Request) async throws -> Response {
        let plans = try await PlanController.service(req)
        let (_, entries) = try await plans.entries()
        let moves = try await plans.catchUpMoves()
        var titles: [String: String] = [:]
        for entry in entries { titles[entry.task.id] = entry.task.parts > 1 ? "\(entry.task.text) (part \(entry.task.part) of \(entry.task.parts))" : entry.task.text }
        let budget = Int(((try await plans.plan())?.settings.hoursPerDay ?? 2.5) * 60)
        let missed = PlanService.missed(entries, today: plans.context.today).count
        return HTMLResponse.page(CatchUpPage(moves: moves, missed: missed, titles: titles, budgetMinutes: budget).render())
    }

    static func apply(_ req: Request) async throws -> Response {
        let moves = try await PlanController.service(req).catchUp()
        return req.redirect(to: .plan, .caughtUp(moved: moves.count))
    }

    static func markDone(_ req: Request) async throws -> Response {
        let count = try await PlanController.service(req).markMissedDone()
        return req.redirect(to: .today, .missedDone(count))
    }
}

/// `/plan/catch-up`: what catching up would do, with Confirm and the bulk tick.
struct CatchUpPage {
    let moves: [CatchUp.Move]
    /// Missed tasks, which catching up moves first.
    let missed: Int
    let titles: [String: String]
    let budgetMinutes: Int

    func render() -> String {
        Layout.page(title: "Catch up", current: .plan) {
            el("nav", .class("crumbs"), .aria("label", "Breadcrumb")) { el("a", .href(SiteURL.plan.path)) { "Plan" } }
            el("h1") { "Catch up" }
            if missed == 0 {
                el("p") { "Nothing is missed: every past task is done." }
                el("p") { el("a", .href(SiteURL.today.path)) { "Back to Today" } }
            } else {
                let shifted = moves.count - missed
                el("p", .class("lede")) {
                    "\(missed) missed task\(missed == 1 ? "" : "s") first, then the rest of the plan in order, within your \(PlanBuilder.formatHours(Double(budgetMinutes) / 60)) a day"
                    shifted > 0 ? ": \(shifted) later task\(shifted == 1 ? "" : "s") move later to make room." : "."
                    " Nothing moves until you confirm; ticks and notes stay."
                }
                let over = Set(moves.filter(\.over).map(\.to))
                if !over.isEmpty {
                    el("p", .class("flash error"), .init("role", "alert")) {
                        "The days left in the plan cannot hold it all: \(over.sorted().joined(separator: ", ")) goes past your daily hours. Tick what you already know, or re-plan with more hours a day."
                    }
                }
                el("table", .class("data"), .id("catch-up")) {
                    el("caption") { "Where each task would go" }
                    el("thead") {
                        el("tr") {
                            el("th", .init("scope", "col")) { "Task" }
                            el("th", .init("scope", "col")) { "Minutes" }
                            el("th", .init("scope", "col")) { "From" }
                            el("th", .init("scope", "col")) { "To" }
                            el("th", .init("scope", "col")) { "That day" }
                        }
                    }
                    el("tbody") {
                        for move in moves {
                            el("tr", .class(move.over ? "over" : "")) {
                                el("td") { titles[move.taskID] ?? move.taskID }
                                el("td") { String(move.minutes) }
                                el("td") { move.from }
                                el("td") { (PlanSettings.day(move.to).map { "\($0.weekdayName) " } ?? "") + move.to }
                                el("td") { "\(move.dayMinutes) min" + (move.over ? " (over)" : "") }
                            }
                        }
                    }
                }
                el("form", .init("method", "post"), .init("action", SiteURL.planCatchUp.path), .class("inline")) {
                    el("button", .type("submit"), .class("button primary"), .id("confirm-catch-up")) { "Move them" }
                }
                " "
                el("form", .init("method", "post"), .init("action", SiteURL.planMissedDone.path), .class("inline")) {
                    el("button", .type("submit"), .class("button"), .id("mark-missed-done")) { "Mark the \(missed) missed done instead" }
                }
            }
        }
    }
}
