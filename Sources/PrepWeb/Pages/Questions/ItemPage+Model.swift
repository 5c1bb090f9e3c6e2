import PrepCore

/// Everything one item's page shows (`/questions/ID`, `/cheatsheets/ID`), with its Markdown
/// already rendered, built by `QuestionsController`.
struct ItemPageModel: Sendable, Equatable {
    /// A section of the body: its heading and its rendered Markdown.
    struct Part: Sendable, Equatable {
        var heading: String
        var html: String
    }

    struct Link: Sendable, Equatable {
        var id: String
        var title: String
    }

    var item: ContentItem
    var skillName: String
    var tier: Int?
    var related: [Link]
    var introHTML: String
    /// The sections shown with the prompt, those behind the reveal, and all of them in order.
    var promptParts: [Part]
    var answerParts: [Part]
    var allParts: [Part]
    /// Where the person stands with this question ("Review · 4 reviews · next due …"); nil for
    /// what is read rather than practised.
    var studyStatus: String?
    /// The list the page was opened from, and its neighbours in it.
    var list: ListPosition?

    struct ListPosition: Sendable, Equatable {
        var title: String
        /// The list's address, and the query (`?skill=…`) each neighbour link carries.
        var link: String
        var suffix: String
        var index: Int
        var count: Int
        var previous: Link?
        var next: Link?
    }

    /// The page of `item`; `html` renders its Markdown (the controller's cache, or the
    /// renderer itself in tests).
    static func make(item: ContentItem, skillName: String, tier: Int?, related: [Link], html: (String) -> String) -> ItemPageModel {
        func parts(_ sections: [ContentItem.Section]) -> [Part] { sections.map { Part(heading: $0.heading, html: html($0.markdown)) } }
        return ItemPageModel(
            item: item, skillName: skillName, tier: tier, related: related, introHTML: item.intro.isEmpty ? "" : html(item.intro),
            promptParts: parts(item.promptSections), answerParts: parts(item.answerSections), allParts: parts(item.sections))
    }
}
