import Foundation
import PrepCore

/// Today's summaries by person, each valid for the revision, zone and day it was derived
/// under and until a moment of its own. A write raises the person's revision in the
/// database, so every replica misses its old entry on the next read.
public final class TodayCache: Sendable {
    public struct Key: Sendable, Hashable {
        public var userID: UUID
        public var revision: Int64?
        public var zone: String
        public var day: Int
    }

    private struct Entry {
        var key: Key
        var summary: TodayService.Summary
        var until: Instant
    }

    private let entries = LockedValue([UUID: Entry]())
    let capacity: Int

    public init(capacity: Int = 4_096) {
        self.capacity = capacity
    }

    /// The kept summary and the moment it stops being true.
    func summary(for key: Key, at now: Instant) -> (summary: TodayService.Summary, until: Instant)? {
        guard key.revision != nil else { return nil }
        return entries.withLock { entries in
            guard let entry = entries[key.userID], entry.key == key, now < entry.until else { return nil }
            return (entry.summary, entry.until)
        }
    }

    func keep(_ summary: TodayService.Summary, for key: Key, until: Instant) {
        entries.withLock { entries in
            if entries.count >= capacity, entries[key.userID] == nil { entries.removeAll(keepingCapacity: true) }
            entries[key.userID] = Entry(key: key, summary: summary, until: until)
        }
    }
}
