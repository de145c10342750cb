import Base
import Foundation

/// How many decimals chart labels need; the text itself comes from `Formatting.NumberText`,
/// the one number formatter of every module.
enum NumberFormat {
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
        case .number: NumberText.grouped(value, decimals: decimals)
        case .percent: NumberText.percent(value, decimals: decimals)
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
