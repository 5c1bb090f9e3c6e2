import PrepContent

@testable import PrepWeb

extension ItemPageModel {
    /// A technical question: prompt shown, answer and key points behind the reveal.
    static let mock = ItemPageModel.make(
        item: MockContent.configMaps, skillName: "Kubernetes", tier: 1, related: [.init(id: MockContent.rbac.id, title: MockContent.rbac.title)],
        html: { MarkdownHTML.render($0) })

    /// A troubleshooting scenario: the investigation is what the reveal hides.
    static let troubleshooting = ItemPageModel.make(item: MockContent.nvidiaSMI, skillName: "GPU infrastructure", tier: 1, related: [], html: { MarkdownHTML.render($0) })

    /// A cheat sheet: everything shown, laid out for print.
    static let cheatSheet = ItemPageModel.make(item: MockContent.gpuSheet, skillName: "GPU infrastructure", tier: nil, related: [], html: { MarkdownHTML.render($0) })
}
