import Foundation
import PrepApp
import PrepCore
import Vapor

/// How long a drawn page stays true with no write.
enum PageLifetime {
    /// Until the person's revision, zone or day changes.
    case untilChanged
    /// And no later than this moment (a card falling due, midnight).
    case until(Instant)
    /// Not kept: it shows a clock that moves by itself.
    case notKept
}

extension Request {
    /// A person's page, kept under the revision, zone and day its context read, so looking
    /// at it again costs a lookup. `draw` gets the values for its holes: sentinels when the
    /// page will be kept (each response fills them anew), the real values otherwise.
    /// `address` replaces path and query as the key where the query does not matter. Only a
    /// 200 is kept. `lifetime` is asked after drawing, on a miss only.
    func cachedPage(
        for context: ServiceContext?, address: String? = nil, holes: [PageHole] = [], lifetime: () async throws -> PageLifetime = { .untilChanged },
        draw: ([String]) async throws -> Response
    ) async throws -> Response {
        let stamp: PageCache.Stamp
        if let context {
            guard let revision = context.revision else { return try await draw(holes.map { $0.value(at: context.now) }) }
            stamp = PageCache.Stamp(revision: revision, zone: context.timeZone.identifier, day: context.today.number)
        } else {
            stamp = .content
        }
        let cache = prep.pages
        let key = PageCache.Key(userID: context?.userID, uri: address ?? url.string)
        let now = context?.now ?? prep.environment.now
        let values = holes.map { $0.value(at: now) }
        switch cache.claim(key, stamp: stamp, at: now) {
        case let .kept(page):
            return page.response(filling: values)
        case .wait:
            if let page = await cache.wait(key, stamp: stamp) { return page.response(filling: values) }
            // The drawing failed or was not a page to keep: draw this one alone.
            return try await draw(values)
        case .draw:
            break
        }
        var drawnPage: PageCache.Page?
        defer { cache.finish(key, stamp: stamp, page: drawnPage) }
        let sentinels = holes.map { "ipr0hole0\($0.rawValue)0\(UUID().uuidString.replacingOccurrences(of: "-", with: ""))" }
        let drawn = try await draw(sentinels)
        guard drawn.status == .ok, let buffer = drawn.body.buffer else { return drawn }
        let page = PageCache.Page(body: String(buffer: buffer), headers: drawn.headers, sentinels: sentinels)
        drawnPage = page
        switch try await lifetime() {
        case .untilChanged: cache.keep(page, for: key, stamp: stamp, until: nil)
        case let .until(instant): cache.keep(page, for: key, stamp: stamp, until: instant)
        case .notKept: break
        }
        return page.response(filling: values)
    }
}

/// Values a kept page must show fresh on every response.
enum PageHole: String, Sendable {
    /// A grade form's idempotency key: two renders must never share one.
    case reviewID
    /// When the card was shown, for the answer time.
    case shownAt

    func value(at now: Instant) -> String {
        switch self {
        case .reviewID: UUID().uuidString
        case .shownAt: String(now.microseconds)
        }
    }
}
