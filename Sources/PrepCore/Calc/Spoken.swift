import Foundation

/// Numbers the way a candidate says them aloud: 7.0 B, 2.0 T, 1.8 M GPU-hours, $3.7 M,
/// 8.4 × 10²² FLOPs, 13.5 GB.
public enum Spoken {
    /// Thousands, millions, billions, trillions; beyond 10¹⁵ powers of ten.
    public static func count(_ value: Double, digits: Int = 1) -> String {
        let magnitude = abs(value)
        guard magnitude.isFinite else { return "\(value)" }
        if magnitude >= 1e15 { return scientific(value, digits: digits) }
        for (limit, suffix) in [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")] where magnitude >= limit {
            return fixed(value / limit, digits: digits) + " " + suffix
        }
        return magnitude >= 100 || value == value.rounded() ? String(Int(value.rounded())) : fixed(value, digits: magnitude < 1 ? 3 : 2)
    }

    public static func dollars(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1e3 { return "$" + count(value) }
        if magnitude >= 1 { return "$" + fixed(value, digits: 2) }
        return "$" + fixed(value, digits: magnitude >= 0.01 ? 3 : 5)
    }

    /// Decimal gigabytes (10⁹ bytes), or MB / KB for small sizes.
    public static func bytes(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1e12 { return fixed(value / 1e12, digits: 2) + " TB" }
        if magnitude >= 1e9 { return fixed(value / 1e9, digits: 1) + " GB" }
        if magnitude >= 1e6 { return fixed(value / 1e6, digits: 1) + " MB" }
        if magnitude >= 1e3 { return fixed(value / 1e3, digits: 1) + " KB" }
        return "\(Int(value.rounded())) bytes"
    }

    /// 8.4 × 10²²
    public static func scientific(_ value: Double, digits: Int = 1) -> String {
        guard value != 0 else { return "0" }
        guard value.isFinite else { return value.isNaN ? "not a number" : value > 0 ? "∞" : "−∞" }
        var exponent = Int(floor(log10(abs(value))))
        var mantissa = value / pow(10, Double(exponent))
        if abs((mantissa * pow(10, Double(digits))).rounded()) >= 10 * pow(10, Double(digits)) {
            mantissa /= 10
            exponent += 1
        }
        return fixed(mantissa, digits: digits) + " × 10" + superscript(exponent)
    }

    /// Three significant digits for rates that may be tiny or large (0.00684, 13.3, 1,240).
    public static func significant(_ value: Double, _ digits: Int = 3) -> String {
        guard value.isFinite, value != 0 else { return value == 0 ? "0" : scientific(value) }
        let magnitude = Int(floor(log10(abs(value))))
        if magnitude >= digits - 1 { return count(value.rounded()) }
        return fixed(value, digits: max(0, digits - 1 - magnitude))
    }

    /// Milliseconds below a second, seconds above.
    public static func duration(_ seconds: Double) -> String {
        seconds < 1 ? fixed(seconds * 1000, digits: 1) + " ms" : significant(seconds) + " s"
    }

    /// A whole number with thousands separators: 32,768.
    public static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    public static func fixed(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    public static func percent(_ value: Double) -> String {
        let p = value * 100
        return (p == p.rounded() ? String(Int(p)) : fixed(p, digits: 1)) + " %"
    }

    static func superscript(_ number: Int) -> String {
        let digits: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return String(String(number).map { digits[$0] ?? $0 })
    }
}

/// One step of a calculation, as a candidate would say it: the formula, the numbers put
/// into it, the result with its unit, and a one-line sanity check.
public struct CalcStep: Sendable, Equatable, Codable {
    public var label: String
    public var formula: String
    public var substitution: String
    public var result: String
    public var check: String?

    public init(_ label: String, formula: String, substitution: String, result: String, check: String? = nil) {
        self.label = label
        self.formula = formula
        self.substitution = substitution
        self.result = result
        self.check = check
    }
}
