@testable import Charts
import Base
import Testing

@Suite("Marks") struct MarksTests {
    let sample = GallerySampleData.self

    @Test(arguments: [ChartType.bar, .column])
    func barLengthsAreProportionalToValuesFromZero(type: ChartType) {
        let chart = compile(ChartSpec(type: type, data: "members.by_sector"), sample.membersBySector())
        let bars = chart.marks.filter { $0.kind == .bar }
        #expect(bars.count == 6)
        let horizontal = type == .bar
        let lengths = bars.map { horizontal ? $0.frame.width : $0.frame.height }
        // Every bar starts at the same baseline (zero) …
        let starts = bars.map { horizontal ? $0.frame.x : $0.frame.maxY }
        #expect(Set(starts.map { ($0 * 100).rounded() }).count == 1)
        // … and length / value is the same for all.
        let ratios = zip(lengths, bars.map(\.value)).map { $0 / $1 }
        #expect(ratios.allSatisfy { abs($0 - ratios[0]) < 1e-6 })
    }

    @Test func barsSortByValueByDefault() {
        let chart = compile(ChartSpec(type: .bar, data: "members.by_sector"), sample.membersBySector())
        let values = chart.marks.filter { $0.kind == .bar }.map(\.value)
        #expect(values == values.sorted(by: >))
        let given = compile(ChartSpec(type: .bar, data: "members.by_sector", sort: .given), sample.membersBySector())
        #expect(given.marks.filter { $0.kind == .bar }.map(\.category) == sample.sectors)
    }

    @Test func groupedBarsShowBothPeriodsAndTheChange() {
        let chart = compile(ChartSpec(type: .groupedBar, data: "members.by_region"), sample.membersByRegion())
        #expect(chart.marks.filter { $0.kind == .bar }.count == 6)
        #expect(chart.marks.filter { $0.kind == .previousBar }.count == 6)
        let texts = chart.texts.map(\.text)
        #expect(texts.contains("+56%")) // Africa: 349 → 546
        #expect(texts.contains("2022") && texts.contains("2023")) // periods labelled directly
        let africa = chart.marks.first { $0.kind == .bar && $0.category == "Africa" }!
        let before = chart.marks.first { $0.kind == .previousBar && $0.category == "Africa" }!
        #expect(abs(africa.frame.width / before.frame.width - 546.0 / 349.0) < 1e-6)
    }

    @Test func periodNamesGoInsideTheFirstBandWithRoomForThem() {
        let data = ChartData.categories([("Convening", 46, 1), ("Webinar", 10, 8), ("Dataset", 1, 0)], period: "2023", previousPeriod: "2022")
        let chart = compile(ChartSpec(type: .groupedBar, data: "activities.by_kind"), data)
        let tags = chart.texts.filter { $0.text == "2022" || $0.text == "2023" }
        #expect(tags.count == 2)
        // Both inside Webinar's bars (Convening's 2022 bar is too short to hold its name).
        let webinar = chart.marks.filter { $0.category == "Webinar" }
        for tag in tags { #expect(webinar.contains { $0.frame.contains(box(tag), tolerance: 1) }) }
    }

    @Test func negativeValuesExtendLeftOfTheBaseline() {
        let data = ChartData.categories([("A", -34, nil), ("B", 41, nil)])
        let chart = compile(ChartSpec(type: .bar, data: "x", sort: .given), data)
        let bars = chart.marks.filter { $0.kind == .bar }
        #expect(abs(bars[0].frame.maxX - bars[1].frame.x) < 1e-6)
        #expect(abs(bars[0].frame.width / bars[1].frame.width - 34.0 / 41.0) < 1e-6)
    }

    @Test func donutSlicesSumTo360AndFoldSmallOnes() {
        let data = ChartData.categories([("a", 500, nil), ("b", 300, nil), ("c", 180, nil), ("d", 10, nil), ("e", 6, nil), ("f", 4, nil)])
        let chart = compile(ChartSpec(type: .donut, data: "x"), data)
        let slices = chart.marks.filter { $0.kind == .slice }
        #expect(slices.map(\.category) == ["a", "b", "c", "Other"])
        #expect(slices.last!.value == 20)
        let sweep = slices.reduce(0) { $0 + ($1.angles!.upperBound - $1.angles!.lowerBound) }
        #expect(abs(sweep - 360) < 1e-9)
        for s in slices { #expect(abs((s.angles!.upperBound - s.angles!.lowerBound) / 360 - s.value / 1000) < 1e-9) }
        // Percentages shown add up to 100.
        let shares = chart.texts.map(\.text).filter { $0.hasSuffix("%") }.compactMap { Int($0.dropLast()) }
        #expect(shares.contains(50))
    }

    @Test func aSingleSmallSliceIsNotRenamedOther() {
        let data = ChartData.categories([("a", 98, nil), ("b", 2, nil)])
        let chart = compile(ChartSpec(type: .pie, data: "x"), data)
        #expect(chart.marks.filter { $0.kind == .slice }.map(\.category) == ["a", "b"])
    }

    @Test func lineAxisDoesNotWasteTheTopOfTheBox() {
        let chart = compile(ChartSpec(type: .line, data: "members.monthly", title: "Members"), .timeSeries("m", sample.monthlyMembers()))
        let points = chart.marks.filter { $0.kind == .point }
        #expect(points.count == 31)
        let top = points.map(\.frame.y).min()!, bottom = points.map(\.frame.y).max()!
        let texts = chart.texts
        // The last value is labelled directly, and the highest tick is below 1,640 (no "2,000").
        #expect(texts.contains { $0.text == "1,640" })
        #expect(!texts.contains { $0.text == "2,000" })
        #expect(top < bottom)
    }

    @Test func compareDrawsThePreviousYearUnderALine() {
        let chart = compile(ChartSpec(type: .line, data: "members.monthly", compare: true), sample.monthlyAgainstPreviousYear())
        let previous = chart.marks.filter { $0.kind == .point && $0.series == "2022" }
        let current = chart.marks.filter { $0.kind == .point && $0.series == "members" }
        #expect(previous.count == 12 && current.count == 12)
        // Same months, same x; lower values, lower on the page (larger y).
        for (p, c) in zip(previous, current) {
            #expect(abs(p.frame.x - c.frame.x) < 1e-9)
            #expect(p.frame.y > c.frame.y)
        }
        #expect(chart.texts.contains { $0.text == "2022" })
        #expect(chart.altText.contains("(2022: from 472 to 1,072)"))
    }

    @Test func severalLinesAreNamedAtTheirEnds() {
        let chart = compile(ChartSpec(type: .line, data: "members.by_region"), sample.monthlyByRegion())
        let ends = chart.texts.filter { t in sample.regions.contains { t.text == $0 || t.text.hasPrefix($0 + " ") } }
        #expect(ends.count == 6)
        #expect(collisions(chart).isEmpty)
    }

    @Test func stackedBarsCarryTheirTotals() {
        let chart = compile(ChartSpec(type: .stackedBar, data: "activities.by_kind"), sample.activitiesByKindAndYear())
        let texts = chart.texts.map(\.text)
        #expect(texts.contains("66") && texts.contains("25") && texts.contains("7"))
        // Segments of a bar stack without gaps larger than the hairline separator.
        let bar2023 = chart.marks.filter { $0.kind == .segment && $0.category == "2023" }.sorted { $0.frame.y < $1.frame.y }
        #expect(bar2023.count == 7)
        #expect(zip(bar2023, bar2023.dropFirst()).allSatisfy { abs($1.frame.y - $0.frame.maxY) < 1 })
    }

    @Test func textOnFillsReachesAA() {
        for entry in ChartGallery.entries {
            let chart = compile(entry.spec, entry.data)
            let fills = chart.marks.filter { [.segment, .slice, .tile].contains($0.kind) }
            for t in chart.texts {
                let b = box(t)
                let center = Point(b.x + b.width / 2, b.y + b.height / 2)
                guard let under = fills.last(where: { $0.kind != .slice && $0.frame.contains(Rect(x: center.x, y: center.y, width: 0, height: 0)) }) else { continue }
                #expect(Contrast.ratio(t.style.color, under.color) >= 4.5, "\(entry.section): '\(t.text)' on \(under.color)")
            }
        }
    }

    @Test func kpiTilesShowValueChangeAndSign() {
        let chart = compile(ChartSpec(type: .kpi, data: "kpis"), sample.keyFigures())
        #expect(chart.marks.filter { $0.kind == .tile }.count == 4)
        let texts = chart.texts.map(\.text)
        #expect(texts.contains("1,640"))
        #expect(texts.contains("+53%"))
        #expect(texts.contains("±0%"))
        // A rise in members who left is coloured as a loss.
        let left = chart.texts.first { $0.text == "+81%" }!
        let grew = chart.texts.first { $0.text == "+53%" }!
        #expect(left.style.color != grew.style.color)
        // Triangles beside changes: one per non-flat change.
        let triangles = chart.graphic.items.filter { if case .path(let p) = $0 { p.elements.count == 4 && p.fill != nil } else { false } }
        #expect(triangles.count == 3)
    }

    @Test func sparklineFitsItsBox() {
        let g = Sparkline.graphic([1, 5, 3, 8], size: Size(60, 16))
        for case .path(let p) in g.items {
            #expect(Rect(x: 0, y: 0, width: 60, height: 16).contains(p.bounds, tolerance: 0.6))
        }
    }
}
