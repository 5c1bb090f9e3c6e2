import PrepCore

/// A problem in a content file, reported as `file:line: message` like a compiler.
public struct ContentError: UserFacingError, Equatable {
    public let file: String
    public let line: Int?
    public let problem: String
    public let fix: String

    public init(file: String, line: Int?, problem: String, fix: String = "") {
        self.file = file
        self.line = line
        self.problem = problem
        self.fix = fix
    }

    public var location: String { line.map { "\(file):\($0)" } ?? file }
    public var description: String { "\(location): \(message)" }
}
