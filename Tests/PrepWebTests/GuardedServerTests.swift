import Foundation
import PrepTestSupport
import Testing
import Vapor

@testable import PrepWeb

/// Issue #12, finding 5: slow, oversized and compressed requests against the real server, sent
/// byte by byte from a socket. Before `GuardedHTTPServer`, a head trickled a byte at a time held
/// its connection forever, and a head over ~80 KB or a gzip body inflating past the limit got a
/// dropped connection with no answer.
@Suite(.serialized) struct GuardedServerTests {
    static var quick: ServerLimits {
        var limits = ServerLimits()
        limits.headerTimeout = 1
        limits.bodyTimeout = 1
        return limits
    }

    @Test func aHeadThatStopsHalfwayGets408() async throws {
        try await withServer(limits: Self.quick) { port in
            let exchange = try await RawHTTP.exchange(port: port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n")
            #expect(exchange.status == 408, "\(exchange.received)")
            #expect(exchange.body.contains("The request's head did not arrive within 1 second"))
            #expect(exchange.closedAfter.map { $0 < 4 } == true, "closed after \(String(describing: exchange.closedAfter))")
        }
    }

    /// A byte every 300 ms keeps an idle timer from firing; the head's own deadline still does.
    @Test func aHeadTrickledAByteAtATimeGets408() async throws {
        try await withServer(limits: Self.quick) { port in
            let exchange = try await Task.detached {
                let client = try RawHTTP(port: port)
                let start = Date()
                for byte in Array("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-Slow: yes\r\n\r\n".utf8) {
                    guard client.send([byte]) else { break }
                    try await Task.sleep(for: .milliseconds(300))
                    if Date().timeIntervalSince(start) > 6 { break }
                }
                return (client.readToClose(limit: 3), Date().timeIntervalSince(start))
            }.value
            #expect(exchange.0.status == 408, "\(exchange.0.received)")
            #expect(exchange.1 < 4, "the trickle went on for \(exchange.1) s")
        }
    }

    @Test func aBodyThatStopsHalfwayGets408() async throws {
        try await withServer(limits: Self.quick) { port in
            let exchange = try await RawHTTP.exchange(
                port: port,
                "PATCH /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{\"display")
            #expect(exchange.status == 408, "\(exchange.received)")
            #expect(exchange.body.contains("The request's body did not arrive within 1 second"))
        }
    }

    @Test func aHeadPastTheLimitGets431AndALongAddress414() async throws {
        try await withServer { port in
            let filler = String(repeating: "a", count: 100_000)
            let head = try await RawHTTP.exchange(port: port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-Filler: \(filler)\r\n\r\n")
            #expect(head.status == 431, "\(head.received.prefix(300))")
            #expect(head.body.contains("header fields are longer than 64 KB"))
            #expect(head.received.contains("Content-Type: application/problem+json"))

            let address = try await RawHTTP.exchange(port: port, "GET /questions?q=\(filler) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
            #expect(address.status == 414, "\(address.received.prefix(300))")
            #expect(address.body.contains("request line is longer than 16 KB"))
        }
    }

    @Test func aDeclaredBodyPastTheLimitGets413BeforeItIsSent() async throws {
        try await withServer { port in
            let exchange = try await RawHTTP.exchange(
                port: port, "PATCH /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n")
            #expect(exchange.status == 413, "\(exchange.received)")
            #expect(exchange.body.contains("larger than 1 MB"))
        }
    }

    @Test func gzipBodiesAreReadAndOneInflatingPastTheLimitGets413() async throws {
        try await withServer { port in
            let name = try Self.gzip(Array(#"{"display_name":"Zipped"}"#.utf8))
            let accepted = try await Self.send(port: port, path: "/api/v1/me", gzipped: name)
            #expect(accepted.status == 200, "\(accepted.received)")
            #expect(accepted.body.contains("\"Zipped\""))

            // 19 KB on the wire, 20 MB inflated: the bomb of the issue.
            let bomb = try Self.gzip([UInt8](repeating: 0x20, count: 20_000_000))
            let refused = try await Self.send(port: port, path: "/api/v1/me", gzipped: bomb)
            #expect(refused.status == 413, "\(refused.received)")
            #expect(refused.body.contains("inflates past 1 MB"))

            let corrupt = try await Self.send(port: port, path: "/api/v1/me", gzipped: Array("not gzip at all".utf8))
            #expect(corrupt.status == 400, "\(corrupt.received)")
            #expect(corrupt.body.contains("not valid gzip or deflate"))
        }
    }

    @Test func malformedHTTPIsAnsweredNotDropped() async throws {
        try await withServer { port in
            let exchange = try await RawHTTP.exchange(port: port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nNo colon here\r\n\r\n")
            #expect(exchange.status == 400, "\(exchange.received)")
            #expect(exchange.body.contains("not valid HTTP/1.1"))
        }
    }

    /// What the guard must not break: keep-alive, pipelining, HEAD, and the app's own headers.
    @Test func ordinaryRequestsStillWork() async throws {
        try await withServer { port in
            let host = "Host: 127.0.0.1:\(port)\r\n"
            let pipelined = try await RawHTTP.exchange(
                port: port, "GET /healthz HTTP/1.1\r\n\(host)\r\nGET /readyz HTTP/1.1\r\n\(host)\r\nHEAD / HTTP/1.1\r\n\(host)Connection: close\r\n\r\n")
            let statuses = pipelined.received.components(separatedBy: "HTTP/1.1 ").dropFirst().map { $0.prefix(3) }
            #expect(statuses == ["200", "200", "200"], "\(pipelined.received)")
            #expect(pipelined.received.contains("X-Content-Type-Options: nosniff"))
            let lastHead = try #require(pipelined.received.components(separatedBy: "HTTP/1.1 ").last)
            #expect(lastHead.hasSuffix("\r\n\r\n"), "HEAD sent a body: \(lastHead.suffix(80))")
            #expect(lastHead.lowercased().contains("content-length: ") && !lastHead.lowercased().contains("content-length: 0\r\n"))

            let wrongHost = try await RawHTTP.exchange(port: port, "GET /healthz HTTP/1.1\r\nHost: rebind.evil.example\r\nConnection: close\r\n\r\n")
            #expect(wrongHost.status == 421)
        }
    }

    /// Live rooms (issue #14) need the upgrade to WebSocket to pass through this server.
    @Test func webSocketsUpgrade() async throws {
        try await withTestApp { app, _ in
            app.webSocket("test-echo") { _, socket in
                socket.onText { socket, text in socket.send("echo: \(text)") }
            }
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.listeningAddress?.port)
            // The handshake and one masked text frame, as RFC 6455 has a browser send them.
            let reply = try await Task.detached {
                let client = try RawHTTP(port: port)
                client.send(
                    "GET /test-echo HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                let handshake = client.readToClose(limit: 5, orUntil: "\r\n\r\n").received
                let mask: [UInt8] = [1, 2, 3, 4]
                let payload = Array("hello".utf8).enumerated().map { $0.element ^ mask[$0.offset % 4] }
                client.send([0x81, 0x80 | UInt8(payload.count)] + mask + payload)
                return handshake + client.readToClose(limit: 5, orUntil: "hello").received
            }.value
            #expect(reply.hasPrefix("HTTP/1.1 101 Switching Protocols"), "\(reply)")
            #expect(reply.contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="), "the accept key of RFC 6455's example")
            // The frame: FIN + text (0x81, not UTF-8), 11 bytes, unmasked.
            #expect(reply.hasSuffix("\u{0B}echo: hello"), "\(reply.suffix(20).debugDescription)")
            await app.server.shutdown()
        }
    }

    // MARK: Helpers

    private func withServer(limits: ServerLimits = ServerLimits(), _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        try await withTestApp(limits: limits) { app, _ in
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.listeningAddress?.port)
            do {
                try await body(port)
            } catch {
                await app.server.shutdown()
                throw error
            }
            await app.server.shutdown()
        }
    }

    private static func send(port: Int, path: String, gzipped body: [UInt8]) async throws -> RawHTTP.Exchange {
        try await Task.detached {
            let client = try RawHTTP(port: port)
            client.send(
                "PATCH \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                    + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n")
            client.send(body)
            return client.readToClose(limit: 10)
        }.value
    }

    /// gzip(1), which every machine that runs the tests has.
    private static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("gzip-\(UUID().uuidString)")
        try Data(bytes).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-c", "-9", input.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }
}
