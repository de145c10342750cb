/// Maps dates onto positions, continuously by month (so uneven month lengths do not bend a line).
public struct TimeScale: Sendable, Hashable {
    public var first: ChartDate
    public var last: ChartDate
    private var linear: LinearScale

    public init(first: ChartDate, last: ChartDate, range: (Double, Double)) {
        self.first = first
        self.last = last
        linear = LinearScale(domain: first.continuousMonth...max(first.continuousMonth, last.continuousMonth), range: range)
    }

    public func callAsFunction(_ date: ChartDate) -> Double { linear(date.continuousMonth) }

    /// Whole months covered.
    public var spanInMonths: Int { last.monthIndex - first.monthIndex }
}
