import PrepCore
import Testing

@Suite struct SectionTests {
    @Test func pathsAreUniqueAndTodayIsHome() {
        let paths = Section.allCases.map(\.path)
        #expect(Set(paths).count == paths.count)
        #expect(Section.today.path == "/")
    }

    @Test func navigationHasEveryAreaOfTheProduct() {
        #expect(
            Section.allCases.map(\.title) == [
                "Today", "Plan", "Practice", "Questions", "Mock", "Stories", "Labs",
                "Calculators", "Jobs", "Readiness", "Cheat sheets", "Settings",
            ])
    }

    @Test func plannedSectionsNameTheirIssue() {
        #expect(Section.practice.availability == .available)
        #expect(Section.readiness.availability == .available)
        #expect(SectionInfo(.calculators).available && SectionInfo(.mock).issue == nil && !SectionInfo(.mock).available)
        #expect(SectionInfo(.settings).available)
    }
}
