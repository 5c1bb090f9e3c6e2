import Foundation

/// An instant as whole microseconds since 1970-01-01T00:00:00Z: the resolution of the
/// reference scheduler's `datetime`, and integer arithmetic, so due dates match it exactly.
public struct Instant: Sendable, Hashable, Comparable, Codable {
    public var microseconds: Int64

    public init(microseconds: Int64) { self.microseconds = microseconds }
    public init(seconds: Int64) { microseconds = seconds * 1_000_000 }

    public static let microsecondsPerDay: Int64 = 86_400_000_000

    public static func < (a: Instant, b: Instant) -> Bool { a.microseconds < b.microseconds }

    public func adding(microseconds delta: Int64) -> Instant { Instant(microseconds: microseconds + delta) }
    public func adding(days: Int) -> Instant { adding(microseconds: Int64(days) * Self.microsecondsPerDay) }

    /// Whole days from `earlier` to `self`, rounded down (Python's `timedelta.days`).
    public func wholeDays(since earlier: Instant) -> Int {
        let delta = microseconds - earlier.microseconds
        let (q, r) = delta.quotientAndRemainder(dividingBy: Self.microsecondsPerDay)
        return Int(r < 0 ? q - 1 : q)
    }

    /// Seconds since the epoch, for APIs that want a `Double`.
    public var secondsSinceEpoch: Double { Double(microseconds) / 1_000_000 }
}

extension Instant {
    /// The current time, to the microsecond.
    public static var now: Instant { Instant(date: Date()) }

    public init(date: Date) { microseconds = Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down)) }

    public var date: Date { Date(timeIntervalSince1970: Double(microseconds) / 1_000_000) }
}
