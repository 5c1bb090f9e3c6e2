import PrepContent
import PrepCore
import Vapor

/// Cheat sheets are items of kind `cheatsheet`, shown whole and laid out for print.
enum CheatSheetsController {
    static func list(_ req: Request) async throws -> Response {
        let sheets = req.prep.catalog.find(ItemQuery(kind: .cheatsheet))
        let html = Layout.page(title: "Cheat sheets", current: .cheatsheets) {
            el("h1") { "Cheat sheets" }
            el("p", .class("lede")) { Section.cheatsheets.summary + " Each prints on one or two A4 or Letter pages." }
            el("ul", .class("items")) {
                for sheet in sheets {
                    el("li") { el("a", .href(SiteURL.cheatsheet(sheet.id).path)) { sheet.title } }
                }
            }
        }
        return HTMLResponse.page(html)
    }

    static func show(_ req: Request) async throws -> Response {
        let item = try QuestionsController.item(req)
        guard item.kind == .cheatsheet else { return req.redirect(to: SiteURL.question(item.id).path, redirectType: .permanent) }
        return HTMLResponse.page(QuestionsController.page(for: item, req: req).render())
    }
}
