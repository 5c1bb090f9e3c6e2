import Foundation
import PrepApp
import PrepContent
import PrepCore
import PrepStore
import Vapor

/// `/api/v1/practice/…`: today's queue, grading (idempotent with a client review id),
/// undo, rubric checks, statistics and settings.
enum PracticeAPI {
    static func queue(_ req: Request) async throws -> PracticeQueueDocument {
        var early = false
        switch req.query[String.self, at: "early"] {
        case nil, "false", "0": break
        case "true", "1": early = true
        case let other?:
            throw ValidationFailure(fields: ["early": "early must be true or false, not '\(other)'."], detail: "Some query parameters are invalid; see errors.")
        }
        return try await PracticeController.service(req).queueDocument(early: early, focus: try PracticeController.focus(req))
    }

    struct Submit: Content {
        var itemId: String?
        var rating: Int?
        var clientReviewId: String?
        var reviewedAt: String?
        var durationMs: Int?
        var rubricHits: Int?
        var rubricTotal: Int?
    }

    struct Recorded: Content {
        var reviewId: UUID
        var itemId: String
        var rating: Int
        var duplicate: Bool
        var card: CardStateDocument
    }

    static func submit(_ req: Request) async throws -> Response {
        let body = try req.content.decode(Submit.self)
        var errors: [String: String] = [:]
        let itemID = body.itemId ?? ""
        if itemID.isEmpty { errors["item_id"] = "Give the id of the question graded (see GET /api/v1/practice/queue)." }
        let rating = body.rating.flatMap(Rating.init(rawValue:))
        if rating == nil { errors["rating"] = "Use 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)\(body.rating.map { "; got \($0)" } ?? "")." }
        var time: Instant?
        if let text = body.reviewedAt {
            do { time = try ISO8601.parse(text) } catch { errors["reviewed_at"] = error.description }
            if let given = time, given < ISO8601.earliestReview {
                errors["reviewed_at"] = "Use a review time from 2000-01-01 on (got '\(text)'); leave it out to use the server's clock."
                time = nil
            }
        }
        if let client = body.clientReviewId, client.isEmpty || client.count > 100 {
            errors["client_review_id"] = "Use a non-empty id of at most 100 characters, such as a UUID."
        }
        if let duration = body.durationMs, duration < 0 { errors["duration_ms"] = "Use a duration of 0 or more milliseconds." }
        if let total = body.rubricTotal, total < 0 { errors["rubric_total"] = "Use a number of key points of 0 or more." }
        if let hits = body.rubricHits {
            if hits < 0 {
                errors["rubric_hits"] = "Use a number of key points of 0 or more."
            } else if let total = body.rubricTotal, hits > total {
                errors["rubric_hits"] = "Use a number of key points from 0 to rubric_total (\(total))."
            }
        }
        guard errors.isEmpty, let rating else { throw ValidationFailure(fields: errors) }
        let service = try await PracticeController.service(req)
        if let time, time > service.now.adding(microseconds: 300_000_000) {
            throw ValidationFailure(fields: ["reviewed_at": "The review time is in the future; leave it out to use the server's clock."])
        }
        let outcome: ReviewOutcome
        do {
            outcome = try await service.grade(
                itemID: itemID, rating: rating, time: time, durationMs: body.durationMs,
                rubricHits: body.rubricHits, rubricTotal: body.rubricTotal, clientReviewID: body.clientReviewId
            )
        } catch let error as PracticeService.GradeError {
            throw ValidationFailure(fields: ["item_id": error.message])
        } catch let error as FSRS.ReviewError {
            throw HTTPUserError(status: .conflict, error: error)
        } catch let error as ClientIDReused {
            throw ValidationFailure(fields: ["client_review_id": error.message])
        }
        let recorded = Recorded(
            reviewId: outcome.reviewID, itemId: outcome.itemID, rating: outcome.rating.rawValue, duplicate: outcome.duplicate, card: CardStateDocument(outcome.card))
        let response = Response(status: outcome.duplicate ? .ok : .created)
        try response.content.encode(recorded)
        return response
    }

    struct Undone: Content {
        var itemId: String
        var rating: Int
        /// The card as it was before the undone review; null when that review created it.
        var card: CardStateDocument?
    }

    static func undo(_ req: Request) async throws -> Undone {
        let service = try await PracticeController.service(req)
        guard let outcome = try await service.undo() else {
            throw HTTPUserError(status: .conflict, error: PlainError("there is no review to undo", fix: "grade a card first"))
        }
        return Undone(itemId: outcome.itemID, rating: outcome.rating.rawValue, card: outcome.card.map(CardStateDocument.init))
    }

    struct RubricRequest: Content {
        var itemId: String?
        var answer: String?
    }

    struct RubricResult: Content {
        var itemId: String
        var covered: Int
        var total: Int
        var suggestedRating: Int
        var keyPoints: [Rubric.Match]
    }

    static func rubric(_ req: Request) async throws -> RubricResult {
        let body = try req.content.decode(RubricRequest.self)
        var errors: [String: String] = [:]
        let item = body.itemId.flatMap { req.prep.catalog[$0] }
        if item == nil { errors["item_id"] = "Give the id of a question in the bank\(body.itemId.map { "; '\($0)' is not one" } ?? "")." }
        if body.answer == nil { errors["answer"] = "Give the answer text to check." }
        guard errors.isEmpty, let item, let answer = body.answer else { throw ValidationFailure(fields: errors) }
        let service = try await PracticeController.service(req)
        let matches = service.rubric(for: item, answer: answer)
        let covered = matches.filter(\.covered).count
        return RubricResult(
            itemId: item.id, covered: covered, total: matches.count,
            suggestedRating: Rubric.suggestedRating(covered: covered, total: matches.count).rawValue, keyPoints: matches)
    }

    static func stats(_ req: Request) async throws -> PracticeStats {
        try await PracticeController.service(req).stats()
    }

    static func settings(_ req: Request) async throws -> PracticeSettings {
        try await PracticeStore.settings(userID: req.userID, on: req.db)
    }

    struct SettingsPatch: Content {
        var newPerDay: Int?
        var reviewsPerDay: Int?
        var desiredRetention: Double?
    }

    static func updateSettings(_ req: Request) async throws -> PracticeSettings {
        let patch = try req.content.decode(SettingsPatch.self)
        var settings = try await PracticeStore.settings(userID: req.userID, on: req.db)
        settings.newPerDay = patch.newPerDay ?? settings.newPerDay
        settings.reviewsPerDay = patch.reviewsPerDay ?? settings.reviewsPerDay
        settings.desiredRetention = patch.desiredRetention ?? settings.desiredRetention
        let errors = try await PracticeStore.saveSettings(settings, userID: req.userID, on: req.db)
        guard errors.isEmpty else { throw ValidationFailure(fields: errors) }
        return settings
    }
}

extension PracticeStats: Content {}
extension PracticeQueueDocument: Content {}
extension PracticeSettings: Content {}
