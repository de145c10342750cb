/// Ticks for a time axis, by month, quarter or year depending on the span.
import Base
public struct DateTicks: Sendable, Hashable {
    /// The spacing of the ticks.
    public enum Unit: Sendable, Hashable { case month, quarter, year }

    /// One tick: its date (the first of a month) and its label lines (e.g. ["Jan", "2023"]).
    public struct Tick: Sendable, Hashable {
        public var date: CalendarDate
        public var label: [String]
    }

    public var unit: Unit
    public var ticks: [Tick]

    /// Up to 12 months: monthly; up to 24: quarterly; longer: yearly (every n years to keep at most ~8).
    public init(first: CalendarDate, last: CalendarDate) {
        let span = last.monthIndex - first.monthIndex
        unit = span <= 12 ? .month : span <= 24 ? .quarter : .year
        var ticks: [Tick] = []
        let everyYears = max(1, (span / 12 + 7) / 8)
        for index in first.monthIndex...max(first.monthIndex, last.monthIndex) {
            let date = CalendarDate(monthIndex: index)
            switch unit {
            case .month:
                ticks.append(Tick(date: date, label: date.month == 1 || ticks.isEmpty ? [DateText.shortMonth(date.month), "\(date.year)"] : [DateText.shortMonth(date.month)]))
            case .quarter where (date.month - 1) % 3 == 0:
                ticks.append(Tick(date: date, label: date.month == 1 || ticks.isEmpty ? [DateText.shortMonth(date.month), "\(date.year)"] : [DateText.shortMonth(date.month)]))
            case .year where date.month == 1 && date.year % everyYears == 0:
                ticks.append(Tick(date: date, label: ["\(date.year)"]))
            case .year where index == first.monthIndex && 13 - first.month >= max(3, span / 6):
                // A series that starts mid-year says where it starts ("Jun 2021"), so the first
                // stretch of line is not read as part of the next labelled year.
                ticks.append(Tick(date: date, label: ["\(DateText.shortMonth(date.month)) \(date.year)"]))
            default: break
            }
        }
        self.ticks = ticks
    }
}
