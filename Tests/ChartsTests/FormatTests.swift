import Charts
import Testing

@Suite("Format") struct FormatTests {
    @Test func thousandsSeparatorsAreLocaleIndependent() {
        #expect(NumberFormat.number(1640) == "1,640")
        #expect(NumberFormat.number(1_234_567.891, decimals: 2) == "1,234,567.89")
        #expect(NumberFormat.number(999) == "999")
        #expect(NumberFormat.number(-4812) == "\u{2212}4,812")
        #expect(NumberFormat.number(-0.2) == "0")
    }

    @Test func percentagesAndSignedChanges() {
        #expect(NumberFormat.percent(0.53) == "53%")
        #expect(NumberFormat.percent(0.481, decimals: 1) == "48.1%")
        #expect(NumberFormat.signedPercent(0.52) == "+52%")
        #expect(NumberFormat.signedPercent(-0.03) == "\u{2212}3%")
        #expect(NumberFormat.signedPercent(0.001) == "±0%")
        #expect(NumberFormat.signedNumber(568) == "+568")
    }
}
