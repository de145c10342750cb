import Base
import Foundation
import GRDB
@testable import Metrics
import Store

/// A database in its own temporary folder, filled by a test with plain SQL, then read through
/// the metrics engine exactly as the CLI does (read-only).
struct Fixture {
    let dir: String
    let path: String

    /// A database with the current schema plus `sql`.
    init(_ sql: String = "") throws {
        dir = NSTemporaryDirectory() + "almanac-metrics-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        path = dir + "/test.db"
        let queue = try AlmanacDatabase.create(at: path)
        if !sql.isEmpty { try queue.write { db in try db.execute(sql: sql) } }
        try queue.close()
    }

    /// The sample organization at `members` size with `seed`.
    static func sample(members: Int = SampleGenerator.defaultMembers, seed: UInt64 = SampleGenerator.defaultSeed) throws -> Fixture {
        let fixture = try Fixture()
        let queue = try DatabaseQueue(path: fixture.path)
        try SampleGenerator(members: members, seed: seed).write(into: queue)
        try queue.close()
        return fixture
    }

    func engine() throws -> MetricsEngine { try MetricsEngine.open(path) }

    /// Metrics for `period`, with "today" fixed far after any fixture data unless given.
    func metrics(_ period: Period, today: CalendarDate = date("2030-01-01")) throws -> MetricSet {
        try engine().compute(period, today: today)
    }

    /// Writes more rows (tests that change the schema or add a bad row after the fact).
    func execute(_ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
    }

    /// Reads the database directly, read-only: internal queries and brute-force answers.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        return try queue.read(body)
    }

    func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }

    func cleanup() { try? FileManager.default.removeItem(atPath: dir) }
}

func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
func range(_ from: String, _ to: String) -> Period { Period(start: date(from), end: date(to))! }
func year(_ y: Int) -> Period { Period.year(y)! }

extension MetricSet {
    /// Shorthands for tests: the period's value and the previous period's value of a scalar.
    func value(_ name: String) -> Double? { scalar(name)?.value }
    func previous(_ name: String) -> Double? { scalar(name)?.previous }
    /// `key: value` of each row, in order ("-" for the row of no value); values are counts.
    func pairs(_ name: String) -> [String] {
        (grouped(name) ?? []).map { "\($0.key ?? "-"): \(Int($0.value))" }
    }
}
