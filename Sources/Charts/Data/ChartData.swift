/// One value: a category (`key`) or a date, its value this period and optionally the previous period's.
import Base
public struct DataPoint: Sendable, Hashable, Codable {
    /// The category; `nil` is the "not stated" group of a metric (members with no sector).
    public var key: String?
    public var date: CalendarDate?
    public var value: Double
    public var previous: Double?
    /// Earlier values, oldest first, for a KPI tile's sparkline.
    public var trend: [Double]?
    /// For KPI tiles: a rise is bad news (lapsed members), so it is coloured as a loss.
    public var lowerIsBetter: Bool?

    public init(key: String? = nil, date: CalendarDate? = nil, value: Double, previous: Double? = nil, trend: [Double]? = nil,
                lowerIsBetter: Bool? = nil) {
        self.key = key
        self.date = date
        self.value = value
        self.previous = previous
        self.trend = trend
        self.lowerIsBetter = lowerIsBetter
    }

    /// What the point is called in labels and alt text.
    public var label: String {
        if let key { return key }
        if let date { return "\(DateText.shortMonth(date.month)) \(date.year)" }
        return ChartData.notStated
    }
}

/// A named sequence of points: one line, one stack layer, or the categories of a bar chart.
public struct Series: Sendable, Hashable, Codable {
    public var name: String
    public var points: [DataPoint]

    public init(name: String, points: [DataPoint]) {
        self.name = name
        self.points = points
    }
}

/// The data a chart draws, in the shape metrics produce: one or more series of points.
///
/// - Categories (bars, donut): one series, one point per category, `previous` for comparisons.
/// - Time series (line, area, sparkline): points with dates; several series for several lines.
/// - Stacked bars: one series per layer (e.g. activity kind), points keyed by the bar (e.g. year).
/// - KPI tiles: one point per tile, `key` the label, `previous` and `trend` optional.
public struct ChartData: Sendable, Hashable, Codable {
    public var series: [Series]
    /// Names of the periods ("2023", "2022") for direct labels and alt text.
    public var periodLabel: String?
    public var previousLabel: String?

    public init(series: [Series], periodLabel: String? = nil, previousLabel: String? = nil) {
        self.series = series
        self.periodLabel = periodLabel
        self.previousLabel = previousLabel
    }

    /// Categories with values (and previous values): the common case.
    public static func categories(_ rows: [(key: String?, value: Double, previous: Double?)], name: String = "",
                                  period: String? = nil, previousPeriod: String? = nil) -> ChartData {
        ChartData(series: [Series(name: name, points: rows.map { DataPoint(key: $0.key, value: $0.value, previous: $0.previous) })],
                  periodLabel: period, previousLabel: previousPeriod)
    }

    /// One dated series.
    public static func timeSeries(_ name: String, _ points: [(date: CalendarDate, value: Double)]) -> ChartData {
        ChartData(series: [Series(name: name, points: points.map { DataPoint(date: $0.date, value: $0.value) })])
    }

    /// The label of the group with no key.
    public static let notStated = "Not stated"

    /// True when there is nothing to draw: no points, or no finite value.
    public var isEmpty: Bool {
        !series.contains { $0.points.contains { $0.value.isFinite } }
    }

    /// All finite values (current and previous), for scale domains.
    var allValues: [Double] {
        series.flatMap { $0.points.flatMap { [$0.value] + ($0.previous.map { [$0] } ?? []) } }.filter(\.isFinite)
    }
}
