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
                issues.append(
                    LintIssue(file: file, line: sections[index].line, "section '## \(required)' is out of order; the order is \(kind.requiredSections.joined(separator: ", "))"))
            }
            lastIndex = max(lastIndex, index)
            if sections[index].isEmpty {
                issues.append(LintIssue(file: file, line: sections[index].line, "section '## \(required)' is empty"))
            }
        }
        if kind == .cheatsheet, sections.isEmpty {
            issues.append(LintIssue(file: file, line: bodyLine, "a cheat sheet needs at least one '## ' section"))
        }
        if kind == .systemDesign, let capacity = sections.first(where: { $0.heading == "Capacity estimate" }) {
            let numbers = countNumbers(capacity.lines)
            if numbers < 5 {
                issues.append(LintIssue(file: file, line: capacity.line, "the capacity estimate has \(numbers) numbers; state the inputs and the arithmetic with figures"))
            }
        }
        if kind == .behavioral, let star = sections.first(where: { $0.heading == "STAR example" }) {
            let subheadings = star.lines.filter { $0.hasPrefix("### ") }.map { Lines.trimmed($0.dropFirst(4)) }
            for part in ["Situation", "Task", "Action", "Result"] where !subheadings.contains(part) {
                issues.append(LintIssue(file: file, line: star.line, "the STAR example needs a '### \(part)' part"))
            }
        }
        return issues
    }

    /// Runs of digits (with `,` and `.` inside them) in the lines.
    static func countNumbers(_ lines: [Substring]) -> Int {
        var count = 0
        for line in lines {
            var inNumber = false
            for byte in line.utf8 {
                let digit = (0x30...0x39).contains(byte)
                if digit, !inNumber { count += 1 }
                inNumber = digit || (inNumber && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")))
            }
        }
        return count
    }
}
