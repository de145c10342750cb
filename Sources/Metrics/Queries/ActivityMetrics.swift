import Base
import GRDB
import GRDBSQLite
import Store

/// activities.*, partners.* and engagement.rate for activities held in either period.
enum ActivityMetrics {
    /// activities.* and partners.*.
    static func compute(_ db: Database, _ window: Window, groupNames: [Int64: String], into builder: inout MetricsBuilder) throws {
        try activities(db, window, groupNames: groupNames, into: &builder)
        try partners(db, window, into: &builder)
    }

    /// One pass over activities_held: counts per (kind, group, month, period), folded in Swift
    /// into the totals and the three groupings (a few hundred rows at most). A kind is one kind
    /// whatever its case (`Webinar` from a CRM is `webinar`), so kinds are grouped lower-cased;
    /// the held_on index still selects the rows, and the grouping sorts only the periods'
    /// activities (a few hundred), not the attendance.
    static let activitiesSQL = """
        SELECT lower(kind), working_group_id, substr(held_on, 1, 7), held_on >= :s,
               count(*), total(participants), count(*) - count(participants)
        FROM activities WHERE held_on BETWEEN :ps AND :e
        GROUP BY 1, 2, 3, 4
        """

    /// Partners of both periods' activities: the activities by held_on, their partners by
    /// activity_partners' primary key.
    static let partnersSQL = """
        SELECT p.name, total(a.held_on >= :s), total(a.held_on < :s)
        FROM activities a JOIN activity_partners ap ON ap.activity_id = a.id JOIN partners p ON p.id = ap.partner_id
        WHERE a.held_on BETWEEN :ps AND :e GROUP BY p.id
        """

    private static func activities(_ db: Database, _ window: Window, groupNames: [Int64: String], into builder: inout MetricsBuilder) throws {
        let rows = try Row.fetchAll(db, sql: activitiesSQL, arguments: window.arguments)
        var kinds = GroupCounts(), groups = GroupCounts(), months: [String: Double] = [:]
        var count = (current: 0.0, previous: 0.0), participants = count, withoutCount = count
        for row in rows {
            let kind: String? = row[0], group: Int64? = row[1], month: String = row[2], isCurrent: Bool = row[3]
            let n: Double = row[4], people: Double = row[5], unknown: Double = row[6]
            let (now, before) = isCurrent ? (n, 0.0) : (0.0, n)
            kinds.add(kind, current: now, previous: before)
            // An activity of a group missing from working_groups counts under "no group".
            groups.add(group.flatMap { groupNames[$0] }, current: now, previous: before)
            if isCurrent {
                months[month, default: 0] += n
                count.current += n; participants.current += people; withoutCount.current += unknown
            } else {
                count.previous += n; participants.previous += people; withoutCount.previous += unknown
            }
        }
        builder.scalar("activities.count", count.current, previous: count.previous)
        builder.scalar("activities.participants", participants.current, previous: participants.previous)
        builder.scalar("activities.without_participants", withoutCount.current, previous: withoutCount.previous)
        builder.grouped("activities.by_kind", kinds.rows())
        builder.grouped("activities.by_working_group", groups.rows())
        builder.grouped("activities.by_month", byMonth(months, window.current, total: count.current))
    }

    /// Every month of the period, with zero for months without activities.
    private static func byMonth(_ counts: [String: Double], _ period: Period, total: Double) -> [GroupRow] {
        period.start.monthStarts(through: period.end).map { month in
            let n = counts[month.monthKey] ?? 0
            return GroupRow(key: month.monthKey, value: n, share: Ratio.of(n, total), previous: nil)
        }
    }

    private static func partners(_ db: Database, _ window: Window, into builder: inout MetricsBuilder) throws {
        var partners = GroupCounts()
        for row in try Row.fetchAll(db, sql: partnersSQL, arguments: window.arguments) {
            partners.add(row[0], current: row[1], previous: row[2])
        }
        let engaged = partners.distinctKeys
        builder.scalar("partners.engaged", engaged.current, previous: engaged.previous)
        builder.grouped("partners.by_name", partners.rows())
    }

    /// engagement.rate: members active at the period end who attended anything in the period,
    /// ÷ members.end, which `builder` must hold already. `engaged` is `engagedMembersInOneRead`'s
    /// result, read beside the other families; when it is nil the per-period plans run here.
    static func engagement(_ db: Database, _ window: Window, engaged: (current: Int, previous: Int)?,
                           into builder: inout MetricsBuilder) throws {
        let end = builder.scalars["members.end"]
        let members = (current: end?.value.map(Int.init) ?? 0, previous: end?.previous.map(Int.init) ?? 0)
        let engaged = try engaged ?? (
            current: members.current > 0 ? try engagedMembers(db, window.current, activeAtEnd: members.current) : 0,
            previous: members.previous > 0 ? try engagedMembers(db, window.previous, activeAtEnd: members.previous) : 0)
        func rate(_ engaged: Int, _ members: Int) -> Double? { members > 0 ? Ratio.of(Double(engaged), Double(members)) : nil }
        builder.scalar("engagement.rate", rate(engaged.current, members.current), previous: rate(engaged.previous, members.previous))
    }

    /// The attendance of activities `:lo` … `:hi` in the table's own order (by activity).
    static let attendanceByActivitySQL = "SELECT activity_id, member_id FROM attendance WHERE activity_id BETWEEN :lo AND :hi"

    /// The members not active at `:e` (left by then, or joined after), from the date indexes.
    static let inactiveIDsSQL = "SELECT id FROM members WHERE left_on <= :e UNION ALL SELECT id FROM members WHERE joined_on > :e"

    /// Member ids up to this many get a bitmap (8 MB a period at most); beyond, the per-period plans.
    static let bitmapLimit: Int64 = 1 << 26

    /// Each period's attendees who are members at its end, counted as the `subtractInactive`
    /// plan counts them (the distinct attendees less those not active at the end), from one
    /// read of both periods' attendance in the table's own order instead of one walk of the
    /// attendance index per period plus a probe per inactive member: a bit per member id is set
    /// for each period it attended in, and the period's inactive members' bits are taken away.
    /// Nil when member ids are negative or too large for a bitmap.
    static func engagedMembersInOneRead(_ db: Database, _ window: Window) throws -> (current: Int, previous: Int)? {
        let low = min(try Int64.fetchOne(db, sql: "SELECT min(id) FROM members") ?? 0,
                      try Int64.fetchOne(db, sql: "SELECT min(member_id) FROM attendance") ?? 0)
        let high = max(try Int64.fetchOne(db, sql: "SELECT max(id) FROM members") ?? 0,
                       try Int64.fetchOne(db, sql: "SELECT max(member_id) FROM attendance") ?? 0)
        guard low >= 0, high < bitmapLimit else { return nil }
        // Whether each of the two periods' activities was held in the period (true) or before it.
        var isCurrent: [Int64: Bool] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, held_on >= :s FROM activities WHERE held_on BETWEEN :ps AND :e", arguments: window.arguments) {
            isCurrent[row[0]] = row[1]
        }
        let words = Int(high >> 6) + 1
        var current = [UInt64](repeating: 0, count: words), previous = current
        if let lo = isCurrent.keys.min(), let hi = isCurrent.keys.max() {
            let statement = try db.makeStatement(sql: attendanceByActivitySQL)
            try statement.setArguments(["lo": lo, "hi": hi])
            let sqlite = statement.sqliteStatement
            defer { sqlite3_reset(sqlite) }
            // Rows come grouped by activity: its period is looked up once per activity.
            var activity = Int64.min, held: Bool? = nil
            while true {
                let code = sqlite3_step(sqlite)
                guard code == SQLITE_ROW else {
                    guard code == SQLITE_DONE else {
                        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                            sql: attendanceByActivitySQL)
                    }
                    break
                }
                let a = sqlite3_column_int64(sqlite, 0), m = Int(sqlite3_column_int64(sqlite, 1))
                if a != activity { activity = a; held = isCurrent[a] }
                switch held {
                case true?: current[m >> 6] |= 1 << UInt64(m & 63)
                case false?: previous[m >> 6] |= 1 << UInt64(m & 63)
                case nil: break  // an activity outside both periods, between their ids
                }
            }
        }
        func engaged(_ attended: inout [UInt64], activeOn end: CalendarDate) throws -> Int {
            for id in try Int64.fetchAll(db, sql: inactiveIDsSQL, arguments: ["e": end.iso]) {
                attended[Int(id >> 6)] &= ~(1 << UInt64(id & 63))
            }
            return attended.reduce(0) { $0 + $1.nonzeroBitCount }
        }
        return (try engaged(&current, activeOn: window.current.end), try engaged(&previous, activeOn: window.previous.end))
    }

    /// Exact ways to count the members active at a period's end who attended in it.
    enum EngagementPlan: CaseIterable {
        /// Look up every distinct attendee in members: cost grows with the attendees.
        case lookUpAttendees
        /// Count distinct attendees, then take away those among the members not active at the
        /// end (left by then, or joined after): cost grows with those, few for a recent period.
        case subtractInactive
        /// Walk the distinct attendees and the members active at the end side by side, both in
        /// member order, keeping the ids in both (a merge, no lookups): cost grows with the
        /// attendance rows plus the members.
        case mergeWithMembers
    }

    /// Members not active at `:e` (left by then, or joined after), each part counted from its index.
    static let inactiveSQL = """
        SELECT (SELECT count(*) FROM members WHERE left_on <= :e) + (SELECT count(*) FROM members WHERE joined_on > :e)
        """

    /// Attendees of `period`'s activities who are members at its end, by the cheaper plan.
    static func engagedMembers(_ db: Database, _ period: Period, activeAtEnd: Int) throws -> Int {
        let inactive = try Int.fetchOne(db, sql: inactiveSQL, arguments: ["e": period.end.iso]) ?? 0
        // Probing attendance for one member costs about as much as walking four members in a
        // merge, so the subtraction wins while the inactive are under a fifth of all members.
        return try engagedMembers(db, period, plan: inactive < (activeAtEnd + inactive) / 5 ? .subtractInactive : .mergeWithMembers)
    }

    // Attendees are read in member order from attendance_member (member_id, activity_id); the
    // `+` on activity_id keeps SQLite from reading the period's rows by the primary key instead
    // (member ids out of order: a temporary B-tree to count them distinct).
    static func engagedMembers(_ db: Database, _ period: Period, plan: EngagementPlan) throws -> Int {
        let sql = engagementSQL(plan, attended: try attendedCondition(db, period))
        return try Int.fetchOne(db, sql: sql, arguments: ["s": period.start.iso, "e": period.end.iso]) ?? 0
    }

    /// Each plan's statement, given the condition on attendance rows (`attendedCondition`).
    static func engagementSQL(_ plan: EngagementPlan, attended: String) -> String {
        switch plan {
        case .lookUpAttendees:
            return """
                SELECT count(*) FROM (SELECT member_id FROM attendance WHERE \(attended) GROUP BY member_id) AS attendee
                JOIN members m ON m.id = attendee.member_id
                WHERE \(ActiveMembers.condition(on: ":e", alias: "m"))
                """
        case .subtractInactive:
            let attendedBy = "EXISTS (SELECT 1 FROM attendance WHERE member_id = m.id AND \(attended))"
            return """
                SELECT (SELECT count(DISTINCT member_id) FROM attendance WHERE \(attended))
                     - (SELECT count(*) FROM members m WHERE m.left_on <= :e AND \(attendedBy))
                     - (SELECT count(*) FROM members m WHERE m.joined_on > :e AND \(attendedBy))
                """
        case .mergeWithMembers:
            return """
                SELECT count(*) FROM (
                    SELECT member_id FROM attendance WHERE \(attended)
                    INTERSECT SELECT id FROM members WHERE \(ActiveMembers.condition(on: ":e"))
                    ORDER BY 1)
                """
        }
    }

    /// The SQL condition on attendance.activity_id for "an activity held in `period`". The
    /// period's activity ids are few; where they form a few runs of consecutive ids (activities
    /// entered in date order) the condition is a BETWEEN per run, two comparisons per attendance
    /// row instead of a probe of the list; otherwise the list itself. Every id in a run is an
    /// activity of the period, so both say the same.
    static func attendedCondition(_ db: Database, _ period: Period, maxRuns: Int = 8) throws -> String {
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM activities WHERE held_on BETWEEN ? AND ? ORDER BY id",
                                     arguments: [period.start.iso, period.end.iso])
        var runs: [(Int64, Int64)] = []
        for id in ids {
            if let last = runs.last, last.1 + 1 == id { runs[runs.count - 1].1 = id } else { runs.append((id, id)) }
        }
        if runs.isEmpty { return "0" }
        guard runs.count <= maxRuns else {
            return "+activity_id IN (SELECT id FROM activities WHERE held_on BETWEEN :s AND :e)"
        }
        return "(" + runs.map { "+activity_id BETWEEN \($0.0) AND \($0.1)" }.joined(separator: " OR ") + ")"
    }
}
