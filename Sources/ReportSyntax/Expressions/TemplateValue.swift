import Base

/// A value an expression can print. Counts and ratios are kept apart so that each prints in
/// its natural form without a formatter: 1,639 members, 52% growth.
public enum TemplateValue: Sendable, Equatable {
    /// A quantity of things: members, activities, countries (may be fractional for averages).
    case count(Double)
    /// A proportion where 1 is 100%: growth, retention, shares, change_pct.
    case ratio(Double)
    case text(String)
    case date(CalendarDate)
    /// A metric without a value in this period (growth from zero members), with the reason.
    case missing(String)

    /// The default rendering, used when an expression has no formatter.
    public var plain: String {
        switch self {
        case .count(let n): return NumberText.grouped(n, decimals: n == n.rounded() ? 0 : 1)
        case .ratio(let r): return NumberText.percent(r, decimals: 0)
        case .text(let s): return s
        case .date(let d): return DateText.long(d)
        case .missing: return "—"
        }
    }
}
