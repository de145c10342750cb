import Foundation

/// The kinds of chart a report can ask for. Raw values are what a report author writes
/// (`type: grouped-bar`); underscores and spaces are accepted too.
public enum ChartType: String, Sendable, Hashable, Codable, CaseIterable {
    case line, area
    /// Horizontal bars: the default for categories, because long names read on one line.
    case bar
    /// Vertical bars: for a few short categories or periods.
    case column
    /// This period beside the previous one, per category.
    case groupedBar = "grouped-bar"
    /// Segments per category with the total at the end.
    case stackedBar = "stacked-bar"
    case donut, pie
    /// A row of key-figure tiles.
    case kpi
    case sparkline

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let raw = try c.decode(String.self)
        guard let type = ChartType(name: raw) else {
            let names = ChartType.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown chart type '\(raw)' (expected one of \(names))")
        }
        self = type
    }

    /// Parses a type name leniently: case-insensitive, `_` or space for `-`, and a few synonyms.
    public init?(name: String) {
        let n = name.lowercased().trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        switch n {
        case "grouped", "grouped-bars", "grouped-column", "grouped-columns": self = .groupedBar
        case "stacked", "stacked-bars", "stacked-column", "stacked-columns": self = .stackedBar
        case "bars", "horizontal-bar": self = .bar
        case "columns", "vertical-bar": self = .column
        case "kpis", "tiles", "kpi-tiles": self = .kpi
        default:
            guard let t = ChartType(rawValue: n) else { return nil }
            self = t
        }
    }
}
