import Foundation
import PrepApp
import PrepCore
import PrepStore
import Vapor

/// `/api/v1/today` and `/api/v1/plan…`.
enum PlanAPI {
    struct Today: Content {
        struct Practice: Content {
            var reviews: Int
            var new: Int
        }
        /// Null until a plan exists.
        var day: PlanService.Day?
        var practice: Practice
    }

    static func today(_ req: Request) async throws -> Response {
        let context = try await req.context()
        var changesAt: Instant?
        return try await req.cachedPage(
            for: context, lifetime: { changesAt.map(PageLifetime.until) ?? .notKept },
            draw: { _ in
                let (summary, expiry) = try await context.todayService.summaryAndExpiry()
                changesAt = expiry
                return try await Today(day: summary.day, practice: .init(reviews: summary.reviewsWaiting, new: summary.newWaiting)).encodeResponse(for: req)
            })
    }

    struct PlanDocument: Content {
        var plan: StudyPlan
        var entries: [PlanService.Entry]
        /// Planned against done, per week of the plan.
        var weeks: [PlanProgress.Week]
    }

    static func document(_ service: PlanService) async throws -> PlanDocument {
        let (plan, entries) = try await service.entries()
        return PlanDocument(plan: plan, entries: entries, weeks: try await service.weeks())
    }

    static func show(_ req: Request) async throws -> PlanDocument {
        do {
            return try await document(try await PlanController.service(req))
        } catch let failure as PlanService.Failure {
            throw HTTPUserError(status: .notFound, error: failure)
        }
    }

    struct Put: Content {
        var start: String?
        var hoursPerDay: Double?
        var daysPerWeek: Int?
        var interviewDate: String?
        var skillRatings: [String: Int]?
        var replace: Bool?
    }

    static func put(_ req: Request) async throws -> Response {
        let body = try req.content.decode(Put.self)
        guard let start = body.start else { throw ValidationFailure(fields: ["start": "Give the first day of study as YYYY-MM-DD."]) }
        let settings = PlanSettings(
            start: start, hoursPerDay: body.hoursPerDay ?? 2.5, daysPerWeek: body.daysPerWeek ?? 6,
            interviewDate: body.interviewDate, skillRatings: body.skillRatings ?? [:])
        let errors = settings.validate(taxonomy: req.prep.catalog.taxonomy)
        guard errors.isEmpty else { throw ValidationFailure(fields: errors) }
        let service = try await PlanController.service(req)
        let existed = try await PlanStore.settings(userID: req.userID, on: req.db) != nil
        do {
            try await PlanStore.save(settings, userID: req.userID, replace: body.replace ?? false, now: service.now, on: req.db)
        } catch is PlanExists {
            throw HTTPUserError(
                status: .conflict,
                error: PlainError("a study plan exists already", fix: "send \"replace\": true to replace it (ticks, moves and notes on tasks that still exist are kept)"))
        }
        let response = Response(status: existed ? .ok : .created)
        try response.content.encode(try await document(service))
        return response
    }

    /// Every field is optional; `moved_to` and `notes` may be null to clear them, so "absent"
    /// and "null" are told apart.
    struct TaskPatch: Decodable {
        var done: Bool?
        var movedTo: String??
        var notes: String??

        // Keys as the global decoder hands them over, after converting from snake_case.
        enum CodingKeys: String, CodingKey { case done, movedTo, notes }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            done = try c.decodeIfPresent(Bool.self, forKey: .done)
            movedTo = c.contains(.movedTo) ? .some(try c.decodeIfPresent(String.self, forKey: .movedTo)) : .none
            notes = c.contains(.notes) ? .some(try c.decodeIfPresent(String.self, forKey: .notes)) : .none
        }
    }

    static func patchTask(_ req: Request) async throws -> PlanService.Entry {
        let id = try req.parameters.require("id")
        let body = try req.content.decode(TaskPatch.self)
        guard body.done != nil || body.movedTo != nil || body.notes != nil else {
            throw ValidationFailure(fields: ["done": "Give at least one of done (true or false), moved_to (YYYY-MM-DD or null) and notes (Markdown or null)."])
        }
        let service = try await PlanController.service(req)
        do {
            // Every field is checked before anything is written: a refused field leaves the task as it was.
            let (plan, entries) = try await service.entries()
            var entry = try PlanService.find(id, in: entries)
            if let movedTo = body.movedTo { _ = try service.checkMove(entry, to: movedTo, plan: plan) }
            if let notes = body.notes { _ = try PlanService.checkNotes(notes) }
            if let notes = body.notes { _ = try await service.setNotes(id, notes: notes) }
            if let movedTo = body.movedTo { entry = try await service.move(id, to: movedTo) }
            if let done = body.done { entry = try await service.setDone(id, done: done) }
            // The answer shows the task as stored after every change.
            return try await service.entry(entry.task.id)
        } catch let failure as PlanService.Failure {
            // Bad values are named by their field, as every 422 of the API is.
            switch failure {
            case .badDate, .moveIntoPast, .moveAfterPlan: throw ValidationFailure(fields: ["moved_to": failure.message])
            case .notesTooLong, .notesControlCharacter: throw ValidationFailure(fields: ["notes": failure.message])
            case .noPlan, .unknownTask: throw failure
            }
        }
    }
}

extension PlanService.Entry: Content {}
extension PlanService.Day: Content {}
