/// How categories are ordered before drawing.
public enum SortOrder: String, Sendable, Hashable, Codable, CaseIterable {
    /// Largest value first.
    case value
    /// Smallest value first.
    case ascending
    /// By key (alphabetical, or chronological for dates).
    case key
    /// As the data gives them.
    case given
}

/// Direction of the bars.
public enum Orientation: String, Sendable, Hashable, Codable, CaseIterable {
    case horizontal, vertical
}

/// How values print.
public enum ValueFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// Thousands separators; decimals only when the values need them.
    case number
    /// Values are fractions (0.53) printed as percentages ("53%").
    case percent
}
