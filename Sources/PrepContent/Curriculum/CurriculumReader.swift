import Foundation
import PrepCore
import Yams

/// Reads the curriculum YAML into PrepCore values by hand from the composed tree, with the
/// line of every problem. Yams' Decodable layer took an eighth of the bank's load time for
/// these two files, and its errors carry no line.
enum CurriculumReader {
    struct Failure: Error {
        var line: Int
        var message: String
    }

    static func plan(_ text: String) throws -> Curriculum {
        let root = try compose(text)
        let phases = try root.required("phases").items().map { phase in
            Curriculum.Phase(
                id: try phase.text("id"), title: try phase.text("title"),
                weeks: try phase.required("weeks").items().map { try $0.integer() },
                timeSplit: try {
                    let split = try phase.required("time_split")
                    return Curriculum.TimeSplit(theory: try split.required("theory").number(), handsOn: try split.required("hands_on").number())
                }(),
                dailyPractice: try phase.texts("daily_practice"),
                topics: try phase.required("topics").items().map { topic in
                    Curriculum.Topic(
                        id: try topic.text("id"), title: try topic.text("title"), skills: try topic.texts("skills"),
                        tasks: try topic.required("tasks").items().map { task in
                            let rawKind = try task.text("kind")
                            guard let kind = Curriculum.Task.Kind(rawValue: rawKind) else {
                                throw Failure(
                                    line: task.line, message: "unknown task kind '\(rawKind)'; use one of \(Curriculum.Task.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                            }
                            return Curriculum.Task(
                                id: try task.text("id"), kind: kind, text: try task.text("text"), minutes: try task.required("minutes").integer(), items: try task.texts("items"))
                        }
                    )
                },
                weekendProjects: try (phase["weekend_projects"]?.items() ?? []).map { project in
                    let rawKind = project["kind"]?.string ?? "build"
                    guard let kind = Curriculum.Task.Kind(rawValue: rawKind) else {
                        throw Failure(line: project.line, message: "unknown weekend kind '\(rawKind)'")
                    }
                    return Curriculum.WeekendProject(
                        id: try project.text("id"), week: try project.required("week").integer(), kind: kind,
                        title: try project.text("title"), minutes: try project.required("minutes").integer(),
                        steps: try project.texts("steps"), items: try project.texts("items")
                    )
                },
                checkpoint: try phase.texts("checkpoint")
            )
        }
        return Curriculum(phases: phases)
    }

    static func checklists(_ text: String) throws -> [Checklist] {
        try compose(text).required("checklists").items().map { list in
            Checklist(
                id: try list.text("id"), title: try list.text("title"), purpose: try list.text("purpose"),
                groups: try list.required("groups").items().map { group in
                    Checklist.Group(
                        title: group["title"].flatMap { $0.isNull ? nil : $0.string },
                        items: try group.required("items").items().map { item in
                            Checklist.Item(
                                id: try item.text("id"), text: try item.text("text"), skills: try item.texts("skills"), items: try item.texts("items"), url: item["url"]?.string)
                        }
                    )
                }
            )
        }
    }

    private static func compose(_ text: String) throws -> FrontMatterValue {
        do {
            guard let node = try Yams.compose(yaml: text, .basic) else { throw Failure(line: 1, message: "the file is empty") }
            return .from(node, firstLine: 1)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(line: YAMLErrorLine.line(of: error) ?? 1, message: "invalid YAML: \(YAMLErrorLine.summary(of: error))")
        }
    }
}

extension FrontMatterValue {
    fileprivate func required(_ key: String) throws -> FrontMatterValue {
        guard let value = self[key], !value.isNull else { throw CurriculumReader.Failure(line: line, message: "missing field '\(key)'") }
        return value
    }

    fileprivate func text(_ key: String) throws -> String {
        guard let value = try required(key).string else { throw CurriculumReader.Failure(line: line, message: "field '\(key)' must be a text") }
        return value
    }

    fileprivate func texts(_ key: String) throws -> [String] {
        guard let value = self[key], !value.isNull else { return [] }
        return try value.items().map { element in
            guard let text = element.string else { throw CurriculumReader.Failure(line: element.line, message: "every entry of '\(key)' must be a text") }
            return text
        }
    }

    fileprivate func items() throws -> [FrontMatterValue] {
        guard let values = list else { throw CurriculumReader.Failure(line: line, message: "expected a list") }
        return values
    }

    fileprivate func integer() throws -> Int {
        guard let value = int else { throw CurriculumReader.Failure(line: line, message: "expected a whole number, got '\(string ?? "a list")'") }
        return value
    }

    fileprivate func number() throws -> Double {
        guard let text = string, let value = Double(text) else { throw CurriculumReader.Failure(line: line, message: "expected a number, got '\(string ?? "a list")'") }
        return value
    }
}
