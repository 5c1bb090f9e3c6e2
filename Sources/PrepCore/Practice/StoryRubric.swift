import Foundation

/// A behavioral answer judged as a story of the candidate's own (issue #13, bug 4): the STAR
/// parts, actions in the first person, a result with a number in it, and what was learned.
/// Overlap with the model story says nothing: it is someone else's story.
public enum StoryRubric {
    public static let points = [
        "Situation and task: where you were and what was at stake",
        "Your own actions, told in the first person (“I…”, not only “we…”)",
        "The result: how it ended",
        "A number in the result (time, money, percent, incidents)",
        "What you learned or would do differently",
    ]

    static let situationCues = [
        "team", "company", "project", "customer", "service", "cluster", "platform", "my role", "i was", "we were", "responsible",
        "goal", "needed to", "had to", "deadline", "at the time", "last year", "on call", "on-call", "incident", "migration",
    ]
    static let resultCues = [
        "result", "outcome", "in the end", "ended", "reduced", "improved", "cut", "saved", "increased", "decreased", "dropped",
        "fell", "went from", "down to", "up to", "no longer", "shipped", "launched", "recovered", "fixed", "resolved", "finished",
        "delivered", "adopted", "hit", "met",
    ]
    static let lessonCues = [
        "learned", "learnt", "lesson", "next time", "would do", "differently", "since then", "now i", "taught me", "takeaway",
        "in hindsight", "looking back", "i would",
    ]
    /// "I" followed by these is a state, not an action.
    static let notActions: Set<String> = ["was", "am", "think", "thought", "feel", "felt", "guess", "believe", "had", "have", "is", "mean"]

    public static func match(answer: String) -> [Rubric.Match] {
        let text = answer.lowercased()
        let words = text.split { !($0.isLetter || $0 == "'") }.map(String.init)
        let half = text.index(text.startIndex, offsetBy: text.count / 2)

        func cues(_ list: [String], in part: Substring) -> [String] {
            list.filter { cue in
                guard let range = part.range(of: cue) else { return false }
                let before = range.lowerBound == part.startIndex ? " " : part[part.index(before: range.lowerBound)]
                let after = range.upperBound == part.endIndex ? " " : part[range.upperBound]
                return !before.isLetter && !after.isLetter
            }
        }
        let situation = cues(situationCues, in: text[..<text.index(text.startIndex, offsetBy: text.count * 2 / 3)])
        var actions: [String] = []
        for (index, word) in words.enumerated() where word == "i" && index + 1 < words.count {
            let verb = words[index + 1]
            if !notActions.contains(verb), !actions.contains("I \(verb)") { actions.append("I \(verb)") }
        }
        let we = words.filter { $0 == "we" }.count
        let results = cues(resultCues, in: text[half...])
        let numbers =
            AnswerNumbers.extract(String(answer[answer.index(answer.startIndex, offsetBy: answer.count / 2)...])).map(\.text)
            + (text[half...].contains("%") || text[half...].contains("percent") ? ["%"] : [])
        let lessons = cues(lessonCues, in: text[...])

        func point(_ index: Int, _ covered: Bool, _ matched: [String], missing: String) -> Rubric.Match {
            Rubric.Match(keyPoint: points[index], covered: covered, matched: matched, missing: covered ? [] : [missing])
        }
        return [
            point(0, !situation.isEmpty, situation, missing: "no setting: say where you were and what was at stake"),
            point(1, actions.count >= 2 && actions.count * 2 >= we, actions, missing: actions.count < 2 ? "fewer than two things you did (“I …”)" : "more “we” (\(we)) than “I”"),
            point(2, !results.isEmpty, results, missing: "no ending: say how it turned out"),
            point(3, !numbers.isEmpty, Array(Set(numbers)).sorted(), missing: "no number in the second half: put a figure on the result"),
            point(4, !lessons.isEmpty, lessons, missing: "no lesson: say what you learned or would change"),
        ]
    }
}
