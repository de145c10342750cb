import Foundation

/// Locale-independent number formatting: "1,640", "53%", "+52%", "−3%". The same output on every
/// machine, because a report's numbers must not change with the reader's locale settings.
public enum NumberFormat {
    /// The typographic minus (U+2212): as wide as the plus, and not a hyphen.
    public static let minus = "\u{2212}"

    /// `value` with thousands separators and `decimals` decimals.
    public static func number(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        let factor = pow(10, Double(decimals))
        let rounded = (abs(value) * factor).rounded() / factor
        let negative = value < 0 && rounded != 0
        let whole = rounded.rounded(.down)
        var digits = String(format: "%.0f", whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if decimals > 0 {
            let frac = String(format: "%.\(decimals)f", rounded - whole).dropFirst(1) // ".25"
            grouped += frac
        }
        return (negative ? minus : "") + grouped
    }

    /// A fraction as a percentage: 0.53 → "53%".
    public static func percent(_ fraction: Double, decimals: Int = 0) -> String {
        number(fraction * 100, decimals: decimals) + "%"
    }

    /// A change with its sign: 0.52 → "+52%", −0.03 → "−3%", 0 → "±0%".
    public static func signedPercent(_ fraction: Double, decimals: Int = 0) -> String {
        let text = percent(abs(fraction), decimals: decimals)
        if text == percent(0, decimals: decimals) { return "±" + text }
        return (fraction > 0 ? "+" : minus) + text
    }

    /// A signed count: +568, −12, ±0.
    public static func signedNumber(_ value: Double, decimals: Int = 0) -> String {
        let text = number(abs(value), decimals: decimals)
        if text == number(0, decimals: decimals) { return "±" + text }
        return (value > 0 ? "+" : minus) + text
    }

    /// Decimals needed to show values like these without false precision: none for whole numbers,
    /// one for small fractional values.
    static func decimals(for values: [Double]) -> Int {
        let fractional = values.contains { $0.isFinite && abs($0 - $0.rounded()) > 1e-9 }
        guard fractional else { return 0 }
        let largest = values.map(abs).max() ?? 0
        return largest >= 100 ? 0 : 1
    }
}

extension ValueFormat {
    /// A value as printed on a label.
    func string(_ value: Double, decimals: Int) -> String {
        switch self {
        case .number: NumberFormat.number(value, decimals: decimals)
        case .percent: NumberFormat.percent(value, decimals: decimals)
        }
    }

    /// Decimals for labels of these values.
    func decimals(for values: [Double]) -> Int {
        switch self {
        case .number: NumberFormat.decimals(for: values)
        case .percent: NumberFormat.decimals(for: values.map { $0 * 100 })
        }
    }
}
