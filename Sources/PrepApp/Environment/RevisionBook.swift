import FluentKit
import Foundation
import PrepStore

/// People's time zones and revisions, known in memory where this process learns of every
/// write: as the only writer (the server holding its data folder's lock over SQLite, which
/// keeps the command line's writes out while it runs), or as a PostgreSQL replica listening
/// to the revision feed, which PostgreSQL sends at each commit. There a kept page costs no
/// query at all (issue #11). The web layer calls `changed` after every request that may
/// write, once it has committed, and the feed calls it for other replicas' writes; the next
/// read of that person asks the database again. While a feed is not listening nothing is
/// known and nothing is kept (every request reads, and pages are drawn afresh).
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
        var trusted: Bool
        var next: Int64 = 1
        var generations: [UUID: Int64] = [:]
        var known: [UUID: Known] = [:]

        mutating func fresh() -> Int64 {
            defer { next += 1 }
            return next
        }
    }

    private let state: LockedValue<State>
    /// People remembered; past this the book starts again (every page then misses once).
    let capacity: Int

    /// `feed`: writes are learnt from a feed, so nothing is known until it listens.
    public init(feed: Bool = false, capacity: Int = 65_536) {
        self.state = LockedValue(State(trusted: !feed))
        self.capacity = capacity
    }

    /// Whether writes are heard: always for a sole writer, while listening for a feed.
    public var hearsWrites: Bool { state.withLock { $0.trusted } }

    /// The feed is listening (`true`: forget everything, since writes committed before it
    /// listened were not heard) or has stopped (`false`: nothing can be known until it is back).
    public func listening(_ on: Bool) {
        state.withLock { state in
            state.trusted = on
            state.generations.removeAll(keepingCapacity: true)
            state.known.removeAll(keepingCapacity: true)
        }
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
        case untrusted
    }

    /// Zone and generation: from memory, or read once from the database; no revision while
    /// a feed is not listening.
    func zoneAndRevision(_ userID: UUID, on db: any Database) async throws -> (timeZone: String, revision: Int64?)? {
        let lookup: Lookup = state.withLock { state in
            guard state.trusted else { return .untrusted }
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
        case .untrusted:
            return try await UserStore.zoneAndRevision(id: userID, on: db).map { ($0.timeZone, nil) }
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
