import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// An answer the server gives in place of the app (a head too long, a body too slow): the same
/// RFC 9457 body as the API's errors, and the connection closes after it.
struct ConnectionProblem: Error, Equatable {
    var status: HTTPResponseStatus
    var detail: String

    func head(version: HTTPVersion = .http1_1) -> HTTPResponseHead {
        HTTPResponseHead(version: version, status: status, headers: headers(bodyBytes: body.count))
    }

    var body: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(Problem(status: status, detail: detail))) ?? Data())
    }

    /// The whole response as bytes, for a handler that sits before the HTTP encoder.
    func serialized(allocator: ByteBufferAllocator) -> ByteBuffer {
        let body = self.body
        var buffer = allocator.buffer(capacity: 256 + body.count)
        buffer.writeString("HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n")
        for (name, value) in headers(bodyBytes: body.count) { buffer.writeString("\(name): \(value)\r\n") }
        buffer.writeString("\r\n")
        buffer.writeBytes(body)
        return buffer
    }

    private func headers(bodyBytes: Int) -> HTTPHeaders {
        [
            "Content-Type": "application/problem+json; charset=utf-8",
            "Content-Length": String(bodyBytes),
            "Connection": "close",
            "Date": HTTPDate.now(),
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        ]
    }
}

/// The `Date` header's value (RFC 9110 IMF-fixdate), formatted once a second.
enum HTTPDate {
    private static let cache = NIOLockedValueBox<(second: Int, text: String)>((-1, ""))
    nonisolated(unsafe) private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }()

    static func now() -> String {
        let second = Int(Date().timeIntervalSince1970)
        // The formatter is used only under the lock.
        return cache.withLockedValue { cached in
            if cached.second != second { cached = (second, formatter.string(from: Date(timeIntervalSince1970: Double(second)))) }
            return cached.text
        }
    }
}
