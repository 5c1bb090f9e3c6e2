import PrepCore

/// `/cheatsheets`: the printable references, one link each.
struct CheatSheetsPage {
    let model: CheatSheetsPageModel

    func render() -> String {
        Layout.page(title: "Cheat sheets", current: .cheatsheets) {
            el("h1") { "Cheat sheets" }
            el("p", .class("lede")) { Section.cheatsheets.summary + " Each prints on one or two A4 or Letter pages." }
            el("ul", .class("items")) {
                for sheet in model.sheets {
                    el("li") { el("a", .href(SiteURL.cheatsheet(sheet.id).path)) { sheet.title } }
                }
            }
        }
    }
}
