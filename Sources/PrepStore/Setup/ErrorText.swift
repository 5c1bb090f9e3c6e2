import FluentPostgresDriver
import Foundation

/// One readable line from the errors the drivers throw, whose default descriptions are
/// either multi-line dumps or, for PostgreSQL, deliberately vague.
public enum ErrorText {
    public static func short(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] { return message }
            if let underlying = psql.underlying { return short(underlying) }
            return "\(psql.code)"
        }
        let text = String(describing: error)
        if text.contains("Connection refused") || text.contains("connectionRefused") || text.contains("errno: 111") { return "connection refused" }
        if text.contains("connectTimeout") || text.contains("timed out") { return "connection timed out" }
        return text.split(separator: "\n").first.map(String.init) ?? text
    }
}
