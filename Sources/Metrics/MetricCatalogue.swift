/// What a metric is: its stable name, its shape, its unit and its definition in one line.
public struct MetricDefinition: Hashable, Sendable {
    /// A single number, or one number per group (region, month, kind, …).
    public enum Shape: String, Hashable, Sendable { case scalar, grouped }
    /// How to read the number: a count of things, or a fraction (0.52 means 52%).
    public enum Unit: String, Hashable, Sendable { case count, ratio }

    public let name: String
    public let shape: Shape
    public let unit: Unit
    public let definition: String
}

/// Every metric Almanac computes, in the order reports and `almanac metrics --list` show them.
/// Names are a contract (DESIGN.md, "Metric definitions"): add new ones, never rename.
public enum MetricCatalogue {
    public static let all: [MetricDefinition] = [
        scalar("members.start", "Members on the day before the period starts"),
        scalar("members.end", "Members on the last day of the period"),
        scalar("members.new", "People who joined during the period"),
        scalar("members.lapsed", "Members whose membership ended during the period (left_on in the period)"),
        scalar("members.growth", "Change in members over the period as a fraction of members.start (none when the period starts with no members)", .ratio),
        scalar("members.retention", "Share of the members at the start who are still members at the end (none when there were none at the start)", .ratio),
        grouped("members.monthly", "Members at each month end from the first member's joining to the period end (the last point is the period end)"),
        grouped("members.by_region", "Members at the period end by region of their country; every region is listed, members with no known region form one row"),
        grouped("members.by_country", "Members at the period end by country code; members with no country form one row"),
        grouped("members.by_sector", "Members at the period end by sector; members with no sector form one row"),
        scalar("countries.count", "Distinct countries of the members at the period end"),
        scalar("working_groups.established", "Working groups established during the period"),
        scalar("working_groups.total", "Working groups established on or before the period end"),
        grouped("working_groups.members", "Members of each working group (established by the period end) on the period's last day"),
        grouped("working_groups.by_kind", "Working groups established by the period end, by kind (regional, thematic)"),
        scalar("activities.count", "Activities held during the period"),
        grouped("activities.by_kind", "Activities held during the period by kind; activities with no kind form one row"),
        grouped("activities.by_month", "Activities held in each month of the period (YYYY-MM)"),
        grouped("activities.by_working_group", "Activities held during the period by organizing working group; activities of no group form one row"),
        scalar("activities.participants", "Sum of the participant counts recorded for the period's activities"),
        scalar("activities.without_participants", "Activities held during the period with no participant count recorded"),
        scalar("partners.engaged", "Distinct partners of the activities held during the period"),
        grouped("partners.by_name", "Activities held during the period with each partner, by partner name"),
        scalar("engagement.rate", "Share of the members at the period end who attended at least one activity during the period", .ratio),
    ]

    /// The definition of `name`, or nil when no metric has that name.
    public static func definition(_ name: String) -> MetricDefinition? { byName[name] }

    /// Every metric name, in catalogue order.
    public static var names: [String] { all.map(\.name) }

    private static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    private static func scalar(_ name: String, _ definition: String, _ unit: MetricDefinition.Unit = .count) -> MetricDefinition {
        MetricDefinition(name: name, shape: .scalar, unit: unit, definition: definition)
    }

    private static func grouped(_ name: String, _ definition: String) -> MetricDefinition {
        MetricDefinition(name: name, shape: .grouped, unit: .count, definition: definition)
    }
}
