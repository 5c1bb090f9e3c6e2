import Yams

/// A front-matter value with the file line it starts on: what the item parser reads.
/// It comes from `FastFrontMatter` for the plain subset the bank is written in, and from
/// Yams for anything else, so both paths give the same values and the same line numbers.
indirect enum FrontMatterValue: Sendable {
    case scalar(String, line: Int, plain: Bool)
    case list([FrontMatterValue], line: Int)
    case map([(key: String, keyLine: Int, value: FrontMatterValue)], line: Int)

    var line: Int {
        switch self {
        case let .scalar(_, line, _), let .list(_, line), let .map(_, line): line
        }
    }

    /// The text of a scalar; nil for lists and maps.
    var string: String? {
        if case let .scalar(text, _, _) = self { return text }
        return nil
    }

    /// A plain `~`, `null` or nothing, as YAML reads them.
    var isNull: Bool {
        if case let .scalar(text, _, plain) = self { return plain && ["", "~", "null", "Null", "NULL"].contains(text) }
        return false
    }

    var int: Int? {
        if case let .scalar(text, _, plain) = self, plain { return Int(text) }
        return nil
    }

    var list: [FrontMatterValue]? {
        if case let .list(values, _) = self { return values }
        return nil
    }

    subscript(key: String) -> FrontMatterValue? {
        if case let .map(pairs, _) = self { return pairs.first { $0.key == key }?.value }
        return nil
    }

    /// Converts a Yams node, shifting its marks by the line the YAML starts on.
    static func from(_ node: Node, firstLine: Int) -> FrontMatterValue {
        let line = (node.mark?.line ?? 1) + firstLine - 1
        switch node {
        case let .scalar(scalar):
            return .scalar(scalar.string, line: line, plain: scalar.style == .plain || scalar.style == .any)
        case let .sequence(sequence):
            return .list(sequence.map { from($0, firstLine: firstLine) }, line: line)
        case let .mapping(mapping):
            return .map(
                mapping.map { pair in
                    (pair.key.string ?? "", (pair.key.mark?.line ?? 1) + firstLine - 1, from(pair.value, firstLine: firstLine))
                }, line: line)
        case .alias:
            return .scalar("", line: line, plain: true)
        }
    }
}

extension FrontMatterValue {
    /// A canonical text form with lines, for comparing the two parsers.
    var canonical: String {
        switch self {
        case let .scalar(text, line, _): "\(line):\(text.debugDescription)"
        case let .list(values, line): "\(line):[" + values.map(\.canonical).joined(separator: ", ") + "]"
        case let .map(pairs, line): "\(line):{" + pairs.map { "\($0.keyLine):\($0.key)=\($0.value.canonical)" }.joined(separator: ", ") + "}"
        }
    }
}
