import GRDB
import Testing
@testable import Metrics
import Store

/// The plans the metrics' speed rests on (issue 15), read with EXPLAIN QUERY PLAN from a freshly
/// migrated database, so that a change to the schema or to a statement cannot lose them silently:
/// each statement reads the index named here, in its order (no temporary B-tree to sort or to
/// count distinct), and nothing is looked up once per row that a merge or a range can replace.
@Suite struct QueryPlanTests {
    static let window = Window(year(2023))

    /// The plan's lines (`detail` of EXPLAIN QUERY PLAN), one string.
    static func plan(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws -> String {
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments)
            .map { $0["detail"] as String }.joined(separator: "\n")
    }

    func withPlans(_ sql: String = "", _ body: (Database) throws -> Void) throws {
        let f = try Fixture(sql)
        defer { f.cleanup() }
        try f.read(body)
    }

    @Test func membershipReadsTheDateIndexesOnceEach() throws {
        try withPlans { db in
            let joins = try Self.plan(db, MembershipTimeline.joinsSQL, Self.window.arguments)
            #expect(joins.contains("USING COVERING INDEX members_joined"), "\(joins)")
            let leaves = try Self.plan(db, MembershipTimeline.leavesSQL, Self.window.arguments)
            #expect(leaves.contains("USING COVERING INDEX members_left"), "\(leaves)")
            for plan in [joins, leaves] { #expect(!plan.contains("TEMP B-TREE"), "\(plan)") }
        }
    }

    @Test func distributionIsOneOrderedPassOverTheSectorCountryIndex() throws {
        try withPlans { db in
            let plan = try Self.plan(db, DistributionMetrics.sql, Self.window.arguments)
            #expect(plan.contains("USING COVERING INDEX members_sector_country"), "\(plan)")
            #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
        }
    }

    @Test func workingGroupMembersAreReadByTheirKey() throws {
        try withPlans { db in
            let plan = try Self.plan(db, WorkingGroupMetrics.sql, Self.window.arguments)
            #expect(plan.contains("SEARCH m USING PRIMARY KEY (working_group_id=?)"), "\(plan)")
            #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
        }
    }

    @Test func activitiesAndPartnersAreSelectedByDate() throws {
        try withPlans { db in
            let activities = try Self.plan(db, ActivityMetrics.activitiesSQL, Self.window.arguments)
            #expect(activities.contains("USING INDEX activities_held"), "\(activities)")
            let partners = try Self.plan(db, ActivityMetrics.partnersSQL, Self.window.arguments)
            #expect(partners.contains("USING COVERING INDEX activities_held"), "\(partners)")
            #expect(partners.contains("SEARCH ap USING PRIMARY KEY (activity_id=?)"), "\(partners)")
            // Both group a few hundred activities, never attendance: their sort stays small.
            for plan in [activities, partners] { #expect(!plan.contains("attendance"), "\(plan)") }
        }
    }

    @Test func theInactiveAreCountedFromTheDateIndexes() throws {
        try withPlans { db in
            let plan = try Self.plan(db, ActivityMetrics.inactiveSQL, ["e": "2023-12-31"])
            #expect(plan.contains("USING COVERING INDEX members_left"), "\(plan)")
            #expect(plan.contains("USING COVERING INDEX members_joined"), "\(plan)")
        }
    }

    /// Activities 1–3 in 2023 and 5 in 2023 too (one run and a single id), 4 in 2022.
    static let activities = """
        INSERT INTO activities (id, kind, title, held_on) VALUES
          (1, 'webinar', 'A', '2023-01-10'), (2, 'webinar', 'B', '2023-02-10'), (3, 'dataset', 'C', '2023-03-10'),
          (4, 'webinar', 'D', '2022-05-10'), (5, 'webinar', 'E', '2023-06-10');
        """

    @Test func thePeriodsActivitiesAreRunsOfIdsWhenTheyAreFew() throws {
        try withPlans(Self.activities) { db in
            let conditions = try [year(2023), year(2022), year(2021)].map { try ActivityMetrics.attendedCondition(db, $0) }
            #expect(conditions == ["(+activity_id BETWEEN 1 AND 3 OR +activity_id BETWEEN 5 AND 5)", "(+activity_id BETWEEN 4 AND 4)", "0"])
            // More runs than that: the list of the period's ids instead.
            let list = try ActivityMetrics.attendedCondition(db, year(2023), maxRuns: 1)
            #expect(list.contains("IN (SELECT id FROM activities"))
        }
    }

    @Test func engagementReadsAttendanceInMemberOrder() throws {
        try withPlans(Self.activities) { db in
            let arguments: StatementArguments = ["s": "2023-01-01", "e": "2023-12-31"]
            for attended in [try ActivityMetrics.attendedCondition(db, year(2023)), try ActivityMetrics.attendedCondition(db, year(2023), maxRuns: 1)] {
                let subtract = try Self.plan(db, ActivityMetrics.engagementSQL(.subtractInactive, attended: attended), arguments)
                #expect(subtract.contains("SCAN attendance USING COVERING INDEX attendance_member"), "\(subtract)")
                #expect(subtract.contains("SEARCH attendance USING COVERING INDEX attendance_member (member_id=?)"), "\(subtract)")
                #expect(subtract.contains("SEARCH m USING COVERING INDEX members_left"), "\(subtract)")
                #expect(subtract.contains("SEARCH m USING COVERING INDEX members_joined"), "\(subtract)")
                #expect(!subtract.contains("TEMP B-TREE"), "\(subtract)")

                let merge = try Self.plan(db, ActivityMetrics.engagementSQL(.mergeWithMembers, attended: attended), arguments)
                #expect(merge.contains("MERGE (INTERSECT)"), "\(merge)")
                #expect(merge.contains("SCAN attendance USING COVERING INDEX attendance_member"), "\(merge)")
                // The members in id order: the table itself, no sort, no lookup per attendee.
                #expect(merge.contains("SCAN members"), "\(merge)")
                #expect(!merge.contains("TEMP B-TREE") && !merge.contains("INTEGER PRIMARY KEY"), "\(merge)")
            }
        }
    }

    @Test func everyEngagementPlanCountsTheSameOnTheSample() throws {
        let f = try Fixture.sample(members: 2_000, seed: 13)
        defer { f.cleanup() }
        for period in [year(2023), year(2022), range("2022-07-01", "2023-06-30")] {
            let counts = try f.read { db in
                try ActivityMetrics.EngagementPlan.allCases.map { try ActivityMetrics.engagedMembers(db, period, plan: $0) }
            }
            #expect(Set(counts).count == 1, "\(period): \(counts)")
        }
    }

    @Test func everyEngagementPlanCountsTheSameOnTheFixture() throws {
        let f = try Fixture(activitySQL)
        defer { f.cleanup() }
        for plan in ActivityMetrics.EngagementPlan.allCases {
            let counts = try f.read { db in
                [try ActivityMetrics.engagedMembers(db, year(2023), plan: plan), try ActivityMetrics.engagedMembers(db, year(2022), plan: plan)]
            }
            #expect(counts == [3, 2], "\(plan)")
        }
    }

    @Test func theOneReadOfAttendanceGoesByActivityAndTheInactiveByTheDateIndexes() throws {
        try withPlans { db in
            let read = try Self.plan(db, ActivityMetrics.attendanceByActivitySQL, ["lo": 1, "hi": 9])
            #expect(read.contains("SEARCH attendance USING PRIMARY KEY (activity_id>? AND activity_id<?)"), "\(read)")
            #expect(!read.contains("TEMP B-TREE"), "\(read)")
            let inactive = try Self.plan(db, ActivityMetrics.inactiveIDsSQL, ["e": "2023-12-31"])
            #expect(inactive.contains("USING COVERING INDEX members_left"), "\(inactive)")
            #expect(inactive.contains("USING COVERING INDEX members_joined"), "\(inactive)")
        }
    }

    @Test func theOneReadCountsAsEveryPlanOnTheSample() throws {
        let f = try Fixture.sample(members: 2_000, seed: 13)
        defer { f.cleanup() }
        for period in [year(2023), year(2022), range("2022-07-01", "2023-06-30")] {
            let window = Window(period)
            let (read, plans) = try f.read { db in
                (try ActivityMetrics.engagedMembersInOneRead(db, window),
                 try [window.current, window.previous].map { p in try ActivityMetrics.EngagementPlan.allCases.map { try ActivityMetrics.engagedMembers(db, p, plan: $0) } })
            }
            let counts = try #require(read, "the sample's member ids fit a bitmap")
            #expect(plans[0].allSatisfy { $0 == counts.current } && plans[1].allSatisfy { $0 == counts.previous }, "\(period): \(counts) against \(plans)")
            #expect(counts.current > 0 && counts.previous > 0)
        }
    }

    @Test func theOneReadCountsTheFixtureAndSkipsActivitiesOutsideThePeriodsBetweenTheirIds() throws {
        let f = try Fixture(activitySQL)
        defer { f.cleanup() }
        let counts = try f.read { db in try ActivityMetrics.engagedMembersInOneRead(db, Window(year(2023))) }
        #expect(counts.map { [$0.current, $0.previous] } == [3, 2])
        // Activity 2, between the periods' ids but held in 2020, and its attendee count for neither.
        let g = try Fixture(edgeMembersSQL + """
            INSERT INTO activities (id, kind, title, held_on) VALUES (1, 'webinar', 'A', '2023-02-10'), (2, 'webinar', 'B', '2020-05-01'), (3, 'webinar', 'C', '2022-03-01');
            INSERT INTO attendance (activity_id, member_id) VALUES (1, 1), (2, 2), (2, 4), (3, 1);
            """)
        defer { g.cleanup() }
        let window = Window(year(2023))
        let (read, perPeriod) = try g.read { db in
            (try ActivityMetrics.engagedMembersInOneRead(db, window),
             try [window.current, window.previous].map { try ActivityMetrics.engagedMembers(db, $0, plan: .lookUpAttendees) })
        }
        #expect(read.map { [$0.current, $0.previous] } == perPeriod)
    }

    @Test func memberIdsTooLargeForABitmapLeaveEngagementToThePerPeriodPlans() throws {
        let big = ActivityMetrics.bitmapLimit
        let f = try Fixture(activitySQL + """
            INSERT INTO members (id, name, joined_on) VALUES (\(big), 'Far Away', '2020-01-01');
            INSERT INTO attendance (activity_id, member_id) VALUES (1, \(big));
            """)
        defer { f.cleanup() }
        #expect(try f.read { db in try ActivityMetrics.engagedMembersInOneRead(db, Window(year(2023))) } == nil)
        // The rate is still computed, by the per-period plans: 4 of the members at the end attended.
        let m = try f.metrics(year(2023))
        let members = try #require(m.scalar("members.end")?.value)
        #expect(m.scalar("engagement.rate")?.value == Ratio.of(4, members))
    }
}
