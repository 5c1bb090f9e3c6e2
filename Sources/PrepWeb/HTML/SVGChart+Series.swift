import Foundation

extension SVGChart {
    /// Two bars per label: what was planned (outlined) and what was done (filled).
    static func pairs(_ pairs: [(label: String, planned: Double, done: Double)], unit: String, title: String, description: String) -> Node {
        let width = 640.0
        let height = 210.0
        let left = 40.0
        let bottom = 26.0
        let top = 12.0
        let plotWidth = width - left - 6
        let plotHeight = height - bottom - top
        let maximum = niceCeiling(pairs.map { max($0.planned, $0.done) }.max() ?? 0)
        let step = plotWidth / Double(max(pairs.count, 1))
        var parts: [Node] = []
        for tick in [0.0, maximum / 2, maximum] {
            let y = top + plotHeight - plotHeight * tick / maximum
            parts.append(axis(x1: left, y1: y, x2: width - 6, y2: y))
            parts.append(label(String(Int(tick)), x: left - 4, y: y + 4, anchor: "end"))
        }
        for (index, pair) in pairs.enumerated() {
            let x = left + Double(index) * step + step * 0.12
            let barWidth = step * 0.36
            for (offset, value, cls, name) in [(0.0, pair.planned, "bar planned", "planned"), (barWidth, pair.done, "bar", "done")] {
                let h = plotHeight * value / maximum
                parts.append(
                    rect(
                        cls, x: x + offset, y: top + plotHeight - max(h, 0.5), width: barWidth, height: max(h, 0.5),
                        tooltip: "\(pair.label) \(name): \(Int(value.rounded())) \(unit)"))
            }
            parts.append(label(pair.label, x: x + barWidth, y: height - 8, anchor: "middle"))
        }
        return svg(width: width, height: height, title: title, description: description, parts)
    }

    /// A line over days on a 0…100 scale; days without a value break the line.
    /// A score line (0-100); `target` draws a dashed level, `projection` a dashed segment from
    /// the last point to one more point at the end (the interview).
    static func line(
        _ measured: [(label: String, value: Int?)], title: String, description: String, target: Int? = nil,
        projection: (label: String, value: Int)? = nil
    ) -> Node {
        let points = measured + (projection.map { [(label: $0.label, value: Optional($0.value))] } ?? [])
        let width = 640.0
        let height = 200.0
        let left = 34.0
        let bottom = 26.0
        let top = 12.0
        let plotWidth = width - left - 14
        let plotHeight = height - bottom - top
        var parts: [Node] = []
        for tick in [0, 50, 100] {
            let y = top + plotHeight - plotHeight * Double(tick) / 100
            parts.append(axis(x1: left, y1: y, x2: width - 6, y2: y))
            parts.append(label(String(tick), x: left - 4, y: y + 4, anchor: "end"))
        }
        let step = points.count > 1 ? plotWidth / Double(points.count - 1) : 0
        func x(_ index: Int) -> Double { points.count > 1 ? left + 6 + Double(index) * step : left + plotWidth / 2 }
        func y(_ value: Int) -> Double { top + plotHeight - plotHeight * Double(min(max(value, 0), 100)) / 100 }
        var path = ""
        var drawing = false
        for (index, point) in measured.enumerated() {
            guard let value = point.value else {
                drawing = false
                continue
            }
            path += "\(drawing ? "L" : "M")\(f(x(index))) \(f(y(value))) "
            drawing = true
        }
        if !path.isEmpty { parts.append(el("path", .class("series"), .init("d", path))) }
        if let target {
            parts.append(el("line", .class("target"), .init("x1", f(left)), .init("y1", f(y(target))), .init("x2", f(width - 6)), .init("y2", f(y(target)))))
            parts.append(label("target \(target)", x: width - 8, y: y(target) - 4, anchor: "end"))
        }
        if let projection, let last = measured.indices.last(where: { measured[$0].value != nil }), let from = measured[last].value {
            parts.append(
                el(
                    "path", .class("series projection"),
                    .init("d", "M\(f(x(last))) \(f(y(from))) L\(f(x(points.count - 1))) \(f(y(projection.value)))")))
        }
        let labelEvery = max(1, points.count / 6)
        for (index, point) in points.enumerated() {
            if let value = point.value {
                parts.append(
                    el("circle", .class("dot"), .init("cx", f(x(index))), .init("cy", f(y(value))), .init("r", "3")) {
                        el("title") { "\(point.label): \(value)" }
                    })
            }
            if index % labelEvery == 0 || index == points.count - 1 {
                parts.append(label(point.label, x: x(index), y: height - 8, anchor: "middle"))
            }
        }
        return svg(width: width, height: height, title: title, description: description, parts)
    }
}
