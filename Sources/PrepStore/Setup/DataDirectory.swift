import PrepCore

/// Where InfraPrep keeps its files when the user does not say: the XDG base-directory rule.
public enum DataDirectory {
    public static let folderName = "infraprep"

    /// `$XDG_DATA_HOME/infraprep` when that is an absolute path (the spec says a relative one
    /// must be ignored), else `$HOME/.local/share/infraprep`.
    public static func resolve(environment: [String: String]) throws -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return join(xdg, folderName)
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else {
            throw PlainError(
                "cannot find a data folder: neither XDG_DATA_HOME nor HOME is set to an absolute path",
                fix: "pass --data-dir DIR or set XDG_DATA_HOME"
            )
        }
        return join(join(home, ".local/share"), folderName)
    }

    static func join(_ base: String, _ leaf: String) -> String {
        base.hasSuffix("/") ? base + leaf : base + "/" + leaf
    }
}
