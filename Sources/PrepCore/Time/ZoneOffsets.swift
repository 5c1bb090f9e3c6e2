import Foundation

/// The UTC offsets a time zone had over a span of time, so that a database can number the
/// local days of stored instants with integer arithmetic alone (`(seconds + offset) / 86400`)
/// and send one row per day instead of one per review: exact across clock changes, since
/// each segment carries the offset in force until the next transition.
public struct ZoneOffsets: Sendable, Equatable {
    public struct Segment: Sendable, Equatable {
        /// Seconds since the epoch at which this offset stops applying; nil for the last.
        public var until: Int64?
        public var offsetSeconds: Int64
    }

    public var segments: [Segment]

    public init(segments: [Segment]) {
        self.segments = segments
    }

    /// The offsets in force from `from` to `to` (a year holds two or three segments in a zone
    /// with daylight saving, one elsewhere).
    public init(from: Instant, to: Instant, in zone: TimeZone) {
        var segments: [Segment] = []
        var cursor = from.date
        let end = to.date
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next <= end, segments.count < 64 {
            segments.append(Segment(until: Int64(next.timeIntervalSince1970.rounded()), offsetSeconds: Int64(zone.secondsFromGMT(for: cursor))))
            cursor = next
        }
        segments.append(Segment(until: nil, offsetSeconds: Int64(zone.secondsFromGMT(for: cursor))))
        self.segments = segments
    }

    /// The local day of an instant given in whole seconds, as `LocalDay` numbers it.
    public func day(ofSeconds seconds: Int64) -> Int {
        let offset = segments.first { $0.until.map { seconds < $0 } ?? true }?.offsetSeconds ?? 0
        let local = seconds + offset
        return Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }
}
