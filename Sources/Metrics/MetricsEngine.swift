import GRDB
import Store

/// Computes `MetricSet`s from an Almanac database with SQL aggregates over its indexes,
/// reading only: the file is opened read-only and never modified.
public struct MetricsEngine: Sendable {
    /// The database file, as named in error messages.
    public let path: String
    private let queue: DatabaseQueue

    /// Opens `path` read-only and checks that it has every table and column the metrics read.
    public static func open(_ path: String) throws -> MetricsEngine {
        try MetricsEngine(queue: AlmanacDatabase.openForReading(path), path: path)
    }

    /// Uses an already open database (tests, or a report that has it open anyway).
    public init(queue: DatabaseQueue, path: String) throws {
        self.queue = queue
        self.path = path
        try queue.read { db in try RequiredSchema.verify(db, path: path) }
    }

    /// Every metric for `period` and its previous period, with grants, targets and notes.
    /// `today` decides what "in the future" means; `phase` receives each family's wall time.
    public func compute(_ period: Period, today: CalendarDate = .today(),
                        phase: ((String, Duration) -> Void)? = nil) throws -> MetricSet {
        let window = Window(period)
        let clock = ContinuousClock()
        func timed<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
            let started = clock.now
            defer { phase?(name, clock.now - started) }
            return try body()
        }
        return try queue.read { db in
            var builder = MetricsBuilder()
            try timed("membership") { try MembershipMetrics.compute(db, window, into: &builder) }
            try timed("distribution") { try DistributionMetrics.compute(db, window, into: &builder) }
            let groupNames = try timed("working groups") { try WorkingGroupMetrics.compute(db, window, into: &builder) }
            try timed("activities") { try ActivityMetrics.compute(db, window, groupNames: groupNames, into: &builder) }
            return try timed("grants and targets") {
                let metrics = MetricSet(period: period, previousPeriod: window.previous,
                                        scalars: builder.scalars, groups: builder.groups)
                return MetricSet(period: period, previousPeriod: window.previous,
                                 scalars: builder.scalars, groups: builder.groups,
                                 grants: try GrantsAndTargets.grants(db, period),
                                 targets: try GrantsAndTargets.targets(db, period, actuals: metrics, path: path),
                                 notes: try PeriodNotes.notes(db, window, today: today))
            }
        }
    }

    /// The period used when none is given: the last calendar year before `today`'s year in
    /// which anyone joined or left or an activity was held (the previous year if none).
    public func defaultPeriod(today: CalendarDate = .today()) throws -> Period {
        let lastDay = try queue.read { db in
            try String.fetchOne(db, sql: """
                SELECT max(d) FROM (
                    SELECT max(joined_on) AS d FROM members WHERE joined_on < :y
                    UNION ALL SELECT max(left_on) FROM members WHERE left_on IS NOT NULL AND left_on < :y
                    UNION ALL SELECT max(held_on) FROM activities WHERE held_on < :y)
                """, arguments: ["y": CalendarDate(year: today.year, month: 1, day: 1)!.iso])
        }
        let year = lastDay.flatMap { CalendarDate(iso: $0) }?.year ?? today.year - 1
        return Period.year(year)!
    }
}
