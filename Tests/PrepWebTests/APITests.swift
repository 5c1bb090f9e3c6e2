import Foundation
import PrepCore
import PrepTestSupport
import PrepWeb
import Testing
import VaporTesting

@Suite struct APITests {
    private func json(_ body: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    @Test func statusDescribesTheServer() async throws {
        try await withTestApp { app, test in
            try await app.testing().test(.GET, "api/v1/status") { res in
                #expect(res.status == .ok)
                let body = try json(res.body.string)
                #expect(body["version"] as? String == AppInfo.version)
                #expect((body["database"] as? [String: Any])?["kind"] as? String == test.storage.kind)
                #expect(body["skill_areas"] as? Int == 17)
                #expect((body["sections"] as? [Any])?.count == Section.allCases.count)
            }
        }
    }

    @Test func aKnownPathWithAnotherMethodIs405WithAllow() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.DELETE, "api/v1/practice/queue") { res in
                #expect(res.status == .methodNotAllowed)
                #expect(res.headers.first(name: .allow) == "GET, HEAD")
                let detail = try json(res.body.string)["detail"] as? String
                #expect(detail == "DELETE is not supported at /api/v1/practice/queue; use GET, HEAD.")
            }
            try await app.testing().test(.PUT, "api/v1/questions/k8s-probes-model-server") { res in
                #expect(res.status == .methodNotAllowed, "a parameter segment matches too")
            }
            try await app.testing().test(.DELETE, "api/v1/nothing-here") { res in
                #expect(res.status == .notFound)
            }
        }
    }

    @Test func aBodyWithoutJSONContentTypeIs415SayingWhatToSend() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.POST, "api/v1/practice/reviews") { res in
                #expect(res.status == .unsupportedMediaType)
                let detail = try json(res.body.string)["detail"] as? String
                #expect(detail?.contains("Content-Type: application/json") == true)
            }
        }
    }

    @Test func profileCanBePatchedField_by_field() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(
                .PATCH, "api/v1/me",
                beforeRequest: { req in
                    try req.content.encode(["display_name": "Grace"], as: .json)
                }
            ) { res in
                #expect(res.status == .ok)
                let body = try json(res.body.string)
                #expect(body["display_name"] as? String == "Grace")
                #expect(body["role"] as? String == "local")
            }
        }
    }

    @Test func invalidFieldsAreAProblemWithFieldErrors() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(
                .PATCH, "api/v1/me",
                beforeRequest: { req in
                    try req.content.encode(["time_zone": "Atlantis/Capital"], as: .json)
                }
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                let body = try json(res.body.string)
                #expect(body["status"] as? Int == 422)
                #expect(body["title"] as? String == "Unprocessable Entity")
                let errors = try #require(body["errors"] as? [[String: String]])
                #expect(errors.map { $0["field"] } == ["time_zone"])
            }
        }
    }

    @Test func malformedJSONIsA400Problem() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.PATCH, "api/v1/me", headers: ["Content-Type": "application/json"], body: .init(string: "{nope")) { res in
                #expect(res.status == .badRequest)
                #expect(res.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                #expect((try? json(res.body.string))?["detail"] as? String != nil)
            }
        }
    }

    @Test func unknownAPIRoutesAreProblems() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.GET, "api/v1/nothing") { res in
                #expect(res.status == .notFound)
                let body = try json(res.body.string)
                #expect(body["type"] as? String == "about:blank")
                #expect(body["instance"] as? String == "/api/v1/nothing")
            }
        }
    }
}

/// Issue #12, finding 6: duplicate JSON keys kept the first value without a word.
@Suite struct DuplicateJSONKeyTests {
    @Test func aKeyGivenTwiceIsRefusedNamingIt() async throws {
        try await withTestApp { app, _ in
            let item = try #require(sharedCatalog.items.first { $0.kind == .technical }?.id)
            let res = try await send(app, .POST, "api/v1/practice/reviews", json: #"{"item_id":"\#(item)","rating":1,"rating":4}"#)
            let problem = try expectProblem(res, .unprocessableEntity)
            #expect(problem.errors?.first { $0.field == "rating" }?.message == "'rating' is given twice in the JSON body; send each field once.")
            let me = try await send(app, .PATCH, "api/v1/me", json: #"{"display_name":"A","display_name":"B"}"#)
            #expect(me.status == .unprocessableEntity)
        }
    }
}

/// Issue #12, finding 4: a compressed body got a dropped connection. The server undoes gzip and
/// deflate (GuardedServerTests); anything else reaching the app is answered 415.
@Suite struct CompressedBodyTests {
    @Test func anEncodingTheServerCannotReadIsAnsweredNotDropped() async throws {
        try await withTestApp { app, _ in
            let res = try await send(
                app, .PATCH, "api/v1/me", json: #"{"display_name":"A"}"#, headers: ["Content-Encoding": "br"])
            #expect(res.status == .unsupportedMediaType)
            #expect(
                res.body.string.contains("the request body is compressed with br, which this server cannot read; send it uncompressed, or with Content-Encoding gzip or deflate"))
            #expect(try await send(app, .PATCH, "api/v1/me", json: #"{"display_name":"A"}"#, headers: ["Content-Encoding": "identity"]).status == .ok)
        }
    }
}
