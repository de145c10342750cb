@testable import Charts
import Base
import Testing

@Suite("Axis") struct AxisTests {
    let style = TextStyle(size: 8)

    @Test func namesWrapWhenBandsAreWide() {
        let axis = CategoryAxis(names: ["Europe & Central Asia", "Africa"], step: 70, maxHeight: 60, style: style, measurer: FakeMeasurer())
        #expect(axis.mode == .wrapped(lines: 2))
        #expect(axis.lines[1] == ["Africa"])
    }

    @Test func namesRotateWhenBandsAreNarrow() {
        let axis = CategoryAxis(names: ["Kenya", "Nigeria", "India"], step: 16, maxHeight: 80, style: style, measurer: FakeMeasurer())
        #expect(axis.mode == .rotated)
    }

    @Test func namesThinOutWhenEvenRotatedLabelsWouldTouch() {
        let names = (1...40).map { "Country \($0)" }
        let axis = CategoryAxis(names: names, step: 6, maxHeight: 80, style: style, measurer: FakeMeasurer())
        guard case .thinned(let every) = axis.mode else { Issue.record("expected thinning, got \(axis.mode)"); return }
        // Parallel 45° labels `every` bands apart are at least a line apart.
        #expect(Double(every) * 6 * 0.7071 >= style.size * 1.2)
    }
}
