@testable import PrepWeb

extension CheatSheetsPageModel {
    static let mock = CheatSheetsPageModel(sheets: [MockContent.dockerSheet, MockContent.gpuSheet].map { .init(id: $0.id, title: $0.title) })
}
