import Foundation

/// Styling for human output: colour only on a terminal, never with NO_COLOR (no-color.org)
/// or TERM=dumb.
public struct Terminal: Sendable {
    public let colors: Bool

    public init(colors: Bool) {
        self.colors = colors
    }

    public static func forStandardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> Terminal {
        Terminal(colors: shouldColor(isTTY: isatty(STDOUT_FILENO) == 1, environment: environment))
    }

    public static func shouldColor(isTTY: Bool, environment: [String: String]) -> Bool {
        guard isTTY else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    public func bold(_ s: String) -> String { wrap(s, "1") }
    public func dim(_ s: String) -> String { wrap(s, "2") }
    public func green(_ s: String) -> String { wrap(s, "32") }
    public func yellow(_ s: String) -> String { wrap(s, "33") }
    public func red(_ s: String) -> String { wrap(s, "31") }

    private func wrap(_ s: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
