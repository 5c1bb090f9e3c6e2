import PrepCore

/// Files under Resources/Public, served at /static/. The version in the query string
/// changes with each release, so browsers may cache them for a long time.
enum StaticAsset: String, CaseIterable {
    case stylesheet = "app.css"
    case favicon = "favicon.svg"
    /// Keyboard shortcuts and instant reveal on the practice page.
    case practiceScript = "practice.js"
    /// Recomputes a calculator as the user types.
    case calcJS = "calc.js"
    /// The Print button of a cheat sheet (inline handlers are barred by the CSP).
    case printScript = "print.js"

    var url: String { "/static/\(rawValue)?v=\(AppInfo.version)" }
}
