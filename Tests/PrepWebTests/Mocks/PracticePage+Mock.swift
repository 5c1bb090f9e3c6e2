import Foundation
import PrepContent

@testable import PrepApp
@testable import PrepCore
@testable import PrepStore
@testable import PrepWeb

extension PracticePageModel {
    static let buttons: [Button] = [
        .init(rating: .again, interval: "1 min"), .init(rating: .hard, interval: "6 min"), .init(rating: .good, interval: "10 min"), .init(rating: .easy, interval: "8 days"),
    ]

    /// A new question, its answer hidden.
    static let mock = PracticePageModel(
        entry: .init(item: MockContent.configMaps, card: nil), remaining: 7, reviewsLeft: 2, newLeft: 5, reviewsDone: 3, newDone: 0, dueBeyondLimit: 0,
        nextDue: nil, revealed: false, answer: nil, rubric: nil, buttons: buttons, clientReviewID: "6F9619FF-8B86-D011-B42D-00C04FC964FF",
        shownAt: String(MockContent.now.microseconds), flash: nil,
        promptHTML: [(nil, MarkdownHTML.render(MockContent.configMaps.intro))],
        answerHTML: MockContent.configMaps.answerSections.map { ($0.heading, MarkdownHTML.render($0.markdown)) },
        skillName: "Kubernetes")

    /// A review card revealed after a typed answer, two of three key points covered.
    static let revealedWithRubric: PracticePageModel = {
        var model = mock
        let card = SRSCard(
            state: .review, step: nil, stability: 8.2, difficulty: 5.1, due: MockContent.now, lastReview: Instant(microseconds: 1_772_470_800_000_000))
        model.entry = .init(
            item: MockContent.configMaps,
            card: StoredCard(id: UUID(uuidString: "0B7A5E9C-2F4D-4C1A-9E3B-7D8F6A5C4B3A")!, itemID: MockContent.configMaps.id, card: card, reps: 3, lapses: 0))
        model.revealed = true
        model.answer = "ConfigMaps hold settings, Secrets credentials; both mount as env vars or volumes. Secrets are only base64."
        model.rubric = [
            .init(keyPoint: MockContent.configMaps.keyPoints[0], covered: true, matched: ["env", "volumes"], missing: ["namespaced"]),
            .init(keyPoint: MockContent.configMaps.keyPoints[1], covered: true, matched: ["base64"], missing: ["etcd"]),
            .init(keyPoint: MockContent.configMaps.keyPoints[2], covered: false, matched: [], missing: ["subPath", "restart"]),
        ]
        model.flash = .init(text: "Good: next review in 10 min.", undo: true)
        return model
    }()

    /// Nothing left today: the next card's time and the cards beyond the limit.
    static let done = PracticePageModel(
        entry: nil, remaining: 0, reviewsLeft: 0, newLeft: 0, reviewsDone: 20, newDone: 5, dueBeyondLimit: 4, nextDue: "3 h", revealed: false, answer: nil,
        rubric: nil, buttons: [], clientReviewID: "6F9619FF-8B86-D011-B42D-00C04FC964FF", shownAt: String(MockContent.now.microseconds),
        flash: .init(text: "Undone: the card is back as it was.", undo: false), promptHTML: [], answerHTML: [], skillName: "")
}
