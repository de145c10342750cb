import ArgumentParser
import Base

/// Every number a user types is checked against a stated range before anything runs: NaN,
/// infinity, negative and absurd values (a 10^11-row table, a benchmark that never ends) are
/// usage errors (exit 64) saying the range, never a trap or a hang.
enum OptionRange {
    static func check(_ option: String, _ value: Double, _ range: ClosedRange<Double>) throws {
        // `contains` is false for NaN; infinity is outside every finite range.
        guard value.isFinite, range.contains(value) else {
            throw ValidationError("\(option) must be a number from \(show(range.lowerBound)) to \(show(range.upperBound)) (got \(value))")
        }
    }

    static func check(_ option: String, _ value: Int, _ range: ClosedRange<Int>) throws {
        guard range.contains(value) else {
            throw ValidationError("\(option) must be a whole number from \(range.lowerBound.formatted()) to \(range.upperBound.formatted()) (got \(value))")
        }
    }

    private static func show(_ x: Double) -> String {
        x == x.rounded() ? NumberText.grouped(x) : String(x)
    }
}
