import GRDB
import Store

/// The period and the period it is compared with, bound into SQL as `:s`, `:e` (the period)
/// and `:ps`, `:pe` (the previous period). ISO dates compare correctly as text.
struct Window {
    let current: Period
    let previous: Period

    init(_ period: Period) {
        current = period
        previous = period.previous
        // Queries select both periods with one range `:ps … :e` and split it at `:s`.
        precondition(previous.end.adding(days: 1) == current.start, "the previous period must end the day before the period")
    }

    var arguments: StatementArguments {
        ["s": current.start.iso, "e": current.end.iso, "ps": previous.start.iso, "pe": previous.end.iso]
    }
}

/// Collects computed metrics under their catalogue names.
struct MetricsBuilder {
    private(set) var scalars: [String: ScalarMetric] = [:]
    private(set) var groups: [String: [GroupRow]] = [:]

    mutating func scalar(_ name: String, _ value: Double?, previous: Double?) {
        assert(MetricCatalogue.definition(name)?.shape == .scalar, "\(name) is not a scalar in the catalogue")
        scalars[name] = ScalarMetric(value: value, previous: previous)
    }

    mutating func scalar(_ name: String, _ value: Int, previous: Int) {
        scalar(name, Double(value), previous: Double(previous))
    }

    /// Adds another family's metrics (families never share a name).
    mutating func merge(_ other: MetricsBuilder) {
        scalars.merge(other.scalars) { _, new in new }
        groups.merge(other.groups) { _, new in new }
    }

    mutating func grouped(_ name: String, _ rows: [GroupRow]) {
        assert(MetricCatalogue.definition(name)?.shape == .grouped, "\(name) is not a grouped metric in the catalogue")
        groups[name] = rows
    }
}
