import Base
import Charts
import Testing

@Suite("Scale") struct ScaleTests {
    @Test func linearScaleMapsDomainEndsToRangeEnds() {
        let s = LinearScale(domain: 0...200, range: (100, 0))
        #expect(s(0) == 100)
        #expect(s(200) == 0)
        #expect(s(50) == 75)
        #expect(s.baseline == 100)
    }

    @Test func degenerateDomainDoesNotDivideByZero() {
        let s = LinearScale(domain: 5...5, range: (0, 10))
        #expect(s(5).isFinite)
        #expect(s(.nan).isFinite)
    }

    @Test func bandScaleFillsTheRangeWithEqualBands() {
        let b = BandScale(count: 4, range: (0, 100), paddingInner: 0.2, paddingOuter: 0.1)
        #expect(abs(b.start(0) - b.step * 0.1) < 1e-9)
        #expect(abs(b.start(3) + b.bandwidth + b.step * 0.1 - 100) < 1e-9)
        #expect(b.bandwidth < b.step)
    }

    @Test func timeScaleIsMonotonicAcrossMonthsOfDifferentLength() {
        let t = TimeScale(first: CalendarDate(year: 2023, month: 1, day: 1)!, last: CalendarDate(year: 2023, month: 12, day: 1)!, range: (0, 110))
        let xs = (1...12).map { t(CalendarDate(year: 2023, month: $0, day: 1)!) }
        #expect(zip(xs, xs.dropFirst()).allSatisfy { $0 < $1 })
        #expect(abs(xs[1] - xs[0] - 10) < 1e-9)
    }
}

@Suite("Scale: capped bands") struct CappedBandTests {
    @Test func cappedBandsKeepTheirRangeAndNarrow() {
        let wide = BandScale(count: 3, range: (0, 450), paddingInner: 0.3, paddingOuter: 0.15)
        let capped = wide.capped(at: 60)
        #expect(abs(capped.bandwidth - 60) < 1e-9)
        #expect(abs(capped.start(2) + capped.bandwidth + capped.step * capped.paddingOuter - 450) < 1e-9)
        #expect(BandScale(count: 40, range: (0, 450)).capped(at: 60) == BandScale(count: 40, range: (0, 450)))
    }
}
