/// One study-plan session as a calendar event.
public struct CalendarEvent: Sendable, Equatable {
    /// Stable across exports (e.g. "task-fnd-k8s-course-part1@infraprep"), so a calendar that
    /// subscribes to the export updates the event instead of adding a copy.
    public var uid: String
    public var title: String
    /// Free text: newlines, commas, semicolons, backslashes and any Unicode are fine.
    public var description: String
    public var start: Instant
    /// The end is `start` plus this. Zero or less writes no DTEND, which RFC 5545 §3.6.1
    /// reads as an event that ends when it starts.
    public var durationMinutes: Int
    public var location: String?
    public var categories: [String]
    /// A display reminder this many minutes before the start (a negative value: after it).
    public var alarmMinutesBefore: Int?
    public var url: String?

    public init(
        uid: String, title: String, description: String = "", start: Instant, durationMinutes: Int,
        location: String? = nil, categories: [String] = [], alarmMinutesBefore: Int? = nil, url: String? = nil
    ) {
        self.uid = uid
        self.title = title
        self.description = description
        self.start = start
        self.durationMinutes = durationMinutes
        self.location = location
        self.categories = categories
        self.alarmMinutesBefore = alarmMinutesBefore
        self.url = url
    }
}

/// An RFC 5545 calendar file written in memory: no I/O, and the same input always gives the
/// same bytes (the caller passes DTSTAMP in).
public enum ICalendar {
    /// A VCALENDAR (PUBLISH) holding `events` in the order given. Times are written in UTC
    /// (`DTSTART:20261129T083000Z`), so no VTIMEZONE is needed; `timeZone` only names the
    /// zone the calendar was planned in (X-WR-TIMEZONE), for clients that show it.
    /// Lines end in CRLF and are folded at 75 octets. `refreshHours` tells subscribing clients
    /// how often to fetch again (RFC 7986 REFRESH-INTERVAL, and Outlook's X-PUBLISHED-TTL).
    public static func render(name: String, timeZone: String, events: [CalendarEvent], stamp: Instant, refreshHours: Int? = nil) -> String {
        var out = ContentLines()
        out.add("BEGIN", "VCALENDAR")
        out.add("PRODID", "-//\(AppInfo.name)//\(AppInfo.name) \(AppInfo.version)//EN")
        out.add("VERSION", "2.0")
        out.add("CALSCALE", "GREGORIAN")
        out.add("METHOD", "PUBLISH")
        out.add("X-WR-CALNAME", text: name)
        out.add("X-WR-TIMEZONE", text: timeZone)
        if let hours = refreshHours, hours > 0 {
            out.add("REFRESH-INTERVAL;VALUE=DURATION", "PT\(hours)H")
            out.add("X-PUBLISHED-TTL", "PT\(hours)H")
        }
        let dtstamp = utcDateTime(stamp)
        for event in events {
            out.add("BEGIN", "VEVENT")
            out.add("UID", text: event.uid)
            out.add("DTSTAMP", dtstamp)
            out.add("DTSTART", utcDateTime(event.start))
            if event.durationMinutes > 0 {
                out.add("DTEND", utcDateTime(event.start.adding(microseconds: Int64(event.durationMinutes) * 60_000_000)))
            }
            out.add("SEQUENCE", "0")
            out.add("SUMMARY", text: event.title)
            if !event.description.isEmpty { out.add("DESCRIPTION", text: event.description) }
            if let location = event.location, !location.isEmpty { out.add("LOCATION", text: location) }
            let categories = event.categories.filter { !$0.isEmpty }
            if !categories.isEmpty { out.add("CATEGORIES", categories.map(ContentLines.escapeText).joined(separator: ",")) }
            // A URI is not TEXT: it is written as given, less any control characters.
            if let url = event.url, !url.isEmpty { out.add("URL", ContentLines.dropControls(url)) }
            if let minutes = event.alarmMinutesBefore {
                out.add("BEGIN", "VALARM")
                out.add("ACTION", "DISPLAY")
                out.add("DESCRIPTION", text: event.title.isEmpty ? "Reminder" : event.title)
                out.add("TRIGGER", minutes >= 0 ? "-PT\(minutes)M" : "PT\(-minutes)M")
                out.add("END", "VALARM")
            }
            out.add("END", "VEVENT")
        }
        out.add("END", "VCALENDAR")
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// `YYYYMMDDTHHMMSSZ` (RFC 5545 §3.3.5, form #2), the fraction of a second dropped.
    static func utcDateTime(_ time: Instant) -> String {
        let (seconds, _) = floorDivide(time.microseconds, 1_000_000)
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let (year, month, day) = ISO8601.civilFromDays(Int(days))
        let s = Int(secondOfDay)
        return pad(year, 4) + pad(month, 2) + pad(day, 2) + "T" + pad(s / 3600, 2) + pad(s % 3600 / 60, 2) + pad(s % 60, 2) + "Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        return r < 0 ? (q - 1, r + b) : (q, r)
    }
}
