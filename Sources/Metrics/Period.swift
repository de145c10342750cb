import Base
import Store

/// An inclusive range of days that metrics are computed over, and the rule for the period it
/// is compared with.
public struct Period: Hashable, Sendable, Codable, CustomStringConvertible {
    public let start: CalendarDate
    public let end: CalendarDate

    /// A period from `start` to `end`, both included; nil when `start` is after `end`.
    public init?(start: CalendarDate, end: CalendarDate) {
        guard start <= end else { return nil }
        self.start = start
        self.end = end
    }

    /// January 1st to December 31st of `year`.
    public static func year(_ year: Int) -> Period? {
        guard let start = CalendarDate(year: year, month: 1, day: 1),
              let end = CalendarDate(year: year, month: 12, day: 31) else { return nil }
        return Period(start: start, end: end)
    }

    /// Days in the period, both ends included.
    public var days: Int { end.daysSinceEpoch - start.daysSinceEpoch + 1 }

    /// The calendar year when the period is exactly one, for headings ("2023").
    public var calendarYear: Int? {
        start.month == 1 && start.day == 1 && end.month == 12 && end.day == 31 && start.year == end.year ? start.year : nil
    }

    /// The period of the same length just before this one, ending the day before `start`.
    ///
    /// A period of whole months (a calendar or fiscal year, a quarter, a month) is compared with
    /// the same number of whole months before it, so 2024 is compared with 2023 and a fiscal
    /// year July–June with the previous July–June even when a February 29th makes the day counts
    /// differ. Any other range of N days is compared with the N days before it.
    public var previous: Period {
        let end = start.adding(days: -1)
        if start.day == 1, self.end == self.end.endOfMonth {
            let months = (self.end.year * 12 + self.end.month) - (start.year * 12 + start.month) + 1
            let index = start.year * 12 + (start.month - 1) - months
            if let first = CalendarDate(year: index / 12, month: index % 12 + 1, day: 1) {
                return Period(start: first, end: end)!
            }
        }
        return Period(start: start.adding(days: -days), end: end)!
    }

    /// Whether `date` is inside the period.
    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    public var description: String { "\(start.iso) to \(end.iso)" }
}

extension CalendarDate {
    /// The first day of every month from this date's month through `last`'s month, for
    /// month-by-month series.
    func monthStarts(through last: CalendarDate) -> [CalendarDate] {
        var months: [CalendarDate] = []
        var month = CalendarDate(year: year, month: self.month, day: 1)!
        while month <= last {
            months.append(month)
            month = month.endOfMonth.adding(days: 1)
        }
        return months
    }

    /// `YYYY-MM`, the key of a month in grouped metrics.
    var monthKey: String { String(iso.prefix(7)) }
}
