import Foundation
import PrepCore
import PrepTestSupport
import Testing
import Vapor
import VaporTesting

@testable import PrepWeb

/// Every address the site builds has a route that answers it, so a link cannot drift
/// from its route without a test failing.
@Suite struct SiteURLTests {
    /// One example of every case, with real ids. `covers` has no default branch, so a new
    /// case does not compile until it has an example here.
    static let examples: [SiteURL] =
        [
            .healthz, .readyz, .metrics, .openAPI, .calendarFeed, .today, .plan, .planICS, .planTasksDone, .planTasksMove, .planCatchUp,
            .planMissedDone, .planTask("fnd-cloud-course"), .planTaskNotes("fnd-cloud-course"), .questions, .question("docker-layer-caching"), .cheatsheets,
            .cheatsheet("sheet-ai-infra-numbers"), .practice, .practiceStats, .practiceCheck, .practiceReview, .practiceUndo, .calculators,
            .calculator("train"), .readiness, .readinessAnswers, .settings, .settingsPractice, .settingsCalendar, .settingsCalendarRevoke,
        ] + Section.allCases.filter { !$0.isAvailable }.map(SiteURL.planned) + apiExamples.map(SiteURL.api)

    static let apiExamples: [SiteURL.API] = [
        .status, .sections, .skills, .questions, .question("docker-layer-caching"), .practiceQueue, .practiceReviews, .practiceUndo,
        .practiceRubric, .practiceStats, .practiceSettings, .today, .plan, .planTask("fnd-cloud-course"), .planCatchUp, .calcCatalogue, .calc("train"),
        .readiness, .readinessAnswer("ir-serving-design"), .calendarFeed, .me,
    ]

    static func covers(_ url: SiteURL) -> Bool {
        switch url {
        case .healthz, .readyz, .metrics, .openAPI, .calendarFeed, .today, .plan, .planICS, .planTasksDone, .planTasksMove, .planCatchUp, .planMissedDone,
            .planTask, .planTaskNotes,
            .questions, .question, .cheatsheets, .cheatsheet, .practice, .practiceStats, .practiceCheck, .practiceReview, .practiceUndo, .calculators,
            .calculator, .readiness, .readinessAnswers, .settings, .settingsPractice, .settingsCalendar, .settingsCalendarRevoke, .planned:
            return examples.contains { $0.caseName == url.caseName }
        case .api(let api):
            switch api {
            case .status, .sections, .skills, .questions, .question, .practiceQueue, .practiceReviews, .practiceUndo, .practiceRubric,
                .practiceStats, .practiceSettings, .today, .plan, .planTask, .planCatchUp, .calcCatalogue, .calc, .readiness, .readinessAnswer, .calendarFeed, .me:
                return examples.contains { $0.caseName == url.caseName }
            }
        }
    }

    @Test func everyCaseHasAnExample() {
        for url in Self.examples { #expect(Self.covers(url)) }
        // 32 page and operations cases and 21 API cases, as `covers` lists them.
        #expect(Set(Self.examples.map(\.caseName)).count == 53)
    }

    @Test func everyAddressHasARoute() async throws {
        try await withTestApp { app, _ in
            let routes = app.routes.all
            for url in Self.examples {
                let segments = url.segments
                let matching = routes.filter { route in
                    route.path.count == segments.count
                        && zip(route.path, segments).allSatisfy { component, segment in
                            switch component {
                            case .constant(let text): text == segment
                            case .parameter: true
                            default: false
                            }
                        }
                }
                #expect(!matching.isEmpty, "no route answers \(url.path)")
            }
        }
    }

    @Test func pagesAnswerTheirLinks() async throws {
        try await withTestApp { app, _ in
            let pages: [SiteURL] = [
                .today, .plan, .questions, .question("docker-layer-caching"), .cheatsheets, .practice, .practiceStats, .calculators,
                .calculator("train"), .readiness, .settings, .healthz, .openAPI, .api(.status), .api(.question("docker-layer-caching")),
            ]
            for url in pages {
                try await app.testing().test(.GET, url.path, headers: ["Accept": "text/html"]) { res in
                    #expect(res.status == .ok, "\(url.path) answered \(res.status)")
                }
            }
        }
    }

    @Test func idsAreEncodedAndFlashesReadBack() {
        #expect(SiteURL.planTask("fnd-cloud-course#2").path == "/plan/tasks/fnd-cloud-course%232")
        #expect(SiteURL.settings.link(.saved, fragment: "practice") == "/settings?saved=1#practice")
        #expect(SiteURL.practice.link(.graded(3, next: "<1m")) == "/practice?graded=3&next=%3C1m")
        #expect(SiteURL.questions.link(query: [("q", "kv cache & gqa")]) == "/questions?q=kv%20cache%20%26%20gqa")
        #expect(SiteURL.today.path == "/")
        #expect(SiteURL.api(.readinessAnswer("x")).path == "/api/v1/readiness/answers/x")
        let flashes: [Flash] = [.created, .saved, .replaced, .revoked, .undone, .nothingToUndo, .graded(4, next: "8d")]
        for flash in flashes {
            let query = Dictionary(uniqueKeysWithValues: flash.query)
            #expect(Flash.read { query[$0] } == flash)
        }
        #expect(Flash.read { _ in nil } == nil)
    }
}

extension SiteURL {
    /// The case without its values, to tell cases apart.
    var caseName: String {
        let text = String(describing: self)
        return String(text.prefix { $0 != "(" }) + (text.hasPrefix("api(") ? String(describing: text.dropFirst(4).prefix { $0 != "(" && $0 != ")" }) : "")
    }
}

extension SiteURLTests {
    @Test func plainAndEscapedSegmentsEncodeAsFoundationDoes() {
        for text in ["docker-layer-caching", "A_b.c~d", "fnd#2", "a b", "ü", "x/y", "", "50%"] {
            let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:")
            #expect(SiteURL.question(text).path == "/questions/" + (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text))
        }
    }
}
