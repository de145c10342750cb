import Base
import Foundation
import GRDB
import Testing
@testable import Store

@Suite("Data-quality check")
struct DataCheckTests {
    let today = CalendarDate(year: 2024, month: 6, day: 30)!

    @Test func aCleanDatabaseHasNoFindings() throws {
        let s = Scratch(); defer { s.cleanup() }
        let (_, q) = try s.database()
        try q.write { try $0.execute(sql: "INSERT INTO members (id, name, email, country_code, joined_on) VALUES (1, 'A', 'a@x.org', 'KE', '2023-01-01')") }
        let report = try DataCheck.run(q, today: today)
        #expect(report.findings.isEmpty)
        #expect(report.isClean)
    }

    @Test func findsEveryKindOfProblem() throws {
        let s = Scratch(); defer { s.cleanup() }
        let (_, q) = try s.database()
        try q.writeWithoutTransaction { db in
            // Databases written by other tools may break rules our schema enforces.
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON; PRAGMA foreign_keys = OFF")
            try db.execute(sql: """
                INSERT INTO members (id, name, email, country_code, joined_on, left_on) VALUES
                  (1, 'Left Early', 'dup@x.org', 'KE', '2023-05-01', '2023-04-01'),
                  (2, 'Unknown Land', 'DUP@x.org', 'ZZ', '2022-01-01', NULL),
                  (3, 'Nowhere', NULL, NULL, '2022-01-01', NULL),
                  (4, 'Time Traveller', 't@x.org', 'FR', '2025-01-01', NULL),
                  (5, 'Gone', 'g@x.org', 'NG', '2021-01-01', '2022-06-01');
                INSERT INTO working_groups (id, name, kind, established_on) VALUES (1, 'Finance', 'thematic', '2023-03-01');
                INSERT INTO working_group_members (working_group_id, member_id, joined_on, left_on) VALUES
                  (1, 3, '2023-02-01', NULL), (1, 5, '2023-04-01', NULL);
                INSERT INTO activities (id, kind, title, held_on, participants) VALUES
                  (1, NULL, 'Untitled kind', '2023-01-10', 5), (2, 'webinar', 'Negative', '2023-02-10', -3);
                INSERT INTO attendance (activity_id, member_id) VALUES (2, 5), (2, 3);
                """)
        }
        let report = try DataCheck.run(q, today: today)
        let counts = Dictionary(uniqueKeysWithValues: report.findings.map { ($0.id, $0.count) })
        #expect(counts == [
            "left-before-joined": 1, "unknown-country": 1, "no-country": 1, "future-dates": 1,
            "duplicate-email": 1, "group-membership-lifetime": 2, "activity-without-kind": 1,
            "negative-participants": 1, "attendance-by-non-member": 1,
        ])
        #expect(report.errors == 7)
        #expect(report.warnings == 3, "attendance by non-members is a warning: open events are normal")
        #expect(!report.isClean)
        let lifetime = report.findings.first { $0.id == "group-membership-lifetime" }!
        #expect(lifetime.examples == [
            "working_group_members (1, 3): Nowhere in Finance from 2023-02-01, before the group was established (2023-03-01)",
            "working_group_members (1, 5): Gone in Finance from 2023-04-01, after leaving the network (2022-06-01)",
        ])
        let attendance = report.findings.first { $0.id == "attendance-by-non-member" }!
        #expect(attendance.examples == ["attendance (2, 5): Gone at Negative on 2023-02-10, after leaving (2022-06-01)"])
        #expect(report.findings.first { $0.id == "duplicate-email" }!.examples == ["dup@x.org: members 1, 2"])
    }

    @Test func examplesAreCappedButCounted() throws {
        let s = Scratch(); defer { s.cleanup() }
        let (_, q) = try s.database()
        try q.write { db in
            for i in 1...12 { try db.execute(sql: "INSERT INTO members (id, name, joined_on) VALUES (?, 'P', '2023-01-01')", arguments: [i]) }
        }
        let finding = try #require(try DataCheck.run(q, today: today, examples: 3).findings.first)
        #expect(finding.id == "no-country")
        #expect(finding.count == 12)
        #expect(finding.examples.count == 3)
    }
}
