import Foundation
import PrepCore
import Testing

@testable import PrepContent

@Suite struct CurriculumReaderTests {
    let plan = """
        phases:
          - id: fnd
            title: Foundations
            weeks: [1, 2]
            time_split: {theory: 0.4, hands_on: 0.6}
            topics:
              - id: cloud
                title: Cloud
                skills: [cloud]
                tasks:
                  - id: fnd-course
                    kind: theory
                    text: Take a course
                    minutes: 300
        """

    @Test func readsAPlan() throws {
        let curriculum = try CurriculumReader.plan(plan)
        #expect(curriculum.phases.first?.timeSplit == .init(theory: 0.4, handsOn: 0.6))
        #expect(curriculum.allTasks.map(\.id) == ["fnd-course"])
        #expect(curriculum.phases.first?.weekendProjects == [])
    }

    @Test func pointsAtTheLineOfAWrongValue() {
        let bad = plan.replacingOccurrences(of: "kind: theory", with: "kind: lecture")
        #expect {
            try CurriculumReader.plan(bad)
        } throws: { error in
            guard let failure = error as? CurriculumReader.Failure else { return false }
            return failure.line == 11 && failure.message.hasPrefix("unknown task kind 'lecture'")
        }
        #expect {
            try CurriculumReader.plan(plan.replacingOccurrences(of: "    title: Foundations\n", with: ""))
        } throws: { error in
            (error as? CurriculumReader.Failure)?.message == "missing field 'title'"
        }
    }
}
