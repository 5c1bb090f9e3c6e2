import PrepContent
import PrepCore
import Vapor

/// Cheat sheets are items of kind `cheatsheet`, shown whole and laid out for print.
enum CheatSheetsController {
    static func list(_ req: Request) async throws -> Response {
        let sheets = req.prep.catalog.find(ItemQuery(kind: .cheatsheet))
        let model = CheatSheetsPageModel(sheets: sheets.map { .init(id: $0.id, title: $0.title) })
        return HTMLResponse.page(CheatSheetsPage(model: model).render())
    }

    static func show(_ req: Request) async throws -> Response {
        let item = try QuestionsController.item(req)
        guard item.kind == .cheatsheet else { return req.redirect(to: SiteURL.question(item.id).path, redirectType: .permanent) }
        return HTMLResponse.page(QuestionsController.page(for: item, req: req).render())
    }
}
