import Base
import Metrics
import ReportSyntax

/// A rectangle of values for a table or chart, whatever its source: a grouped metric, a list
/// of scalar metrics, targets, grants, activities, or a named SQL query.
struct TableData {
    /// One cell's value: numbers keep their kind so they print as counts or percentages.
    enum Cell: Sendable, Equatable {
        case text(String)
        case count(Double)
        case ratio(Double)
        /// Differences: "+563", "+52%", "−1.8 pts" (a change of a ratio is in percentage points).
        case change(Double)
        case changePct(Double)
        case points(Double)
        case empty

        var number: Double? {
            switch self {
            case .count(let n), .ratio(let n), .change(let n), .changePct(let n), .points(let n): return n
            default: return nil
            }
        }

        var display: String {
            switch self {
            case .text(let t): return t
            case .count(let n): return NumberText.grouped(n, decimals: n == n.rounded() ? 0 : 1)
            case .ratio(let r): return NumberText.percent(r, decimals: abs(r) < 0.1 && r != 0 ? 1 : 0)
            case .change(let n): return NumberText.signed(n, decimals: n == n.rounded() ? 0 : 1)
            case .changePct(let r): return NumberText.signedPercent(r, decimals: Change.decimals(r))
            case .points(let r): return NumberText.signedPoints(r, decimals: Change.decimals(r))
            case .empty: return "—"
            }
        }
    }

    /// Column names (`key`, `value`, … or a query's columns) and default header labels.
    var columns: [String]
    var labels: [String: String]
    var rows: [[String: Cell]]
    /// Columns whose cells are numbers (right-aligned, tabular figures, summed in totals).
    var numeric: Set<String>
    /// Relative column widths where content sizing would wrap short values (dates).
    var widths: [String: Double] = [:]
}

extension TableData.Cell {
    static func count(_ n: Double?) -> Self { n.map { .count($0) } ?? .empty }
    static func ratio(_ r: Double?) -> Self { r.map { .ratio($0) } ?? .empty }
    static func change(_ n: Double?) -> Self { n.map { .change($0) } ?? .empty }
    static func changePct(_ r: Double?) -> Self { r.map { .changePct($0) } ?? .empty }
    static func points(_ r: Double?) -> Self { r.map { .points($0) } ?? .empty }
}
