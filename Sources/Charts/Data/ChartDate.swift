/// A calendar date without time or time zone: what time-series points are keyed by.
/// (Foundation's `Date` would drag a time zone into every month-end.)
public struct ChartDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int = 1) {
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY-MM` (the first of the month) or `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 2 || parts.count == 3,
              let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        let d = parts.count == 3 ? Int(parts[2]) : 1
        guard let d, (1...31).contains(d) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Months since year 0: the unit of the time axis.
    public var monthIndex: Int { year * 12 + month - 1 }

    public static func < (a: ChartDate, b: ChartDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
    var shortMonth: String { String(ChartDate.monthNames[month - 1].prefix(3)) }
}
