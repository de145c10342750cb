import Testing
@testable import Metrics
import Store

@Suite struct PeriodTests {
    @Test func calendarYearIsComparedWithThePreviousCalendarYear() {
        #expect(year(2023).previous == year(2022))
        // 2024 has 366 days and 2023 has 365: still the previous calendar year.
        #expect(year(2024).previous == year(2023))
        #expect(year(2023).calendarYear == 2023)
        #expect(year(2023).days == 365)
    }

    @Test func wholeMonthsAreComparedWithTheSameNumberOfMonthsBefore() {
        #expect(range("2023-07-01", "2024-06-30").previous == range("2022-07-01", "2023-06-30"))
        #expect(range("2024-01-01", "2024-03-31").previous == range("2023-10-01", "2023-12-31"))
        #expect(range("2024-02-01", "2024-02-29").previous == range("2024-01-01", "2024-01-31"))
        #expect(range("2022-01-01", "2023-12-31").previous == range("2020-01-01", "2021-12-31"))
    }

    @Test func otherRangesAreComparedWithTheSameNumberOfDaysBefore() {
        // 31 days ending March 14th, across a 28-day February.
        #expect(range("2023-03-15", "2023-04-14").previous == range("2023-02-12", "2023-03-14"))
        // 20 days ending on a leap day.
        #expect(range("2024-02-10", "2024-02-29").previous == range("2024-01-21", "2024-02-09"))
        // 10 days just after a leap day: the 10 days before include February 29th.
        #expect(range("2024-03-01", "2024-03-10").previous == range("2024-02-20", "2024-02-29"))
        #expect(range("2023-05-05", "2023-05-05").previous == range("2023-05-04", "2023-05-04"))
        #expect(range("2023-03-15", "2023-04-14").previous.days == 31)
    }

    @Test func aRangeMustRunForwards() {
        #expect(Period(start: date("2023-02-01"), end: date("2023-01-31")) == nil)
        #expect(Period.year(0) == nil)
    }
}
