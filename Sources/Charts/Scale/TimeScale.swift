/// Maps dates onto positions by month: a month-end count and a month-start tick of the same month
/// share a position, so "Dec" sits under December's value (metrics are monthly; days are ignored).
import Base
public struct TimeScale: Sendable, Hashable {
    public var first: CalendarDate
    public var last: CalendarDate
    private var linear: LinearScale

    public init(first: CalendarDate, last: CalendarDate, range: (Double, Double)) {
        self.first = first
        self.last = last
        linear = LinearScale(domain: Double(first.monthIndex)...Double(max(first.monthIndex, last.monthIndex)), range: range)
    }

    public func callAsFunction(_ date: CalendarDate) -> Double { linear(Double(date.monthIndex)) }

    /// Whole months covered.
    public var spanInMonths: Int { last.monthIndex - first.monthIndex }
}
