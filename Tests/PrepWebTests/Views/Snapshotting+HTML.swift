import PrepCore
import SnapshotTesting

extension Snapshotting where Value == String, Format == String {
    /// A page's HTML as a text file, a tag a line so that a diff shows what changed. The
    /// version, which every page carries in its footer and its asset URLs, is written as
    /// VERSION so that a release does not change every snapshot.
    static var html: Snapshotting<String, String> {
        var strategy = Snapshotting<String, String>.lines.pullback { (html: String) in
            html.replacingOccurrences(of: "><", with: ">\n<")
                .replacingOccurrences(of: "?v=\(AppInfo.version)", with: "?v=VERSION")
                .replacingOccurrences(of: "\(AppInfo.name) \(AppInfo.version)", with: "\(AppInfo.name) VERSION")
        }
        strategy.pathExtension = "html"
        return strategy
    }
}
