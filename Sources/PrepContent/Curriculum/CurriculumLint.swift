import Foundation
import PrepCore

/// Checks the curriculum files against each other and the question bank: they parse,
/// ids are unique, every linked item and skill exists, minutes are positive.
public enum CurriculumLint {
    public static func check(root: URL, label: String, items: [ContentItem], taxonomy: Taxonomy? = nil) -> [LintIssue] {
        load(root: root, label: label, items: items, taxonomy: taxonomy).issues
    }

    /// Reads and checks both files once; the values are nil when a file cannot be read.
    public static func load(root: URL, label: String, items: [ContentItem], taxonomy: Taxonomy?, preloaded: CurriculumFiles.Loaded? = nil) -> (
        plan: Curriculum?, checklists: [Checklist]?, issues: [LintIssue]
    ) {
        var issues: [LintIssue] = []
        var loadedPlan: Curriculum?
        var loadedChecklists: [Checklist]?
        let known = Set(items.map(\.id))
        let skills = taxonomy.map { Set($0.skills.map(\.id)) }
        let planFile = ContentLinter.join(label, "curriculum/plan.yaml")
        let checklistFile = ContentLinter.join(label, "curriculum/checklists.yaml")
        var ids: [String: String] = [:]
        func claim(_ id: String, in file: String, _ text: String) {
            if let other = ids[id] { issues.append(LintIssue(file: file, line: line(of: "id: \(id)", in: text), "id '\(id)' is already used in \(other)")) } else { ids[id] = file }
        }
        func links(_ list: [String], _ owner: String, in file: String, _ text: String) {
            for id in list where !known.contains(id) {
                issues.append(LintIssue(file: file, line: line(of: "id: \(owner)", in: text), "'\(owner)' links to item '\(id)', which does not exist"))
            }
        }
        func skillCheck(_ list: [String], _ owner: String, in file: String, _ text: String) {
            guard let skills else { return }
            for skill in list where !skills.contains(skill) {
                issues.append(LintIssue(file: file, line: line(of: "id: \(owner)", in: text), "'\(owner)' names unknown skill '\(skill)'"))
            }
        }

        let planURL = root.appendingPathComponent("curriculum/plan.yaml")
        let planText = (try? String(contentsOf: planURL, encoding: .utf8)) ?? ""
        do {
            let plan = try preloaded.map { try $0.plan.get() } ?? CurriculumLoader.plan(from: planURL)
            loadedPlan = plan
            if plan.phases.flatMap(\.weeks).sorted() != Array(1...8) {
                issues.append(LintIssue(file: planFile, line: 1, "the phases must cover weeks 1 to 8 exactly once"))
            }
            for phase in plan.phases {
                claim(phase.id, in: planFile, planText)
                if abs(phase.timeSplit.theory + phase.timeSplit.handsOn - 1) > 0.001 {
                    issues.append(LintIssue(file: planFile, line: line(of: "id: \(phase.id)", in: planText), "phase '\(phase.id)': theory and hands_on shares must add up to 1"))
                }
                for topic in phase.topics {
                    claim(topic.id, in: planFile, planText)
                    skillCheck(topic.skills, topic.id, in: planFile, planText)
                    for task in topic.tasks {
                        claim(task.id, in: planFile, planText)
                        links(task.items, task.id, in: planFile, planText)
                        if task.minutes <= 0 { issues.append(LintIssue(file: planFile, line: line(of: "id: \(task.id)", in: planText), "task '\(task.id)' needs minutes above 0")) }
                    }
                }
                for project in phase.weekendProjects {
                    claim(project.id, in: planFile, planText)
                    links(project.items, project.id, in: planFile, planText)
                    if !phase.weeks.contains(project.week) {
                        issues.append(
                            LintIssue(
                                file: planFile, line: line(of: "id: \(project.id)", in: planText),
                                "weekend project '\(project.id)' is in week \(project.week), outside its phase's weeks \(phase.weeks)"))
                    }
                }
            }
        } catch let error as ContentError {
            issues.append(LintIssue(file: planFile, line: error.line ?? 1, error.message))
        } catch {
            issues.append(LintIssue(file: planFile, line: 1, "\(error)"))
        }

        let checklistURL = root.appendingPathComponent("curriculum/checklists.yaml")
        let checklistText = (try? String(contentsOf: checklistURL, encoding: .utf8)) ?? ""
        do {
            let lists = try preloaded.map { try $0.checklists.get() } ?? CurriculumLoader.checklists(from: checklistURL)
            loadedChecklists = lists
            for list in lists {
                claim(list.id, in: checklistFile, checklistText)
                for item in list.allItems {
                    claim(item.id, in: checklistFile, checklistText)
                    links(item.items, item.id, in: checklistFile, checklistText)
                    skillCheck(item.skills, item.id, in: checklistFile, checklistText)
                }
            }
        } catch let error as ContentError {
            issues.append(LintIssue(file: checklistFile, line: error.line ?? 1, error.message))
        } catch {
            issues.append(LintIssue(file: checklistFile, line: 1, "\(error)"))
        }
        return (loadedPlan, loadedChecklists, issues)
    }

    static func line(of needle: String, in text: String) -> Int {
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.trimmingCharacters(in: .whitespaces).hasSuffix(needle) {
            return number + 1
        }
        return 1
    }
}

/// Decodes the curriculum files on another thread while the items are parsed.
public final class CurriculumFiles: @unchecked Sendable {
    public typealias Loaded = (plan: Result<Curriculum, any Error>, checklists: Result<[Checklist], any Error>)
    private let group = DispatchGroup()
    private var result: Loaded?

    public init(root: URL) {
        group.enter()
        DispatchQueue.global().async { [self] in
            result = (
                Result { try CurriculumLoader.plan(from: root.appendingPathComponent("curriculum/plan.yaml")) },
                Result { try CurriculumLoader.checklists(from: root.appendingPathComponent("curriculum/checklists.yaml")) }
            )
            group.leave()
        }
    }

    /// Waits for the decoding to finish.
    public var loaded: Loaded {
        group.wait()
        return result!
    }
}
