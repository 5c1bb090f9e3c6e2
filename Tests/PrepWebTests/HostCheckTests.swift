import Foundation
import PrepTestSupport
import PrepWeb
import Testing
import VaporTesting

/// Issue #12, finding 3: DNS rebinding. A loopback server answers only to its own names
/// at its port (and to `--allowed-host`), links it gives out never take the request's Host,
/// and `Origin: null` cannot change data.
@Suite struct HostCheckTests {
    @Test func aRebindingPageCannotReadOrChangeAnything() async throws {
        try await withTestApp { app, _ in
            let evil: HTTPHeaders = ["Host": "rebind.evil.example", "Origin": "http://rebind.evil.example"]
            let read = try await send(app, .GET, "api/v1/me", headers: evil)
            #expect(read.status == .misdirectedRequest)
            #expect(read.body.string.contains("Host 'rebind.evil.example' is not this server"))
            #expect(read.body.string.contains("--allowed-host rebind.evil.example"))
            let write = try await send(app, .PATCH, "api/v1/me", json: #"{"display_name":"pwned"}"#, headers: evil)
            #expect(write.status == .misdirectedRequest)
            #expect(try object(try await send(app, .GET, "api/v1/me"))["display_name"] as? String != "pwned")
            #expect(try await send(app, .GET, "/", headers: ["Host": "rebind.evil.example:8080"]).status == .misdirectedRequest)
            #expect(try await send(app, .GET, "/", headers: ["Host": "127.0.0.1:9999"]).status == .misdirectedRequest, "another port")
        }
    }

    @Test func theLoopbackNamesAtItsPortPass() async throws {
        try await withTestApp { app, _ in
            for host in ["127.0.0.1:8080", "localhost:8080", "[::1]:8080", "LOCALHOST:8080"] {
                let res = try await send(app, .GET, "/", headers: ["Host": host])
                #expect(res.status == .ok, "\(host)")
            }
        }
    }

    @Test func anAllowedHostPassesAndLinksUseThePublicURL() async throws {
        try await withTestApp(allowedHosts: ["prep.example.org"], publicURL: "https://prep.example.org") { app, _ in
            #expect(try await send(app, .GET, "/", headers: ["Host": "prep.example.org"]).status == .ok)
            #expect(try await send(app, .GET, "/", headers: ["Host": "prep.example.org:443"]).status == .ok)
            let made = try await send(app, .POST, "api/v1/calendar/feed", json: "{}", headers: ["Host": "prep.example.org"])
            #expect(made.status == .created || made.status == .ok, "\(made.body.string)")
            #expect((try object(made)["url"] as? String)?.hasPrefix("https://prep.example.org/calendar.ics?token=") == true)
        }
    }

    @Test func feedLinksNeverTakeTheRequestsHost() async throws {
        try await withTestApp { app, _ in
            let made = try await send(app, .POST, "api/v1/calendar/feed", json: "{}", headers: ["Host": "localhost:8080"])
            #expect((try object(made)["url"] as? String)?.hasPrefix("http://127.0.0.1:8080/calendar.ics?token=") == true, "\(made.body.string)")
        }
    }

    @Test func anOpaqueOriginCannotChangeData() async throws {
        try await withTestApp { app, _ in
            let res = try await send(app, .POST, "practice/undo", headers: ["Origin": "null", "Host": "127.0.0.1:8080"])
            #expect(res.status == .forbidden)
            #expect(try await send(app, .PATCH, "api/v1/me", json: #"{"display_name":"x"}"#, headers: ["Origin": "null"]).status == .forbidden)
        }
    }
}
