import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A client that writes exactly the bytes it is given, when it is told to: what a slow,
/// broken or hostile client sends, which URLSession and Vapor's client never would.
public final class RawHTTP {
    public struct Exchange: Sendable {
        /// Everything the server sent before it closed the connection or `readLimit` ran out.
        public var received: String
        /// Seconds from the last byte sent to the server's close; nil if it never closed.
        public var closedAfter: Double?

        public var status: Int? {
            guard received.hasPrefix("HTTP/1.1 ") else { return nil }
            return Int(received.dropFirst(9).prefix(3))
        }

        public var body: String {
            guard let range = received.range(of: "\r\n\r\n") else { return "" }
            return String(received[range.upperBound...])
        }
    }

    private let fd: Int32

    public init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(fd) }

    /// Sends `bytes`; false once the server has closed the connection.
    @discardableResult
    public func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    @discardableResult
    public func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Reads until the server closes the connection, `marker` has arrived, or `limit` seconds pass.
    public func readToClose(limit: Double, orUntil marker: String? = nil) -> Exchange {
        let start = Date()
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let left = limit - Date().timeIntervalSince(start)
            if left <= 0 { return Exchange(received: String(decoding: received, as: UTF8.self), closedAfter: nil) }
            var timeout = timeval(tv_sec: Int(left), tv_usec: Int((left - left.rounded(.down)) * 1_000_000))
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let n = recv(fd, &chunk, chunk.count, 0)
            if n > 0 {
                received += chunk[0..<n]
                if let marker, String(decoding: received, as: UTF8.self).contains(marker) {
                    return Exchange(received: String(decoding: received, as: UTF8.self), closedAfter: nil)
                }
            } else if n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                return Exchange(received: String(decoding: received, as: UTF8.self), closedAfter: Date().timeIntervalSince(start))
            }
        }
    }

    /// One request on a new connection, sent whole, read to the server's close.
    public static func exchange(port: Int, _ request: String, limit: Double = 10) async throws -> Exchange {
        try await Task.detached {
            let client = try RawHTTP(port: port)
            client.send(request)
            return client.readToClose(limit: limit)
        }.value
    }
}
