/// Everything `/cheatsheets` shows, built by `CheatSheetsController`: the sheets in the
/// catalogue's order.
struct CheatSheetsPageModel: Sendable, Equatable {
    struct Sheet: Sendable, Equatable {
        var id: String
        var title: String
    }

    var sheets: [Sheet]
}
