@testable import Charts
import Foundation
import Base
import Testing

@Suite("Compile") struct CompileTests {
    @Test(arguments: ChartGallery.entries.indices)
    func everyGalleryChartIsValid(index: Int) {
        let entry = ChartGallery.entries[index]
        for width in [460.0, 220] {
            let chart = compile(entry.spec, entry.data, width: width)
            #expect(allFinite(chart), "\(entry.section)")
            #expect(chart.size.width == width && chart.size.height > 0)
            // Every label inside the box, none overlapping another.
            let bounds = Rect(x: 0, y: 0, width: chart.size.width, height: chart.size.height)
            for t in chart.texts { #expect(bounds.contains(box(t), tolerance: 0.5), "\(entry.section) @\(width): '\(t.text)' outside") }
            let pairs = collisions(chart)
            #expect(pairs.isEmpty, "\(entry.section) @\(width): \(pairs)")
            // The alternative text names the chart and reads out its data.
            let subject = entry.spec.title ?? entry.spec.data
            #expect(chart.altText.hasPrefix(subject), "\(entry.section): \(chart.altText)")
            #expect(chart.altText.hasSuffix("."), "\(entry.section): \(chart.altText)")
            if let first = entry.data.series.first?.points.first(where: { $0.value.isFinite }) {
                #expect(chart.altText.contains(first.label) || chart.altText.contains("more"), "\(entry.section): \(chart.altText)")
            } else {
                #expect(chart.altText.hasSuffix(": no data for this period."), "\(entry.section): \(chart.altText)")
            }
        }
    }

    @Test(arguments: 1...40)
    func oneToFortyCategoriesGiveNonOverlappingLabels(count: Int) {
        for type in [ChartType.bar, .column] {
            let chart = compile(ChartSpec(type: type, data: "members.by_country", title: "Members by country"), GallerySampleData.membersByCountry(count: count))
            #expect(chart.marks.filter { $0.kind == .bar }.count == count)
            #expect(collisions(chart).isEmpty, "\(type) × \(count)")
            #expect(allFinite(chart))
        }
    }

    @Test func noDataDrawsAClearPanel() {
        let chart = compile(ChartSpec(type: .line, data: "members.monthly", title: "Members"), ChartData(series: [Series(name: "m", points: [])]))
        #expect(chart.texts.map(\.text).contains("No data for this period"))
        #expect(chart.altText == "Members: no data for this period.")
    }

    @Test func limitFoldsTheRestIntoOther() {
        let chart = compile(ChartSpec(type: .bar, data: "members.by_country", limit: 10), GallerySampleData.membersByCountry())
        let bars = chart.marks.filter { $0.kind == .bar }
        #expect(bars.count == 11)
        #expect(bars.last!.category == "Other")
        let total = GallerySampleData.membersByCountry().series[0].points.reduce(0) { $0 + $1.value }
        #expect(abs(bars.reduce(0) { $0 + $1.value } - total) < 1e-9)
        #expect(!chart.notes.isEmpty)
    }

    @Test func altTextReadsTheData() {
        let spec = ChartSpec(type: .bar, data: "members.by_region", title: "Members by region")
        let alt = compile(spec, GallerySampleData.membersByRegion(compare: false)).altText
        #expect(alt.hasPrefix("Members by region, 2023: Africa 546, Asia-Pacific 347, Latin America & Caribbean 212"))
        let line = compile(ChartSpec(type: .line, data: "members.monthly", title: "Members"), .timeSeries("m", GallerySampleData.monthlyMembers())).altText
        #expect(line == "Members: from 5 in Jun 2021 to 1,640 in Dec 2023.")
        let donut = compile(ChartSpec(type: .donut, data: "members.by_sector", title: "Sectors"), GallerySampleData.membersBySector()).altText
        #expect(donut.contains("government 501 (31%)"))
    }

    @Test func nullKeysReadAsNotStated() {
        let chart = compile(ChartSpec(type: .bar, data: "members.by_sector"), .categories([("academia", 3, nil), (nil, 2, nil)]))
        #expect(chart.texts.map(\.text).contains("Not stated"))
    }

    @Test func highlightColourOverridesOneBar() {
        let spec = ChartSpec(type: .bar, data: "members.by_region", colors: ["Africa": "#d55e00"])
        let chart = compile(spec, GallerySampleData.membersByRegion(compare: false))
        #expect(chart.marks.first { $0.category == "Africa" }!.color == Color(hex: "#d55e00"))
        #expect(chart.marks.first { $0.category == "North America" }!.color != Color(hex: "#d55e00"))
    }

    @Test func fixedHeightIsRespected() {
        let chart = compile(ChartSpec(type: .line, data: "m", title: "T", height: 180), .timeSeries("m", GallerySampleData.monthlyMembers()))
        #expect(chart.size.height == 180)
    }
}

@Suite("Compile: hostile input") struct HostileInputTests {
    @Test(arguments: ChartType.allCases)
    func nonFiniteValuesNeverReachTheGraphic(type: ChartType) {
        let points = [DataPoint(key: "a", date: CalendarDate(year: 2023, month: 1, day: 1)!, value: .nan, previous: .infinity, trend: [1, .nan, 3]),
                      DataPoint(key: "b", date: CalendarDate(year: 2023, month: 2, day: 1)!, value: 5, previous: .nan),
                      DataPoint(key: "c", date: CalendarDate(year: 2023, month: 3, day: 1)!, value: -.infinity)]
        let data = ChartData(series: [Series(name: "s", points: points), Series(name: "t", points: points)], periodLabel: "2023", previousLabel: "2022")
        for width in [460.0, 60, 0, .nan] {
            let chart = compile(ChartSpec(type: type, data: "x", title: "Hostile"), data, width: width)
            #expect(allFinite(chart), "\(type) @\(width)")
            #expect(chart.size.width > 0 && chart.size.height > 0)
        }
    }
}
