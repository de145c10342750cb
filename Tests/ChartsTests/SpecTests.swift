@testable import Charts
import Foundation
import Testing

@Suite("Spec") struct SpecTests {
    @Test func specDecodesFromTheReportFormat() throws {
        let json = ##"{"type": "grouped_bar", "data": "members.by_region", "title": "By region", "compare": true, "sort": "value", "limit": 5, "colors": {"Africa": "#7a1f3d"}}"##
        let spec = try JSONDecoder().decode(ChartSpec.self, from: Data(json.utf8))
        #expect(spec.type == .groupedBar)
        #expect(spec.limit == 5)
        #expect(spec.validate().isEmpty)
        #expect(ChartSpec(type: .bar, data: "x", limit: 0, colors: ["a": "blue"]).validate().count == 2)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ChartSpec.self, from: Data(#"{"type": "radar", "data": "x"}"#.utf8)) }
    }

    @Test func knownKeysAreExactlyTheSpecsFields() throws {
        let full = ChartSpec(type: .bar, data: "x", title: "t", caption: "c", source: "s", compare: true, sort: .key, limit: 3,
                             colors: ["a": "#000000"], orientation: .vertical, format: .percent, labels: false, other: 0.1,
                             height: 100, scope: "region")
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(full)) as! [String: Any]
        #expect(Set(object.keys) == Set(ChartSpec.knownKeys))
    }

    @Test func typeNamesAreLenient() {
        #expect(ChartType(name: "Stacked Bar") == .stackedBar)
        #expect(ChartType(name: "grouped_bars") == .groupedBar)
        #expect(ChartType(name: "kpi-tiles") == .kpi)
        #expect(ChartType(name: "radar") == nil)
    }

    @Test func defaultsFollowTheType() {
        #expect(ChartSpec(type: .bar, data: "x").resolvedOrientation == .horizontal)
        #expect(ChartSpec(type: .column, data: "x").resolvedOrientation == .vertical)
        #expect(ChartSpec(type: .groupedBar, data: "x").showsPrevious)
        #expect(!ChartSpec(type: .bar, data: "x").showsPrevious)
        #expect(ChartSpec(type: .donut, data: "x").resolvedSort == .value)
        #expect(ChartSpec(type: .line, data: "x").resolvedSort == .given)
        #expect(ChartSpec(type: .bar, data: "members.by_region").colorScope == "region")
        #expect(ChartSpec(type: .bar, data: "members.by_region", scope: "area").colorScope == "area")
    }
}
