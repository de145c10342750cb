import Base
import Testing
@testable import Store

@Suite("Export dates")
struct DateFormatTests {
    func d(_ y: Int, _ m: Int, _ day: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: day)! }

    @Test func isoDatesAndDateTimesAreAlwaysRead() {
        let f = DateFormat.standard
        #expect(f.parse("2025-03-14") == d(2025, 3, 14))
        #expect(f.parse("2025-03-14 15:00:00") == d(2025, 3, 14))
        #expect(f.parse("2025-03-14T15:00:00Z") == d(2025, 3, 14))
        #expect(f.parse("2025-03-14T23:30:00-05:00") == d(2025, 3, 14), "the calendar date in the stated offset")
        #expect(f.parse("2025-03-14T00:30:00+0200") == d(2025, 3, 14))
        #expect(f.parse("2025-03-14T15:00:00.123Z") == d(2025, 3, 14))
        #expect(f.parse("2025-03-14T25:00") == nil)
        #expect(f.parse("2023-02-29") == nil)
    }

    @Test func englishMonthNamesWithOrdinalsAndTimes() {
        let f = DateFormat.standard
        #expect(f.parse("Jan 5, 2023") == d(2023, 1, 5))
        #expect(f.parse("5 January 2023") == d(2023, 1, 5))
        #expect(f.parse("March 14th, 2025  3:00 PM") == d(2025, 3, 14))
        #expect(f.parse("22 Jan 2021 02:00 PM") == d(2021, 1, 22))
        #expect(f.parse("Friday, March 14, 2025") == d(2025, 3, 14))
        #expect(f.parse("1st Sept 2024") == d(2024, 9, 1))
        #expect(f.parse("22-Jan-2021") == d(2021, 1, 22))
        #expect(f.parse("Febtember 3, 2023") == nil)
    }

    @Test func numericDatesOnlyInTheStatedOrder() {
        #expect(DateFormat.standard.parse("03/04/2025") == nil, "never guessed")
        #expect(DateFormat("dmy")!.parse("03/04/2025") == d(2025, 4, 3))
        #expect(DateFormat("mdy")!.parse("03/04/2025") == d(2025, 3, 4))
        #expect(DateFormat("DD.MM.YYYY")!.parse("31.12.2023") == d(2023, 12, 31))
        #expect(DateFormat("YYYY/MM/DD")!.parse("2023/12/31") == d(2023, 12, 31))
        #expect(DateFormat("MM/DD/YYYY")!.parse("12/31/2023 14:00") == d(2023, 12, 31))
        #expect(DateFormat("mdy")!.parse("31/12/2023") == nil)
    }

    @Test func explicitPatterns() {
        #expect(DateFormat("DD-MMM-YYYY")!.parse("05-Mar-2024") == d(2024, 3, 5))
        #expect(DateFormat("YYYYMMDD")!.parse("20240305") == d(2024, 3, 5))
        #expect(DateFormat("D MMMM YYYY")!.parse("5 March 2024") == d(2024, 3, 5))
        #expect(DateFormat("nonsense") == nil)
    }

    @Test func aBadDateNamesTheFormatThatWouldReadIt() {
        #expect(DateFormat.standard.problem("31/12/2023") == "'31/12/2023' is not a date; --date-format dmy would read it")
        #expect(DateFormat.standard.problem("03/04/2023").contains("--date-format dmy or mdy"))
        #expect(DateFormat("mdy")!.problem("31/12/2023") == "'31/12/2023' is not a date in the format mdy; --date-format dmy would read it")
        #expect(DateFormat.standard.problem("soon").contains("YYYY-MM-DD"))
    }
}
