import PrepCore

/// Failures of the database that a person can do something about.
public enum StoreError: UserFacingError, Equatable {
    case unreachable(location: String, reason: String)
    case newerSchema(location: String, unknown: [String])
    case missingDatabaseFile(path: String)
    /// `PRAGMA quick_check` found damage; `detail` is its first findings.
    case damaged(path: String, detail: String)
    case notADatabase(path: String)

    public var problem: String {
        switch self {
        case let .unreachable(location, reason):
            "cannot reach the database at \(location) (\(reason))"
        case let .newerSchema(location, unknown):
            "the database at \(location) was written by a newer version of InfraPrep (it has migration \(unknown.map { "'\($0)'" }.joined(separator: ", ")), which \(AppInfo.name) \(AppInfo.version) does not know)"
        case let .missingDatabaseFile(path):
            "the database file \(path) has been removed while the app was running"
        case let .damaged(path, detail):
            "the database file \(path) is damaged (SQLite's quick_check: \(detail))"
        case let .notADatabase(path):
            "\(path) is not a SQLite database (another program's file, or one damaged at its start)"
        }
    }

    public var fix: String {
        switch self {
        case .unreachable(let location, _) where location.hasPrefix("postgres"):
            "check that PostgreSQL is running and that DATABASE_URL names the right host, port, user and password"
        case .unreachable:
            "check the data folder and its permissions"
        case .newerSchema:
            "upgrade infraprep to the newer version, or pass --data-dir with another folder"
        case .missingDatabaseFile:
            "restart infraprep to create a new one, or restore the file from a backup"
        case .notADatabase:
            "move it aside (restore it from a backup if it held your data) and start again, or pass --data-dir with another folder"
        case .damaged:
            "stop infraprep, then restore the file from a backup, or move it aside and start again with an empty one (the moved file keeps what can be recovered)"
        }
    }
}
