import Charts
import Testing

@Suite("Data") struct DataTests {
    @Test func datesParseMonthsAndDays() {
        #expect(ChartDate(iso: "2023-12") == ChartDate(year: 2023, month: 12, day: 1))
        #expect(ChartDate(iso: "2023-12-31") == ChartDate(year: 2023, month: 12, day: 31))
        #expect(ChartDate(iso: "2023-13") == nil)
        #expect(ChartDate(iso: "December") == nil)
        #expect(ChartDate(year: 2022, month: 12, day: 31) < ChartDate(year: 2023, month: 1))
    }

    @Test func emptinessMeansNothingFiniteToDraw() {
        #expect(ChartData(series: []).isEmpty)
        #expect(ChartData(series: [Series(name: "s", points: [])]).isEmpty)
        #expect(ChartData.categories([("a", .nan, nil)]).isEmpty)
        #expect(!ChartData.categories([("a", 0, nil)]).isEmpty)
    }

    @Test func pointsAreLabelledByKeyDateOrNotStated() {
        #expect(DataPoint(key: "Africa", value: 1).label == "Africa")
        #expect(DataPoint(date: ChartDate(year: 2023, month: 6, day: 30), value: 1).label == "Jun 2023")
        #expect(DataPoint(value: 1).label == "Not stated")
    }
}
