/// ISO 8601 date-times read and written without Foundation: replaying a million reviews
/// spends more time in `ISO8601DateFormatter` than in the scheduler.
public enum ISO8601 {
    /// 2000-01-01T00:00:00Z: nobody graded a card of this bank earlier (a year-1 date is a typo).
    public static let earliestReview = Instant(microseconds: 946_684_800_000_000)
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let text: String
        public let reason: String
        public var description: String { "'\(text)' is not an ISO 8601 date-time (\(reason)); write it like 2026-11-29T08:30:00Z" }
    }

    /// `YYYY-MM-DDTHH:MM[:SS[.ffffff]](Z|±HH:MM)`; a space may stand for the `T`. A time
    /// zone is required: the same wall-clock time means different instants elsewhere.
    public static func parse(_ text: String) throws(ParseError) -> Instant {
        var copy = text
        let result = copy.withUTF8 { bytes in Result { () throws(ParseError) -> Instant in try parse(utf8: bytes, text: text) } }
        return try result.get()
    }

    private static func parse(utf8 b: UnsafeBufferPointer<UInt8>, text: String) throws(ParseError) -> Instant {
        var i = 0
        func fail(_ reason: String) -> ParseError { ParseError(text: text, reason: reason) }
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var value = 0
            for k in 0..<n {
                let d = b[i + k] &- 0x30
                guard d < 10 else { return nil }
                value = value * 10 + Int(d)
            }
            i += n
            return value
        }
        func expect(_ ch: UInt8) -> Bool {
            guard i < b.count, b[i] == ch else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(0x2D), let month = digits(2), expect(0x2D), let day = digits(2) else {
            throw fail("the date must be YYYY-MM-DD")
        }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { throw fail("no such day") }
        guard i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == 0x20 else {
            throw fail("a time is required after the date")
        }
        i += 1
        guard let hour = digits(2), expect(0x3A), let minute = digits(2), hour < 24, minute < 60 else { throw fail("the time must be HH:MM:SS") }
        var second = 0
        var micro = 0
        if expect(0x3A) {
            guard let s = digits(2), s < 60 else { throw fail("seconds must be 00-59") }
            second = s
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                var count = 0
                while i < b.count, b[i] &- 0x30 < 10 {
                    // Digits past the microsecond are dropped, as Python's fromisoformat does.
                    if count < 6 { micro = micro * 10 + Int(b[i] - 0x30) }
                    count += 1
                    i += 1
                }
                guard count > 0 else { throw fail("a fraction needs digits") }
                for _ in count..<max(count, 6) { micro *= 10 }
            }
        }
        var offset = 0
        guard i < b.count else { throw fail("a time zone is required: end with Z or +HH:MM") }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            i += 1
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let oh = digits(2), oh < 24 else { throw fail("the offset must be ±HH:MM") }
            _ = expect(0x3A)
            guard let om = digits(2), om < 60 else { throw fail("the offset must be ±HH:MM") }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            throw fail("a time zone is required: end with Z or +HH:MM")
        }
        guard i == b.count else { throw fail("unexpected text after the time zone") }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
        return Instant(microseconds: seconds * 1_000_000 + Int64(micro))
    }

    /// Written as Python's `datetime.isoformat()` writes a UTC time: `+00:00`, and a
    /// six-digit fraction only when there is one.
    public static func format(_ time: Instant) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        append(time, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `format` written straight into a byte buffer (the replay's output path).
    public static func append(_ time: Instant, to out: inout [UInt8]) {
        let (seconds, micro) = floorDivide(time.microseconds, 1_000_000)
        let (days, secondOfDay) = floorDivide(seconds, 86_400)
        let (year, month, day) = civilFromDays(Int(days))
        func digits(_ value: Int, _ width: Int) {
            if value < 0 || value >= pow10(width) {
                out.append(contentsOf: String(value).utf8)
                return
            }
            var divisor = pow10(width - 1)
            while divisor > 0 {
                out.append(UInt8(0x30 + value / divisor % 10))
                divisor /= 10
            }
        }
        digits(year, 4)
        out.append(0x2D)
        digits(month, 2)
        out.append(0x2D)
        digits(day, 2)
        out.append(0x54)
        digits(Int(secondOfDay / 3600), 2)
        out.append(0x3A)
        digits(Int(secondOfDay % 3600 / 60), 2)
        out.append(0x3A)
        digits(Int(secondOfDay % 60), 2)
        if micro != 0 {
            out.append(0x2E)
            digits(Int(micro), 6)
        }
        out.append(contentsOf: "+00:00".utf8)
    }

    private static func pow10(_ n: Int) -> Int {
        var value = 1
        for _ in 0..<n { value *= 10 }
        return value
    }

    /// The calendar date (year, month, day) of a day number, days since 1970-01-01.
    public static func civilFromDays(_ z: Int) -> (year: Int, month: Int, day: Int) {
        // Howard Hinnant's algorithm, exact over the proleptic Gregorian calendar.
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        return r < 0 ? (q - 1, r + b) : (q, r)
    }
}
