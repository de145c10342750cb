import Charts
import Foundation
import Base
import Testing

/// The gallery's marks and alt texts, checked in as text (`Golden/gallery.txt`), so every change
/// of chart output shows in review. After an intended change, regenerate with
/// `ALMANAC_UPDATE_GOLDEN=1 swift test --filter ChartsTests.GoldenTests` and review the diff.
@Suite("Golden") struct GoldenTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/gallery.txt")

    static func render() -> String {
        var charts = compiler()
        var out = ""
        func r(_ v: Double) -> String { String(format: "%.1f", v) }
        for entry in ChartGallery.entries {
            let chart = charts.compile(entry.spec, data: entry.data, width: 460)
            out += "## \(entry.section) — \(r(chart.size.width)) × \(r(chart.size.height))\n"
            out += "alt: \(chart.altText)\n"
            for m in chart.marks where m.kind != .point {
                let f = m.frame
                var line = "\(m.kind.rawValue) \(m.series.isEmpty ? "" : m.series + " / ")\(m.category) = \(m.value): \(r(f.x)) \(r(f.y)) \(r(f.width)) \(r(f.height)) \(m.color.hex)"
                if let a = m.angles { line += " \(r(a.lowerBound))°–\(r(a.upperBound))°" }
                out += line + "\n"
            }
            out += "text: " + chart.texts.map(\.text).joined(separator: " | ") + "\n\n"
        }
        return out
    }

    @Test func galleryMatchesTheCheckedInOutput() throws {
        let actual = Self.render()
        if ProcessInfo.processInfo.environment["ALMANAC_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: Self.file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: Self.file, encoding: .utf8)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(first == nil && a.count == e.count,
                "gallery output changed at line \((first?.offset ?? min(a.count, e.count)) + 1): \(first.map { "'\($0.element.1)' → '\($0.element.0)'" } ?? "length")")
    }
}
