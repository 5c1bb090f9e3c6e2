import FluentKit
import Foundation
import PrepStore

/// People's time zones and revisions, known in memory where this process is the only
/// writer of its database: the server holding its data folder's lock over SQLite, which
/// keeps the command line's writes out while it runs. There a kept page costs no query at
/// all (issue #11). The web layer calls `changed` after every request that may write, once
/// the write has committed; the next read of that person asks the database again.
///
/// The revision it hands out is this process's own generation number, not the database's:
/// kept summaries and pages are per process, and a generation is never handed out twice
/// (one counter for everybody), so forgetting a person can never revive an old page. A
/// read that raced a write keeps nothing: it may have seen the new data under the old
/// generation, which is only ever a miss later, never a stale page.
public final class RevisionBook: Sendable {
    private struct Known {
        var zone: String
        var generation: Int64
    }

    private struct State {
        var next: Int64 = 1
        var generations: [UUID: Int64] = [:]
        var known: [UUID: Known] = [:]

        mutating func fresh() -> Int64 {
            defer { next += 1 }
            return next
        }
    }

    private let state = LockedValue(State())
    /// People remembered; past this the book starts again (every page then misses once).
    let capacity: Int

    public init(capacity: Int = 65_536) {
        self.capacity = capacity
    }

    /// The person's data may have changed: forget what is known of them.
    public func changed(_ userID: UUID) {
        state.withLock { state in
            state.known[userID] = nil
            state.generations[userID] = state.fresh()
        }
    }

    private enum Lookup {
        case known(Known)
        case unknown(generation: Int64)
    }

    /// Zone and generation: from memory, or read once from the database.
    func zoneAndRevision(_ userID: UUID, on db: any Database) async throws -> (timeZone: String, revision: Int64)? {
        let lookup: Lookup = state.withLock { state in
            if let known = state.known[userID] { return .known(known) }
            if let generation = state.generations[userID] { return .unknown(generation: generation) }
            if state.generations.count >= capacity {
                state.generations.removeAll(keepingCapacity: true)
                state.known.removeAll(keepingCapacity: true)
            }
            let generation = state.fresh()
            state.generations[userID] = generation
            return .unknown(generation: generation)
        }
        switch lookup {
        case let .known(known):
            return (known.zone, known.generation)
        case let .unknown(generation):
            guard let read = try await UserStore.zoneAndRevision(id: userID, on: db) else { return nil }
            state.withLock { state in
                if state.generations[userID] == generation { state.known[userID] = Known(zone: read.timeZone, generation: generation) }
            }
            return (read.timeZone, generation)
        }
    }
}
