import GRDB

/// working_groups.established, .total, .members and .by_kind. Groups are few; their members
/// are counted in one pass over working_group_members (keyed by group).
enum WorkingGroupMetrics {
    /// Each group's members at both period ends: groups in id order, each one's members read
    /// as one range of working_group_members' primary key (working_group_id, member_id).
    static let sql = """
        SELECT g.id, g.name, g.kind, g.established_on,
               count(*) FILTER (WHERE \(ActiveMembers.condition(on: ":e", alias: "m"))),
               count(*) FILTER (WHERE \(ActiveMembers.condition(on: ":pe", alias: "m")))
        FROM working_groups g LEFT JOIN working_group_members m ON m.working_group_id = g.id
        GROUP BY g.id
        """

    /// Working-group names by id, for activities.by_working_group.
    static func compute(_ db: Database, _ window: Window, into builder: inout MetricsBuilder) throws -> [Int64: String] {
        let rows = try Row.fetchAll(db, sql: sql, arguments: window.arguments)
        let (s, e) = (window.current.start.iso, window.current.end.iso)
        let (ps, pe) = (window.previous.start.iso, window.previous.end.iso)
        var names: [Int64: String] = [:]
        var members = GroupCounts(), kinds = GroupCounts()
        var established = (current: 0, previous: 0), total = (current: 0, previous: 0)
        for row in rows {
            let name: String = row[1], kind: String = row[2], on: String = row[3]
            names[row[0]] = name
            guard on <= e else { continue }
            let existedBefore = on <= pe
            members.add(name, current: row[4], previous: existedBefore ? row[5] as Double : nil, alwaysListed: true)
            kinds.add(kind, current: 1, previous: existedBefore ? 1 : 0)
            total.current += 1
            if existedBefore { total.previous += 1 }
            if on >= s { established.current += 1 }
            if ps <= on && on <= pe { established.previous += 1 }
        }
        builder.scalar("working_groups.established", established.current, previous: established.previous)
        builder.scalar("working_groups.total", total.current, previous: total.previous)
        builder.grouped("working_groups.members", members.rows())
        builder.grouped("working_groups.by_kind", kinds.rows())
        return names
    }
}
