import Base
import Testing

@Suite("Calendar dates") struct CalendarDateTests {
    @Test func strictISOParsingRejectsImpossibleDays() {
        #expect(CalendarDate(iso: "2023-12-31") == CalendarDate(year: 2023, month: 12, day: 31))
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "2023-13-01") == nil)
        #expect(CalendarDate(iso: "2023-12") == nil)
        #expect(CalendarDate(iso: "December") == nil)
    }

    @Test func daysSinceEpochRoundTripsAcrossLeapYears() {
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
        #expect(CalendarDate(year: 2000, month: 3, day: 1)!.daysSinceEpoch == 11_017)
        for n in stride(from: -800_000, through: 2_900_000, by: 997) {
            #expect(CalendarDate(daysSinceEpoch: n).daysSinceEpoch == n)
        }
        #expect(CalendarDate(year: 2024, month: 2, day: 28)!.adding(days: 1).iso == "2024-02-29")
        #expect(CalendarDate(year: 2023, month: 2, day: 28)!.adding(days: 1).iso == "2023-03-01")
    }

    @Test func monthIndexCountsMonthsAndOrdersDates() {
        let june = CalendarDate(year: 2023, month: 6, day: 30)!
        #expect(CalendarDate(monthIndex: june.monthIndex) == CalendarDate(year: 2023, month: 6, day: 1))
        #expect(CalendarDate(monthIndex: 2023 * 12).iso == "2023-01-01")
        #expect(CalendarDate(year: 2022, month: 12, day: 31)! < CalendarDate(year: 2023, month: 1, day: 1)!)
        #expect(june.endOfMonth == june)
        #expect(CalendarDate(year: 2024, month: 2, day: 3)!.endOfMonth.iso == "2024-02-29")
    }

}

@Suite("Names") struct NameTests {
    @Test func nearMissSuggestsOnlyPlausibleTypos() {
        #expect(NearMiss.suggestion(for: "membres", in: ["members", "activities"]) == "members")
        #expect(NearMiss.suggestion(for: "activties", in: ["members", "activities"]) == "activities")
        #expect(NearMiss.suggestion(for: "xyz", in: ["members", "activities"]) == nil)
        #expect(NearMiss.hint(for: "membrs", in: ["members"]) == " (did you mean members?)")
        #expect(NearMiss.hint(for: "zzzzzz", in: ["members"]) == "")
    }

    @Test func slugsKeepLettersAndDigitsOfAnyScript() {
        #expect(Slug.make("Join Date", separator: "_") == "join_date")
        #expect(Slug.make("Europe & Central Asia", separator: "-") == "europe-central-asia")
        #expect(Slug.make("  Ásia—Pacífico 2 ", separator: "-") == "ásia-pacífico-2")
        #expect(Slug.make("!!!", separator: "-") == "")
    }
}
