import Foundation

/// Bar charts drawn on the server as SVG: no script, readable by screen readers (a title,
/// a description and a data table beside each chart), coloured by the stylesheet so they
/// follow dark mode and print in grey.
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
        var svg = header(width: width, height: height, title: title, description: description)
        // Counts: a middle line only where it falls on a whole number.
        let middle = maximum / 2
        for tick in middle == middle.rounded() ? [0.0, middle, maximum] : [0.0, maximum] {
            let y = top + plotHeight - plotHeight * (maximum > 0 ? tick / maximum : 0)
            svg += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(width - 6))\" y2=\"\(f(y))\"/>"
            svg += "<text x=\"\(f(left - 4))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(Int(tick))</text>"
        }
        for (index, bar) in bars.enumerated() {
            let h = maximum > 0 ? plotHeight * bar.value / maximum : 0
            let x = left + Double(index) * step + step * 0.15
            let y = top + plotHeight - max(h, bar.value > 0 ? 1 : 0)
            let cls = bar.value > 0 ? "bar" : "bar zero"
            svg +=
                "<rect class=\"\(cls)\" x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(step * 0.7))\" height=\"\(f(max(h, bar.value > 0 ? 1 : 0.5)))\"><title>\(escape(bar.label)): \(escape(bar.text))</title></rect>"
            if index % labelEvery == 0 || index == bars.count - 1 {
                svg += "<text x=\"\(f(x + step * 0.35))\" y=\"\(f(height - 8))\" text-anchor=\"middle\">\(escape(bar.label))</text>"
            }
        }
        return .raw(svg + "</svg>")
    }

    /// Horizontal bars with a fixed scale of 0…1 (shares such as retention).
    static func shares(_ bars: [Bar], title: String, description: String) -> Node {
        let labelWidth = 230.0
        let width = 640.0
        let row = 24.0
        let height = Double(bars.count) * row + 24
        let plotWidth = width - labelWidth - 60
        var svg = header(width: width, height: height, title: title, description: description)
        for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let x = labelWidth + plotWidth * tick
            svg += "<line class=\"axis\" x1=\"\(f(x))\" y1=\"4\" x2=\"\(f(x))\" y2=\"\(f(height - 18))\"/>"
            svg += "<text x=\"\(f(x))\" y=\"\(f(height - 4))\" text-anchor=\"middle\">\(Int(tick * 100)) %</text>"
        }
        for (index, bar) in bars.enumerated() {
            let y = 6 + Double(index) * row
            // Long names are shortened on the axis; the bar's tooltip and the table keep them whole.
            let label = bar.label.count > 34 ? String(bar.label.prefix(33)) + "…" : bar.label
            svg += "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 13))\" text-anchor=\"end\">\(escape(label))</text>"
            svg +=
                "<rect class=\"bar\" x=\"\(f(labelWidth))\" y=\"\(f(y))\" width=\"\(f(max(1, plotWidth * min(max(bar.value, 0), 1))))\" height=\"16\"><title>\(escape(bar.label)): \(escape(bar.text))</title></rect>"
            svg += "<text class=\"value\" x=\"\(f(labelWidth + plotWidth * min(max(bar.value, 0), 1) + 6))\" y=\"\(f(y + 13))\">\(escape(bar.text))</text>"
        }
        return .raw(svg + "</svg>")
    }

    static func header(width: Double, height: Double, title: String, description: String) -> String {
        let id = "c" + String(title.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }, radix: 36)
        return "<svg class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"\(id)-t\">\(escape(title))</title><desc id=\"\(id)-d\">\(escape(description))</desc>"
    }

    /// The smallest of 1, 2, 5 × 10ⁿ at or above `value`, so the axis reads in round numbers.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * magnitude >= value { return factor * magnitude }
        return 10 * magnitude
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
