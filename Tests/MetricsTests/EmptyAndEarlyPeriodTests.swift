import Foundation
import Testing
@testable import Metrics
import Store

@Suite struct EmptyAndEarlyPeriodTests {
    @Test func anEmptyDatabaseGivesZerosNotErrors() throws {
        let f = try Fixture()
        defer { f.cleanup() }
        let m = try f.metrics(year(2023))
        for name in ["members.start", "members.end", "members.new", "members.lapsed", "countries.count",
                     "working_groups.total", "activities.count", "activities.participants", "partners.engaged"] {
            #expect(m.value(name) == 0, "\(name)")
        }
        // Ratios over zero members do not exist.
        #expect(m.value("members.growth") == nil)
        #expect(m.value("members.retention") == nil)
        #expect(m.value("engagement.rate") == nil)
        #expect(m.scalar("members.end")?.changePct == nil)
        #expect(m.grouped("members.monthly") == [])
        #expect(m.grouped("members.by_region") == [])
        #expect(m.grouped("activities.by_month")?.count == 12)
        #expect(m.grouped("activities.by_month")?.allSatisfy { $0.value == 0 && $0.share == nil } == true)
        #expect(m.notes == ["The database has no members and no activities yet: every count is zero."])
        let json = String(decoding: try m.jsonData(), as: UTF8.self)
        #expect(!json.contains("NaN"))
        #expect(json.contains("\"value\" : null"))
    }

    @Test func aPeriodBeforeTheFirstMemberSaysSo() throws {
        let f = try Fixture(edgeMembersSQL)
        defer { f.cleanup() }
        let m = try f.metrics(year(2018))
        #expect(m.value("members.end") == 0)
        #expect(m.value("members.growth") == nil)
        #expect(m.grouped("members.monthly") == [])
        #expect(m.pairs("members.by_region") == ["Africa: 0", "Europe & Central Asia: 0", "North America: 0"])
        #expect(m.notes == ["The period ends before the first data (2020-01-01): every count is zero."])
    }

    @Test func aPeriodWhosePreviousPeriodIsBeforeAnyDataSaysSo() throws {
        let f = try Fixture(edgeMembersSQL)
        defer { f.cleanup() }
        let m = try f.metrics(year(2020))
        #expect(m.value("members.new") == 1)
        #expect(m.notes == ["The previous period (2019-01-01 to 2019-12-31) ends before the first data (2020-01-01): there is nothing to compare with."])
    }

    @Test func aPeriodEndingInTheFutureSaysSo() throws {
        let f = try Fixture(edgeMembersSQL)
        defer { f.cleanup() }
        let m = try f.metrics(year(2023), today: date("2023-06-30"))
        #expect(m.notes == ["The period ends after today (2023-06-30): numbers for later days are not known yet."])
        #expect(m.value("members.end") == 4)
    }

    @Test func defaultPeriodIsTheLastCalendarYearWithData() throws {
        let f = try Fixture(edgeMembersSQL)
        defer { f.cleanup() }
        // The latest data before 2024 is member 6 joining on 2023-12-31.
        #expect(try f.engine().defaultPeriod(today: date("2024-05-01")) == year(2023))
        // Data of the current year does not count: that year is not complete.
        #expect(try f.engine().defaultPeriod(today: date("2023-12-31")) == year(2022))
        let empty = try Fixture()
        defer { empty.cleanup() }
        #expect(try empty.engine().defaultPeriod(today: date("2026-03-01")) == year(2025))
    }
}
