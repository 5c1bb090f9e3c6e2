import NIOCore
import NIOPosix
import PrepCore

/// Finds out before anything is created whether the server could listen where asked.
public enum PortCheck {
    public static func ensureFree(host: String, port: Int) async throws {
        guard port != 0 else {
            // Nothing to bind yet, but a name that resolves to nothing is known now.
            do { _ = try SocketAddress.makeAddressResolvingHost(host, port: 0) } catch { throw describe(error, host: host, port: port) }
            return
        }
        do {
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .bind(host: host, port: port).get()
            try await channel.close()
        } catch {
            throw describe(error, host: host, port: port)
        }
    }

    /// A bind failure as a person would want to read it.
    public static func describe(_ error: any Error, host: String, port: Int) -> any Error {
        if let io = error as? IOError {
            switch io.errnoCode {
            case EADDRINUSE:
                return PlainError("port \(port) on \(host) is already in use", fix: "stop the program using it, or pass --port with another number (--port 0 picks a free one)")
            case EACCES:
                return PlainError("no permission to listen on port \(port)", fix: "use a port above 1023, e.g. --port 8080")
            case EADDRNOTAVAIL:
                return PlainError("--host \(host) is not an address of this machine", fix: "use 127.0.0.1, or 0.0.0.0 to listen on every interface")
            default:
                break
            }
        }
        if error is SocketAddressError || error is SocketAddressError.UnknownHost {
            return PlainError("--host \(host) is not a valid address or resolvable name", fix: "use 127.0.0.1, localhost or 0.0.0.0")
        }
        return error
    }
}
