import Foundation

/// Numbers as reports print them, the same on every machine whatever its locale: thousands
/// separators ("1,639"), a true minus sign ("−3", U+2212, as wide as the plus), percentages
/// ("52%") and signed changes ("+563", "+52%", "±0%"). Every module that prints a number for a
/// person uses this one definition, so a table, a chart label and a sentence always agree.
public enum NumberText {
    /// The typographic minus (U+2212): as wide as the plus, and not a hyphen.
    public static let minus = "\u{2212}"

    /// 1639 → "1,639"; −3 → "−3"; (1234.56, 1) → "1,234.6". Not finite → "—".
    public static func grouped(_ x: Double, decimals: Int = 0) -> String {
        guard x.isFinite else { return "—" }
        let scale = pow(10, Double(max(0, decimals)))
        let scaled = (abs(x) * scale).rounded()
        let whole = (scaled / scale).rounded(.down)
        var digits = String(format: "%.0f", whole)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        out = digits + out
        if decimals > 0 {
            let fraction = String(format: "%0\(decimals).0f", scaled - whole * scale)
            out += "." + fraction
        }
        return (x < 0 && scaled != 0 ? minus : "") + out
    }

    /// A fraction as a percentage: 0.523 → "52%"; (0.523, 1) → "52.3%".
    public static func percent(_ fraction: Double, decimals: Int = 0) -> String {
        grouped(fraction * 100, decimals: decimals) + "%"
    }

    /// A change with its sign: +563, −12, ±0.
    public static func signed(_ value: Double, decimals: Int = 0) -> String {
        sign(value, grouped(abs(value), decimals: decimals), zero: grouped(0, decimals: decimals))
    }

    /// A relative change with its sign: 0.52 → "+52%", −0.03 → "−3%", 0 → "±0%".
    public static func signedPercent(_ fraction: Double, decimals: Int = 0) -> String {
        sign(fraction, percent(abs(fraction), decimals: decimals), zero: percent(0, decimals: decimals))
    }

    /// A change of a ratio in percentage points: 0.018 → "+1.8 pts".
    public static func signedPoints(_ fraction: Double, decimals: Int = 0) -> String {
        signed(fraction * 100, decimals: decimals) + " pts"
    }

    private static func sign(_ value: Double, _ magnitude: String, zero: String) -> String {
        magnitude == zero ? "±" + magnitude : (value > 0 ? "+" : minus) + magnitude
    }
}

/// Dates in English as reports print them: "31 December 2023", "31 Dec 2023", "December 2023".
public enum DateText {
    public static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]

    public static func long(year: Int, month: Int, day: Int) -> String { "\(day) \(months[month - 1]) \(year)" }
    public static func short(year: Int, month: Int, day: Int) -> String { "\(day) \(months[month - 1].prefix(3)) \(year)" }
    public static func monthYear(year: Int, month: Int) -> String { "\(months[month - 1]) \(year)" }
    public static func shortMonth(_ month: Int) -> String { String(months[month - 1].prefix(3)) }
}

extension DateText {
    public static func long(_ d: CalendarDate) -> String { long(year: d.year, month: d.month, day: d.day) }
    public static func short(_ d: CalendarDate) -> String { short(year: d.year, month: d.month, day: d.day) }
    public static func monthYear(_ d: CalendarDate) -> String { monthYear(year: d.year, month: d.month) }
}
