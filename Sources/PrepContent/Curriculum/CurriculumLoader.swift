import Foundation
import PrepCore
import Yams

/// Reads `curriculum/plan.yaml` and `curriculum/checklists.yaml`.
public enum CurriculumLoader {
    public static func plan(from url: URL) throws -> Curriculum {
        try decode(Curriculum.self, from: url, label: "curriculum/plan.yaml")
    }

    public static func checklists(from url: URL) throws -> [Checklist] {
        struct File: Decodable { var checklists: [Checklist] }
        return try decode(File.self, from: url, label: "curriculum/checklists.yaml").checklists
    }

    static func decode<T: Decodable>(_ type: T.Type, from url: URL, label: String) throws -> T {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ContentError(file: label, line: nil, problem: "cannot read the file", fix: "restore it from the repository")
        }
        do {
            return try YAMLDecoder().decode(T.self, from: text, userInfo: [:])
        } catch {
            throw ContentError(file: label, line: YAMLErrorLine.line(of: error), problem: YAMLErrorLine.summary(of: error))
        }
    }
}

