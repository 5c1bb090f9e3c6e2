@testable import PrepWeb

extension PlannedPageModel {
    static let mock = PlannedPageModel(section: .mock)
}
