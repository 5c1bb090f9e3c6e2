import Foundation
import PrepCore

/// Intervals as Anki writes them on its buttons: <1m, 10m, 3h, 4d, 2.1mo, 1.3y.
public enum IntervalText {
    public static func between(_ from: Instant, _ to: Instant) -> String {
        let seconds = Double(to.microseconds - from.microseconds) / 1_000_000
        if seconds < 60 { return "<1m" }
        if seconds < 3600 { return "\(Int((seconds / 60).rounded()))m" }
        if seconds < 86_400 { return "\(Int((seconds / 3600).rounded()))h" }
        let days = seconds / 86_400
        if days < 30 { return "\(Int(days.rounded()))d" }
        if days < 365 { return String(format: "%.1fmo", days / 30) }
        return String(format: "%.1fy", days / 365)
    }
}
