/// A section as the API and `--json` describe it.
public struct SectionInfo: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var path: String
    public var summary: String
    public var available: Bool
    /// The issue that builds it, when it is planned and filed.
    public var issue: Int?

    public init(_ section: Section) {
        id = section.rawValue
        title = section.title
        path = section.path
        summary = section.summary
        available = section.isAvailable
        if case let .planned(issue) = section.availability { self.issue = issue } else { issue = nil }
    }
}
