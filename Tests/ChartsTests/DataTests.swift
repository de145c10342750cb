import Base
import Charts
import Testing

@Suite("Data") struct DataTests {
    @Test func emptinessMeansNothingFiniteToDraw() {
        #expect(ChartData(series: []).isEmpty)
        #expect(ChartData(series: [Series(name: "s", points: [])]).isEmpty)
        #expect(ChartData.categories([("a", .nan, nil)]).isEmpty)
        #expect(!ChartData.categories([("a", 0, nil)]).isEmpty)
    }

    @Test func pointsAreLabelledByKeyDateOrNotStated() {
        #expect(DataPoint(key: "Africa", value: 1).label == "Africa")
        #expect(DataPoint(date: CalendarDate(year: 2023, month: 6, day: 30)!, value: 1).label == "Jun 2023")
        #expect(DataPoint(value: 1).label == "Not stated")
    }
}
