/// A small parser of the Prometheus text exposition format (version 0.0.4), enough to
/// assert on samples by name and labels instead of grepping.
public struct PrometheusText {
    public struct Sample: Equatable {
        public var name: String
        public var labels: [String: String]
        public var value: Double
    }

    public var types: [String: String] = [:]
    public var samples: [Sample] = []

    public struct ParseError: Error, CustomStringConvertible {
        public let line: Int
        public let text: String
        public var description: String { "line \(line): cannot parse '\(text)'" }
    }

    public init(_ text: String) throws {
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let line = String(raw)
            if line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ")
                guard parts.count == 4 else { throw ParseError(line: number + 1, text: line) }
                types[String(parts[2])] = String(parts[3])
                continue
            }
            if line.hasPrefix("#") { continue }
            guard let sample = Self.sample(line) else { throw ParseError(line: number + 1, text: line) }
            samples.append(sample)
        }
    }

    static func sample(_ line: String) -> Sample? {
        var name = ""
        var labels: [String: String] = [:]
        var rest = Substring(line)
        if let brace = rest.firstIndex(of: "{") {
            name = String(rest[..<brace])
            guard let close = rest.lastIndex(of: "}") else { return nil }
            let body = rest[rest.index(after: brace)..<close]
            var i = body.startIndex
            while i < body.endIndex {
                guard let eq = body[i...].firstIndex(of: "=") else { return nil }
                let key = body[i..<eq].trimmingCharacters(in: .init(charactersIn: ", "))
                var j = body.index(eq, offsetBy: 2, limitedBy: body.endIndex) ?? body.endIndex
                var value = ""
                while j < body.endIndex, body[j] != "\"" {
                    if body[j] == "\\", body.index(after: j) < body.endIndex {
                        j = body.index(after: j)
                        value.append(body[j] == "n" ? "\n" : body[j])
                    } else {
                        value.append(body[j])
                    }
                    j = body.index(after: j)
                }
                labels[key] = value
                i = j < body.endIndex ? body.index(after: j) : j
            }
            rest = rest[rest.index(after: close)...]
        } else {
            guard let space = rest.firstIndex(of: " ") else { return nil }
            name = String(rest[..<space])
            rest = rest[space...]
        }
        let fields = rest.split(separator: " ")
        guard let first = fields.first else { return nil }
        let value: Double? =
            switch first {
            case "+Inf": .infinity
            case "-Inf": -.infinity
            case "NaN": .nan
            default: Double(first)
            }
        guard let value else { return nil }
        return Sample(name: name, labels: labels, value: value)
    }

    public func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { sample in
            sample.name == name && labels.allSatisfy { key, value in sample.labels[key] == value }
        }?.value
    }

    public func all(_ name: String) -> [Sample] { samples.filter { $0.name == name } }
}
