/// Every chart type and every edge case, as (spec, data) pairs: the gallery document, the
/// benchmark's mix of charts and the tests' "every chart is valid" sweep all draw from this list.
import Base
public enum ChartGallery {
    /// One gallery chart: a section name, what it shows, and what to compile.
    public struct Entry: Sendable {
        public var section: String
        public var spec: ChartSpec
        public var data: ChartData
    }

    public static var entries: [Entry] { types + edgeCases }

    /// The chart types the reports use, on sample-like data.
    public static var types: [Entry] {
        let d = GallerySampleData.self
        let src = "membership database, 31 December 2023"
        return [
            Entry(section: "KPI tiles", spec: ChartSpec(type: .kpi, data: "kpis", title: "2023 at a glance"), data: d.keyFigures()),
            Entry(section: "Line", spec: ChartSpec(type: .line, data: "members.monthly", title: "Members at each month end, June 2021 – December 2023",
                                                   caption: "Membership grew by half in 2023, after more than doubling in 2022.", source: src),
                  data: .timeSeries("members", d.monthlyMembers())),
            Entry(section: "Grouped bars", spec: ChartSpec(type: .groupedBar, data: "members.by_region", title: "Members by region, end of 2022 and end of 2023", source: src),
                  data: d.membersByRegion()),
            Entry(section: "Bars", spec: ChartSpec(type: .bar, data: "members.by_sector", title: "Members by sector, end of 2023"), data: d.membersBySector()),
            Entry(section: "Bars with comparison", spec: ChartSpec(type: .bar, data: "activities.by_kind", title: "Activities by kind, 2023 and 2022", compare: true),
                  data: d.activitiesByKind()),
            Entry(section: "Donut", spec: ChartSpec(type: .donut, data: "members.by_sector", title: "Members by sector, end of 2023"), data: d.membersBySector()),
            Entry(section: "Stacked columns", spec: ChartSpec(type: .stackedBar, data: "activities.by_kind", title: "Activities by kind and year"),
                  data: d.activitiesByKindAndYear()),
            Entry(section: "Stacked bars", spec: ChartSpec(type: .stackedBar, data: "members.by_sector", title: "Members by sector in each region, end of 2023",
                                                           orientation: .horizontal), data: d.sectorsByRegion()),
            Entry(section: "Lines, one per region", spec: ChartSpec(type: .line, data: "members.by_region", title: "Members at each month end, by region"),
                  data: d.monthlyByRegion()),
            Entry(section: "Area", spec: ChartSpec(type: .area, data: "members.monthly", title: "Members at each month end, 2023", height: 170),
                  data: .timeSeries("members", Array(d.monthlyMembers().suffix(13)))),
            Entry(section: "Line against the previous year", spec: ChartSpec(type: .line, data: "members.monthly", title: "Members at each month end, 2023 against 2022", compare: true, height: 190),
                  data: d.monthlyAgainstPreviousYear()),
            Entry(section: "Columns", spec: ChartSpec(type: .column, data: "members.by_region", title: "Members by region, end of 2023"),
                  data: d.membersByRegion(compare: false)),
            Entry(section: "Grouped columns", spec: ChartSpec(type: .groupedBar, data: "activities.by_kind", title: "Activities by kind, 2022 and 2023", orientation: .vertical),
                  data: d.activitiesByKind()),
            Entry(section: "Pie", spec: ChartSpec(type: .pie, data: "members.by_region", title: "Members by region, end of 2023"), data: d.membersByRegion(compare: false)),
            Entry(section: "Sparkline", spec: ChartSpec(type: .sparkline, data: "members.monthly", title: "Members, 2021–2023", height: 50),
                  data: .timeSeries("members", d.monthlyMembers())),
        ]
    }

    /// The cases that break naive charts.
    public static var edgeCases: [Entry] {
        let d = GallerySampleData.self
        let long = [
            "Association of Municipal Finance Officers and Local Treasurers",
            "राष्ट्रीय नगरपालिका वित्त अधिकारी एवं स्थानीय कोषाध्यक्ष संघ",
            "สมาคมเจ้าหน้าที่การเงินเทศบาลและเหรัญญิกท้องถิ่นแห่งประเทศไทย",
            "地方公共财政官员与市政司库协会亚太区域分会",
            "الرابطة الإقليمية لمسؤولي المالية البلدية وأمناء الخزينة",
            "Independent",
        ]
        return [
            Entry(section: "No data", spec: ChartSpec(type: .bar, data: "activities.by_kind", title: "Activities by kind, January 2024"), data: ChartData(series: [])),
            Entry(section: "One data point", spec: ChartSpec(type: .line, data: "members.monthly", title: "Members at month end, December 2023", height: 140),
                  data: .timeSeries("members", [(CalendarDate(year: 2023, month: 12, day: 31)!, 1640)])),
            Entry(section: "One category", spec: ChartSpec(type: .bar, data: "members.by_region", title: "Members by region (one region)"),
                  data: .categories([("Africa", 546, 349)], period: "2023", previousPeriod: "2022")),
            Entry(section: "All zeros", spec: ChartSpec(type: .column, data: "activities.by_kind", title: "Activities by kind, all zero"),
                  data: .categories(d.kinds.map { ($0, 0, nil) })),
            Entry(section: "All zeros (donut)", spec: ChartSpec(type: .donut, data: "members.by_sector", title: "Members by sector, all zero"),
                  data: .categories(d.sectors.map { ($0, 0, nil) })),
            Entry(section: "Negative changes", spec: ChartSpec(type: .groupedBar, data: "members.by_region", title: "Members by region, some regions shrinking"),
                  data: .categories([("Africa", 512, 546), ("Asia-Pacific", 388, 347), ("Europe & Central Asia", 150, 194),
                                     ("Latin America & Caribbean", 212, 212), ("Middle East & North Africa", 0, 12), ("North America", 203, 164)],
                                    period: "2024", previousPeriod: "2023")),
            Entry(section: "Negative values", spec: ChartSpec(type: .bar, data: "members.change", title: "Net change in members by region, 2024", sort: .value),
                  data: .categories([("Africa", -34, nil), ("Asia-Pacific", 41, nil), ("Europe & Central Asia", -44, nil),
                                     ("Latin America & Caribbean", 0, nil), ("Middle East & North Africa", -12, nil), ("North America", 39, nil)])),
            Entry(section: "One huge outlier", spec: ChartSpec(type: .column, data: "activities.participants", title: "Participants by activity kind, 2023"),
                  data: .categories([("webinar", 4_812, nil), ("newsletter", 36, nil), ("online course", 212, nil), ("convening", 95, nil), ("dataset", 7, nil)])),
            Entry(section: "40 categories", spec: ChartSpec(type: .bar, data: "members.by_country", title: "Members by country, end of 2023"),
                  data: d.membersByCountry()),
            Entry(section: "40 columns", spec: ChartSpec(type: .column, data: "members.by_country", title: "Members by country, end of 2023 (columns)", height: 260),
                  data: d.membersByCountry()),
            Entry(section: "Top 10 and Other", spec: ChartSpec(type: .bar, data: "members.by_country", title: "Members by country, top ten", limit: 10),
                  data: d.membersByCountry()),
            Entry(section: "Long names in several scripts", spec: ChartSpec(type: .bar, data: "members.by_organization", title: "Members by association"),
                  data: .categories(long.enumerated().map { ($1, Double(120 - $0 * 17), nil) })),
            Entry(section: "Long names under columns", spec: ChartSpec(type: .column, data: "members.by_organization", title: "Members by association (columns)"),
                  data: .categories(long.enumerated().map { ($1, Double(120 - $0 * 17), nil) })),
            Entry(section: "Many small slices", spec: ChartSpec(type: .donut, data: "members.by_country", title: "Members by country: small slices folded into Other"),
                  data: d.membersByCountry(count: 14)),
            Entry(section: "Not stated and percentages", spec: ChartSpec(type: .bar, data: "engagement.by_sector", title: "Engagement rate by sector, 2023", format: .percent),
                  data: .categories([("government", 0.62, nil), ("academia", 0.55, nil), ("civil society", 0.481, nil), (nil, 0.12, nil)])),
        ]
    }
}
