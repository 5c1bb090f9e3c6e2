import Foundation
import PrepCore

/// `--json` output: the API's JSON style (snake_case, ISO 8601, sorted keys), pretty-printed,
/// one document per command. The shapes are documented in docs/CLI.md.
enum JSONOutput {
    static func render<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONCoding.encoder(pretty: true).encode(value), as: UTF8.self)
    }
}
