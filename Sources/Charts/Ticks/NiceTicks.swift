import Foundation

/// Tick values at 1, 2 or 5 × 10ⁿ steps that cover the data, and the domain the axis should span.
public struct NiceTicks: Sendable, Hashable {
    public var values: [Double]
    public var step: Double
    /// The axis domain. It may end between ticks: see `tight`.
    public var domain: ClosedRange<Double>

    /// Ticks for `lower...upper`, aiming at about `count` intervals.
    ///
    /// With `tight`, the axis stops at the next *minor* step above the data instead of the next tick
    /// (1,700 rather than 2,000 for a maximum of 1,640), so a line does not leave a quarter of its
    /// box empty; the unlabelled top is read from the direct label on the last value.
    public init(lower: Double, upper: Double, count: Int = 5, tight: Bool = false) {
        var lo = lower.isFinite ? lower : 0
        var hi = upper.isFinite ? upper : 0
        if lo > hi { swap(&lo, &hi) }
        if lo == hi {
            // All values equal (or all zero): open a range above them so bars and lines have room.
            if hi == 0 { hi = 1 } else if hi > 0 { lo = min(lo, 0); hi = hi == lo ? hi + 1 : hi } else { hi = 0 }
        }
        let step = NiceTicks.nearestStep(lower: lo, upper: hi, count: count)
        let first = (lo / step).rounded(.down) * step
        var last = (hi / step).rounded(.up) * step
        var domainTop = last
        if tight {
            let minor = NiceTicks.minorStep(step)
            domainTop = max((hi / minor - 1e-9).rounded(.up) * minor, lo + minor)
            last = (domainTop / step + 1e-9).rounded(.down) * step
        }
        let n = Int(((last - first) / step).rounded()) + 1
        // Rounding: multiply rather than accumulate, and clean -0.
        values = (0..<max(1, n)).map { i in
            let v = first + Double(i) * step
            return abs(v) < step * 1e-9 ? 0 : NiceTicks.clean(v, step: step)
        }
        self.step = step
        domain = first...max(domainTop, first + step * 1e-6)
    }

    /// The smallest of 1, 2, 5 × 10ⁿ not below `rough`.
    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let fraction = rough / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// The 1, 2, 5 × 10ⁿ step whose interval count is nearest `count` (on ties, fewer ticks).
    static func nearestStep(lower: Double, upper: Double, count: Int) -> Double {
        let count = max(1, count)
        let rough = niceStep((upper - lower) / Double(count))
        let candidates = [rough / 2.5, rough / 2, rough].map { niceStep($0 * 0.999) }
        // Compare the intervals each step really gives once the ends are rounded outwards.
        func intervals(_ step: Double) -> Double { (upper / step).rounded(.up) - (lower / step).rounded(.down) }
        return candidates.min { a, b in
            let da = abs(log(intervals(a) / Double(count))), db = abs(log(intervals(b) / Double(count)))
            return da == db ? a > b : da < db
        } ?? rough
    }

    /// Subdivision of a step: 2 → 0.5 (four parts), 1 and 5 → fifths.
    static func minorStep(_ step: Double) -> Double {
        let magnitude = pow(10, log10(step).rounded(.down))
        let mantissa = (step / magnitude).rounded()
        return mantissa == 2 ? step / 4 : step / 5
    }

    /// Removes floating-point noise (0.30000000000000004 → 0.3) at the step's precision.
    static func clean(_ v: Double, step: Double) -> Double {
        let decimals = max(0, -Int(log10(step).rounded(.down)) + 1)
        let f = pow(10, Double(decimals))
        return (v * f).rounded() / f
    }

    /// Decimals needed to print these ticks distinctly.
    public var decimals: Int {
        guard step < 1 else { return 0 }
        return max(0, Int((-log10(step)).rounded(.up)))
    }
}
