import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import Vapor

/// The end of the server's pipeline: gathers a request (within the body limit, after any gzip
/// or deflate is undone), hands it to the Vapor app, and writes the app's response. Requests
/// the app never sees (a body too large or malformed HTTP) are answered here with a problem
/// document, and the connection closes.
final class AppResponder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private enum State {
        case idle
        case collecting(HTTPRequestHead, ByteBuffer?)
        case refused
    }

    private let application: Application
    private let responder: any Responder
    private let limits: ServerLimits
    private let readGuard: RequestReadGuard
    /// The HTTP handlers an upgrade to WebSocket takes out of the pipeline.
    private let httpHandlers: [any RemovableChannelHandler]
    private var state = State.idle
    private var quiescing = false

    init(
        application: Application, responder: any Responder, limits: ServerLimits, readGuard: RequestReadGuard,
        httpHandlers: [any RemovableChannelHandler]
    ) {
        self.application = application
        self.responder = responder
        self.limits = limits
        self.readGuard = readGuard
        self.httpHandlers = httpHandlers
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch (unwrapInboundIn(data), state) {
        case (_, .refused):
            return
        case (.head(let head), _):
            if let declared = head.headers.first(name: "content-length").flatMap(Int.init), declared > limits.maxBodyBytes {
                refuse(context, Self.bodyTooLarge(limits, compressed: false))
                return
            }
            if head.headers.first(name: "expect")?.lowercased() == "100-continue" {
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .continue))), promise: nil)
            }
            state = .collecting(head, nil)
        case (.body(var chunk), .collecting(let head, let body)):
            guard (body?.readableBytes ?? 0) + chunk.readableBytes <= limits.maxBodyBytes else {
                refuse(context, Self.bodyTooLarge(limits, compressed: Self.isDecompressed(head)))
                return
            }
            guard var body else {
                state = .collecting(head, chunk)
                return
            }
            body.writeBuffer(&chunk)
            state = .collecting(head, body)
        case (.end, .collecting(let head, let body)):
            state = .idle
            readGuard.requestEnded()
            respond(context, head: head, body: body)
        case (.body, .idle), (.end, .idle):
            // The parser sends no body or end without a head.
            return
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Nobody to answer: the client left mid-request (the parser reports the early end),
        // the connection is closing, or the guard has answered already.
        if !context.channel.isActive || readGuard.hasRefused || (error as? HTTPParserError) == .invalidEOFState {
            context.close(promise: nil)
            return
        }
        switch error {
        case let parser as HTTPParserError:
            refuse(context, Self.problem(for: parser, sawRequestLine: readGuard.sawRequestLine, limits: limits))
        case NIOHTTPDecompression.DecompressionError.limit:
            refuse(context, Self.bodyTooLarge(limits, compressed: true))
        case is NIOHTTPDecompression.DecompressionError, is NIOHTTPDecompression.ExtraDecompressionError:
            refuse(
                context,
                ConnectionProblem(
                    status: .badRequest, detail: "The request body is not valid gzip or deflate data, as its Content-Encoding says; send it uncompressed."))
        default:
            context.fireErrorCaught(error)
            context.close(promise: nil)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent { quiescing = true }
        context.fireUserInboundEventTriggered(event)
    }

    // MARK: Answering

    private func respond(_ context: ChannelHandlerContext, head: HTTPRequestHead, body: ByteBuffer?) {
        var headers = head.headers
        if Self.isDecompressed(head) {
            headers.remove(name: "content-encoding")
            headers.replaceOrAdd(name: "content-length", value: String(body?.readableBytes ?? 0))
        }
        // URI(path:) and not URI(string:): a target like "//x/y" is a path, never a host.
        let request = Request(
            application: application, method: head.method, url: URI(path: head.uri), version: head.version,
            headersNoUpdate: headers, collectedBody: body, remoteAddress: context.channel.remoteAddress,
            logger: application.logger, byteBufferAllocator: context.channel.allocator, on: context.eventLoop)
        readGuard.responseInFlight = true
        responder.respond(to: request).hop(to: context.eventLoop).assumeIsolated().whenComplete { result in
            switch result {
            case .success(let response):
                if response.status == .switchingProtocols, let upgrader = response.upgrader {
                    self.upgrade(context, request: request, head: head, response: response, upgrader: upgrader)
                } else {
                    self.write(context, response: response, for: head)
                }
            case .failure(let error):
                self.application.logger.report(error: error)
                self.readGuard.responseInFlight = false
                self.refuse(context, ConnectionProblem(status: .internalServerError, detail: "The server failed to answer; try again."))
            }
        }
    }

    private func write(_ context: ChannelHandlerContext, response: Response, for head: HTTPRequestHead) {
        guard let buffer = response.body.buffer else {
            // A streamed body (none is used yet) is gathered first, so it gets a Content-Length.
            response.body.collect(on: context.eventLoop).hop(to: context.eventLoop).assumeIsolated().whenComplete { collected in
                switch collected {
                case .success(let buffer): self.write(context, response: response, body: buffer, for: head)
                case .failure:
                    self.readGuard.responseInFlight = false
                    context.close(promise: nil)
                }
            }
            return
        }
        write(context, response: response, body: buffer, for: head)
    }

    private func write(_ context: ChannelHandlerContext, response: Response, body: ByteBuffer?, for head: HTTPRequestHead) {
        let keepAlive = head.isKeepAlive && !quiescing
        var headers = response.headers
        let status = response.status
        let hasBody = status.code >= 200 && status != .noContent && status != .notModified
        headers.remove(name: "transfer-encoding")
        if hasBody {
            headers.replaceOrAdd(name: "content-length", value: String(body?.readableBytes ?? 0))
        } else {
            headers.remove(name: "content-length")
        }
        headers.replaceOrAdd(name: "connection", value: keepAlive ? "keep-alive" : "close")
        if !headers.contains(name: "date") { headers.add(name: "date", value: HTTPDate.now()) }

        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        if hasBody, head.method != .HEAD, let body, body.readableBytes > 0 {
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            self.readGuard.responseInFlight = false
            if !keepAlive { context.close(mode: .output, promise: nil) }
        }
    }

    /// WebSocket: the 101 goes out, the HTTP handlers leave, and the upgrader takes the channel.
    private func upgrade(
        _ context: ChannelHandlerContext, request: Request, head: HTTPRequestHead, response: Response, upgrader: any Upgrader
    ) {
        let protocolUpgrader = upgrader.applyUpgrade(req: request, res: response)
        let buffer = UpgradeBuffer()
        do {
            try context.pipeline.syncOperations.addHandler(buffer, position: .before(readGuard))
        } catch {
            context.close(promise: nil)
            return
        }
        let pipeline = context.pipeline
        protocolUpgrader.buildUpgradeResponse(channel: context.channel, upgradeRequest: head, initialResponseHeaders: [:])
            .hop(to: context.eventLoop).assumeIsolated()
            .flatMap { headers in
                var headers = headers
                headers.add(name: "date", value: HTTPDate.now())
                context.write(self.wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .switchingProtocols, headers: headers))), promise: nil)
                return context.writeAndFlush(self.wrapOutboundOut(.end(nil)))
            }
            .flatMap { () -> EventLoopFuture<Void> in
                self.readGuard.responseInFlight = false
                for handler in [self as any RemovableChannelHandler] + self.httpHandlers {
                    pipeline.syncOperations.removeHandler(handler, promise: nil)
                }
                return protocolUpgrader.upgrade(context: context, upgradeRequest: head)
            }
            .whenComplete { result in
                if case .failure = result { context.close(promise: nil) }
                pipeline.syncOperations.removeHandler(buffer, promise: nil)
            }
    }

    // MARK: Refusals

    private func refuse(_ context: ChannelHandlerContext, _ problem: ConnectionProblem) {
        state = .refused
        readGuard.discardRemainingInput()
        guard !readGuard.responseInFlight else {
            context.close(promise: nil)
            return
        }
        context.write(wrapOutboundOut(.head(problem.head())), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: problem.body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(mode: .output, promise: nil)
        }
    }

    private static func isDecompressed(_ head: HTTPRequestHead) -> Bool {
        ["gzip", "deflate", "x-gzip"].contains(head.headers.first(name: "content-encoding")?.lowercased() ?? "")
    }

    static func bodyTooLarge(_ limits: ServerLimits, compressed: Bool) -> ConnectionProblem {
        let limit = "\(limits.maxBodyBytes / 1024 / 1024) MB"
        return ConnectionProblem(
            status: .payloadTooLarge,
            detail: compressed
                ? "The request body inflates past \(limit); the limit applies after Content-Encoding is undone."
                : "The request body is larger than \(limit); send less at once.")
    }

    static func problem(for error: HTTPParserError, sawRequestLine: Bool, limits: ServerLimits) -> ConnectionProblem {
        switch error {
        case .headerOverflow:
            sawRequestLine ? RequestReadGuard.headTooLarge(limits) : RequestReadGuard.uriTooLong(limits)
        case .invalidMethod:
            ConnectionProblem(status: .notImplemented, detail: "The request method is not one this server knows.")
        default:
            ConnectionProblem(status: .badRequest, detail: "The request is not valid HTTP/1.1 (\(error)); check the client that sent it.")
        }
    }
}

/// Holds what the client sends while the pipeline changes from HTTP to WebSocket.
private final class UpgradeBuffer: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    private var held: [NIOAny] = []

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        held.append(data)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        for data in held { context.fireChannelRead(data) }
        held = []
    }
}
