import Base

/// What a metric is and how a reader is told about it: its stable name, shape, unit, label,
/// the noun it counts, whether a rise is good news, how its change is shown and its written
/// definition. Tables, KPI tiles, charts, summaries, alt text, the lint and the methods
/// appendix all read this one value instead of re-deriving it.
public struct MetricDefinition: Hashable, Sendable {
    /// A single number, or one number per group (region, month, kind, …).
    public enum Shape: String, Hashable, Sendable { case scalar, grouped }
    /// How to read the number: a count of things, a fraction (0.52 means 52%), or money.
    public enum Unit: String, Hashable, Sendable { case count, ratio, money }

    /// The thing a count counts, in the singular and plural: member/members.
    public struct Noun: Hashable, Sendable {
        public let singular: String
        public let plural: String
        public init(_ singular: String, _ plural: String? = nil) {
            self.singular = singular
            self.plural = plural ?? EnglishNoun.plural(singular)
        }
        public func form(for n: Double) -> String { n == 1 ? singular : plural }
    }

    public let name: String
    public let shape: Shape
    public let unit: Unit
    /// How the metric is named in tables and tiles: "Members at the end".
    public let label: String
    /// What a count counts. For grouped metrics whose groups are kinds of thing
    /// (`activities.by_kind`), `nounFromKey` says the group's own name is the noun: the group
    /// `webinar` counts webinars.
    public let noun: Noun?
    public let nounFromKey: Bool
    /// False where a rise is bad news (members who left).
    public let upIsGood: Bool
    /// True when the value is itself a change in percent of a previous value (members.growth),
    /// so `| change` words it as one ("grew over 50%").
    public let isRelativeChange: Bool
    public let changeRule: ChangeRule
    /// The column heading for the groups of a grouped metric ("Region").
    public let groupLabel: String?
    /// How the group without a name reads ("No region").
    public let noKeyLabel: String
    public let definition: String

    /// The noun of one group of this metric: `webinar` for `activities.by_kind[webinar]`,
    /// `member` for `members.by_region[Africa]`.
    public func noun(key: String?) -> Noun? {
        if nounFromKey, let key, !key.isEmpty { return Noun(key.lowercased()) }
        return noun
    }
}

/// Every metric Almanac computes, in the order reports and `almanac metrics --list` show them.
/// Names are a contract (DESIGN.md, "Metric definitions"): add new ones, never rename.
public enum MetricCatalogue {
    public static let all: [MetricDefinition] = [
        count("members.start", "Members at the start", "member", "Members on the day before the period starts"),
        count("members.end", "Members at the end", "member", "Members on the last day of the period"),
        count("members.new", "New members", "new member", "People who joined during the period"),
        count("members.lapsed", "Lapsed members", "member", "Members whose membership ended during the period (left_on in the period)", upIsGood: false),
        ratio("members.growth", "Growth in membership", "Change in members over the period as a fraction of members.start (none when the period starts with no members)", relativeChange: true),
        ratio("members.retention", "Retention", "Share of the members at the start who are still members at the end (none when there were none at the start)"),
        grouped("members.monthly", "Members at each month end", "member", group: "Month", "Members at each month end from the first member's joining to the period end (the last point is the period end)"),
        grouped("members.by_region", "Members by region", "member", group: "Region", noKey: "No region", "Members at the period end by region of their country; every region is listed, members with no known region form one row"),
        grouped("members.by_country", "Members by country", "member", group: "Country", noKey: "No country", "Members at the period end by country code; members with no country form one row"),
        grouped("members.by_sector", "Members by sector", "member", group: "Sector", noKey: "No sector", "Members at the period end by sector; members with no sector form one row"),
        count("countries.count", "Countries represented", "country", "Distinct countries of the members at the period end"),
        count("working_groups.established", "Working groups established", "working group", "Working groups established during the period"),
        count("working_groups.total", "Working groups", "working group", "Working groups established on or before the period end"),
        grouped("working_groups.members", "Members of each working group", "member", group: "Working group", "Members of each working group (established by the period end) on the period's last day"),
        grouped("working_groups.by_kind", "Working groups by kind", "working group", group: "Kind", noKey: "No kind", "Working groups established by the period end, by kind (regional, thematic)"),
        count("activities.count", "Activities", "activity", "Activities held during the period"),
        grouped("activities.by_kind", "Activities by kind", "activity", group: "Kind", noKey: "No kind", nounFromKey: true, "Activities held during the period by kind (kinds that differ only in capitals are one kind); activities with no kind form one row"),
        grouped("activities.by_month", "Activities by month", "activity", group: "Month", "Activities held in each month of the period (YYYY-MM)"),
        grouped("activities.by_working_group", "Activities by working group", "activity", group: "Working group", noKey: "No working group", "Activities held during the period by organizing working group; activities of no group form one row"),
        count("activities.participants", "Participants", "participant", "Sum of the participant counts recorded for the period's activities"),
        count("activities.without_participants", "Activities without a participant count", "activity", "Activities held during the period with no participant count recorded"),
        count("partners.engaged", "Partners engaged", "partner", "Distinct partners of the activities held during the period"),
        grouped("partners.by_name", "Activities by partner", "activity", group: "Partner", "Activities held during the period with each partner, by partner name"),
        ratio("engagement.rate", "Members who took part", "Share of the members at the period end who attended at least one activity during the period"),
    ]

    /// The definition of `name`, or nil when no metric has that name.
    public static func definition(_ name: String) -> MetricDefinition? { byName[name] }

    /// Every metric name, in catalogue order.
    public static var names: [String] { all.map(\.name) }

    private static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    private static func count(_ name: String, _ label: String, _ noun: String, _ definition: String, upIsGood: Bool = true) -> MetricDefinition {
        MetricDefinition(name: name, shape: .scalar, unit: .count, label: label, noun: .init(noun), nounFromKey: false,
                         upIsGood: upIsGood, isRelativeChange: false, changeRule: .percent, groupLabel: nil, noKeyLabel: "Not stated", definition: definition)
    }

    private static func ratio(_ name: String, _ label: String, _ definition: String, relativeChange: Bool = false) -> MetricDefinition {
        MetricDefinition(name: name, shape: .scalar, unit: .ratio, label: label, noun: nil, nounFromKey: false,
                         upIsGood: true, isRelativeChange: relativeChange, changeRule: .points, groupLabel: nil, noKeyLabel: "Not stated", definition: definition)
    }

    private static func grouped(_ name: String, _ label: String, _ noun: String, group: String, noKey: String = "Not stated",
                                nounFromKey: Bool = false, _ definition: String) -> MetricDefinition {
        MetricDefinition(name: name, shape: .grouped, unit: .count, label: label, noun: .init(noun), nounFromKey: nounFromKey,
                         upIsGood: true, isRelativeChange: false, changeRule: .percent, groupLabel: group, noKeyLabel: noKey, definition: definition)
    }
}
