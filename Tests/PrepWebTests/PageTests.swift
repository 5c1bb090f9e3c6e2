import Foundation
import PrepCore
import PrepTestSupport
import PrepWeb
import Testing
import VaporTesting

@Suite struct PageTests {
    @Test func everySectionPageRendersInTheLayout() async throws {
        try await withTestApp { app, _ in
            for section in Section.allCases {
                try await app.testing().test(.GET, section.path) { res in
                    #expect(res.status == .ok, "\(section.path)")
                    #expect(res.headers.contentType == .html)
                    let html = res.body.string
                    #expect(html.hasPrefix("<!DOCTYPE html>"))
                    #expect(html.contains("<title>\(section.title) · InfraPrep</title>"))
                    #expect(html.contains(#"<a href="\#(section.path)" aria-current="page""#), "\(section.path) marks itself current")
                    if !section.isAvailable {
                        #expect(html.contains("Not built yet."), "\(section.path) must say it is not built")
                    }
                }
            }
        }
    }

    @Test func unknownPagesGetAnHTMLNotFound() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.GET, "nowhere", headers: ["Accept": "text/html"]) { res in
                #expect(res.status == .notFound)
                #expect(res.body.string.contains("There is no page at /nowhere."))
            }
        }
    }

    @Test func staticAssetsAreServedWithLongCaching() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(.GET, "static/app.css") { res in
                #expect(res.status == .ok)
                #expect(res.headers.first(name: .cacheControl)?.contains("max-age=31536000") == true)
                #expect(res.body.string.contains("prefers-color-scheme: dark"))
                #expect(res.body.string.contains("@media print"))
            }
            try await app.testing().test(.GET, "static/../Package.swift") { res in
                #expect(res.status != .ok)
            }
        }
    }

    @Test func settingsSavesAValidProfile() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(
                .POST, "settings",
                beforeRequest: { req in
                    try req.content.encode(["displayName": "Ada", "timeZone": "Europe/Berlin"], as: .urlEncodedForm)
                }
            ) { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/settings?saved=1")
            }
            try await app.testing().test(.GET, "settings?saved=1") { res in
                #expect(res.body.string.contains(#"value="Ada""#))
                #expect(res.body.string.contains("Saved."))
            }
        }
    }

    @Test func settingsKeepsWhatWasTypedWhenRefused() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(
                .POST, "settings",
                beforeRequest: { req in
                    try req.content.encode(["displayName": "<Ada>", "timeZone": "Mars/Base"], as: .urlEncodedForm)
                }
            ) { res in
                #expect(res.status == .unprocessableEntity)
                let html = res.body.string
                #expect(html.contains(#"value="&lt;Ada&gt;""#), "typed value kept, escaped")
                #expect(html.contains(#"value="Mars/Base""#))
                #expect(html.contains("is not an IANA time zone name"))
                #expect(html.contains("Nothing was saved"))
            }
            try await app.testing().test(.GET, "api/v1/me") { res in
                #expect(!res.body.string.contains("Mars/Base"), "nothing stored")
            }
        }
    }

    @Test func crossSitePostsAreRefused() async throws {
        try await withTestApp { app, _ in
            try await app.testing().test(
                .POST, "settings", headers: ["Origin": "https://evil.example", "Host": "127.0.0.1:8080"],
                beforeRequest: { req in
                    try req.content.encode(["displayName": "pwned", "timeZone": "UTC"], as: .urlEncodedForm)
                }
            ) { res in
                #expect(res.status == .forbidden)
            }
            try await app.testing().test(.GET, "api/v1/me") { res in
                #expect(!res.body.string.contains("pwned"))
            }
        }
    }
}
