import Base
import GRDB

/// The rules for databases edited by hand or by other tools, around the schema's constraints:
/// values Almanac cannot read (`ReadableRows`), rows pointing at ids that do not exist, and
/// targets naming no metric. Each would otherwise surface as a failed build, or as a report
/// that silently counts too little.
extension DataCheck {
    static func handEditedRules(_ db: Database) throws -> [Rule] {
        var rules = [Rule]()
        let unreadable = try ReadableRows.query(db)
        if !unreadable.isEmpty {
            rules.append(Rule(id: "unreadable-values", severity: .error, noun: "value",
                              title: "that Almanac cannot read (NULL, empty, the wrong type, or control characters); metrics, build and lint stop on them",
                              sql: unreadable))
        }
        rules += [
            Rule(id: "attendance-unknown-member", severity: .error, noun: "attendance record", title: "naming a member or an activity id that does not exist",
                 sql: """
                 SELECT 'attendance row (' || quote(a.activity_id) || ', ' || quote(a.member_id) || '): ' ||
                   CASE WHEN m.id IS NULL THEN 'no member with id ' || quote(a.member_id) ELSE 'no activity with id ' || quote(a.activity_id) END
                 FROM attendance a LEFT JOIN members m ON m.id = a.member_id LEFT JOIN activities act ON act.id = a.activity_id
                 WHERE m.id IS NULL OR act.id IS NULL ORDER BY a.activity_id, a.member_id
                 """),
            Rule(id: "group-membership-unknown", severity: .error, noun: "working-group membership", title: "naming a member or a group id that does not exist",
                 sql: """
                 SELECT 'working_group_members row (' || quote(w.working_group_id) || ', ' || quote(w.member_id) || '): ' ||
                   CASE WHEN m.id IS NULL THEN 'no member with id ' || quote(w.member_id) ELSE 'no working group with id ' || quote(w.working_group_id) END
                 FROM working_group_members w LEFT JOIN members m ON m.id = w.member_id LEFT JOIN working_groups g ON g.id = w.working_group_id
                 WHERE m.id IS NULL OR g.id IS NULL ORDER BY w.working_group_id, w.member_id
                 """),
            Rule(id: "activity-unknown-group", severity: .warning, noun: "activity", title: "of a working group id that does not exist (counted under no working group)",
                 sql: """
                 SELECT 'activities row ' || a.id || ': no working group with id ' || quote(a.working_group_id)
                 FROM activities a LEFT JOIN working_groups g ON g.id = a.working_group_id
                 WHERE a.working_group_id IS NOT NULL AND g.id IS NULL ORDER BY a.id
                 """),
            Rule(id: "country-unknown-region", severity: .error, noun: "country", title: "of a region id that does not exist",
                 sql: """
                 SELECT 'countries row ' || quote(c.code) || ': no region with id ' || quote(c.region_id)
                 FROM countries c LEFT JOIN regions r ON r.id = c.region_id WHERE r.id IS NULL ORDER BY c.code
                 """),
        ]
        return rules
    }

    /// Targets whose metric is not one Metrics computes (they make metrics and build fail).
    static func unknownMetrics(_ db: Database, _ problem: (String) -> String?, examples: Int) throws -> DataCheckReport.Finding? {
        var details: [String] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, metric FROM targets WHERE typeof(metric) = 'text' ORDER BY id") {
            let id: Int64? = row[0], metric: String = row[1]
            if let p = problem(metric) { details.append("targets row \(id.map(String.init) ?? "?"): \(p)") }
        }
        guard !details.isEmpty else { return nil }
        return .init(id: "target-unknown-metric", severity: .error, title: "\(details.count == 1 ? "target" : "targets") naming a metric that does not exist",
                     count: details.count, examples: Array(details.prefix(examples)))
    }
}
