import Foundation
import PrepCore
import Vapor

/// The calculators' pages and JSON: the same field names as the CLI's options.
enum CalculatorsController {
    static func index(_ req: Request) async throws -> Response {
        let catalog = req.prep.calculators
        return HTMLResponse.page(CalculatorsIndexPage(model: CalculatorsIndexPageModel(gpus: catalog.gpus, models: catalog.models)).render())
    }

    static func kind(_ req: Request) throws -> CalcKind {
        let name = try req.parameters.require("kind")
        guard let kind = CalcKind(rawValue: name) else {
            throw HTTPUserError(
                status: .notFound,
                error: PlainError(
                    "there is no calculator called '\(name)'",
                    fix: "use one of: \(CalcKind.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        return kind
    }

    /// The query's fields that belong to the calculator, as typed.
    static func fields(_ req: Request, _ kind: CalcKind) -> [String: String] {
        var fields: [String: String] = [:]
        for name in kind.fields { if let value = try? req.query.get(String.self, at: name) { fields[name] = value } }
        return fields
    }

    static func show(_ req: Request) async throws -> Response {
        let kind = try kind(req)
        let fields = fields(req, kind)
        var outcome: CalcOutcome?
        var error: CalcError?
        if !fields.values.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            do { outcome = try CalcRunner.run(kind, fields: fields, catalog: req.prep.calculators) } catch let failure as CalcError { error = failure }
        }
        let model = CalculatorPageModel.make(kind: kind, catalog: req.prep.calculators, fields: fields, outcome: outcome, error: error)
        // A refused input is still a page the person asked for: answered 200 with the error
        // beside the field, so typing never flashes an error status at the browser.
        return HTMLResponse.page(CalculatorPage(model: model).render())
    }

    /// `GET /api/v1/calc/{kind}?…`: the outcome, or 422 naming the field.
    static func api(_ req: Request) async throws -> Response {
        let kind = try kind(req)
        // Read by hand: a bare `?name` or a repeated key is a field left empty or given twice
        // (the last wins), not a malformed request body (schemathesis found the 400).
        var fields: [String: String] = [:]
        for item in URLComponents(string: req.url.string)?.queryItems ?? [] { fields[item.name] = item.value ?? "" }
        do {
            let outcome = try CalcRunner.run(kind, fields: fields, catalog: req.prep.calculators)
            let response = Response(status: .ok)
            try response.content.encode(CalcOutcomeContent(outcome))
            return response
        } catch let failure as CalcError {
            throw ValidationFailure(fields: [failure.field: "\(failure.detail); \(failure.fix)"])
        }
    }

    struct Catalogue: Content {
        var gpus: [GPUSpec]
        var models: [ModelSpec]
    }

    static func catalogue(_ req: Request) async throws -> Catalogue {
        Catalogue(gpus: req.prep.calculators.gpus, models: req.prep.calculators.models)
    }
}

/// Vapor's `Content` for an outcome, encoded as the CLI's `--json` encodes it.
struct CalcOutcomeContent: Content {
    let outcome: CalcOutcome
    init(_ outcome: CalcOutcome) { self.outcome = outcome }
    func encode(to encoder: any Encoder) throws { try outcome.encode(to: encoder) }
    init(from decoder: any Decoder) throws { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "outcomes are only written")) }
}

extension GPUSpec: Content {}
extension ModelSpec: Content {}
