import Foundation
import PrepCore
import Testing

@Suite struct ICalendarTests {
    static let stamp = try! ISO8601.parse("2026-11-01T12:00:00Z")

    static func event(
        _ uid: String = "task-fnd-k8s-course-part1@infraprep", title: String = "Kubernetes course, part 1",
        description: String = "", start: String = "2026-11-29T08:30:00Z", minutes: Int = 90, alarm: Int? = nil
    ) -> CalendarEvent {
        CalendarEvent(uid: uid, title: title, description: description, start: try! ISO8601.parse(start), durationMinutes: minutes, alarmMinutesBefore: alarm)
    }

    static func render(_ events: [CalendarEvent], name: String = "InfraPrep study plan") -> String {
        ICalendar.render(name: name, timeZone: "Europe/Berlin", events: events, stamp: stamp)
    }

    /// The physical lines as bytes, split at CRLF (the last CRLF ends the file).
    static func physicalLines(_ ics: String) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        let bytes = Array(ics.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                lines.append([])
                i += 2
            } else {
                lines[lines.count - 1].append(bytes[i])
                i += 1
            }
        }
        #expect(lines.last == [], "the file ends with CRLF")
        return lines.dropLast()
    }

    /// The logical lines: folds undone as RFC 5545 §3.1 says (drop each CRLF followed by a space).
    static func unfolded(_ ics: String) -> [String] {
        String(decoding: Array(ics.utf8), as: UTF8.self)
            .replacingOccurrences(of: "\r\n ", with: "")
            .components(separatedBy: "\r\n").dropLast()
    }

    /// The values of every `NAME:` line, unfolded.
    static func values(_ name: String, in ics: String) -> [String] {
        unfolded(ics).filter { $0.hasPrefix(name + ":") }.map { String($0.dropFirst(name.count + 1)) }
    }

    // MARK: Escaping

    @Test(arguments: [
        ("back\\slash", #"back\\slash"#),
        ("semi;colon", #"semi\;colon"#),
        ("com,ma", #"com\,ma"#),
        ("new\nline", #"new\nline"#),
        ("crlf\r\nline", #"crlf\nline"#),
        ("cr\rline", #"cr\nline"#),
        ("all \\;,\n", #"all \\\;\,\n"#),
        ("colon: \"quotes\" tab\there", "colon: \"quotes\" tab\there"),
        ("bell\u{7}null\u{0}del\u{7F}", "bellnulldel"),
        ("naïve – 日本語 🙂", "naïve – 日本語 🙂"),
    ])
    func escapesTextValues(input: String, escaped: String) {
        var event = Self.event(title: input, description: input)
        event.location = input
        event.categories = [input, "Kubernetes"]
        let ics = Self.render([event], name: input)
        #expect(Self.values("SUMMARY", in: ics) == [escaped])
        #expect(Self.values("DESCRIPTION", in: ics) == [escaped])
        #expect(Self.values("LOCATION", in: ics) == [escaped])
        #expect(Self.values("X-WR-CALNAME", in: ics) == [escaped])
        #expect(Self.values("CATEGORIES", in: ics) == [escaped + ",Kubernetes"], "the list separator is not escaped")
    }

    @Test func escapesTheUIDButNotTheURL() {
        var event = Self.event("a,b;c@infraprep")
        event.url = "https://example.com/plan?a=1,2;b=3\n"
        let ics = Self.render([event])
        #expect(Self.values("UID", in: ics) == [#"a\,b\;c@infraprep"#])
        #expect(Self.values("URL", in: ics) == ["https://example.com/plan?a=1,2;b=3"], "a URI is not TEXT; control characters are dropped")
    }

    // MARK: Folding

    /// Every physical line is at most 75 octets and valid UTF-8 by itself, continuation lines
    /// start with one space, and unfolding gives back `expected` as the DESCRIPTION.
    static func checkFolding(_ ics: String, description expected: String) {
        checkPhysicalLines(ics)
        #expect(values("DESCRIPTION", in: ics) == [expected])
    }

    static func checkPhysicalLines(_ ics: String) {
        for line in physicalLines(ics) {
            #expect(line.count <= 75, "\(line.count) octets: \(String(decoding: line, as: UTF8.self))")
            #expect(String(validating: line, as: UTF8.self) != nil, "a line break splits a UTF-8 sequence")
        }
    }

    @Test func foldsALongASCIILine() {
        let text = String((0..<300).map { Character(UnicodeScalar(UInt8(0x61 + $0 % 26))) })
        let ics = Self.render([Self.event(description: text)])
        Self.checkFolding(ics, description: text)
        let lines = Self.physicalLines(ics).map { String(decoding: $0, as: UTF8.self) }
        let start = lines.firstIndex { $0.hasPrefix("DESCRIPTION:") }!
        // 12 + 300 octets: 75 on the first line, then 74 more after each leading space.
        #expect(lines[start].utf8.count == 75)
        #expect(lines[(start + 1)...(start + 3)].allSatisfy { $0.utf8.count == 75 && $0.hasPrefix(" ") && !$0.hasPrefix("  ") })
        #expect(lines[start + 4] == " " + String(text.suffix(312 - 75 - 3 * 74)))
        #expect(!lines[start + 5].hasPrefix(" "))
    }

    @Test func foldsOnlyPastSeventyFiveOctets() {
        let fits = String(repeating: "x", count: 75 - "DESCRIPTION:".count)
        #expect(Self.physicalLines(Self.render([Self.event(description: fits)])).contains(Array(("DESCRIPTION:" + fits).utf8)))
        let over = fits + "y"
        let lines = Self.physicalLines(Self.render([Self.event(description: over)])).map { String(decoding: $0, as: UTF8.self) }
        #expect(lines.contains("DESCRIPTION:" + fits) && lines.contains(" y"))
    }

    @Test(arguments: [
        String(repeating: "日", count: 120),  // 3 octets each: a break never lands at the 75th octet
        String(repeating: "🙂", count: 80),  // 4 octets each
        String(repeating: "👩‍💻", count: 30),  // ZWJ sequences, 11 octets each
        "a" + String(repeating: "é", count: 100),  // 2 octets, shifted by one
        String(repeating: "é,日;🙂\n", count: 30),  // escapes between multi-byte characters
    ])
    func foldsMultibyteTextWithoutSplittingCharacters(text: String) {
        var event = Self.event(description: text)
        event.title = text
        let ics = Self.render([event])
        let escaped = text.replacingOccurrences(of: ",", with: #"\,"#).replacingOccurrences(of: ";", with: #"\;"#)
            .replacingOccurrences(of: "\n", with: #"\n"#)
        Self.checkFolding(ics, description: escaped)
        #expect(Self.values("SUMMARY", in: ics) == [escaped])
        #expect(Self.physicalLines(ics).count > 10, "long lines were folded")
    }

    // MARK: Structure

    @Test func usesCRLFOnly() {
        let ics = Self.render([Self.event(description: "one\ntwo\r\nthree\rfour", alarm: 15)])
        let bytes = Array(ics.utf8)
        for (i, byte) in bytes.enumerated() {
            if byte == 0x0A { #expect(i > 0 && bytes[i - 1] == 0x0D, "bare LF at octet \(i)") }
            if byte == 0x0D { #expect(i + 1 < bytes.count && bytes[i + 1] == 0x0A, "bare CR at octet \(i)") }
        }
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
    }

    @Test func writesStartAndEndInUTC() {
        let ics = Self.render([Self.event(start: "2026-11-29T09:30:00+01:00", minutes: 90)])
        #expect(Self.values("DTSTART", in: ics) == ["20261129T083000Z"])
        #expect(Self.values("DTEND", in: ics) == ["20261129T100000Z"])
        #expect(Self.values("DTSTAMP", in: ics) == ["20261101T120000Z"], "DTSTAMP is the stamp argument")
        #expect(Self.values("SEQUENCE", in: ics) == ["0"])
    }

    @Test func endsAcrossYearsAndDropsFractions() {
        let ics = Self.render([
            Self.event("a", start: "2026-12-31T23:30:00.750000Z", minutes: 45),
            Self.event("b", start: "1969-12-31T23:59:59.500000Z", minutes: 1),
            Self.event("c", start: "2028-02-28T23:00:00Z", minutes: 24 * 60),
        ])
        #expect(Self.values("DTSTART", in: ics) == ["20261231T233000Z", "19691231T235959Z", "20280228T230000Z"])
        #expect(Self.values("DTEND", in: ics) == ["20270101T001500Z", "19700101T000059Z", "20280229T230000Z"])
    }

    @Test func aZeroLengthEventHasNoEnd() {
        let ics = Self.render([Self.event(minutes: 0)])
        #expect(Self.values("DTSTART", in: ics).count == 1)
        #expect(Self.values("DTEND", in: ics).isEmpty)
    }

    @Test func writesADisplayAlarm() {
        let ics = Self.render([Self.event(title: "Mock interview; round 2", alarm: 15)])
        let lines = Self.unfolded(ics)
        let begin = lines.firstIndex(of: "BEGIN:VALARM")!
        #expect(
            Array(lines[begin...(begin + 4)]) == [
                "BEGIN:VALARM", "ACTION:DISPLAY", #"DESCRIPTION:Mock interview\; round 2"#, "TRIGGER:-PT15M", "END:VALARM",
            ])
        #expect(lines[begin + 5] == "END:VEVENT", "the alarm sits inside its event")
        #expect(Self.values("TRIGGER", in: Self.render([Self.event(alarm: 0)])) == ["-PT0M"])
        #expect(Self.values("TRIGGER", in: Self.render([Self.event(alarm: -5)])) == ["PT5M"], "a negative lead is after the start")
        #expect(!Self.render([Self.event()]).contains("VALARM"))
    }

    @Test func keepsEventsInTheOrderGiven() {
        let events = ["z@infraprep", "a@infraprep", "m@infraprep"].map { Self.event($0) }
        #expect(Self.values("UID", in: Self.render(events)) == ["z@infraprep", "a@infraprep", "m@infraprep"])
    }

    @Test func rendersTheSameBytesTwice() {
        let events = [Self.event(description: "a, b; c\n日本 🙂", alarm: 10), Self.event("b@infraprep", minutes: 30)]
        #expect(Self.render(events) == Self.render(events))
        #expect(Array(Self.render(events).utf8) == Array(Self.render(events).utf8))
    }

    @Test func anEmptyPlanIsStillACalendar() {
        #expect(
            Self.render([], name: "Empty")
                == [
                    "BEGIN:VCALENDAR",
                    "PRODID:-//InfraPrep//InfraPrep \(AppInfo.version)//EN",
                    "VERSION:2.0",
                    "CALSCALE:GREGORIAN",
                    "METHOD:PUBLISH",
                    "X-WR-CALNAME:Empty",
                    "X-WR-TIMEZONE:Europe/Berlin",
                    "END:VCALENDAR",
                ].map { $0 + "\r\n" }.joined())
    }

    @Test func writesAFullEvent() {
        var event = Self.event(description: "Read chapter 3", alarm: 15)
        event.location = "Home office"
        event.categories = ["Kubernetes", "Foundations"]
        event.url = "https://infraprep.local/plan#task-fnd-k8s-course-part1"
        let body = Self.unfolded(Self.render([event])).drop { $0 != "BEGIN:VEVENT" }
        #expect(
            Array(body) == [
                "BEGIN:VEVENT",
                "UID:task-fnd-k8s-course-part1@infraprep",
                "DTSTAMP:20261101T120000Z",
                "DTSTART:20261129T083000Z",
                "DTEND:20261129T100000Z",
                "SEQUENCE:0",
                #"SUMMARY:Kubernetes course\, part 1"#,
                "DESCRIPTION:Read chapter 3",
                "LOCATION:Home office",
                "CATEGORIES:Kubernetes,Foundations",
                "URL:https://infraprep.local/plan#task-fnd-k8s-course-part1",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                #"DESCRIPTION:Kubernetes course\, part 1"#,
                "TRIGGER:-PT15M",
                "END:VALARM",
                "END:VEVENT",
                "END:VCALENDAR",
            ])
    }

    /// An awkward calendar for the oracle: `ICS_OUT=/tmp/sample.ics swift test --filter ICalendarTests`,
    /// then `python3 Tests/oracles/ics_check.py /tmp/sample.ics --expect-events 4`.
    @Test func writesTheOracleSampleWhenAsked() throws {
        let long = String(repeating: "Drain the node, cordon it; then check \\ PDBs — 日本語 🙂\n", count: 6).prefix(300)
        var first = Self.event(
            "task-fnd-k8s-course-part1@infraprep", title: "Kubernetes 🚀 course, part 1; 日本語",
            description: String(long), alarm: 15
        )
        first.location = "Café \"Zürich\", table 3; 2F\\B"
        first.categories = ["Kubernetes", "Foundations, core", "日本語;カテゴリ"]
        first.url = "https://infraprep.local/plan?task=fnd-k8s-course-part1&a=1,2;b"
        let events = [
            first,
            Self.event(
                "task-sd-mock-1@infraprep", title: "Mock interview 👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻", description: "line one\r\nline two\rline three\n\n", start: "2026-12-31T23:30:00Z", minutes: 45,
                alarm: 0),
            Self.event("task-empty@infraprep", title: "", description: "", start: "2027-01-02T07:00:00.999999Z", minutes: 1),
            Self.event("task-cjk@infraprep", title: String(repeating: "日", count: 60), description: String(repeating: "é", count: 150), minutes: 30, alarm: -5),
        ]
        let ics = ICalendar.render(name: "InfraPrep plan, 日本 🙂; test\\", timeZone: "Asia/Tokyo", events: events, stamp: Self.stamp, refreshHours: 6)
        Self.checkPhysicalLines(ics)
        #expect(ics.contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\nX-PUBLISHED-TTL:PT6H\r\n"))
        #expect(long.count == 300)
        #expect(Self.values("DESCRIPTION", in: ics).first?.hasPrefix(#"Drain the node\, cordon it\; then check \\ PDBs — 日本語 🙂\nDrain"#) == true)
        #expect(Self.values("UID", in: ics).count == 4)
        if let path = ProcessInfo.processInfo.environment["ICS_OUT"], !path.isEmpty {
            try Data(ics.utf8).write(to: URL(fileURLWithPath: path))
        }
    }
}
