import Base
import Foundation
import GRDB

/// One region's or one working group's own copy of the data, for `almanac build --each`:
/// the database is copied (`VACUUM INTO`, the source stays untouched) and everything outside
/// the scope removed, so every metric of the report is that group's without a special case
/// anywhere in Metrics.
///
/// - A region keeps its members (with their working-group memberships and attendance) and
///   all of the network's activities, which are open to every member.
/// - A working group keeps the people who were ever its members and its own activities.
public enum ScopedCopy {
    public enum Scope: String, CaseIterable, Sendable {
        case region
        case workingGroup = "working_group"
    }

    /// The names of the groups in `database` for a scope, in name order.
    public static func groups(_ scope: Scope, in path: String) throws -> [String] {
        let queue = try AlmanacDatabase.openForReading(path)
        return try StoreError.translating(path) {
            try queue.read { db in
                try String.fetchAll(db, sql: scope == .region ? "SELECT name FROM regions ORDER BY name" : "SELECT name FROM working_groups ORDER BY name")
            }
        }
    }

    /// Writes the scoped copy of `source` to `target` (which must not exist).
    public static func write(_ scope: Scope, named name: String, from source: String, to target: String) throws {
        try StoreError.translating(source) {
            let queue = try AlmanacDatabase.openForReading(source)
            try queue.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [target]) }
            try queue.close()
        }
        try StoreError.translating(target) { try removeOutside(scope, named: name, source: source, copy: target) }
    }

    private static func removeOutside(_ scope: Scope, named name: String, source: String, copy target: String) throws {
        let copy = try DatabaseQueue(path: target)
        try copy.write { db in
            switch scope {
            case .region:
                guard let id = try Int.fetchOne(db, sql: "SELECT id FROM regions WHERE name = ?", arguments: [name]) else {
                    throw StoreError("\(source): no region named '\(name)'")
                }
                try db.execute(sql: """
                    CREATE TEMP TABLE outside AS SELECT m.id FROM members m LEFT JOIN countries c ON c.code = m.country_code
                        WHERE c.region_id IS NOT ? OR m.country_code IS NULL;
                    DELETE FROM attendance WHERE member_id IN (SELECT id FROM outside);
                    DELETE FROM working_group_members WHERE member_id IN (SELECT id FROM outside);
                    DELETE FROM members WHERE id IN (SELECT id FROM outside);
                    """, arguments: [id])
            case .workingGroup:
                guard let id = try Int.fetchOne(db, sql: "SELECT id FROM working_groups WHERE name = ?", arguments: [name]) else {
                    throw StoreError("\(source): no working group named '\(name)'")
                }
                // Each statement binds the group's id itself: arguments given to several
                // statements at once are consumed by the first.
                try db.execute(sql: "CREATE TEMP TABLE outside AS SELECT id FROM members WHERE id NOT IN (SELECT member_id FROM working_group_members WHERE working_group_id = ?)", arguments: [id])
                try db.execute(sql: "CREATE TEMP TABLE other_activities AS SELECT id FROM activities WHERE working_group_id IS NOT ?", arguments: [id])
                try db.execute(sql: """
                    DELETE FROM attendance WHERE member_id IN (SELECT id FROM outside) OR activity_id IN (SELECT id FROM other_activities);
                    DELETE FROM activity_partners WHERE activity_id IN (SELECT id FROM other_activities);
                    DELETE FROM activities WHERE id IN (SELECT id FROM other_activities);
                    DELETE FROM working_group_members WHERE member_id IN (SELECT id FROM outside);
                    DELETE FROM members WHERE id IN (SELECT id FROM outside);
                    """)
            }
        }
        try copy.close()
    }

    /// A file-name-safe form of a group name: "Europe & Central Asia" → "europe-central-asia".
    public static func slug(_ name: String) -> String {
        let slug = Slug.make(name, separator: "-")
        return slug.isEmpty ? "group" : slug
    }
}
