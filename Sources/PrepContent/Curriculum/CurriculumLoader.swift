import Foundation
import PrepCore
import Yams

/// Reads `curriculum/plan.yaml` and `curriculum/checklists.yaml`.
public enum CurriculumLoader {
    public static func plan(from url: URL) throws -> Curriculum {
        try read(url, label: "curriculum/plan.yaml", CurriculumReader.plan)
    }

    public static func checklists(from url: URL) throws -> [Checklist] {
        try read(url, label: "curriculum/checklists.yaml", CurriculumReader.checklists)
    }

    static func read<T>(_ url: URL, label: String, _ parse: (String) throws -> T) throws -> T {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ContentError(file: label, line: nil, problem: "cannot read the file", fix: "restore it from the repository")
        }
        do {
            return try parse(text)
        } catch let failure as CurriculumReader.Failure {
            throw ContentError(file: label, line: failure.line, problem: failure.message)
        }
    }
}
