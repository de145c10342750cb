import Base

/// A value an expression can print. Counts and ratios are kept apart so that each prints in
/// its natural form without a formatter: 1,639 members, 52% growth.
public enum TemplateValue: Sendable, Equatable {
    /// A quantity of things: members, activities, countries (may be fractional for averages).
    case count(Double)
    /// A proportion where 1 is 100%: retention, shares.
    case ratio(Double)
    /// A change of a count against the previous period: `members.end.change` (+563).
    case difference(Double)
    /// A change in percent of the previous value: `members.growth`, `*.change_pct` (0.52 is +52%).
    case relative(Double)
    /// A change of a ratio, in percentage points as a fraction: `members.retention.change`.
    case points(Double)
    case text(String)
    case date(CalendarDate)
    /// A metric without a value in this period (growth from zero members), with the reason.
    case missing(String)

    /// The default rendering, used when an expression has no formatter.
    public var plain: String {
        switch self {
        case .count(let n), .difference(let n): return NumberText.grouped(n, decimals: n == n.rounded() ? 0 : 1)
        case .ratio(let r), .relative(let r): return NumberText.percent(r, decimals: 0)
        case .points(let r): return NumberText.grouped(r * 100, decimals: 1) + " pts"
        case .text(let s): return s
        case .date(let d): return DateText.long(d)
        case .missing: return "—"
        }
    }

    /// The number behind the value (a ratio as its fraction); nil for text, dates, missing.
    public var number: Double? {
        switch self {
        case .count(let n), .ratio(let n), .difference(let n), .relative(let n), .points(let n): return n
        case .text, .date, .missing: return nil
        }
    }

    /// Counts and changes of counts print like counts.
    public var asCount: Double? {
        switch self { case .count(let n), .difference(let n): return n; default: return nil }
    }

    /// Ratios and relative changes print like percentages.
    public var asRatio: Double? {
        switch self { case .ratio(let r), .relative(let r): return r; default: return nil }
    }
}
