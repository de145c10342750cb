import GRDB
import Testing
@testable import Metrics
import Store

/// Identities that hold for any data, checked on generated organizations of several sizes and
/// seeds, over calendar years, a fiscal year and an arbitrary range; plus every membership
/// count against a brute-force SQL count straight from DESIGN.md's definitions.
@Suite struct InvariantTests {
    static let periods = [year(2023), year(2022), year(2021), range("2022-07-01", "2023-06-30"), range("2023-03-15", "2023-04-14")]

    @Test(arguments: [(300, 1), (300, 7), (2_000, 11)] as [(Int, UInt64)])
    func identitiesHold(members: Int, seed: UInt64) throws {
        let f = try Fixture.sample(members: members, seed: seed)
        defer { f.cleanup() }
        for period in Self.periods {
            let m = try f.metrics(period)
            for (value, label) in [(\ScalarMetric.value, "value"), (\ScalarMetric.previous, "previous")] {
                let get = { (name: String) in m.scalar(name)?[keyPath: value] ?? -1 }
                #expect(get("members.end") == get("members.start") + get("members.new") - get("members.lapsed"), "\(period) \(label)")
            }
            let end = try #require(m.value("members.end"))
            let previousEnd = try #require(m.previous("members.end"))
            for name in ["members.by_region", "members.by_country", "members.by_sector"] {
                let rows = try #require(m.grouped(name))
                #expect(rows.reduce(0) { $0 + $1.value } == end, "\(name) \(period)")
                #expect(rows.reduce(0) { $0 + ($1.previous ?? 0) } == previousEnd, "\(name) previous \(period)")
                #expect(abs(rows.reduce(0) { $0 + ($1.share ?? 0) } - 1) < 1e-9, "\(name) shares \(period)")
            }
            #expect(m.grouped("members.monthly")?.last?.value == end)
            let count = try #require(m.value("activities.count"))
            for name in ["activities.by_kind", "activities.by_month", "activities.by_working_group"] {
                let rows = try #require(m.grouped(name))
                #expect(rows.reduce(0) { $0 + $1.value } == count, "\(name) \(period)")
                if count > 0 { #expect(abs(rows.reduce(0) { $0 + ($1.share ?? 0) } - 1) < 1e-9, "\(name) shares \(period)") }
            }
            for name in ["members.retention", "engagement.rate"] {
                if let r = m.value(name) { #expect((0...1).contains(r), "\(name) \(period)") }
            }
        }
    }

    @Test(arguments: [(300, 3), (2_000, 5)] as [(Int, UInt64)])
    func countsMatchTheDefinitionsCountedOneByOne(members: Int, seed: UInt64) throws {
        let f = try Fixture.sample(members: members, seed: seed)
        defer { f.cleanup() }
        let active = "joined_on <= :d AND (left_on IS NULL OR left_on > :d)"
        for period in Self.periods {
            let m = try f.metrics(period)
            for (p, field) in [(period, \ScalarMetric.value), (period.previous, \ScalarMetric.previous)] {
                let get = { (name: String) in m.scalar(name)?[keyPath: field] }
                let (s, e) = (p.start.iso, p.end.iso)
                let before = p.start.adding(days: -1).iso
                let start = try f.count("SELECT count(*) FROM members WHERE \(active)", ["d": before])
                let end = try f.count("SELECT count(*) FROM members WHERE \(active)", ["d": e])
                #expect(get("members.start") == Double(start), "\(p)")
                #expect(get("members.end") == Double(end), "\(p)")
                #expect(get("members.new") == Double(try f.count("SELECT count(*) FROM members WHERE joined_on BETWEEN ? AND ?", [s, e])), "\(p)")
                #expect(get("members.lapsed") == Double(try f.count("SELECT count(*) FROM members WHERE left_on BETWEEN ? AND ?", [s, e])), "\(p)")
                let stayed = try f.count("""
                    SELECT count(*) FROM members WHERE joined_on <= :b AND (left_on IS NULL OR left_on > :b)
                    AND (left_on IS NULL OR left_on > :e)
                    """, ["b": before, "e": e])
                #expect(get("members.retention") == (start == 0 ? nil : Double(stayed) / Double(start)), "\(p)")
                let engaged = try f.count("""
                    SELECT count(DISTINCT m.id) FROM attendance t JOIN activities a ON a.id = t.activity_id JOIN members m ON m.id = t.member_id
                    WHERE a.held_on BETWEEN :s AND :e AND m.joined_on <= :e AND (m.left_on IS NULL OR m.left_on > :e)
                    """, ["s": s, "e": e])
                #expect(get("engagement.rate") == (end == 0 ? nil : Double(engaged) / Double(end)), "\(p)")
                for plan in [ActivityMetrics.EngagementPlan.lookUpAttendees, .subtractInactive] {
                    let counted = try f.read { db in try ActivityMetrics.engagedMembers(db, p, plan: plan) }
                    #expect(counted == engaged, "\(p) \(plan)")
                }
                let countries = try f.count("SELECT count(DISTINCT country_code) FROM members WHERE \(active)", ["d": e])
                #expect(get("countries.count") == Double(countries), "\(p)")
            }
        }
    }
}

@Suite struct SampleTests {
    @Test func theDefaultSampleTellsItsStory() throws {
        let f = try Fixture.sample()
        defer { f.cleanup() }
        let m = try f.metrics(year(2023))
        let growth = try #require(m.value("members.growth"))
        #expect(growth > 0.50 && growth < 0.55)
        #expect(try #require(m.value("members.end")) > 1_600)
        #expect(m.value("working_groups.established") == 7)
        #expect(m.value("working_groups.total") == 7)
        #expect(m.grouped("members.by_region")?.first?.key == "Africa")
        // The sample's targets are all in 2023, including one on a row of a grouped metric.
        let webinars = try #require(m.targets.first { $0.metric == "activities.by_kind[webinar]" })
        #expect(webinars.actual == m.row("activities.by_kind", key: "webinar")?.value)
        #expect(m.targets.count == 6)
        #expect(m.grants.count == 1)
        #expect(m.notes.isEmpty)
    }
}
