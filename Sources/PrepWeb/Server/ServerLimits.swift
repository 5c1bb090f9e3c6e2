/// What one connection may cost the server before it is answered and closed (issue #12,
/// finding 5): a client that sends nothing, sends its head or body a byte at a time, or sends
/// more than a person's browser ever would must not hold a file descriptor or memory for long.
/// docs/RELIABILITY.md gives the reasons for each figure.
public struct ServerLimits: Sendable, Equatable {
    /// A connection that sends and receives nothing for this long is closed (`--idle-timeout`).
    public var idleTimeout: Double = 60
    /// From a request's first byte to the end of its head (`--header-timeout`); then 408.
    public var headerTimeout: Double = 10
    /// From the end of a request's head to the end of its body (`--body-timeout`); then 408.
    public var bodyTimeout: Double = 60
    /// The request line (method, target, version); a longer one gets 414.
    public var maxRequestLineBytes = 16 * 1024
    /// The whole head, request line and header fields; a longer one gets 431.
    public var maxHeadBytes = 64 * 1024
    /// A body, after any gzip or deflate is undone; a longer one gets 413.
    public var maxBodyBytes = 1024 * 1024

    public init() {}

    /// The range the command line accepts for each timeout, in seconds.
    public static let timeoutRange: ClosedRange<Double> = 1...86_400
}
