import Base
import Foundation
import GRDB
import Store

/// Computes `MetricSet`s from an Almanac database with SQL aggregates over its indexes,
/// reading only: the file is opened read-only and never modified.
public struct MetricsEngine: Sendable {
    /// The database file, as named in error messages.
    public let path: String
    let queue: DatabaseQueue
    /// On a large database, a second connection that computes metric families beside the first.
    let pool: ReadPool
    let listedCheck: ListedColumnsCheck

    /// Members from which `open` gives the metrics a second connection: below, the families
    /// take milliseconds and a connection costs more than it saves.
    static let parallelFrom: Int64 = 50_000

    /// Opens `path` read-only and checks that it has every table and column the metrics read.
    public static func open(_ path: String) throws -> MetricsEngine {
        try open(path, parallelFrom: parallelFrom)
    }

    /// `parallelFrom` is a parameter for tests only.
    static func open(_ path: String, parallelFrom: Int64) throws -> MetricsEngine {
        // Taken before the first connection opens: the second must open the same file.
        let identity = FileIdentity(path)
        let queue = try AlmanacDatabase.openForReading(path)
        let engine = try MetricsEngine(queue: queue, path: path)
        return MetricsEngine(engine, pool: ReadPool(helper: ReadPool.helper(path: path, main: queue, identity: identity, from: parallelFrom)))
    }

    /// Uses an already open database (tests, or a report that has it open anyway).
    public init(queue: DatabaseQueue, path: String) throws {
        self.queue = queue
        self.path = path
        pool = ReadPool(helper: nil)
        listedCheck = ListedColumnsCheck()
        try StoreError.translating(path) { try queue.read { db in
            try RequiredSchema.verify(db, path: path)
            // Every value read below has the class it is decoded as: a hand-edited row is an
            // error naming it, never a trap. Names and emails, which only the directory
            // decodes, are checked by `compute` beside its queries (`verifyListedColumns`).
            try ReadableRows.verify(db, path: path, part: .aggregated)
        } }
    }

    private init(_ engine: MetricsEngine, pool: ReadPool) {
        (path, queue, listedCheck, self.pool) = (engine.path, engine.queue, engine.listedCheck, pool)
    }

    /// Checks members' names and emails (`ReadableRows.Part.listed`) unless done already:
    /// before anything decodes them, and by `compute`, so that the metrics of a database the
    /// directory could not list stop with the same message.
    func verifyListedColumns(_ db: Database) throws {
        guard !listedCheck.passed else { return }
        try ReadableRows.verify(db, path: path, part: .listed)
        listedCheck.passed = true
    }

    /// Every metric for `period` and its previous period, with grants, targets and notes.
    /// `today` decides what "in the future" means; `phase` receives each family's wall time.
    public func compute(_ period: Period, today: CalendarDate = .today(),
                        phase: ((String, Duration) -> Void)? = nil) throws -> MetricSet {
        let window = Window(period)
        let clock = ContinuousClock()
        return try StoreError.translating(path) { try queue.read { db in
            let metrics = try core(db, window, timed: { name, time in phase?(name, time) })
            let started = clock.now
            defer { phase?("grants and targets", clock.now - started) }
            // A target is judged over its own dates, which need not be the report's: a grant
            // report covering 2022–2024 shows the 2023 target beside 2023's actual value.
            var byPeriod: [Period: MetricSet] = [period: metrics]
            func actuals(_ p: Period) throws -> MetricSet {
                if let m = byPeriod[p] { return m }
                let m = try core(db, Window(p), timed: { _, _ in })
                byPeriod[p] = m
                return m
            }
            return MetricSet(period: period, previousPeriod: window.previous,
                             scalars: metrics.scalars, groups: metrics.groups,
                             grants: try GrantsAndTargets.grants(db, period),
                             targets: try GrantsAndTargets.targets(db, period, actuals: actuals, path: path),
                             notes: try PeriodNotes.notes(db, window, today: today))
        } }
    }

    /// Every metric family for one period (no grants, targets or notes), as jobs for `pool`:
    /// the longest first, so that two connections finish together. A family's wall time is
    /// reported as its name; on two connections they overlap, so they add up to more than the whole.
    private func core(_ db: Database, _ window: Window,
                      timed: (String, Duration) -> Void) throws -> MetricSet {
        struct Family: Sendable {
            var builder = MetricsBuilder()
            var engaged: (current: Int, previous: Int)?
            var time = Duration.zero
        }
        typealias Body = @Sendable (Database, inout Family) throws -> Void
        let engine = self
        var jobs: [(String, Body)] = [
            ("engagement", { db, f in f.engaged = try ActivityMetrics.engagedMembersInOneRead(db, window) }),
            ("distribution", { db, f in try DistributionMetrics.compute(db, window, into: &f.builder) }),
            ("membership", { db, f in try MembershipMetrics.compute(db, window, into: &f.builder) }),
            ("working groups and activities", { db, f in
                let groupNames = try WorkingGroupMetrics.compute(db, window, into: &f.builder)
                try ActivityMetrics.compute(db, window, groupNames: groupNames, into: &f.builder)
            }),
        ]
        // Third: about as long as membership, on a million members.
        let check: Int? = listedCheck.passed ? nil : 2
        if let check { jobs.insert(("names check", { db, _ in try engine.verifyListedColumns(db) }), at: check) }
        let outcomes = pool.run(jobs.map { _, body in { @Sendable db in
            let clock = ContinuousClock(), started = clock.now
            var family = Family()
            try body(db, &family)
            family.time = clock.now - started
            return family
        } }, on: db)
        // A value the directory could not read is the message, whatever else failed.
        if let check, case .failure(let error) = outcomes[check] { throw error }
        var builder = MetricsBuilder(), engaged: (current: Int, previous: Int)?
        for ((name, _), outcome) in zip(jobs, outcomes) {
            let family = try outcome.get()
            timed(name, family.time)
            builder.merge(family.builder)
            engaged = engaged ?? family.engaged
        }
        try ActivityMetrics.engagement(db, window, engaged: engaged, into: &builder)
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

/// Whether the listed columns (`ReadableRows.Part.listed`) were found readable: checked once,
/// by whichever reads first, `compute` or the directory.
final class ListedColumnsCheck: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var passed: Bool {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
