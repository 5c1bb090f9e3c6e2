import Foundation
import PrepCore

struct SettingsPage {
    let model: SettingsPageModel

    func render() -> String {
        Layout.page(title: "Settings", current: .settings) {
            el("h1") { "Settings" }
            if model.saved {
                el("p", .class("flash ok"), .init("role", "status")) { "Saved." }
            }
            if !model.errors.isEmpty {
                el("p", .class("flash error"), .init("role", "alert")) { "Nothing was saved: fix the fields marked below." }
            }
            profileForm()
            practiceForm()
            calendarSection()
            el("h2") { "About this install" }
            el("dl", .class("facts")) {
                for row in model.about {
                    el("dt") { row.label }
                    el("dd") { el("code") { row.value } }
                }
            }
        }
    }

    private func profileForm() -> Node {
        el("form", .init("method", "post"), .init("action", SiteURL.settings.path), .class("stack"), .init("novalidate", nil)) {
            el("h2") { "Profile" }
            field(
                id: "displayName", label: "Display name", value: model.displayName,
                hint: "Shown on your pages and, in a cohort, to your accountability partner.",
                extra: [.init("maxlength", "80"), .init("autocomplete", "name")]
            )
            field(
                id: "timeZone", label: "Time zone", value: model.timeZone,
                hint: "Days, streaks and reminders are counted in this zone (an IANA name such as Europe/Berlin).",
                extra: [.init("list", "timeZones"), .init("spellcheck", "false")]
            )
            el("datalist", .id("timeZones")) {
                for zone in model.timeZones { el("option", .value(zone)) }
            }
            el("button", .type("submit")) { "Save" }
        }
    }

    private func practiceForm() -> Node {
        el("form", .init("method", "post"), .init("action", SiteURL.settingsPractice.path), .class("stack"), .id("practice"), .init("novalidate", nil)) {
            el("h2") { "Practice" }
            field(
                id: "new_per_day", label: "New questions per day", value: model.practice.newPerDay,
                hint: "0 to 50. The seed's minimum is one technical and one behavioral question a day; 5 covers the bank in about eight weeks.",
                extra: [.init("inputmode", "numeric")])
            field(
                id: "reviews_per_day", label: "Reviews per day at most", value: model.practice.reviewsPerDay,
                hint: "1 to 1000. Due cards beyond this wait for tomorrow, oldest first.", extra: [.init("inputmode", "numeric")])
            field(
                id: "desired_retention", label: "Desired retention", value: model.practice.desiredRetention,
                hint: "0.70 to 0.97: the chance of recalling a card when it comes due. Higher means more reviews; 0.90 is the usual choice.",
                extra: [.init("inputmode", "decimal")])
            el("button", .type("submit")) { "Save practice settings" }
        }
    }

    private func calendarSection() -> Node {
        el("section", .id("calendar")) {
            el("h2") { "Calendar" }
            el("p") {
                "Your plan's study blocks and interview in your own calendar. "
                if model.calendar.hasPlan {
                    el("a", .href(SiteURL.planICS.path)) { "Download plan.ics" }
                    " for a one-off import, or subscribe"
                } else {
                    "Once you have a plan, download it as a file or subscribe"
                }
                " with a private link so Google Calendar, Apple Calendar or Outlook pick up every change (they refresh every few hours)."
            }
            if let link = model.calendar.newLink {
                el("div", .class("notice"), .init("role", "status")) {
                    el("p") {
                        el("strong") { "Your subscription link" }
                        " (copy it now: it is shown only once)"
                    }
                    el("p") {
                        el(
                            "input", .type("text"), .id("calendar-link"), .value(link), .init("readonly", nil), .flag("autofocus"), .class("wide"),
                            .aria("label", "Subscription link"))
                    }
                }
            }
            if model.calendar.revoked { el("p", .class("flash ok"), .init("role", "status")) { "The subscription link was revoked: calendars using it get nothing more." } }
            if let since = model.calendar.existsSince {
                el("p") { "A subscription link exists since \(since), with study blocks at \(model.calendar.at)." }
            }
            el("form", .init("method", "post"), .init("action", SiteURL.settingsCalendar.path), .class("stack"), .init("novalidate", nil)) {
                field(
                    id: "calendar_at", label: "Study blocks start at", value: model.calendar.at,
                    hint: "Local time, HH:MM (24-hour clock).", extra: [.init("inputmode", "numeric")])
                el("button", .type("submit")) { model.calendar.existsSince == nil ? "Create a subscription link" : "Replace the link (the old one stops working)" }
            }
            if model.calendar.existsSince != nil {
                el("form", .init("method", "post"), .init("action", SiteURL.settingsCalendarRevoke.path)) {
                    el("button", .type("submit"), .class("danger")) { "Revoke the link" }
                }
            }
        }
    }

    /// A labelled text input whose hint and error are announced with it (aria-describedby).
    private func field(id: String, label: String, value: String, hint: String, extra: [Attribute]) -> Node {
        let error = model.errors[id]
        var attributes: [Attribute] = [.id(id), .name(id), .type("text"), .value(value)] + extra
        attributes.append(.aria("describedby", error == nil ? "\(id)-hint" : "\(id)-hint \(id)-error"))
        if error != nil { attributes.append(.aria("invalid", "true")) }
        return el("div", .class(error == nil ? "field" : "field invalid")) {
            el("label", .init("for", id)) { label }
            el("input", attributes: attributes)
            el("p", .class("hint"), .id("\(id)-hint")) { hint }
            if let error {
                el("p", .class("field-error"), .id("\(id)-error"), .init("role", "alert")) { error }
            }
        }
    }
}
