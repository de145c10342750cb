import Foundation

// The JSON shape of `almanac metrics --format json`, which reports and other programs read:
//   { "period": {start, end}, "previous_period": {start, end},
//     "metrics": { "members.end": {value, previous, change, change_pct},
//                  "members.by_region": [{key, value, share, previous, change_pct}, …] },
//     "grants": […], "targets": […], "notes": […] }
// A value that does not exist is null (never omitted, never NaN), so every object has every key.

extension ScalarMetric: Codable {
    enum CodingKeys: String, CodingKey { case value, previous, change, changePct = "change_pct" }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(value: try c.decodeIfPresent(Double.self, forKey: .value),
                  previous: try c.decodeIfPresent(Double.self, forKey: .previous))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(previous, forKey: .previous)
        try c.encode(change, forKey: .change)
        try c.encode(changePct, forKey: .changePct)
    }
}

extension GroupRow: Codable {
    enum CodingKeys: String, CodingKey { case key, value, share, previous, changePct = "change_pct" }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(key: try c.decodeIfPresent(String.self, forKey: .key), value: try c.decode(Double.self, forKey: .value),
                  share: try c.decodeIfPresent(Double.self, forKey: .share),
                  previous: try c.decodeIfPresent(Double.self, forKey: .previous))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(value, forKey: .value)
        try c.encode(share, forKey: .share)
        try c.encode(previous, forKey: .previous)
        try c.encode(changePct, forKey: .changePct)
    }
}

extension MetricSet: Codable {
    enum CodingKeys: String, CodingKey {
        case period, previousPeriod = "previous_period", metrics, grants, targets, notes
    }

    /// A metric name as a JSON key.
    struct NameKey: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let metrics = try c.nestedContainer(keyedBy: NameKey.self, forKey: .metrics)
        var scalars: [String: ScalarMetric] = [:]
        var groups: [String: [GroupRow]] = [:]
        for key in metrics.allKeys {
            if let rows = try? metrics.decode([GroupRow].self, forKey: key) {
                groups[key.stringValue] = rows
            } else {
                scalars[key.stringValue] = try metrics.decode(ScalarMetric.self, forKey: key)
            }
        }
        self.init(period: try c.decode(Period.self, forKey: .period),
                  previousPeriod: try c.decode(Period.self, forKey: .previousPeriod),
                  scalars: scalars, groups: groups,
                  grants: try c.decodeIfPresent([Grant].self, forKey: .grants) ?? [],
                  targets: try c.decodeIfPresent([TargetResult].self, forKey: .targets) ?? [],
                  notes: try c.decodeIfPresent([String].self, forKey: .notes) ?? [])
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(period, forKey: .period)
        try c.encode(previousPeriod, forKey: .previousPeriod)
        var metrics = c.nestedContainer(keyedBy: NameKey.self, forKey: .metrics)
        for (name, metric) in scalars { try metrics.encode(metric, forKey: NameKey(stringValue: name)) }
        for (name, rows) in groups { try metrics.encode(rows, forKey: NameKey(stringValue: name)) }
        try c.encode(grants, forKey: .grants)
        try c.encode(targets, forKey: .targets)
        try c.encode(notes, forKey: .notes)
    }
}

extension MetricSet {
    /// The stable JSON text: keys sorted, so the same data always gives the same bytes.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
