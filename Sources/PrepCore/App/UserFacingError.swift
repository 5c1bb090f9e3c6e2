/// An error a person can act on: what went wrong, where, and what to do about it.
///
/// The CLI prints `message` on one line and exits non-zero; the web layer turns it into an
/// RFC 9457 problem. Keeping both halves separate lets each surface lay them out its own way.
public protocol UserFacingError: Error, CustomStringConvertible {
    /// What was wrong and where (a flag, a field, a file:line).
    var problem: String { get }
    /// What to do about it.
    var fix: String { get }
}

extension UserFacingError {
    public var message: String { fix.isEmpty ? problem : "\(problem); \(fix)" }
    public var description: String { message }
}

/// A ready-made `UserFacingError` for the many cases that need no type of their own.
public struct PlainError: UserFacingError, Equatable {
    public let problem: String
    public let fix: String
    public init(_ problem: String, fix: String = "") {
        self.problem = problem
        self.fix = fix
    }
}
