import Foundation
import PrepContent
import PrepCore
import Testing

/// The bundled curriculum laid onto dates.
@Suite struct PlanBuilderTests {
    static let catalog = try! ContentCatalog.loadBundled()

    func build(_ settings: PlanSettings) throws -> StudyPlan {
        try PlanBuilder.build(curriculum: Self.catalog.curriculum, taxonomy: Self.catalog.taxonomy, settings: settings)
    }

    @Test func theSeedsBudgetTakesAboutEightWeeks() throws {
        let plan = try build(PlanSettings(start: "2026-12-01", hoursPerDay: 2.5, daysPerWeek: 6))
        #expect((7...9).contains(plan.weeks), "\(plan.weeks) weeks; \(plan.notes)")
        #expect(plan.tasks.first?.date == "2026-12-01")
        // Every task of the curriculum is planned, in curriculum-week order, none on a rest day.
        let planned = Set(plan.tasks.map(\.taskID))
        #expect(Self.catalog.curriculum.allTasks.allSatisfy { planned.contains($0.id) })
        #expect(zip(plan.tasks, plan.tasks.dropFirst()).allSatisfy { $0.curriculumWeek <= $1.curriculumWeek })
        let start = try #require(PlanSettings.day("2026-12-01"))
        #expect(plan.tasks.allSatisfy { (PlanSettings.day($0.date)!.number - start.number) % 7 < 6 }, "the seventh day is a rest day")
        // No day holds more than the daily time.
        let perDay = Dictionary(grouping: plan.tasks, by: \.date).mapValues { $0.reduce(0) { $0 + $1.minutes } }
        #expect(perDay.values.allSatisfy { $0 <= 150 }, "\(perDay.values.max() ?? 0)")
    }

    @Test func tiersGetFiftyThirtyTwentyOfTheTieredTime() throws {
        let plan = try build(PlanSettings(start: "2026-12-01"))
        let tiered = Double((1...3).reduce(0) { $0 + (plan.minutesByTier[String($1)] ?? 0) })
        for (tier, share) in [(1, 0.5), (2, 0.3), (3, 0.2)] {
            let actual = Double(plan.minutesByTier[String(tier)] ?? 0) / tiered
            #expect(abs(actual - share) < 0.02, "tier \(tier): \(actual)")
        }
    }

    @Test func weakSkillsGetMoreTime() throws {
        let even = try build(PlanSettings(start: "2026-12-01"))
        let weak = try build(PlanSettings(start: "2026-12-01", skillRatings: ["kubernetes": 1, "terraform": 5]))
        func minutes(_ plan: StudyPlan, _ skill: String) -> Int { plan.tasks.filter { $0.skills.contains(skill) }.reduce(0) { $0 + $1.minutes } }
        #expect(minutes(weak, "kubernetes") > minutes(even, "kubernetes"))
        #expect(minutes(weak, "terraform") < minutes(even, "terraform"))
        #expect(weak.notes.contains { $0.contains("Kubernetes") })
    }

    @Test func anEarlyInterviewCompressesAndSaysWhatWasDropped() throws {
        let plan = try build(PlanSettings(start: "2026-12-01", hoursPerDay: 2, interviewDate: "2026-12-22"))
        let interview = try #require(PlanSettings.day("2026-12-22"))
        #expect(plan.tasks.allSatisfy { PlanSettings.day($0.date)!.number < interview.number }, "everything before the interview")
        #expect(!plan.dropped.isEmpty)
        #expect(plan.notes.contains { $0.hasPrefix("Compressed") } && plan.notes.contains { $0.hasPrefix("Dropped") })
        #expect(plan.tasks.contains { $0.kind == .mock }, "mock interviews are kept")
    }

    @Test func aLateInterviewStretchesTheDays() throws {
        let plan = try build(PlanSettings(start: "2026-12-01", hoursPerDay: 3, interviewDate: "2027-05-01"))
        #expect(plan.notes.contains { $0.hasPrefix("Stretched") })
        #expect(plan.weeks > 12)
    }

    @Test func badSettingsAreRefusedNamingEachField() {
        let bad = PlanSettings(start: "2026-02-30", hoursPerDay: 0, daysPerWeek: 8, interviewDate: "soon", skillRatings: ["nope": 3, "kubernetes": 9])
        let errors = bad.validate(taxonomy: Self.catalog.taxonomy)
        #expect(Set(errors.keys) == ["start", "hours_per_day", "days_per_week", "interview_date", "skill_ratings.nope", "skill_ratings.kubernetes"])
        let before = PlanSettings(start: "2026-12-10", interviewDate: "2026-12-01").validate(taxonomy: Self.catalog.taxonomy)
        #expect(before["interview_date"]?.contains("must come after the start") == true)
        #expect(throws: (any Error).self) { try build(bad) }
        #expect(PlanSettings(start: "2020-01-01").validate(taxonomy: Self.catalog.taxonomy).isEmpty, "a start in the past is allowed")
    }

    /// Issue #12, finding 6: a year 0000 or 9999 is a typo, and 9999 made entries dated 10000-02-22.
    @Test func datesOutsideTheCenturyAreRefused() {
        for start in ["0000-01-01", "1999-12-31", "2100-01-01", "9999-12-01"] {
            let errors = PlanSettings(start: start).validate(taxonomy: Self.catalog.taxonomy)
            #expect(errors["start"] == "Use a start date from 2000-01-01 to 2099-12-31 (got '\(start)').")
            #expect(throws: (any Error).self) { try build(PlanSettings(start: start)) }
        }
        let interview = PlanSettings(start: "2026-01-05", interviewDate: "9999-01-01").validate(taxonomy: Self.catalog.taxonomy)
        #expect(interview["interview_date"]?.hasPrefix("Use an interview date from 2000-01-01 to 2099-12-31") == true)
    }

    @Test func longTasksAreSplitIntoNumberedParts() throws {
        let plan = try build(PlanSettings(start: "2026-12-01", hoursPerDay: 1))
        let split = plan.tasks.filter { $0.parts > 1 }
        #expect(!split.isEmpty)
        #expect(Set(plan.tasks.map(\.id)).count == plan.tasks.count, "ids are unique")
        let first = try #require(split.first)
        #expect(plan.tasks.filter { $0.taskID == first.taskID }.map(\.part) == Array(1...first.parts))
    }
}

@Suite struct PlanCalendarTests {
    @Test func aStudyBlockPerStudyDayInTheUsersZoneAndTheInterview() throws {
        let catalog = PlanBuilderTests.catalog
        let plan = try PlanBuilder.build(
            curriculum: catalog.curriculum, taxonomy: catalog.taxonomy,
            settings: PlanSettings(start: "2026-12-01", interviewDate: "2027-01-25"))
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        let events = PlanCalendar.events(plan, timeZone: zone, startMinute: 7 * 60 + 30)
        #expect(events.count == Set(plan.tasks.map(\.date)).count + 1)
        let first = try #require(events.first)
        #expect(first.uid == "study-2026-12-01@infraprep")
        #expect(ISO8601.format(first.start) == "2026-12-01T12:30:00+00:00", "07:30 in New York in winter is 12:30 UTC")
        #expect(first.durationMinutes == plan.tasks.filter { $0.date == "2026-12-01" }.reduce(0) { $0 + $1.minutes })
        #expect(events.last?.uid == "interview-2027-01-25@infraprep" && events.last?.alarmMinutesBefore == 24 * 60)
        // The same plan gives the same events, so a re-export updates rather than duplicates.
        #expect(PlanCalendar.events(plan, timeZone: zone, startMinute: 7 * 60 + 30) == events)
        #expect(Set(events.map(\.uid)).count == events.count)
    }

    @Test func studyBlocksKeepTheirWallClockTimeAcrossAClockChange() throws {
        let catalog = PlanBuilderTests.catalog
        // Europe moves its clocks forward at 02:00 on 29 March 2026.
        let plan = try PlanBuilder.build(curriculum: catalog.curriculum, taxonomy: catalog.taxonomy, settings: PlanSettings(start: "2026-03-28", daysPerWeek: 7))
        let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
        let events = PlanCalendar.events(plan, timeZone: zone, startMinute: 18 * 60)
        let before = try #require(events.first { $0.uid == "study-2026-03-28@infraprep" })
        let after = try #require(events.first { $0.uid == "study-2026-03-29@infraprep" })
        #expect(ISO8601.format(before.start) == "2026-03-28T17:00:00+00:00", "18:00 CET")
        #expect(ISO8601.format(after.start) == "2026-03-29T16:00:00+00:00", "18:00 CEST, not 19:00")
    }

    @Test func readsTimesOfDay() {
        #expect(PlanCalendar.minute(ofDay: "07:30") == 450)
        #expect(PlanCalendar.minute(ofDay: "24:00") == nil && PlanCalendar.minute(ofDay: "7:3") == nil && PlanCalendar.minute(ofDay: "noon") == nil)
        #expect(PlanCalendar.text(ofMinute: 450) == "07:30")
    }
}

@Suite struct PlanProgressTests {
    @Test func plannedAgainstDoneByTheWeekItHappened() throws {
        let catalog = PlanBuilderTests.catalog
        let plan = try PlanBuilder.build(curriculum: catalog.curriculum, taxonomy: catalog.taxonomy, settings: PlanSettings(start: "2026-12-01"))
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        // 23:30 on 7 December in New York is still week 1 (days 1-7), though 8 December in UTC.
        let late = try ISO8601.parse("2026-12-08T04:30:00Z")
        let secondWeek = try ISO8601.parse("2026-12-09T15:00:00Z")
        let weeks = PlanProgress.weeks(
            plan: plan, ticks: [(late, 90), (secondWeek, 30)],
            practice: [(late, 120_000), (secondWeek, 3_600_000), (try ISO8601.parse("2026-11-20T12:00:00Z"), 60_000)], timeZone: zone)
        #expect(weeks.count == plan.weeks)
        #expect(weeks[0].start == "2026-12-01" && weeks[1].start == "2026-12-08")
        #expect(weeks[0].tickedMinutes == 90 && weeks[0].practiceMinutes == 2)
        #expect(weeks[1].tickedMinutes == 30 && weeks[1].practiceMinutes == 5, "an hour-long answer counts as 5 minutes")
        #expect(weeks.reduce(0) { $0 + $1.plannedMinutes } == plan.tasks.reduce(0) { $0 + $1.minutes })
        #expect(weeks.reduce(0) { $0 + $1.practiceMinutes } == 7, "practice before the start is not counted")
    }
}
