import Foundation
import NIOConcurrencyHelpers
import PrepApp
import PrepCore
import Vapor

/// Rendered pages, kept so that a person looking at the same page again costs a lookup
/// instead of a derivation and a render (issue #11). A page is kept under the state it was
/// derived from (`Stamp`: the person's revision, zone and day, or nothing for pages of the
/// bundled content alone) and until the first moment it could change with no write. Any
/// write raises the revision, so the next request misses and draws the page again.
///
/// Values that must be new on every response (a review's idempotency key, the moment a card
/// was shown) are holes: the page is drawn once with sentinels, kept in parts, and each
/// response joins the parts with fresh values.
final class PageCache: Sendable {
    struct Key: Hashable, Sendable {
        var userID: UUID?
        /// Path and query: a flash or a revealed card is another page.
        var uri: String
    }

    struct Stamp: Hashable, Sendable {
        var revision: Int64
        var zone: String
        var day: Int

        /// Pages made of the bundled content alone: valid for the life of the process.
        static let content = Stamp(revision: 0, zone: "", day: 0)
    }

    struct Page: Sendable {
        /// The drawn response's headers (type, caching, CSP), given to every copy.
        var headers: HTTPHeaders
        /// The body between holes; one part more than holes.
        var parts: [ByteBuffer]
        var holes: [Int]
        var bytes: Int { parts.reduce(0) { $0 + $1.readableBytes } }
    }

    private struct Entry {
        var stamp: Stamp
        var until: Instant?
        var page: Page
    }

    /// A page being drawn: the same address under the same state.
    private struct Drawing: Hashable {
        var key: Key
        var stamp: Stamp
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var bytes = 0
        /// Pages being drawn: a second request for one waits for it instead of drawing it too.
        var drawing: [Drawing: [CheckedContinuation<Page?, Never>]] = [:]
        var drawings = 0
    }

    enum Claim {
        case kept(Page)
        /// Draw it, then call `finish`.
        case draw
        /// Another request is drawing it: `wait`.
        case wait
    }

    private let state = NIOLockedValueBox(State())
    /// Past this the cache starts again: simpler than eviction order, and a cohort server's
    /// pages are cheap to draw once more.
    let byteBudget: Int

    init(byteBudget: Int = 48 << 20) {
        self.byteBudget = byteBudget
    }

    /// The kept page, or who draws it: after a write, fifty requests for one page cost one
    /// drawing, not fifty (they would all miss at once).
    func claim(_ key: Key, stamp: Stamp, at now: Instant) -> Claim {
        state.withLockedValue { state in
            if let entry = state.entries[key], entry.stamp == stamp, entry.until.map({ now < $0 }) ?? true { return .kept(entry.page) }
            let drawing = Drawing(key: key, stamp: stamp)
            if state.drawing[drawing] != nil { return .wait }
            state.drawing[drawing] = []
            state.drawings += 1
            return .draw
        }
    }

    /// The page the drawing request finished with; nil when it failed or was not drawn.
    func wait(_ key: Key, stamp: Stamp) async -> Page? {
        await withCheckedContinuation { continuation in
            let queued = state.withLockedValue { state in
                let drawing = Drawing(key: key, stamp: stamp)
                guard state.drawing[drawing] != nil else { return false }
                state.drawing[drawing]!.append(continuation)
                return true
            }
            if !queued { continuation.resume(returning: nil) }
        }
    }

    /// Ends a claimed drawing (whatever happened to it) and hands the page to those waiting.
    func finish(_ key: Key, stamp: Stamp, page: Page?) {
        let waiting = state.withLockedValue { state in
            state.drawing.removeValue(forKey: Drawing(key: key, stamp: stamp)) ?? []
        }
        for continuation in waiting { continuation.resume(returning: page) }
    }

    func keep(_ page: Page, for key: Key, stamp: Stamp, until: Instant?) {
        let size = page.bytes
        guard size <= byteBudget / 8 else { return }
        state.withLockedValue { state in
            if let old = state.entries[key] { state.bytes -= old.page.bytes }
            if state.bytes + size > byteBudget {
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
            }
            state.entries[key] = Entry(stamp: stamp, until: until, page: page)
            state.bytes += size
        }
    }

    /// Pages drawn for keeping since start (misses that drew, not those that waited).
    var drawings: Int { state.withLockedValue { $0.drawings } }
}

extension PageCache.Page {
    /// Splits a drawn body at each occurrence of the sentinels (the index of the sentinel
    /// found is the hole's kind).
    init(body: String, headers: HTTPHeaders, sentinels: [String]) {
        var parts: [ByteBuffer] = []
        var holes: [Int] = []
        var rest = Substring(body)
        while let (index, range) = Self.firstSentinel(in: rest, sentinels) {
            parts.append(ByteBuffer(string: String(rest[..<range.lowerBound])))
            holes.append(index)
            rest = rest[range.upperBound...]
        }
        parts.append(ByteBuffer(string: String(rest)))
        var headers = headers
        headers.remove(name: .contentLength)
        self.init(headers: headers, parts: parts, holes: holes)
    }

    private static func firstSentinel(in text: Substring, _ sentinels: [String]) -> (Int, Range<Substring.Index>)? {
        var best: (Int, Range<Substring.Index>)?
        for (index, sentinel) in sentinels.enumerated() {
            guard let range = text.range(of: sentinel) else { continue }
            if best == nil || range.lowerBound < best!.1.lowerBound { best = (index, range) }
        }
        return best
    }

    /// The response: parts shared with the cache (no copy when there are no holes).
    func response(filling values: [String] = []) -> Response {
        guard !holes.isEmpty else { return Response(status: .ok, headers: headers, body: .init(buffer: parts[0])) }
        var body = ByteBuffer()
        body.reserveCapacity(bytes + values.reduce(0) { $0 + $1.utf8.count } * holes.count)
        for (index, part) in parts.enumerated() {
            var part = part
            body.writeBuffer(&part)
            if index < holes.count { body.writeString(values[holes[index]]) }
        }
        return Response(status: .ok, headers: headers, body: .init(buffer: body))
    }
}
