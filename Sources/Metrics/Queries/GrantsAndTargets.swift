import Base
import GRDB
import Store

/// Grants and targets whose dates overlap the period.
enum GrantsAndTargets {
    static func grants(_ db: Database, _ period: Period) throws -> [Grant] {
        try Row.fetchAll(db, sql: """
            SELECT id, funder, title, amount_cents, currency, starts_on, ends_on, purpose FROM grants
            WHERE starts_on <= ? AND ends_on >= ? ORDER BY starts_on, id
            """, arguments: [period.end.iso, period.start.iso]).map { row in
            Grant(id: row[0], funder: row[1], title: row[2], amountCents: row[3], currency: row[4],
                  startsOn: try date(row[5]), endsOn: try date(row[6]), purpose: row[7])
        }
    }

    /// Each target overlapping the period beside the actual value of the metric it names over the
    /// target's own dates (`actuals` gives the metrics of any period). A target naming a metric
    /// that does not exist is an error naming the target.
    static func targets(_ db: Database, _ period: Period, actuals: (Period) throws -> MetricSet, path: String) throws -> [TargetResult] {
        try Row.fetchAll(db, sql: """
            SELECT id, metric, starts_on, ends_on, value, note FROM targets
            WHERE starts_on <= ? AND ends_on >= ? ORDER BY id
            """, arguments: [period.end.iso, period.start.iso]).map { row in
            let id: Int = row[0], metric: String = row[1]
            let starts = try date(row[2]), ends = try date(row[3])
            guard let own = Period(start: starts, end: ends) else {
                throw MetricsError("\(path): targets id \(id): starts_on \(starts) is after ends_on \(ends); fix the row")
            }
            let actual: Double?
            do {
                actual = try actuals(own).value(of: metric)
            } catch let error as MetricsError {
                throw MetricsError("\(path): targets id \(id): \(error.description)")
            }
            return TargetResult(id: id, metric: metric, startsOn: starts, endsOn: ends,
                                target: row[4], actual: actual, note: row[5])
        }
    }

    /// The schema's CHECK constraints keep dates ISO; this guards a file edited around them.
    private static func date(_ text: String) throws -> CalendarDate {
        guard let d = CalendarDate(iso: text) else { throw MetricsError("'\(text)' is not a YYYY-MM-DD date; run `almanac check` on the database") }
        return d
    }
}
