import PrepCore

/// What the page of a section that is not built yet shows: the section's name, summary and
/// the issue it is planned in, all from `Section`.
struct PlannedPageModel: Sendable, Equatable {
    var section: Section
}
