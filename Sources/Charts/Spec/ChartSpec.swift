import Foundation
import Base

/// What a report author writes in a ```` ```chart ```` block: a plain value, decoded from YAML or
/// JSON. Every field but `type` and `data` is optional; `nil` means "the type's sensible default".
///
/// ```yaml
/// type: grouped-bar
/// data: members.by_region
/// title: Members by region
/// compare: true
/// sort: value
/// ```
public struct ChartSpec: Sendable, Hashable, Codable {
    public var type: ChartType
    /// The metric (or named query) the data comes from, e.g. `members.by_region`.
    public var data: String
    public var title: String?
    /// A sentence under the chart: what to notice.
    public var caption: String?
    /// Where the numbers come from ("Source: membership database, 31 Dec 2023").
    public var source: String?
    /// Show the previous period beside (bars) or under (lines) the current one.
    public var compare: Bool?
    public var sort: SortOrder?
    /// Show at most this many categories; the rest are summed into "Other".
    public var limit: Int?
    /// Colour overrides by category name, or `*` for a single-series chart ("#7a1f3d").
    public var colors: [String: String]?
    public var orientation: Orientation?
    public var format: ValueFormat?
    /// Value labels on bars and slices (default on).
    public var labels: Bool?
    /// Donut and pie: slices below this share of the total are folded into "Other" (default 0.03).
    public var other: Double?
    /// Height in points; by default a chart takes the height its content needs.
    public var height: Double?
    /// Categories that share colours across charts (default: from `data`, e.g. `region` for
    /// `members.by_region`); charts with the same scope give a category the same colour.
    public var scope: String?

    public init(type: ChartType, data: String, title: String? = nil, caption: String? = nil, source: String? = nil,
                compare: Bool? = nil, sort: SortOrder? = nil, limit: Int? = nil, colors: [String: String]? = nil,
                orientation: Orientation? = nil, format: ValueFormat? = nil, labels: Bool? = nil,
                other: Double? = nil, height: Double? = nil, scope: String? = nil) {
        self.type = type
        self.data = data
        self.title = title
        self.caption = caption
        self.source = source
        self.compare = compare
        self.sort = sort
        self.limit = limit
        self.colors = colors
        self.orientation = orientation
        self.format = format
        self.labels = labels
        self.other = other
        self.height = height
        self.scope = scope
    }

    /// The keys a chart block may contain: the report engine reports any other key as an error.
    public static let knownKeys: [String] = [
        "type", "data", "title", "caption", "source", "compare", "sort", "limit", "colors",
        "orientation", "format", "labels", "other", "height", "scope",
    ]

    /// Problems a decoder cannot see, each one sentence naming the field.
    public func validate() -> [String] {
        var problems: [String] = []
        if data.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("data: a metric name is required") }
        if let limit, limit < 1 { problems.append("limit: must be at least 1 (got \(limit))") }
        if let other, !(0..<1).contains(other) { problems.append("other: must be a share between 0 and 1 (got \(other))") }
        if let height, !(height >= 40 && height <= 2000) { problems.append("height: must be between 40 and 2000 points") }
        for (name, hex) in (colors ?? [:]).sorted(by: { $0.key < $1.key }) where Color(hex: hex) == nil {
            problems.append("colors.\(name): '\(hex)' is not a colour like \"#1f5f8b\"")
        }
        return problems
    }

    // MARK: Resolved defaults

    var resolvedOrientation: Orientation {
        if let orientation { return orientation }
        return type == .column || type == .stackedBar ? .vertical : .horizontal
    }
    var showsPrevious: Bool { compare ?? (type == .groupedBar) }
    var showsLabels: Bool { labels ?? true }
    var otherThreshold: Double { other ?? 0.03 }
    var resolvedSort: SortOrder {
        if let sort { return sort }
        switch type {
        case .bar, .groupedBar, .donut, .pie: return .value
        default: return .given
        }
    }
    /// The colour scope: `members.by_region` → `region`.
    var colorScope: String {
        if let scope { return scope }
        if let r = data.range(of: "by_", options: .backwards) { return String(data[r.upperBound...]) }
        return data
    }
}
