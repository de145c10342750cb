import Base
import GRDB
import Store

/// One activity as a report lists it.
public struct ActivityRecord: Sendable, Hashable {
    public var heldOn: CalendarDate
    public var kind: String?
    public var title: String
    public var participants: Int?
    public var workingGroup: String?
}

/// One member of the directory: someone active on the directory's day.
public struct DirectoryEntry: Sendable, Hashable {
    /// The name of the region or country the entry is listed under (nil: none).
    public var group: String?
    public var name: String
    public var country: String?
    public var region: String?
    public var sector: String?
    /// `joined_on` as stored (ISO `YYYY-MM-DD`).
    public var joinedOn: String
}

/// How the member directory is grouped.
public enum DirectoryGrouping: String, Sendable, CaseIterable {
    case region, country
}

/// The records reports list besides the metrics, and the report author's own queries: read
/// here so that no SQL lives above Metrics.
extension MetricsEngine {
    /// The activities held in `period`, by date and title.
    public func activities(in period: Period) throws -> [ActivityRecord] {
        try StoreError.translating(path) {
            try queue.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT a.held_on, a.kind, a.title, a.participants, g.name AS working_group
                    FROM activities a LEFT JOIN working_groups g ON g.id = a.working_group_id
                    WHERE a.held_on BETWEEN ? AND ? ORDER BY a.held_on, a.title
                    """, arguments: [period.start.iso, period.end.iso])
            }.map { r in
                ActivityRecord(heldOn: CalendarDate(iso: r["held_on"] as String) ?? period.start, kind: r["kind"],
                               title: r["title"], participants: r["participants"], workingGroup: r["working_group"])
            }
        }
    }

    /// The members active on `day`, grouped as asked (no group last) and by name within a group.
    public func directory(on day: CalendarDate, groupedBy grouping: DirectoryGrouping) throws -> [DirectoryEntry] {
        let groupColumn = grouping == .region ? "r.name" : "c.name"
        return try StoreError.translating(path) {
            try queue.read { db in
                try verifyListedColumns(db)
                // Columns by position: the directory of a large network has ~100,000 rows.
                let cursor = try Row.fetchCursor(db, sql: """
                    SELECT \(groupColumn) AS grp, m.name, c.name AS country, r.name AS region, m.sector, m.joined_on
                    FROM members m LEFT JOIN countries c ON c.code = m.country_code LEFT JOIN regions r ON r.id = c.region_id
                    WHERE \(ActiveMembers.condition(on: "?1", alias: "m"))
                    ORDER BY grp IS NULL, grp, m.name, m.id
                    """, arguments: [day.iso])
                var entries: [DirectoryEntry] = []
                while let row = try cursor.next() {
                    entries.append(DirectoryEntry(group: row[0], name: row[1], country: row[2], region: row[3],
                                                  sector: row[4], joinedOn: row[5]))
                }
                return entries
            }
        }
    }

    /// The dates of grant `id`, or of the earliest grant when `id` is nil; nil when there is none.
    public func grantPeriod(id: Int?) throws -> Period? {
        try StoreError.translating(path) {
            try queue.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT starts_on, ends_on FROM grants \(id == nil ? "" : "WHERE id = ?") ORDER BY starts_on LIMIT 1",
                                                 arguments: id.map { [$0] } ?? []),
                      let s = CalendarDate(iso: row[0] as String), let e = CalendarDate(iso: row[1] as String) else { return nil }
                return Period(start: s, end: e)
            }
        }
    }

    /// A report author's own SQL (front matter `queries:`), read-only and time-limited.
    public func query(_ sql: String, timeLimit: Double, rowLimit: Int) throws(QueryFailure) -> QueryResult {
        try ReadOnlyQuery(queue).run(sql, timeLimit: timeLimit, rowLimit: rowLimit)
    }
}
