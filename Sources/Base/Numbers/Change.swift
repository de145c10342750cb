/// How a change against the previous period is shown. The metric catalogue gives each metric
/// one rule; `Change` applies it, so a table, a KPI tile, a chart, a summary and an alt text
/// never show the same change two ways.
public enum ChangeRule: String, Hashable, Sendable, CaseIterable {
    /// In percent of the previous value ("+52%"); a difference instead when the base is small.
    case percent
    /// In percentage points, for ratios ("+1.8 pts"): a percent of a percent misleads.
    case points
    /// As a plain difference ("+9").
    case difference
}

/// Which way a number moved.
public enum ChangeDirection: String, Hashable, Sendable {
    case up, down, level
}

/// A number beside its previous value, and the one policy for showing the change between them.
///
/// - Ratios change in percentage points.
/// - Counts change in percent of the previous value, unless the previous value is below
///   `smallBase` (or zero): then the difference is shown, because "+400%" for 1 → 5 is noise.
/// - The direction is the sign of the raw difference; "level" only when nothing changed.
public struct Change: Hashable, Sendable {
    /// Below this previous value, a percent change is shown as a difference.
    public static let smallBase = 10.0

    public let value: Double
    public let previous: Double
    /// The rule actually applied (a `percent` rule on a small base becomes `difference`).
    public let rule: ChangeRule

    /// Nil when either number does not exist (no previous period to compare with).
    public init?(_ value: Double?, from previous: Double?, rule: ChangeRule) {
        guard let value, let previous, value.isFinite, previous.isFinite else { return nil }
        self.value = value
        self.previous = previous
        self.rule = rule == .percent && abs(previous) < Self.smallBase ? .difference : rule
    }

    /// The rule a set of changes shown side by side should share (one chart's change column):
    /// differences for all as soon as one base is small, so the column reads one way.
    public static func sharedRule(_ rule: ChangeRule, previousValues: [Double]) -> ChangeRule {
        rule == .percent && previousValues.contains(where: { abs($0) < smallBase }) ? .difference : rule
    }

    /// value − previous.
    public var difference: Double { value - previous }

    /// (value − previous) ÷ |previous| as a fraction (0.5 is +50%); nil when previous is 0.
    public var relative: Double? { Self.relative(value, from: previous) }

    /// The relative change of two numbers, nil when either is missing or the base is zero:
    /// the one definition behind every `change_pct`.
    public static func relative(_ value: Double?, from previous: Double?) -> Double? {
        guard let value, let previous, previous != 0 else { return nil }
        return (value - previous) / abs(previous)
    }

    public var direction: ChangeDirection {
        value > previous ? .up : (value < previous ? .down : .level)
    }

    /// The size of the change as the rule shows it, unsigned: "52%", "9", "1.8 pts".
    public var magnitude: String {
        switch rule {
        case .percent: return NumberText.percent(abs(relative ?? 0), decimals: Self.decimals(relative ?? 0))
        case .points: return NumberText.grouped(abs(difference) * 100, decimals: Self.decimals(difference)) + " pts"
        case .difference: return NumberText.grouped(abs(difference), decimals: difference == difference.rounded() ? 0 : 1)
        }
    }

    /// The signed change: "+52%", "−9", "+1.8 pts", "±0%".
    public var signed: String {
        switch rule {
        case .percent: return NumberText.signedPercent(relative ?? 0, decimals: Self.decimals(relative ?? 0))
        case .points: return NumberText.signedPoints(difference, decimals: Self.decimals(difference))
        case .difference: return NumberText.signed(difference, decimals: difference == difference.rounded() ? 0 : 1)
        }
    }

    /// One decimal for small fractions (4.2%), none otherwise (52%).
    public static func decimals(_ fraction: Double) -> Int { abs(fraction) < 0.1 && fraction != 0 ? 1 : 0 }
}
