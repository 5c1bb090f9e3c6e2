import PrepCore

/// The body rules per kind: required sections present, in order, not empty, and the
/// few kind-specific checks (numbers in a capacity estimate, the four STAR parts).
enum SectionRules {
    static func check(kind: ItemKind, sections: [ContentItemSection], file: String, bodyLine: Int) -> [LintIssue] {
        var issues: [LintIssue] = []
        let headings = sections.map(\.heading)
        var lastIndex = -1
        for required in kind.requiredSections {
            guard let index = headings.firstIndex(of: required) else {
                let near = headings.first { $0.lowercased() == required.lowercased() }
                let hint = near.map { " (found '## \($0)': spell it exactly)" } ?? ""
                issues.append(LintIssue(file: file, line: bodyLine, "missing section '## \(required)' required for \(kind.rawValue) items\(hint)"))
                continue
            }
            if index < lastIndex {
                issues.append(LintIssue(file: file, line: sections[index].line, "section '## \(required)' is out of order; the order is \(kind.requiredSections.joined(separator: ", "))"))
            }
            lastIndex = max(lastIndex, index)
            if MarkdownSections.trimmedBlock(sections[index].lines).isEmpty {
                issues.append(LintIssue(file: file, line: sections[index].line, "section '## \(required)' is empty"))
            }
        }
        if kind == .cheatsheet, sections.isEmpty {
            issues.append(LintIssue(file: file, line: bodyLine, "a cheat sheet needs at least one '## ' section"))
        }
        if kind == .systemDesign, let capacity = sections.first(where: { $0.heading == "Capacity estimate" }) {
            let numbers = capacity.lines.joined(separator: " ").matches(of: #/\d[\d,.]*/#).count
            if numbers < 5 {
                issues.append(LintIssue(file: file, line: capacity.line, "the capacity estimate has \(numbers) numbers; state the inputs and the arithmetic with figures"))
            }
        }
        if kind == .behavioral, let star = sections.first(where: { $0.heading == "STAR example" }) {
            let subheadings = star.lines.filter { $0.hasPrefix("### ") }.map { $0.dropFirst(4).trimmingCharacters(in: .whitespaces) }
            for part in ["Situation", "Task", "Action", "Result"] where !subheadings.contains(part) {
                issues.append(LintIssue(file: file, line: star.line, "the STAR example needs a '### \(part)' part"))
            }
        }
        return issues
    }
}
