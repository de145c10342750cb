import Base
import Charts
import Testing

@Suite("Ticks") struct TicksTests {
    func isNice(_ step: Double) -> Bool {
        var m = step
        while m >= 10 { m /= 10 }
        while m < 1 { m *= 10 }
        return [1, 2, 5].contains { abs(m - Double($0)) < 1e-9 }
    }

    @Test(arguments: [(0.0, 1640.0), (0, 7), (0, 0.83), (-44, 41), (3, 4812), (0, 1), (12, 13)])
    func ticksAreNiceAndCoverTheData(lo: Double, hi: Double) {
        let t = NiceTicks(lower: lo, upper: hi)
        #expect(isNice(t.step))
        #expect(t.domain.lowerBound <= lo && t.domain.upperBound >= hi)
        #expect(t.values.first! <= lo)
        #expect(t.values.count >= 2 && t.values.count <= 12)
        #expect(zip(t.values, t.values.dropFirst()).allSatisfy { abs($1 - $0 - t.step) < t.step * 1e-6 })
    }

    @Test func tightAxisStopsAtTheNextMinorStepNotTheNextTick() {
        let t = NiceTicks(lower: 0, upper: 1640, count: 4, tight: true)
        #expect(t.values == [0, 500, 1000, 1500])
        #expect(t.domain.upperBound == 1700)
        // The data fills at least 90% of the axis (2,000 would leave 18% empty).
        #expect(1640 / t.domain.upperBound > 0.9)
    }

    @Test func allZeroValuesStillGiveAnAxis() {
        let t = NiceTicks(lower: 0, upper: 0)
        #expect(t.domain.upperBound > 0)
        #expect(t.values.first == 0)
    }

    @Test func fractionalTicksHaveNoFloatingPointNoise() {
        let t = NiceTicks(lower: 0, upper: 0.7)
        #expect(t.values == [0, 0.2, 0.4, 0.6, 0.8])
        #expect(NiceTicks(lower: 0, upper: 0.3, count: 3).values == [0, 0.1, 0.2, 0.3])
        #expect(t.decimals == 1)
    }

    @Test func dateTicksFollowTheSpan() {
        let june21 = CalendarDate(year: 2021, month: 6, day: 30)!, dec23 = CalendarDate(year: 2023, month: 12, day: 31)!
        let years = DateTicks(first: june21, last: dec23)
        #expect(years.unit == .year)
        #expect(years.ticks.map(\.label) == [["Jun 2021"], ["2022"], ["2023"]])
        let quarters = DateTicks(first: CalendarDate(year: 2022, month: 1, day: 1)!, last: CalendarDate(year: 2023, month: 12, day: 1)!)
        #expect(quarters.unit == .quarter)
        #expect(quarters.ticks.count == 8)
        #expect(quarters.ticks[0].label == ["Jan", "2022"])
        let months = DateTicks(first: CalendarDate(year: 2023, month: 1, day: 1)!, last: CalendarDate(year: 2023, month: 12, day: 1)!)
        #expect(months.unit == .month)
        #expect(months.ticks.count == 12)
    }
}
