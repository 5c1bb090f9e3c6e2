import NIOCore
import NIOHTTP1

/// Reads each request head's bytes before the HTTP parser does (issue #12, finding 5). A request
/// line or head longer than the limits is answered 414 or 431 (the parser alone drops the
/// connection past ~80 KB), and a head or body that does not arrive in time is answered 408,
/// so a client sending a byte a second cannot hold a connection forever.
///
/// Between requests nothing is timed here: the idle timeout closes a silent connection. Timers
/// start only when a head or body does not arrive in one read, so an ordinary request costs none.
final class RequestReadGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private enum Phase {
        case betweenRequests
        case head
        /// The head has ended; the body runs until `AppResponder` sees the request's end.
        case body
        /// Refused: what the client still sends is dropped until the connection closes.
        case discarding
    }

    private let limits: ServerLimits
    private var phase = Phase.betweenRequests
    private var headBytes = 0
    private var lineBytes = 0
    private var requestLineEnded = false
    private var deadline: NIODeadline?
    private var timer: Scheduled<Void>?
    private var timerDeadline: NIODeadline?
    private var context: ChannelHandlerContext?
    /// Set by `AppResponder` while the app answers: a raw answer then would break its response.
    var responseInFlight = false

    init(limits: ServerLimits) {
        self.limits = limits
    }

    /// Whether the request line of the head being read has ended (414 or 431 for an overflow).
    var sawRequestLine: Bool { requestLineEnded }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        self.context = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch phase {
        case .discarding:
            return
        case .body:
            context.fireChannelRead(data)
        case .betweenRequests, .head:
            if case .betweenRequests = phase { beginHead(context) }
            let buffer = unwrapInboundIn(data)
            if let problem = scan(buffer) {
                refuse(problem)
                return
            }
            context.fireChannelRead(data)
        }
        armTimer(context)
    }

    /// `AppResponder` has the whole request: the next bytes begin a new head.
    func requestEnded() {
        guard !isDiscarding else { return }
        phase = .betweenRequests
        disarm()
    }

    /// Answers with `problem` if nothing else is being written, then closes the connection.
    func refuse(_ problem: ConnectionProblem) {
        guard let context, !isDiscarding else { return }
        phase = .discarding
        disarm()
        guard !responseInFlight else {
            context.close(promise: nil)
            return
        }
        closeSoon(context)
        context.writeAndFlush(NIOAny(problem.serialized(allocator: context.channel.allocator))).assumeIsolated().whenComplete { _ in
            // Half-close, so a client still sending reads the answer instead of a reset.
            context.close(mode: .output, promise: nil)
        }
    }

    /// Stops passing input on after `AppResponder` refused a request itself.
    func discardRemainingInput() {
        guard let context, !isDiscarding else { return }
        phase = .discarding
        disarm()
        closeSoon(context)
    }

    /// A refused client gets two seconds to read the answer, then the connection closes.
    private func closeSoon(_ context: ChannelHandlerContext) {
        context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(2)) { context.close(promise: nil) }
    }

    /// The guard has answered (or closed) this connection; nothing more is written to it.
    var hasRefused: Bool { isDiscarding }

    private var isDiscarding: Bool {
        if case .discarding = phase { return true }
        return false
    }

    private func beginHead(_ context: ChannelHandlerContext) {
        phase = .head
        headBytes = 0
        lineBytes = 0
        requestLineEnded = false
        deadline = .now() + .milliseconds(Int64(limits.headerTimeout * 1000))
    }

    /// Counts the head's bytes up to its empty line; the body's bytes pass uncounted.
    private func scan(_ buffer: ByteBuffer) -> ConnectionProblem? {
        buffer.withUnsafeReadableBytes { bytes in
            for byte in bytes {
                headBytes += 1
                if byte == UInt8(ascii: "\n") {
                    if lineBytes == 0, requestLineEnded {
                        phase = .body
                        deadline = .now() + .milliseconds(Int64(limits.bodyTimeout * 1000))
                        return nil
                    }
                    // Empty lines before the request line are allowed (RFC 9112 section 2.2).
                    if lineBytes > 0 { requestLineEnded = true }
                    lineBytes = 0
                } else if byte != UInt8(ascii: "\r") {
                    lineBytes += 1
                }
                if !requestLineEnded, headBytes > limits.maxRequestLineBytes {
                    return Self.uriTooLong(limits)
                }
                if headBytes > limits.maxHeadBytes {
                    return Self.headTooLarge(limits)
                }
            }
            return nil
        }
    }

    static func uriTooLong(_ limits: ServerLimits) -> ConnectionProblem {
        ConnectionProblem(
            status: .uriTooLong,
            detail: "The request line is longer than \(limits.maxRequestLineBytes / 1024) KB; send long input in a POST body, not in the address.")
    }

    static func headTooLarge(_ limits: ServerLimits) -> ConnectionProblem {
        ConnectionProblem(
            status: .requestHeaderFieldsTooLarge,
            detail: "The request's header fields are longer than \(limits.maxHeadBytes / 1024) KB in all; remove large cookies or headers and send it again.")
    }

    /// A timer exists only while a head or body is unfinished after a read.
    private func armTimer(_ context: ChannelHandlerContext) {
        let waiting: Bool
        switch phase {
        case .head, .body: waiting = true
        case .betweenRequests, .discarding: waiting = false
        }
        guard waiting, let deadline else {
            disarm()
            return
        }
        guard timer == nil || timerDeadline != deadline else { return }
        timer?.cancel()
        timerDeadline = deadline
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [weak self] in self?.timedOut() }
    }

    private func disarm() {
        timer?.cancel()
        timer = nil
        timerDeadline = nil
    }

    private func timedOut() {
        let part: String
        let seconds: Double
        switch phase {
        case .head: (part, seconds) = ("head", limits.headerTimeout)
        case .body: (part, seconds) = ("body", limits.bodyTimeout)
        case .betweenRequests, .discarding: return
        }
        refuse(
            ConnectionProblem(
                status: .requestTimeout,
                detail: "The request's \(part) did not arrive within \(Self.seconds(seconds)); send the whole request at once."))
    }

    static func seconds(_ value: Double) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(value)
        return value == 1 ? "1 second" : "\(text) seconds"
    }
}
