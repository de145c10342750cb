import Base
import GRDB
import Store

/// Computes `MetricSet`s from an Almanac database with SQL aggregates over its indexes,
/// reading only: the file is opened read-only and never modified.
public struct MetricsEngine: Sendable {
    /// The database file, as named in error messages.
    public let path: String
    let queue: DatabaseQueue

    /// Opens `path` read-only and checks that it has every table and column the metrics read.
    public static func open(_ path: String) throws -> MetricsEngine {
        try MetricsEngine(queue: AlmanacDatabase.openForReading(path), path: path)
    }

    /// Uses an already open database (tests, or a report that has it open anyway).
    public init(queue: DatabaseQueue, path: String) throws {
        self.queue = queue
        self.path = path
        try StoreError.translating(path) { try queue.read { db in
            try RequiredSchema.verify(db, path: path)
            // Every value read below has the class it is decoded as: a hand-edited row is an
            // error naming it, never a trap.
            try ReadableRows.verify(db, path: path)
        } }
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
        return try StoreError.translating(path) { try queue.read { db in
            let metrics = try Self.core(db, window, timed: { name, body in try timed(name, body) })
            return try timed("grants and targets") {
                // A target is judged over its own dates, which need not be the report's: a grant
                // report covering 2022–2024 shows the 2023 target beside 2023's actual value.
                var byPeriod: [Period: MetricSet] = [period: metrics]
                func actuals(_ p: Period) throws -> MetricSet {
                    if let m = byPeriod[p] { return m }
                    let m = try Self.core(db, Window(p), timed: { _, body in try body() })
                    byPeriod[p] = m
                    return m
                }
                return MetricSet(period: period, previousPeriod: window.previous,
                                 scalars: metrics.scalars, groups: metrics.groups,
                                 grants: try GrantsAndTargets.grants(db, period),
                                 targets: try GrantsAndTargets.targets(db, period, actuals: actuals, path: path),
                                 notes: try PeriodNotes.notes(db, window, today: today))
            }
        } }
    }

    /// Every metric family for one period (no grants, targets or notes).
    private static func core(_ db: Database, _ window: Window,
                             timed: (String, () throws -> Void) throws -> Void) throws -> MetricSet {
        var builder = MetricsBuilder()
        try timed("membership") { try MembershipMetrics.compute(db, window, into: &builder) }
        try timed("distribution") { try DistributionMetrics.compute(db, window, into: &builder) }
        var groupNames: [Int64: String] = [:]
        try timed("working groups") { groupNames = try WorkingGroupMetrics.compute(db, window, into: &builder) }
        try timed("activities") { try ActivityMetrics.compute(db, window, groupNames: groupNames, into: &builder) }
        return MetricSet(period: window.current, previousPeriod: window.previous, scalars: builder.scalars, groups: builder.groups)
    }

    /// The period used when none is given: the last calendar year before `today`'s year in
    /// which anyone joined or left or an activity was held (the previous year if none).
    public func defaultPeriod(today: CalendarDate = .today()) throws -> Period {
        let lastDay = try StoreError.translating(path) { try queue.read { db in
            try String.fetchOne(db, sql: """
                SELECT max(d) FROM (
                    SELECT max(joined_on) AS d FROM members WHERE joined_on < :y
                    UNION ALL SELECT max(left_on) FROM members WHERE left_on IS NOT NULL AND left_on < :y
                    UNION ALL SELECT max(held_on) FROM activities WHERE held_on < :y)
                """, arguments: ["y": CalendarDate(year: today.year, month: 1, day: 1)!.iso])
        } }
        let year = lastDay.flatMap { CalendarDate(iso: $0) }?.year ?? today.year - 1
        return Period.year(year)!
    }
}
