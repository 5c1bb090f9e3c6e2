import PrepCore
import Vapor

struct ErrorPage {
    let status: HTTPResponseStatus
    let detail: String
    let path: String

    func render() -> String {
        Layout.page(title: status.reasonPhrase, current: nil) {
            el("h1") { "\(status.code) · \(status.reasonPhrase)" }
            el("p", .class("lede")) { detail }
            el("p") { el("a", .href(SiteURL.today.path)) { "Back to Today" } }
        }
    }
}
