import NIOConcurrencyHelpers
import NIOCore
import NIOExtras
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix
import Vapor

/// The app's HTTP/1.1 server, in place of Vapor's own (docs/ARCHITECTURE.md says why): Vapor's
/// server builds its connection pipeline itself and takes no handler of ours, so it has no
/// header or body timeouts and drops the connection on a head past ~80 KB instead of answering
/// (issue #12, finding 5). This one is the same NIO pipeline with `RequestReadGuard` in front
/// of the parser and `AppResponder` in place of Vapor's handlers; requests still go through the
/// app's middleware and routes, and WebSocket upgrades through Vapor's upgrader.
final class GuardedHTTPServer: Server, Sendable {
    private let application: Application
    private let hostname: String
    private let port: Int
    private let limits: ServerLimits
    private let running = NIOLockedValueBox<(channel: (any Channel)?, quiesce: ServerQuiescingHelper?)>((nil, nil))

    init(application: Application, hostname: String, port: Int, limits: ServerLimits) {
        self.application = application
        self.hostname = hostname
        self.port = port
        self.limits = limits
    }

    var onShutdown: EventLoopFuture<Void> {
        running.withLockedValue { $0.channel?.closeFuture } ?? application.eventLoopGroup.any().makeSucceededVoidFuture()
    }

    /// The address the server listens on (the port is the real one when 0 was asked for).
    var localAddress: SocketAddress? { running.withLockedValue { $0.channel?.localAddress } }

    func start(address: BindAddress?) async throws {
        let quiesce = ServerQuiescingHelper(group: application.eventLoopGroup)
        let bootstrap = makeBootstrap(quiesce: quiesce, responder: application.responder.current)
        let channel: any Channel
        do {
            switch address {
            case .unixDomainSocket(let path):
                channel = try await bootstrap.bind(unixDomainSocketPath: path).get()
            case .hostname(let host, let port):
                channel = try await bootstrap.bind(host: host ?? hostname, port: port ?? self.port).get()
            case nil:
                channel = try await bootstrap.bind(host: hostname, port: port).get()
            }
        } catch {
            quiesce.initiateShutdown(promise: nil)
            throw error
        }
        running.withLockedValue { $0 = (channel, quiesce) }
        if let bound = channel.localAddress {
            application.logger.notice("Server started on http://\(bound.ipAddress.map { $0.contains(":") ? "[\($0)]" : $0 } ?? hostname):\(bound.port ?? port)")
        }
    }

    @available(*, noasync, message: "Use the async start(address:)")
    func start(address: BindAddress?) throws {
        let promise = application.eventLoopGroup.next().makePromise(of: Void.self)
        promise.completeWithTask { try await self.start(address: address) }
        try promise.futureResult.wait()
    }

    func shutdown() async {
        guard let quiesce = running.withLockedValue({ $0.quiesce }) else { return }
        let done = application.eventLoopGroup.next().makePromise(of: Void.self)
        // Connections finish the request they are answering; ten seconds is enough for any page.
        let giveUp = done.futureResult.eventLoop.scheduleTask(in: .seconds(10)) { done.succeed(()) }
        quiesce.initiateShutdown(promise: done)
        try? await done.futureResult.get()
        giveUp.cancel()
        running.withLockedValue { $0 = (nil, nil) }
    }

    @available(*, noasync, message: "Use the async shutdown()")
    func shutdown() {
        let promise = application.eventLoopGroup.next().makePromise(of: Void.self)
        promise.completeWithTask { await self.shutdown() }
        try? promise.futureResult.wait()
    }

    private func makeBootstrap(quiesce: ServerQuiescingHelper, responder: any Responder) -> ServerBootstrap {
        let application = self.application
        let limits = self.limits
        return ServerBootstrap(group: application.eventLoopGroup)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(quiesce.makeServerChannelHandler(channel: channel))
                }
            }
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try Self.configure(channel.pipeline.syncOperations, application: application, responder: responder, limits: limits)
                }
            }
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.maxMessagesPerRead, value: 1)
    }

    private static func configure(
        _ pipeline: ChannelPipeline.SynchronousOperations, application: Application, responder: any Responder, limits: ServerLimits
    ) throws {
        let readGuard = RequestReadGuard(limits: limits)
        let encoder = HTTPResponseEncoder()
        let decoder = ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .forwardBytes))
        let pipelining = HTTPServerPipelineHandler()
        let decompressor = NIOHTTPRequestDecompressor(limit: .size(limits.maxBodyBytes))
        let httpHandlers: [any RemovableChannelHandler] = [decompressor, pipelining, decoder, encoder, readGuard]
        let app = AppResponder(application: application, responder: responder, limits: limits, readGuard: readGuard, httpHandlers: httpHandlers)
        try pipeline.addHandlers([
            IdleStateHandler(allTimeout: .milliseconds(Int64(limits.idleTimeout * 1000))),
            CloseWhenIdle(),
            readGuard, encoder, decoder, pipelining, decompressor, app,
        ])
    }
}

/// Closes a connection when `IdleStateHandler` says it has been silent too long.
private final class CloseWhenIdle: ChannelInboundHandler {
    typealias InboundIn = NIOAny

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}

extension Application {
    private struct GuardedServerKey: StorageKey {
        typealias Value = GuardedHTTPServer
    }

    /// Serves the app with `GuardedHTTPServer`; `configure` calls this.
    func useGuardedServer(hostname: String, port: Int, limits: ServerLimits) {
        let server = GuardedHTTPServer(application: self, hostname: hostname, port: port, limits: limits)
        storage[GuardedServerKey.self] = server
        servers.use { _ in server }
    }

    /// Where the app's server listens, once started (the real port when 0 was asked for).
    public var listeningAddress: SocketAddress? {
        storage[GuardedServerKey.self]?.localAddress
    }
}
