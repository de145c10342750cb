import Store

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

/// Locale-independent number text for reports: thousands separators and a true minus sign.
public enum NumberText {
    /// 1639 → "1,639"; -3 → "−3"; (1234.5, 1) → "1,234.5".
    public static func grouped(_ x: Double, decimals: Int = 0) -> String {
        guard x.isFinite else { return "—" }
        let scale = pow10(decimals)
        let rounded = (abs(x) * scale).rounded() / scale
        let whole = Int64(rounded.rounded(.down))
        var text = String(whole)
        var out = ""
        for (i, ch) in text.enumerated() {
            if i > 0, (text.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        if decimals > 0 {
            let frac = Int64(((rounded - Double(whole)) * scale).rounded())
            text = String(frac)
            out += "." + String(repeating: "0", count: max(0, decimals - text.count)) + text
        }
        let isZero = rounded == 0
        return (x < 0 && !isZero ? "−" : "") + out
    }

    /// 0.523 → "52%".
    public static func percent(_ ratio: Double, decimals: Int = 0) -> String {
        grouped(ratio * 100, decimals: decimals) + "%"
    }

    /// "+563", "−3", "+52%".
    public static func signed(_ text: String, negative: Bool, zero: Bool) -> String {
        zero || negative ? text : "+" + text
    }

    static func pow10(_ n: Int) -> Double { (0..<max(0, n)).reduce(1.0) { r, _ in r * 10 } }
}

/// English dates: "31 December 2023", "31 Dec 2023".
public enum DateText {
    public static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]

    public static func long(_ d: CalendarDate) -> String { "\(d.day) \(months[d.month - 1]) \(d.year)" }
    public static func short(_ d: CalendarDate) -> String { "\(d.day) \(months[d.month - 1].prefix(3)) \(d.year)" }
    public static func monthYear(_ d: CalendarDate) -> String { "\(months[d.month - 1]) \(d.year)" }
}
