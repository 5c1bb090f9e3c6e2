import PrepCore
import Yams

/// Pulls a line number and a short reason out of the errors Yams throws, so content
/// errors can point at `file:line`.
enum YAMLErrorLine {
    static func line(of error: Error) -> Int? {
        if case let DecodingError.dataCorrupted(context) = error, let underlying = context.underlyingError {
            return line(of: underlying)
        }
        if let yams = error as? YamlError {
            switch yams {
            case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
                return mark.line
            default:
                return nil
            }
        }
        return nil
    }

    static func summary(of error: Error) -> String {
        if let decoding = error as? DecodingError {
            switch decoding {
            case let .keyNotFound(key, context):
                return "missing field '\(path(context.codingPath + [key]))'"
            case let .typeMismatch(_, context), let .valueNotFound(_, context):
                return "field '\(path(context.codingPath))' has the wrong type (\(context.debugDescription))"
            case let .dataCorrupted(context):
                if let underlying = context.underlyingError { return summary(of: underlying) }
                return context.debugDescription
            @unknown default:
                return "\(decoding)"
            }
        }
        if let yams = error as? YamlError {
            switch yams {
            case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
                return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            default:
                return "\(yams)"
            }
        }
        return "\(error)"
    }

    static func path(_ keys: [any CodingKey]) -> String { CodingPathText.describe(keys) }
}
