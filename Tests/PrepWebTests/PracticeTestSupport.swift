import Foundation
import PrepCore
import PrepTestSupport
import PrepWeb
import Testing
import VaporTesting

// Shared by the Practice*Tests suites.

/// The injected clock, moved forward by the tests. It starts at 2026-11-29T23:30:00Z,
/// which is 00:30 on 30 November in Berlin.
final class MovableClock: @unchecked Sendable {
    static let start = Date(timeIntervalSince1970: 1_795_995_000)
    private let lock = NSLock()
    private var current = MovableClock.start

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }
    var instant: Instant { Instant(date: now) }
    var read: @Sendable () -> Date { { [self] in now } }

    func advance(minutes: Double) {
        lock.lock()
        defer { lock.unlock() }
        current = current.addingTimeInterval(minutes * 60)
    }
}

/// The API's JSON, decoded with snake_case keys; tests check the raw keys where it matters.
enum PracticeJSON {
    struct Card: Decodable, Equatable {
        var state: String
        var step: Int?
        var stability: Double?
        var difficulty: Double?
        var due: String
        var lastReview: String?
    }

    struct Entry: Decodable {
        var itemId: String
        var title: String
        var kind: String
        var skill: String
        var new: Bool
        var card: Card?
        var preview: [String: String]
    }

    struct Queue: Decodable {
        var date: String
        var timeZone: String
        var reviewsDone: Int
        var newDone: Int
        var dueBeyondLimit: Int
        var nextDue: String?
        var canReviewEarly: Bool
        var entries: [Entry]
    }

    struct Recorded: Decodable {
        var reviewId: UUID
        var itemId: String
        var rating: Int
        var duplicate: Bool
        var card: Card
    }

    struct Undone: Decodable {
        var itemId: String
        var rating: Int
        var card: Card?
    }

    struct RubricResult: Decodable {
        struct KeyPoint: Decodable {
            var keyPoint: String
            var covered: Bool
            var matched: [String]
            var missing: [String]
        }
        var itemId: String
        var covered: Int
        var total: Int
        var suggestedRating: Int
        var keyPoints: [KeyPoint]
    }

    struct Day: Decodable {
        var date: String
        var count: Int
    }

    struct SkillRetention: Decodable {
        var skill: String
        var reviews: Int
        var passed: Int
        var retention: Double?
    }

    struct Stats: Decodable {
        var timeZone: String
        var reviewsPerDay: [Day]
        var forecast: [Day]
        var retentionBySkill: [SkillRetention]
        var trueRetention: Double?
        var cardsStudied: Int
        var reviewsTotal: Int
        var dueNow: Int
        var streakDays: Int
    }

    struct Settings: Decodable, Equatable {
        var newPerDay: Int
        var reviewsPerDay: Int
        var desiredRetention: Double
    }

    struct Problem: Decodable {
        struct FieldError: Decodable {
            var field: String
            var message: String
        }
        var type: String
        var title: String
        var status: Int
        var detail: String
        var instance: String?
        var errors: [FieldError]?
    }
}

func send(
    _ app: Application, _ method: HTTPMethod, _ path: String, json: String? = nil, form: String? = nil, headers: HTTPHeaders = [:]
) async throws -> TestingHTTPResponse {
    var headers = headers
    var body: ByteBuffer?
    if let json {
        headers.contentType = .json
        body = ByteBuffer(string: json)
    } else if let form {
        headers.contentType = .urlEncodedForm
        body = ByteBuffer(string: form)
    }
    return try await app.testing().sendRequest(method, path, headers: headers, body: body)
}

func decode<T: Decodable>(_ type: T.Type, _ res: TestingHTTPResponse) throws -> T {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(T.self, from: Data(res.body.string.utf8))
}

func object(_ res: TestingHTTPResponse) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
}

func jsonBody(_ fields: [String: String]) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
}

func formBody(_ fields: [String: String]) throws -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return try fields.sorted { $0.key < $1.key }.map { key, value in
        "\(key)=\(try #require(value.addingPercentEncoding(withAllowedCharacters: allowed)))"
    }.joined(separator: "&")
}

/// Checks that a response is an RFC 9457 problem with `status`, and returns it.
func expectProblem(
    _ res: TestingHTTPResponse, _ status: HTTPResponseStatus, sourceLocation: SourceLocation = #_sourceLocation
) throws -> PracticeJSON.Problem {
    #expect(res.status == status, "\(res.body.string)", sourceLocation: sourceLocation)
    #expect(res.headers.contentType?.description.hasPrefix("application/problem+json") == true, sourceLocation: sourceLocation)
    let problem = try decode(PracticeJSON.Problem.self, res)
    #expect(problem.status == Int(status.code), sourceLocation: sourceLocation)
    #expect(problem.title == status.reasonPhrase, sourceLocation: sourceLocation)
    #expect(!problem.detail.isEmpty, sourceLocation: sourceLocation)
    return problem
}

func setTimeZone(_ app: Application, _ zone: String) async throws {
    let res = try await send(app, .PATCH, "api/v1/me", json: #"{"time_zone":"\#(zone)"}"#)
    #expect(res.status == .ok, "\(res.body.string)")
}

func useBerlin(_ app: Application) async throws {
    try await setTimeZone(app, "Europe/Berlin")
}

func fetchQueue(_ app: Application) async throws -> PracticeJSON.Queue {
    let res = try await send(app, .GET, "api/v1/practice/queue")
    #expect(res.status == .ok)
    return try decode(PracticeJSON.Queue.self, res)
}

func fetchStats(_ app: Application) async throws -> PracticeJSON.Stats {
    let res = try await send(app, .GET, "api/v1/practice/stats")
    #expect(res.status == .ok)
    return try decode(PracticeJSON.Stats.self, res)
}

func keyPoints(_ app: Application, _ item: String) async throws -> [String] {
    let detail = try object(try await send(app, .GET, "api/v1/questions/\(item)"))
    let points = try #require(detail["key_points"] as? [String])
    #expect(!points.isEmpty, "\(item) has key points")
    return points
}

func time(_ text: String?) throws -> Instant {
    try ISO8601.parse(try #require(text))
}

/// Whether YYYY-MM-DD dates follow each other day by day.
func consecutive(_ dates: [String]) -> Bool {
    let days = dates.compactMap { text -> Int? in
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return parts.count == 3 ? ISO8601.daysFromCivil(year: parts[0], month: parts[1], day: parts[2]) : nil
    }
    return days.count == dates.count && zip(days, days.dropFirst()).allSatisfy { $1 == $0 + 1 }
}

/// The opening tag of the first element whose attributes contain `marker`.
func openingTag(in html: String, containing marker: String) -> String? {
    guard let hit = html.range(of: marker),
        let open = html[..<hit.lowerBound].range(of: "<", options: .backwards),
        let close = html[hit.upperBound...].range(of: ">")
    else { return nil }
    return String(html[open.lowerBound..<close.upperBound])
}

/// The value of the first `name="…"` attribute in the page.
func attribute(_ name: String, in html: String) -> String? {
    guard let start = html.range(of: "\(name)=\"") else { return nil }
    guard let end = html[start.upperBound...].range(of: "\"") else { return nil }
    return String(html[start.upperBound..<end.lowerBound])
}

/// The value of the first input named `name`.
func inputValue(_ name: String, in html: String) -> String? {
    guard let tag = openingTag(in: html, containing: "name=\"\(name)\"") else { return nil }
    return attribute("value", in: tag)
}
