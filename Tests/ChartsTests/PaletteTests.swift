@testable import Charts
import Base
import Testing

@Suite("Palette") struct PaletteTests {
    @Test func contrastRatioMatchesWCAG() {
        #expect(abs(Contrast.ratio(.black, .white) - 21) < 0.01)
        #expect(abs(Contrast.ratio(.white, .white) - 1) < 0.001)
    }

    @Test func textOnEveryPaletteColourReachesAA() {
        for fill in Color.okabeIto + [CategoryColors.neutral, ColorScheme().tile] {
            let text = Contrast.text(on: fill, dark: ColorScheme().text)
            #expect(Contrast.ratio(text, fill) >= 4.5, "text on \(fill)")
        }
    }

    @Test func readableDarkensLightColoursForLabels() {
        let orange = Color.okabeIto[1]
        #expect(Contrast.ratio(orange, .white) < 4.5)
        #expect(Contrast.ratio(Contrast.readable(orange), .white) >= 4.5)
    }

    @Test func aCategoryKeepsItsColourAcrossCharts() {
        var charts = compiler()
        let byRegion = charts.compile(ChartSpec(type: .donut, data: "members.by_region"), data: GallerySampleData.membersByRegion(compare: false), width: 400)
        // A later chart lists the regions in another order and fewer of them.
        let rows: [(key: String?, value: Double, previous: Double?)] = [("North America", 10, nil), ("Africa", 30, nil)]
        let later = charts.compile(ChartSpec(type: .pie, data: "members.by_region"), data: .categories(rows), width: 400)
        func color(_ chart: ChartLayout, _ name: String) -> Color? { chart.marks.first { $0.category == name }?.color }
        #expect(color(byRegion, "Africa") != nil)
        #expect(color(byRegion, "Africa") == color(later, "Africa"))
        #expect(color(byRegion, "North America") == color(later, "North America"))
        #expect(color(byRegion, "Africa") != color(byRegion, "North America"))
    }

    @Test func scopesKeepDimensionsApartAndOverridesWin() {
        var colors = CategoryColors(overrides: ["Africa": Color(hex: "#7a1f3d")!])
        let webinar = colors.color(for: "webinar", scope: "kind")
        let government = colors.color(for: "government", scope: "sector")
        #expect(webinar == government) // both first in their scope: the palette's best colour
        #expect(colors.color(for: "Africa", scope: "region") == Color(hex: "#7a1f3d"))
        #expect(colors.color(for: "Other", scope: "region") == CategoryColors.neutral)
    }
}
