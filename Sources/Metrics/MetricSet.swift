/// Every metric for one period beside the previous period: the single source of the numbers a
/// report prints. Plain values, computed once by `MetricsEngine`; JSON-encodable in the stable
/// shape of `almanac metrics --format json` (see README, "Metrics").
public struct MetricSet: Hashable, Sendable {
    public let period: Period
    public let previousPeriod: Period
    /// Single-number metrics by name (`members.end`).
    public let scalars: [String: ScalarMetric]
    /// Grouped metrics by name (`members.by_region`), rows in display order.
    public let groups: [String: [GroupRow]]
    /// Grants whose dates overlap the period, by start date.
    public let grants: [Grant]
    /// Targets whose dates overlap the period, with the actual values, by id.
    public let targets: [TargetResult]
    /// Things a reader must know to read the numbers right ("the period ends in the future").
    public let notes: [String]

    public init(period: Period, previousPeriod: Period, scalars: [String: ScalarMetric], groups: [String: [GroupRow]],
                grants: [Grant] = [], targets: [TargetResult] = [], notes: [String] = []) {
        self.period = period
        self.previousPeriod = previousPeriod
        self.scalars = scalars
        self.groups = groups
        self.grants = grants
        self.targets = targets
        self.notes = notes
    }

    /// The single-number metric `name` (`members.end`), or nil when there is none by that name.
    public func scalar(_ name: String) -> ScalarMetric? { scalars[name] }

    /// The rows of the grouped metric `name` (`members.by_region`), or nil when there is none.
    public func grouped(_ name: String) -> [GroupRow]? { groups[name] }

    /// The row of `key` in the grouped metric `name`; nil when the metric or the row is absent
    /// (no members, no activities of that kind). A nil key is the row of "no value".
    public func row(_ name: String, key: String?) -> GroupRow? {
        guard let rows = groups[name] else { return nil }
        return rows.first { $0.key == key } ?? key.flatMap { k in rows.first { $0.key?.lowercased() == k.lowercased() } }
    }

    /// The number a reference points at: `members.end`, `members.growth.previous`,
    /// `activities.by_kind[webinar]`, `members.by_country[]` (no country). A group with no row
    /// counts 0 (none of that kind) and has no previous value, change or share. Throws for names
    /// not in the catalogue.
    public func value(of reference: String) throws -> Double? {
        try value(of: MetricReference(parsing: reference))
    }

    public func value(of reference: MetricReference) throws -> Double? {
        if let key = reference.key {
            guard groups[reference.name] != nil else { throw missing(reference) }
            // `[]` is the row of no value (members with no country, activities with no kind).
            // Keys match exactly, else ignoring case: `by_kind[Webinar]` is the webinar row.
            guard let row = self.row(reference.name, key: key.isEmpty ? nil : key) else {
                return reference.field == .value ? 0 : nil
            }
            switch reference.field {
            case .value: return row.value
            case .previous: return row.previous
            case .change: return Ratio.difference(row.value, row.previous)
            case .changePct: return row.changePct
            case .share: return row.share
            }
        }
        guard let metric = scalars[reference.name] else { throw missing(reference) }
        switch reference.field {
        case .value: return metric.value
        case .previous: return metric.previous
        case .change: return metric.change
        case .changePct: return metric.changePct
        case .share: return nil
        }
    }

    private func missing(_ reference: MetricReference) -> MetricsError {
        MetricsError("metric '\(reference)' was not computed for this period")
    }
}
