import ArgumentParser
import Foundation
import PrepCore

/// Step lists as people write them: `1m,10m`, `45s`, `1h`, `1d`, or bare seconds.
enum StepList {
    static func parse(_ text: String, option: String) throws -> [Int64] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == "none" { return [] }
        return try trimmed.split(separator: ",").map { part in
            let item = part.trimmingCharacters(in: .whitespaces).lowercased()
            let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)]
            var seconds: Double?
            for (suffix, scale) in units where item.hasSuffix(suffix) {
                if let value = Double(item.dropLast(suffix.count)) {
                    seconds = value * scale
                    break
                }
            }
            if seconds == nil { seconds = Double(item) }
            guard let seconds, seconds > 0, seconds.isFinite else {
                throw ValidationError("\(option): '\(part)' is not a duration; write e.g. 1m,10m (s, m, h, d) or seconds")
            }
            return Int64((seconds * 1_000_000).rounded())
        }
    }
}
