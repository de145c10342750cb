import Testing
@testable import Metrics
import Store

/// Hand-built members whose counts are worked out below, for the period 2023 (previous: 2022).
///
///   id  country  sector         joined      left        notes
///   1   KE       government     2021-05-01  –           member throughout
///   2   KE       academia       2022-03-10  2023-01-01  left exactly on the period start
///   3   NG       –              2023-06-15  2023-06-15  joined and left the same day
///   4   –        academia       2023-02-01  –           no country
///   5   FR       government     2020-01-01  2022-07-01  left in the previous period
///   6   FR       '' (none)      2023-12-31  –           joined on the period's last day
///   7   NG       civil society  2022-12-31  2024-03-01  leaves after the period
///
/// Regions: Africa (KE, NG), Europe & Central Asia (FR), North America (US, nobody from there).
let referenceSQL = """
    INSERT INTO regions (id, name) VALUES (1, 'Africa'), (2, 'Europe & Central Asia'), (3, 'North America');
    INSERT INTO countries (code, name, region_id) VALUES ('KE', 'Kenya', 1), ('NG', 'Nigeria', 1), ('FR', 'France', 2), ('US', 'United States', 3);
    """

let edgeMembersSQL = referenceSQL + """
    INSERT INTO members (id, name, country_code, sector, joined_on, left_on) VALUES
      (1, 'Amina', 'KE', 'government', '2021-05-01', NULL),
      (2, 'Brian', 'KE', 'academia', '2022-03-10', '2023-01-01'),
      (3, 'Chidi', 'NG', NULL, '2023-06-15', '2023-06-15'),
      (4, 'Dana', NULL, 'academia', '2023-02-01', NULL),
      (5, 'Émile', 'FR', 'government', '2020-01-01', '2022-07-01'),
      (6, 'Fleur', 'FR', '', '2023-12-31', NULL),
      (7, 'Grace', 'NG', 'civil society', '2022-12-31', '2024-03-01');
    """

@Suite struct MembershipTests {
    @Test func countsAtTheEdgesOfThePeriod() throws {
        let f = try Fixture(edgeMembersSQL)
        defer { f.cleanup() }
        let m = try f.metrics(year(2023))
        // Active on 2022-12-31: 1, 2 (leaves the next day), 7 (joined that day).
        #expect(m.value("members.start") == 3)
        // Active on 2023-12-31: 1, 4, 6 (joined that day), 7. Not 2 (left 2023-01-01), not 3.
        #expect(m.value("members.end") == 4)
        // Joined in 2023: 3, 4, 6. Left in 2023: 2 (on the first day), 3 (the day it joined).
        #expect(m.value("members.new") == 3)
        #expect(m.value("members.lapsed") == 2)
        #expect(m.value("members.growth") == 1.0 / 3)
        // Of 1, 2, 7 at the start, 1 and 7 are still members at the end.
        #expect(m.value("members.retention") == 2.0 / 3)
        // KE (1), FR (6), NG (7); member 4 has no country.
        #expect(m.value("countries.count") == 3)
    }

    @Test func previousPeriodCounts() throws {
        let f = try Fixture(edgeMembersSQL)
        defer { f.cleanup() }
        let m = try f.metrics(year(2023))
        // 2022: start (2021-12-31) 1 and 5; end 1, 2, 7; joined 2 and 7; 5 left.
        #expect(m.previous("members.start") == 2)
        #expect(m.previous("members.end") == 3)
        #expect(m.previous("members.new") == 2)
        #expect(m.previous("members.lapsed") == 1)
        #expect(m.previous("members.growth") == 0.5)
        #expect(m.previous("members.retention") == 0.5)
        #expect(m.previous("countries.count") == 2)  // KE (1, 2) and NG (7)
        let end = try #require(m.scalar("members.end"))
        #expect(end.change == 1)
        #expect(end.changePct == 1.0 / 3)
    }

    @Test func groupsWithANullKeyAndARegionWithNoMembers() throws {
        let f = try Fixture(edgeMembersSQL)
        defer { f.cleanup() }
        let m = try f.metrics(year(2023))
        // At the end: Africa 1 and 7, Europe 6, no region 4; North America is listed with 0.
        #expect(m.pairs("members.by_region") == ["Africa: 2", "Europe & Central Asia: 1", "-: 1", "North America: 0"])
        let africa = try #require(m.row("members.by_region", key: "Africa"))
        #expect(africa.share == 0.5)
        #expect(africa.previous == 3)
        #expect(africa.changePct == -1.0 / 3)
        #expect(m.row("members.by_region", key: "North America")?.share == 0)
        #expect(m.row("members.by_region", key: nil)?.previous == 0)

        #expect(m.pairs("members.by_country") == ["FR: 1", "KE: 1", "NG: 1", "-: 1"])
        #expect(m.row("members.by_country", key: "KE")?.previous == 2)
        #expect(m.row("members.by_country", key: "FR")?.changePct == nil)
        // An empty sector counts as no sector, like NULL.
        #expect(m.pairs("members.by_sector") == ["academia: 1", "civil society: 1", "government: 1", "-: 1"])
        #expect(m.row("members.by_sector", key: "academia")?.previous == 1)
    }

    @Test func monthlySeriesRunsFromTheFirstJoinToThePeriodEnd() throws {
        let f = try Fixture(edgeMembersSQL)
        defer { f.cleanup() }
        let m = try f.metrics(year(2023))
        let monthly = try #require(m.grouped("members.monthly"))
        #expect(monthly.count == 48)  // 2020-01 … 2023-12
        #expect(monthly.first?.key == "2020-01")
        #expect(monthly.first?.value == 1)  // member 5
        #expect(m.row("members.monthly", key: "2021-05")?.value == 2)  // 1 joins
        #expect(m.row("members.monthly", key: "2022-06")?.value == 3)  // 1, 2, 5 (5 leaves July 1st)
        #expect(m.row("members.monthly", key: "2022-07")?.value == 2)
        #expect(monthly.last?.key == "2023-12")
        #expect(monthly.last?.value == m.value("members.end"))
        #expect(monthly.allSatisfy { $0.share == nil && $0.previous == nil })
    }

    @Test func aPeriodEndingOnALeapDay() throws {
        let f = try Fixture(referenceSQL + """
            INSERT INTO members (id, name, country_code, joined_on, left_on) VALUES
              (1, 'Hana', 'KE', '2024-02-29', NULL),
              (2, 'Ivo', 'FR', '2023-01-01', '2024-02-29'),
              (3, 'Jun', 'NG', '2024-01-15', NULL);
            """)
        defer { f.cleanup() }
        let m = try f.metrics(range("2024-02-01", "2024-02-29"))
        #expect(m.previousPeriod == range("2024-01-01", "2024-01-31"))
        #expect(m.value("members.start") == 2)  // 2 and 3 on January 31st
        #expect(m.value("members.end") == 2)  // 3, and 1 who joined on the 29th; 2 left that day
        #expect(m.value("members.new") == 1)
        #expect(m.value("members.lapsed") == 1)
        #expect(m.previous("members.start") == 1)
        #expect(m.previous("members.new") == 1)
        #expect(m.grouped("members.monthly")?.last?.key == "2024-02")
        #expect(m.grouped("members.monthly")?.count == 14)

        let days = try f.metrics(range("2024-02-10", "2024-02-29"))
        #expect(days.previousPeriod == range("2024-01-21", "2024-02-09"))
        #expect(days.value("members.end") == 2)
        #expect(days.previous("members.new") == 0)
    }

    @Test func aPeriodEndingMidMonthEndsTheSeriesOnItsLastDay() throws {
        let f = try Fixture(edgeMembersSQL)
        defer { f.cleanup() }
        let m = try f.metrics(range("2023-06-01", "2023-06-15"))
        // On June 15th: 1, 4, 7; member 3 joined and left that day.
        #expect(m.value("members.end") == 3)
        #expect(m.grouped("members.monthly")?.last == GroupRow(key: "2023-06", value: 3, share: nil, previous: nil))
    }
}
