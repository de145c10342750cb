import Base
import GRDB
import Store

/// Running totals of joins and departures by day. Since left_on ≥ joined_on, the members active
/// on day d are those who joined by d minus those who left by d, so two grouped scans of the
/// members indexes give every membership count of both periods and the monthly series.
struct MembershipTimeline {
    /// Join days, ascending, with running totals of joins and of joiners who left by each
    /// period's end (for retention).
    private let joinDays: [String]
    private let joins: [Int], leftByEnd: [Int], leftByPreviousEnd: [Int]
    private let leaveDays: [String], leaves: [Int]

    /// Joins per day, with those of them who left by each period's end: one pass in order over
    /// members_joined(joined_on, left_on), covering; a FILTER per count, so a row steps only the
    /// counts it belongs to.
    static let joinsSQL = """
        SELECT joined_on, count(*), count(*) FILTER (WHERE left_on <= :e), count(*) FILTER (WHERE left_on <= :pe)
        FROM members WHERE joined_on <= :e GROUP BY joined_on
        """
    /// Departures per day: one pass in order over the partial members_left(left_on).
    static let leavesSQL = """
        SELECT left_on, count(*) FROM members WHERE left_on IS NOT NULL AND left_on <= :e GROUP BY left_on
        """

    static func fetch(_ db: Database, _ window: Window) throws -> MembershipTimeline {
        let joinRows = try Row.fetchAll(db, sql: joinsSQL, arguments: window.arguments)
        let leaveRows = try Row.fetchAll(db, sql: leavesSQL, arguments: window.arguments)
        return MembershipTimeline(
            joinDays: joinRows.map { $0[0] }, joins: runningTotals(joinRows, 1),
            leftByEnd: runningTotals(joinRows, 2), leftByPreviousEnd: runningTotals(joinRows, 3),
            leaveDays: leaveRows.map { $0[0] }, leaves: runningTotals(leaveRows, 1))
    }

    private static func runningTotals(_ rows: [Row], _ column: Int) -> [Int] {
        var sum = 0
        return rows.map { row in
            sum += row[column] as Int
            return sum
        }
    }

    /// The first day anyone joined, if anyone has.
    var firstJoin: CalendarDate? { joinDays.first.flatMap { CalendarDate(iso: $0) } }

    func joined(through day: CalendarDate) -> Int { Self.total(joinDays, joins, through: day) }
    func left(through day: CalendarDate) -> Int { Self.total(leaveDays, leaves, through: day) }
    /// active(d) of DESIGN.md: joined_on ≤ d and (left_on is NULL or left_on > d).
    func active(on day: CalendarDate) -> Int { joined(through: day) - left(through: day) }

    /// Members who joined during `period` and left by its end (`isCurrent`: the metrics'
    /// period, else the previous one): the lapsed who were not counted at the start.
    func joinedAndLeft(in period: Period, isCurrent: Bool) -> Int {
        let totals = isCurrent ? leftByEnd : leftByPreviousEnd
        return Self.total(joinDays, totals, through: period.end) - Self.total(joinDays, totals, through: period.start.adding(days: -1))
    }

    /// The running total at the last day ≤ `day` (binary search; ISO dates sort as text).
    private static func total(_ days: [String], _ totals: [Int], through day: CalendarDate) -> Int {
        let key = day.iso
        var lo = 0, hi = days.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if days[mid] <= key { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? 0 : totals[lo - 1]
    }
}

/// members.start, .end, .new, .lapsed, .growth, .retention and .monthly.
enum MembershipMetrics {
    static func compute(_ db: Database, _ window: Window, into builder: inout MetricsBuilder) throws {
        let timeline = try MembershipTimeline.fetch(db, window)

        func figures(_ p: Period, isCurrent: Bool) -> (start: Int, end: Int, new: Int, lapsed: Int, retained: Int) {
            let dayBefore = p.start.adding(days: -1)
            let start = timeline.active(on: dayBefore)
            let lapsed = timeline.left(through: p.end) - timeline.left(through: dayBefore)
            // Of the lapsed, those who had joined before the period were counted at the start.
            let lapsedFromStart = lapsed - timeline.joinedAndLeft(in: p, isCurrent: isCurrent)
            return (start, timeline.active(on: p.end), timeline.joined(through: p.end) - timeline.joined(through: dayBefore),
                    lapsed, start - lapsedFromStart)
        }
        let now = figures(window.current, isCurrent: true)
        let before = figures(window.previous, isCurrent: false)

        builder.scalar("members.start", now.start, previous: before.start)
        builder.scalar("members.end", now.end, previous: before.end)
        builder.scalar("members.new", now.new, previous: before.new)
        builder.scalar("members.lapsed", now.lapsed, previous: before.lapsed)
        builder.scalar("members.growth", Ratio.of(Double(now.end - now.start), Double(now.start)),
                       previous: Ratio.of(Double(before.end - before.start), Double(before.start)))
        builder.scalar("members.retention", Ratio.of(Double(now.retained), Double(now.start)),
                       previous: Ratio.of(Double(before.retained), Double(before.start)))
        builder.grouped("members.monthly", monthly(timeline, through: window.current.end))
    }

    /// Members at each month end from the first join's month to the period end; the last point
    /// is the period end itself, so it always equals members.end.
    static func monthly(_ timeline: MembershipTimeline, through end: CalendarDate) -> [GroupRow] {
        guard let first = timeline.firstJoin, first <= end else { return [] }
        return first.monthStarts(through: end).map { month in
            let point = min(month.endOfMonth, end)
            return GroupRow(key: month.monthKey, value: Double(timeline.active(on: point)), share: nil, previous: nil)
        }
    }
}
