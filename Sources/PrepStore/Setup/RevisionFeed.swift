import FluentPostgresDriver
import Foundation
import Logging
import NIOCore
import NIOPosix

/// Every committed write of a person's data, as PostgreSQL tells each app replica: a write
/// raises the revision and sends its person's id on `channel` in the same transaction, and
/// PostgreSQL delivers it at commit and only if it commits. A replica listening knows of
/// every other replica's writes, so it can keep people's revisions in memory too.
public enum RevisionFeed {
    public static let channel = "infraprep_revisions"

    /// Listens until the task is cancelled, reconnecting after a second when the connection
    /// drops. `listening(true)` once LISTEN is in place (anything committed before it must be
    /// read again), `listening(false)` whenever notifications may have been missed.
    public static func run(
        _ target: PostgresTarget, logger: Logger, listening: @escaping @Sendable (Bool) -> Void, changed: @escaping @Sendable (UUID) -> Void
    ) async {
        while !Task.isCancelled {
            do {
                let connection = try await PostgresConnection.connect(
                    on: MultiThreadedEventLoopGroup.singleton.any(), configuration: try StorageConfiguration.connection(target), id: 0, logger: logger)
                do {
                    try await withTaskCancellationHandler {
                        try await connection.listen(on: channel) { notifications in
                            listening(true)
                            for try await notification in notifications {
                                if let id = UUID(uuidString: notification.payload) { changed(id) }
                            }
                        }
                    } onCancel: {
                        // Ends the wait for the next notification.
                        connection.close().whenComplete { _ in }
                    }
                } catch {
                    listening(false)
                    try? await connection.close()
                    throw error
                }
                listening(false)
                try? await connection.close()
            } catch {
                listening(false)
                if !Task.isCancelled { logger.warning("revision feed lost; pages are drawn afresh until it is back", metadata: ["error": "\(String(reflecting: error))"]) }
            }
            try? await Task.sleep(nanoseconds: 1_000_000_000)
        }
    }
}
