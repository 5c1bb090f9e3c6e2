import Crypto
import FluentKit
import Foundation
import PrepCore
import PrepStore

/// The subscribable calendar: a secret link per person that calendar apps poll. The token
/// is 256 random bits, shown once; only its SHA-256 is stored.
public enum CalendarFeedService {
    public struct Created: Sendable, Codable {
        public var token: String
        public var at: String
        public var created: String
    }

    /// A new link for the context's person, replacing any earlier one.
    public static func create(_ context: ServiceContext, startMinute: Int) async throws -> Created {
        var generator = context.random.generator
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        try await CalendarFeedStore.replace(userID: context.userID, tokenSHA256: hash(token), startMinute: startMinute, now: context.now, on: context.db)
        return Created(token: token, at: PlanCalendar.text(ofMinute: startMinute), created: ISO8601.format(context.now))
    }

    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The feed a token opens; nil for a revoked, replaced or made-up token.
    public static func feed(token: String, on db: any Database) async throws -> CalendarFeed? {
        // Tokens are 43 characters of base64url; anything else is not worth a query.
        guard token.utf8.count == 43, token.utf8.allSatisfy({ $0 == 45 || $0 == 95 || (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }) else {
            return nil
        }
        return try await CalendarFeedStore.feed(tokenSHA256: hash(token), on: db)
    }

    public static func url(base: String, token: String) -> String {
        (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/calendar.ics?token=" + token
    }
}
