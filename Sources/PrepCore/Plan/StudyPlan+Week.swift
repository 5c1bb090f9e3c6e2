extension StudyPlan {
    /// The plan week a day falls in (1 for the week starting on the start day); nil before the
    /// start or for a day that is not YYYY-MM-DD. A moved task belongs to its new day's week.
    public func week(of date: String) -> Int? {
        guard let start = PlanSettings.day(settings.start), let day = PlanSettings.day(date), day.number >= start.number else { return nil }
        return (day.number - start.number) / 7 + 1
    }
}

extension LocalDay {
    /// Mon, Tue…: day 0 (1970-01-01) was a Thursday.
    public var weekdayName: String {
        ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((number % 7) + 7) % 7]
    }
}
