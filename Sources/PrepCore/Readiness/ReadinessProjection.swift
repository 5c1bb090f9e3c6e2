/// Where the overall readiness is heading (issue #13, deliverable 5): the trend of the last
/// two weeks' scores carried to the interview day, against a target. A straight line through
/// few points is a rough guide, and the text says what it rests on.
public struct ReadinessProjection: Sendable, Equatable {
    /// The score readiness aims at: 80 of 100, "ready" in the guide's sense of most areas known.
    public static let target = 80
    /// Days of history the trend is fitted to.
    public static let window = 14

    public var perDay: Double
    public var projected: Int
    public var interviewDay: LocalDay
    public var points: Int

    /// - Parameter history: (day, overall score) pairs in day order; days without a score are skipped.
    public static func make(history: [(day: LocalDay, score: Int?)], interview: LocalDay?, today: LocalDay) -> ReadinessProjection? {
        guard let interview, interview.number > today.number else { return nil }
        let recent = history.compactMap { point in point.score.map { (x: Double(point.day.number), y: Double($0)) } }
            .filter { $0.x > Double(today.number - window) }
        guard recent.count >= 2, let last = recent.last else { return nil }
        let meanX = recent.map(\.x).reduce(0, +) / Double(recent.count)
        let meanY = recent.map(\.y).reduce(0, +) / Double(recent.count)
        let spread = recent.map { ($0.x - meanX) * ($0.x - meanX) }.reduce(0, +)
        guard spread > 0 else { return nil }
        let slope = recent.map { ($0.x - meanX) * ($0.y - meanY) }.reduce(0, +) / spread
        let projected = Int((last.y + slope * (Double(interview.number) - last.x)).rounded())
        return ReadinessProjection(perDay: slope, projected: min(max(projected, 0), 100), interviewDay: interview, points: recent.count)
    }

    /// The projection in words, honest about what it rests on.
    public var sentence: String {
        let pace = perDay >= 0 ? "+\(Self.fixed(perDay)) a day" : "\(Self.fixed(perDay)) a day"
        let verdict =
            projected >= Self.target
            ? "above the target of \(Self.target)"
            : "short of the target of \(Self.target): practise the areas of “Work on these next”, or move the interview"
        return
            "At the pace of your last \(points) measured days (\(pace)), readiness would reach about \(projected) by the interview on \(interviewDay.text), \(verdict). A straight line through a few days is a rough guide."
    }

    static func fixed(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
