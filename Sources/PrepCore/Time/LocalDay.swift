import Foundation

/// A calendar day in a time zone, as a day number since 1970-01-01.
public struct LocalDay: Sendable, Equatable, Comparable {
    public let number: Int

    public init(number: Int) { self.number = number }

    public init(_ instant: Instant, in zone: TimeZone) {
        let seconds = instant.microseconds / 1_000_000
        let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
        let local = seconds + offset
        number = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    /// The instant the day starts in `zone`.
    public func start(in zone: TimeZone) -> Instant {
        let midnightUTC = Int64(number) * 86_400
        // The offset at local midnight; two passes settle days when the offset changes.
        var offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(midnightUTC))))
        offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(midnightUTC - offset))))
        return Instant(seconds: midnightUTC - offset)
    }

    /// The instant the wall clock in `zone` shows `minute` minutes after midnight on this day
    /// (not midnight plus that many minutes: on a day the clocks change they differ by the
    /// shift). A time skipped by a spring-forward lands just after the gap, as calendars do.
    public func instant(atMinute minute: Int, in zone: TimeZone) -> Instant {
        let localSeconds = Int64(number) * 86_400 + Int64(minute) * 60
        var offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(localSeconds))))
        offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(localSeconds - offset))))
        return Instant(seconds: localSeconds - offset)
    }

    /// YYYY-MM-DD. Written digit by digit: `String(format:)` was a tenth of drawing Today.
    public var text: String {
        let (y, m, d) = ISO8601.civilFromDays(number)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        func put(_ value: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var rest = value
            if rest >= divisor * 10 {
                bytes.append(contentsOf: String(rest).utf8)
                return
            }
            while divisor > 0 {
                bytes.append(UInt8(48 + rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        if y < 0 { return String(format: "%04d-%02d-%02d", y, m, d) }
        put(y, 4)
        bytes.append(45)
        put(m, 2)
        bytes.append(45)
        put(d, 2)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func < (a: LocalDay, b: LocalDay) -> Bool { a.number < b.number }
}
