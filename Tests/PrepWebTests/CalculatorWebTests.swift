import Foundation
import PrepTestSupport
import PrepWeb
import Testing
import VaporTesting

/// The calculator pages and their JSON.
@Suite struct CalculatorWebTests {
    @Test func pagesAnswerWithStepsAndKeepInputsInTheAddress() async throws {
        try await withTestApp { app, _ in
            let index = try await send(app, .GET, "calculators")
            #expect(index.status == .ok && index.body.string.contains("h100-sxm") && !index.body.string.contains("Not built yet."))
            let page = try await send(app, .GET, "calculators/train?model=llama-2-7b&gpu=a100-80gb&gpus=2048&mfu=0.4")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Worked steps") && html.contains("C ≈ 6 · N · D") && html.contains("GPU-hours"))
            #expect(html.contains("<option value=\"llama-2-7b\" selected>") && html.contains("value=\"2048\""), "the form shows the inputs")
            #expect(html.contains("/static/calc.js"))
        }
    }

    @Test func aBadInputIsShownBesideItsFieldAndKept() async throws {
        try await withTestApp { app, _ in
            let page = try await send(app, .GET, "calculators/train?params=7e9&tokens=2e12&gpu=a100-80gb&mfu=1.5")
            let html = page.body.string
            #expect(html.contains("id=\"f-mfu-error\"") && html.contains("is not a fraction between 0 and 1") && html.contains("value=\"1.5\""))
            #expect(try await send(app, .GET, "calculators/nope").status == .notFound)
        }
    }

    /// Issue #13, bug 7: the web page worded its errors as CLI flags ("give --params").
    @Test func errorsOnThePageNameTheFieldsNotFlags() async throws {
        try await withTestApp { app, _ in
            let page = try await send(app, .GET, "calculators/train?tokens=2e12&gpu=a100-80gb")
            let html = page.body.string
            #expect(html.contains("fill in “Parameters” (e.g. 7e9) or “Model”"), "\(html)")
            #expect(!html.contains("--params"))
            let answered = try await send(app, .GET, "calculators/infer?model=llama-3-8b&context=32k")
            #expect(answered.body.string.contains("32,768 tokens") && answered.body.string.contains("No GPU given"))
        }
    }

    @Test func theAPIAnswersLikeTheCLI() async throws {
        try await withTestApp { app, _ in
            let res = try await send(app, .GET, "api/v1/calc/infer?model=llama-3-8b&gpu=l4&context=8192&batch=4")
            #expect(res.status == .ok, "\(res.body.string)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
            #expect(json["kv_cache_bytes_per_token"] as? Double == 131_072 && json["calculator"] as? String == "infer")
            let bad = try await send(app, .GET, "api/v1/calc/train?params=7e9&tokens=2e12&gpu=h100")
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("did you mean h100-sxm"))
            let unknown = try await send(app, .GET, "api/v1/calc/serve?model=llama-3-8b&gpu=l4&qps=5&colour=blue")
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("colour"))
            let catalogue = try await send(app, .GET, "api/v1/calc/catalogue")
            #expect(catalogue.status == .ok && catalogue.body.string.contains("\"memory_bandwidth_gb_s\""))
        }
    }
}

/// Found by schemathesis (issue #12): a bare or repeated query key made the calculator API
/// answer 400 "in the request body". A bare key is an empty field; the last of a repeat wins.
@Suite struct CalculatorQueryTests {
    @Test func bareAndRepeatedKeysAreFieldsNotAMalformedBody() async throws {
        try await withTestApp { app, _ in
            let res = try await send(app, .GET, "api/v1/calc/memory?model&model=llama-3.1-8b&=null&params_b=8&params_b=70")
            #expect(res.status != .badRequest, "\(res.body.string)")
            #expect(!res.body.string.contains("request body"))
        }
    }
}
