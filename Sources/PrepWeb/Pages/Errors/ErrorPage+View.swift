import PrepCore

/// The page a browser gets for an error: the status, what went wrong, the way back.
struct ErrorPage {
    let model: ErrorPageModel

    func render() -> String {
        Layout.page(title: model.reason, current: nil) {
            el("h1") { "\(model.code) · \(model.reason)" }
            el("p", .class("lede")) { model.detail }
            el("p") { el("a", .href(SiteURL.today.path)) { "Back to Today" } }
        }
    }
}
