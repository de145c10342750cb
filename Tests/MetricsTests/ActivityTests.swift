import Base
import Foundation
import Testing
@testable import Metrics
import Store

/// The edge members plus working groups, activities, partners, attendance, grants and targets,
/// for the period 2023 (previous: 2022).
///
/// Working groups: Fiscal (thematic, 2022-05-01), Africa WG (regional, 2023-03-01),
/// Future WG (thematic, 2024-01-10: after the period, not counted).
/// Activities in 2023: 1 webinar (Feb, 50 people, partners UNDP + GIZ), 2 webinar (Nov, Fiscal,
/// no count, UNDP), 3 convening (Mar, Africa WG, 12), 4 no kind (Jul, 0 people).
/// Attendance: 1 by members 1, 2, 4; 3 by 7, 4; 5 by 1, 2 and 6 (before 6 joined).
/// In 2022: 5 webinar (Sep, 30, World Bank). Outside both: 6 (2024) and 7 (2020).
let activitySQL = edgeMembersSQL + """
    INSERT INTO working_groups (id, name, kind, established_on, region_id) VALUES
      (1, 'Fiscal', 'thematic', '2022-05-01', NULL),
      (2, 'Africa WG', 'regional', '2023-03-01', 1),
      (3, 'Future WG', 'thematic', '2024-01-10', NULL);
    INSERT INTO working_group_members (working_group_id, member_id, joined_on, left_on) VALUES
      (1, 1, '2022-06-01', NULL), (1, 2, '2022-06-01', '2023-01-01'),
      (2, 7, '2023-03-05', NULL), (2, 1, '2023-03-05', '2023-12-31');
    INSERT INTO partners (id, name) VALUES (1, 'UNDP'), (2, 'GIZ'), (3, 'World Bank');
    INSERT INTO activities (id, kind, title, held_on, working_group_id, participants) VALUES
      (1, 'webinar', 'Budgets', '2023-02-10', NULL, 50),
      (2, 'webinar', 'Transfers', '2023-11-30', 1, NULL),
      (3, 'convening', 'Launch', '2023-03-20', 2, 12),
      (4, NULL, 'Untitled', '2023-07-04', NULL, 0),
      (5, 'webinar', 'Revenue', '2022-09-01', NULL, 30),
      (6, 'newsletter', 'No. 9', '2024-01-05', NULL, NULL),
      (7, 'newsletter', 'No. 1', '2020-12-31', NULL, NULL);
    INSERT INTO activity_partners (activity_id, partner_id) VALUES (1, 1), (1, 2), (2, 1), (5, 3);
    INSERT INTO attendance (activity_id, member_id) VALUES (1, 1), (1, 2), (1, 4), (3, 7), (3, 4), (5, 1), (5, 2), (5, 6);
    INSERT INTO grants (id, funder, title, amount_cents, currency, starts_on, ends_on, purpose) VALUES
      (1, 'Foundation A', 'Core support', 1000000, 'USD', '2022-07-01', '2023-06-30', 'Secretariat'),
      (2, 'Foundation B', 'Next year', NULL, NULL, '2024-01-01', '2024-12-31', NULL),
      (3, 'Agency C', 'Ends on the first day', 500, 'EUR', '2021-01-01', '2023-01-01', NULL);
    INSERT INTO targets (id, metric, starts_on, ends_on, value, note) VALUES
      (1, 'members.end', '2023-01-01', '2023-12-31', 5, 'Five members'),
      (2, 'activities.by_kind[webinar]', '2023-01-01', '2023-12-31', 3, NULL),
      (3, 'activities.by_kind[dataset]', '2023-06-01', '2024-05-31', 1, NULL),
      (4, 'members.nedd', '2025-01-01', '2025-12-31', 1, 'outside the period: not read');
    """

@Suite struct ActivityTests {
    @Test func workingGroups() throws {
        let f = try Fixture(activitySQL)
        defer { f.cleanup() }
        let m = try f.metrics(year(2023))
        #expect(m.value("working_groups.established") == 1)
        #expect(m.previous("working_groups.established") == 1)
        #expect(m.value("working_groups.total") == 2)
        #expect(m.previous("working_groups.total") == 1)
        // Fiscal: 1 (2 left on 2023-01-01), 2 at the end of 2022. Africa WG: 7 (1 left on the
        // last day); it did not exist at the end of 2022, so it has no previous value.
        #expect(m.pairs("working_groups.members") == ["Africa WG: 1", "Fiscal: 1"])
        #expect(m.row("working_groups.members", key: "Fiscal")?.previous == 2)
        #expect(m.row("working_groups.members", key: "Africa WG")?.previous == nil)
        #expect(m.pairs("working_groups.by_kind") == ["regional: 1", "thematic: 1"])
        #expect(m.row("working_groups.by_kind", key: "regional")?.previous == 0)
    }

    @Test func activitiesAndParticipants() throws {
        let f = try Fixture(activitySQL)
        defer { f.cleanup() }
        let m = try f.metrics(year(2023))
        #expect(m.value("activities.count") == 4)
        #expect(m.previous("activities.count") == 1)
        #expect(m.value("activities.participants") == 62)  // 50 + 12 + 0; activity 2 has no count
        #expect(m.value("activities.without_participants") == 1)
        #expect(m.previous("activities.participants") == 30)
        #expect(m.previous("activities.without_participants") == 0)
        #expect(m.pairs("activities.by_kind") == ["webinar: 2", "convening: 1", "-: 1"])
        #expect(m.row("activities.by_kind", key: "webinar")?.previous == 1)
        #expect(m.row("activities.by_kind", key: "webinar")?.share == 0.5)
        #expect(m.pairs("activities.by_working_group") == ["-: 2", "Africa WG: 1", "Fiscal: 1"])
        #expect(m.row("activities.by_working_group", key: nil)?.previous == 1)
        let months = try #require(m.grouped("activities.by_month"))
        #expect(months.map { $0.key } == (1...12).map { String(format: "2023-%02d", $0) })
        #expect(months.map(\.value) == [0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0])
        #expect(months[1].share == 0.25)
    }

    /// A CRM that writes `Webinar` and `WEBINAR`: one kind, keyed in lower case, found whatever
    /// case a report or target writes.
    @Test func kindsAreOneKindWhateverTheirCase() throws {
        let f = try Fixture(activitySQL + """
            UPDATE activities SET kind = 'Webinar' WHERE id = 1;
            UPDATE activities SET kind = 'WEBINAR' WHERE id = 5;
            UPDATE targets SET metric = 'activities.by_kind[Webinar]' WHERE id = 2;
            """)
        defer { f.cleanup() }
        let m = try f.metrics(year(2023))
        #expect(m.pairs("activities.by_kind") == ["webinar: 2", "convening: 1", "-: 1"])
        #expect(m.row("activities.by_kind", key: "webinar")?.previous == 1)
        #expect(try m.value(of: "activities.by_kind[Webinar]") == 2)
        #expect(m.targets.first { $0.id == 2 }?.actual == 2)
    }

    @Test func partnersAndEngagement() throws {
        let f = try Fixture(activitySQL)
        defer { f.cleanup() }
        let m = try f.metrics(year(2023))
        #expect(m.value("partners.engaged") == 2)
        #expect(m.previous("partners.engaged") == 1)
        #expect(m.pairs("partners.by_name") == ["UNDP: 2", "GIZ: 1", "World Bank: 0"])
        // Attended in 2023: 1, 2, 4, 7; of these 1, 4, 7 are members at the end (4 in all).
        #expect(m.value("engagement.rate") == 0.75)
        // Attended in 2022: 1, 2, both members at the end of 2022 (3 in all), and 6, recorded
        // before joining (bad data that `almanac check` reports), who is not counted.
        #expect(m.previous("engagement.rate") == 2.0 / 3)
    }

    @Test func bothEngagementPlansCountTheSame() throws {
        let f = try Fixture(activitySQL)
        defer { f.cleanup() }
        for plan in [ActivityMetrics.EngagementPlan.lookUpAttendees, .subtractInactive] {
            let counts = try f.read { db in
                [try ActivityMetrics.engagedMembers(db, year(2023), plan: plan), try ActivityMetrics.engagedMembers(db, year(2022), plan: plan)]
            }
            #expect(counts == [3, 2], "\(plan)")
        }
    }

    @Test func grantsAndTargetsOverlappingThePeriod() throws {
        let f = try Fixture(activitySQL)
        defer { f.cleanup() }
        let m = try f.metrics(year(2023))
        #expect(m.grants.map(\.id) == [3, 1])
        #expect(m.grants.last?.amountCents == 1_000_000)
        #expect(m.targets.map(\.id) == [1, 2, 3])
        #expect(m.targets.map(\.actual) == [4, 2, 0])
        #expect(m.targets.map(\.target) == [5, 3, 1])
        #expect(m.targets.first?.note == "Five members")
    }

    /// A report over two years shows the 2023 target beside 2023's value, not the two years'.
    @Test func aTargetIsJudgedOverItsOwnDates() throws {
        let f = try Fixture(activitySQL)
        defer { f.cleanup() }
        let m = try f.metrics(Period(start: CalendarDate(year: 2022, month: 1, day: 1)!, end: CalendarDate(year: 2023, month: 12, day: 31)!)!)
        #expect(m.row("activities.by_kind", key: "webinar")?.value == 3, "webinars over the two years")
        #expect(m.targets.first { $0.id == 2 }?.actual == 2, "webinars in 2023, the target's year")
    }

    @Test func aTargetNamingAnUnknownMetricIsAnErrorNamingTheTarget() throws {
        let f = try Fixture(activitySQL + """
            INSERT INTO targets (id, metric, starts_on, ends_on, value) VALUES (9, 'members.ned', '2023-01-01', '2023-12-31', 1);
            """)
        defer { f.cleanup() }
        let error = try #require(throws: MetricsError.self) { try f.metrics(year(2023)) }
        #expect(error.description.hasPrefix(f.path + ": targets id 9: unknown metric 'members.ned' (did you mean members.end?)"))
        #expect(error.description.contains("almanac metrics --list"))
    }

    @Test func aTargetNamingAGroupedMetricWithoutAGroupIsAnError() throws {
        let f = try Fixture(activitySQL + """
            INSERT INTO targets (id, metric, starts_on, ends_on, value) VALUES (9, 'activities.by_kind', '2023-01-01', '2023-12-31', 1);
            """)
        defer { f.cleanup() }
        let error = try #require(throws: MetricsError.self) { try f.metrics(year(2023)) }
        #expect(error.description.contains("targets id 9"))
        #expect(error.description.contains("activities.by_kind[KEY]"))
    }
}
