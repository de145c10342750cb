/// Realistic data shaped like the sample organization's (2023 against 2022), for the gallery, the
/// benchmark and the tests. Deterministic: no randomness, no clock.
import Base
public enum GallerySampleData {
    public static let regions = [
        "Africa", "Asia-Pacific", "Europe & Central Asia", "Latin America & Caribbean",
        "Middle East & North Africa", "North America",
    ]
    static let regions2023: [Double] = [546, 347, 194, 212, 138, 203]
    static let regions2022: [Double] = [349, 203, 161, 129, 66, 164]

    public static let kinds = ["webinar", "newsletter", "online course", "knowledge product", "dataset", "convening", "technical support"]
    static let kinds2023: [Double] = [18, 12, 8, 10, 4, 9, 5]
    static let kinds2022: [Double] = [9, 6, 3, 3, 1, 2, 1]
    static let kinds2021: [Double] = [3, 2, 0, 1, 0, 1, 0]

    public static let sectors = ["government", "academia", "civil society", "development partner", "private sector", "independent"]
    static let sectors2023: [Double] = [501, 321, 245, 240, 128, 205]

    /// Active members at each month end, June 2021 to December 2023: a launch, then steady growth
    /// (406 at the end of 2021, 1,072 at the end of 2022, 1,640 at the end of 2023).
    public static func monthlyMembers() -> [(date: CalendarDate, value: Double)] {
        let anchors: [(month: Int, value: Double)] = [(0, 5), (6, 406), (18, 1072), (30, 1640)]
        var result: [(CalendarDate, Double)] = []
        for m in 0...30 {
            let index = 2021 * 12 + 5 + m
            let date = CalendarDate(monthIndex: index).endOfMonth
            let seg = anchors.indices.dropLast().last { anchors[$0].month <= m } ?? 0
            let a = anchors[seg], b = anchors[min(seg + 1, anchors.count - 1)]
            let t = b.month == a.month ? 0 : Double(m - a.month) / Double(b.month - a.month)
            // Slightly concave within each year (strong starts), plus a small fixed wobble.
            let eased = t * (1.15 - 0.15 * t)
            let wobble = anchors.contains { $0.month == m } ? 0 : Double([3, -4, 6, -2, 5, -3, 2][m % 7])
            result.append((date, (a.value + (b.value - a.value) * eased + wobble).rounded()))
        }
        return result
    }

    /// 2023's month ends, each with the same month of 2022 as its previous value.
    public static func monthlyAgainstPreviousYear() -> ChartData {
        let months = monthlyMembers()
        let points = months.suffix(12).map { m -> DataPoint in
            let before = months.first { $0.date.year == m.date.year - 1 && $0.date.month == m.date.month }?.value
            return DataPoint(date: m.date, value: m.value, previous: before)
        }
        return ChartData(series: [Series(name: "members", points: points)], periodLabel: "2023", previousLabel: "2022")
    }

    public static func membersByRegion(compare: Bool = true) -> ChartData {
        .categories(zip(regions, zip(regions2023, regions2022)).map { ($0, $1.0, compare ? $1.1 : nil) },
                    name: "members", period: "2023", previousPeriod: "2022")
    }

    public static func activitiesByKind() -> ChartData {
        .categories(zip(kinds, zip(kinds2023, kinds2022)).map { ($0, $1.0, $1.1) }, name: "activities", period: "2023", previousPeriod: "2022")
    }

    public static func membersBySector() -> ChartData {
        .categories(zip(sectors, sectors2023).map { ($0, $1, nil) }, name: "members", period: "2023")
    }

    /// Activities by kind in each year: one stack layer per kind.
    public static func activitiesByKindAndYear() -> ChartData {
        let years = ["2021", "2022", "2023"]
        let byYear = [kinds2021, kinds2022, kinds2023]
        return ChartData(series: kinds.enumerated().map { i, kind in
            Series(name: kind, points: years.enumerated().map { y, year in DataPoint(key: year, value: byYear[y][i]) })
        }, periodLabel: "2021–2023")
    }

    /// Members by sector within each region (stacked across).
    public static func sectorsByRegion() -> ChartData {
        let shares: [[Double]] = [
            [0.33, 0.20, 0.16, 0.14, 0.07, 0.10], [0.30, 0.22, 0.14, 0.15, 0.09, 0.10], [0.26, 0.24, 0.15, 0.13, 0.10, 0.12],
            [0.31, 0.18, 0.19, 0.14, 0.08, 0.10], [0.35, 0.17, 0.13, 0.16, 0.08, 0.11], [0.22, 0.25, 0.15, 0.12, 0.12, 0.14],
        ]
        return ChartData(series: sectors.enumerated().map { s, sector in
            Series(name: sector, points: regions.enumerated().map { r, region in
                DataPoint(key: region, value: (regions2023[r] * shares[r][s]).rounded())
            })
        }, periodLabel: "2023")
    }

    /// Month-end members per region (several lines).
    public static func monthlyByRegion() -> ChartData {
        let total = monthlyMembers()
        let weights = zip(regions2023, regions2022).map { ($0, $1) }
        return ChartData(series: regions.enumerated().map { r, region in
            Series(name: region, points: total.enumerated().map { m, p in
                // Each region's share drifts from its 2022 share to its 2023 share.
                let t = min(1, Double(m) / 30)
                let share = (weights[r].1 / 1072) * (1 - t) + (weights[r].0 / 1640) * t
                return DataPoint(date: p.date, value: (p.value * share).rounded())
            })
        })
    }

    /// The year's key figures.
    public static func keyFigures() -> ChartData {
        let monthly = monthlyMembers().map(\.value)
        return ChartData(series: [Series(name: "kpis", points: [
            DataPoint(key: "Members, end of 2023", value: 1640, previous: 1072, trend: Array(monthly.suffix(13))),
            DataPoint(key: "Countries represented", value: 94, previous: 94),
            DataPoint(key: "Activities", value: 66, previous: 25, trend: [3, 9, 14, 19, 25, 33, 41, 47, 52, 58, 61, 66]),
            DataPoint(key: "Members who left", value: 38, previous: 21, lowerIsBetter: true),
        ])], periodLabel: "2023", previousLabel: "2022")
    }

    /// 40 countries with a long tail: the many-categories case.
    public static func membersByCountry(count: Int = 40) -> ChartData {
        let names = ["Kenya", "Nigeria", "India", "Philippines", "Ghana", "South Africa", "Brazil", "Mexico", "United States",
                     "Indonesia", "Uganda", "Colombia", "Canada", "Egypt", "Jordan", "Morocco", "Peru", "Tanzania", "Viet Nam",
                     "Pakistan", "Bangladesh", "Ethiopia", "Rwanda", "Senegal", "Chile", "Argentina", "Tunisia", "Lebanon",
                     "Nepal", "Sri Lanka", "Thailand", "Germany", "France", "United Kingdom", "Ukraine", "Georgia",
                     "Kazakhstan", "Zambia", "Malawi", "Bolivia (Plurinational State of)"]
        let rows = (0..<min(count, names.count)).map { i in (key: Optional(names[i]), value: (190 / (1 + Double(i) * 0.45)).rounded(), previous: Double?.none) }
        return .categories(rows, name: "members", period: "2023")
    }
}
