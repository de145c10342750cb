import Base
import Testing

@Suite("Number and date text")
struct NumberTextTests {
    @Test(arguments: [
        (1_639.0, 0, "1,639"), (1_234_567, 0, "1,234,567"), (999, 0, "999"), (1_000, 0, "1,000"), (-3, 0, "−3"),
        (-0.4, 0, "0"), (1_234.56, 1, "1,234.6"), (0.05, 2, "0.05"), (12.5, 0, "13"), (1e15, 0, "1,000,000,000,000,000"),
    ])
    func grouped(value: Double, decimals: Int, expected: String) {
        #expect(NumberText.grouped(value, decimals: decimals) == expected)
    }

    @Test func percentagesAndSignedChanges() {
        #expect(NumberText.percent(0.5234) == "52%")
        #expect(NumberText.percent(0.5234, decimals: 1) == "52.3%")
        #expect(NumberText.signed(563) == "+563")
        #expect(NumberText.signed(-12) == "−12")
        #expect(NumberText.signed(0) == "±0")
        #expect(NumberText.signed(0.2) == "±0", "rounds to zero: no change shown")
        #expect(NumberText.signedPercent(0.52) == "+52%")
        #expect(NumberText.signedPercent(-0.03) == "−3%")
        #expect(NumberText.signedPercent(0) == "±0%")
        #expect(NumberText.signedPoints(0.018, decimals: 1) == "+1.8 pts")
        #expect(NumberText.grouped(.nan) == "—")
    }

    @Test func dates() {
        #expect(DateText.long(year: 2023, month: 12, day: 31) == "31 December 2023")
        #expect(DateText.short(year: 2024, month: 2, day: 29) == "29 Feb 2024")
        #expect(DateText.monthYear(year: 2021, month: 6) == "June 2021")
    }
}

@Suite("Change: one policy for showing a change")
struct ChangeTests {
    @Test func countsChangeInPercentExceptOnSmallBases() {
        let c = Change(1639, from: 1076, rule: .percent)!
        #expect(c.signed == "+52%" && c.magnitude == "52%" && c.direction == .up)
        #expect(Change(5, from: 1, rule: .percent)!.signed == "+4")
        #expect(Change(5, from: 0, rule: .percent)!.rule == .difference)
        #expect(Change(1000, from: 1040, rule: .percent)!.signed == "\u{2212}3.8%")
        #expect(Change(7, from: 7, rule: .percent)!.direction == .level)
        #expect(Change(nil, from: 3, rule: .percent) == nil)
    }

    @Test func ratiosChangeInPointsAndSharedColumnsAgree() {
        #expect(Change(0.982, from: 0.97, rule: .points)!.signed == "+1.2 pts")
        #expect(Change.sharedRule(.percent, previousValues: [1000, 4]) == .difference)
        #expect(Change.sharedRule(.percent, previousValues: [1000, 40]) == .percent)
        #expect(Change.relative(3, from: 0) == nil)
        #expect(Change.relative(3, from: -2) == 2.5)
    }
}
