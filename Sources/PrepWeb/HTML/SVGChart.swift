import Foundation

/// Bar charts drawn on the server as SVG: no script, readable by screen readers (a title,
/// a description and a data table beside each chart), coloured by the stylesheet so they
/// follow dark mode and print in grey. Built from nodes like every page, so labels are
/// escaped by the one renderer.
enum SVGChart {
    struct Bar {
        var label: String
        var value: Double
        /// The value as shown (e.g. "92 %").
        var text: String
    }

    /// Vertical bars, one per label (days); every `labelEvery`-th label is written.
    static func columns(_ bars: [Bar], title: String, description: String, labelEvery: Int = 5) -> Node {
        let width = 640.0
        let height = 200.0
        let left = 34.0
        let bottom = 26.0
        let top = 12.0
        let plotWidth = width - left - 6
        let plotHeight = height - bottom - top
        let maximum = niceCeiling(bars.map(\.value).max() ?? 0)
        let step = plotWidth / Double(max(bars.count, 1))
        var parts: [Node] = []
        // Counts: a middle line only where it falls on a whole number.
        let middle = maximum / 2
        for tick in middle == middle.rounded() ? [0.0, middle, maximum] : [0.0, maximum] {
            let y = top + plotHeight - plotHeight * (maximum > 0 ? tick / maximum : 0)
            parts.append(axis(x1: left, y1: y, x2: width - 6, y2: y))
            parts.append(label(String(Int(tick)), x: left - 4, y: y + 4, anchor: "end"))
        }
        for (index, bar) in bars.enumerated() {
            let h = maximum > 0 ? plotHeight * bar.value / maximum : 0
            let x = left + Double(index) * step + step * 0.15
            let y = top + plotHeight - max(h, bar.value > 0 ? 1 : 0)
            parts.append(
                rect(
                    bar.value > 0 ? "bar" : "bar zero", x: x, y: y, width: step * 0.7, height: max(h, bar.value > 0 ? 1 : 0.5),
                    tooltip: "\(bar.label): \(bar.text)"))
            if index % labelEvery == 0 || index == bars.count - 1 {
                parts.append(label(bar.label, x: x + step * 0.35, y: height - 8, anchor: "middle"))
            }
        }
        return svg(width: width, height: height, title: title, description: description, parts)
    }

    /// Horizontal bars with a fixed scale of 0…1 (shares such as retention).
    static func shares(_ bars: [Bar], title: String, description: String) -> Node {
        let labelWidth = 230.0
        let width = 640.0
        let row = 24.0
        let height = Double(bars.count) * row + 24
        let plotWidth = width - labelWidth - 60
        var parts: [Node] = []
        for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let x = labelWidth + plotWidth * tick
            parts.append(axis(x1: x, y1: 4, x2: x, y2: height - 18))
            parts.append(label("\(Int(tick * 100)) %", x: x, y: height - 4, anchor: "middle"))
        }
        for (index, bar) in bars.enumerated() {
            let y = 6 + Double(index) * row
            let share = min(max(bar.value, 0), 1)
            // Long names are shortened on the axis; the bar's tooltip and the table keep them whole.
            let name = bar.label.count > 34 ? String(bar.label.prefix(33)) + "…" : bar.label
            parts.append(label(name, x: labelWidth - 8, y: y + 13, anchor: "end"))
            parts.append(rect("bar", x: labelWidth, y: y, width: max(1, plotWidth * share), height: 16, tooltip: "\(bar.label): \(bar.text)"))
            parts.append(el("text", .class("value"), .init("x", f(labelWidth + plotWidth * share + 6)), .init("y", f(y + 13))) { bar.text })
        }
        return svg(width: width, height: height, title: title, description: description, parts)
    }

    /// The `<svg>` element with its accessible name and description.
    static func svg(width: Double, height: Double, title: String, description: String, _ parts: [Node]) -> Node {
        let id = "c" + String(title.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }, radix: 36)
        return el(
            "svg", .class("chart"), .init("viewBox", "0 0 \(f(width)) \(f(height))"), .init("role", "img"),
            .aria("labelledby", "\(id)-t \(id)-d"), .init("xmlns", "http://www.w3.org/2000/svg")
        ) {
            el("title", .id("\(id)-t")) { title }
            el("desc", .id("\(id)-d")) { description }
            parts
        }
    }

    static func axis(x1: Double, y1: Double, x2: Double, y2: Double) -> Node {
        el("line", .class("axis"), .init("x1", f(x1)), .init("y1", f(y1)), .init("x2", f(x2)), .init("y2", f(y2)))
    }

    static func label(_ text: String, x: Double, y: Double, anchor: String) -> Node {
        el("text", .init("x", f(x)), .init("y", f(y)), .init("text-anchor", anchor)) { text }
    }

    static func rect(_ cls: String, x: Double, y: Double, width: Double, height: Double, tooltip: String) -> Node {
        el("rect", .class(cls), .init("x", f(x)), .init("y", f(y)), .init("width", f(width)), .init("height", f(height))) {
            el("title") { tooltip }
        }
    }

    /// The smallest of 1, 2, 5 × 10ⁿ at or above `value`, so the axis reads in round numbers.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * magnitude >= value { return factor * magnitude }
        return 10 * magnitude
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
