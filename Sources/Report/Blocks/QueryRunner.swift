import Base
import Metrics
import ReportSyntax

/// The named SQL queries of a report's front matter, run through Metrics (read-only, refused
/// if they would write, stopped after a time limit) and turned into table data.
struct QueryRunner: Sendable {
    static let rowLimit = 100_000

    let engine: MetricsEngine
    let queries: [ReportSettings.Query]
    let timeLimit: Double

    var names: [String] { queries.map(\.name) }

    func query(named name: String) -> ReportSettings.Query? { queries.first { $0.name == name } }

    func run(_ query: ReportSettings.Query) throws -> TableData {
        let result: QueryResult
        do {
            result = try engine.query(query.sql, timeLimit: timeLimit, rowLimit: Self.rowLimit)
        } catch {
            throw ReportError(query.location, Self.message(error, query: query.name, timeLimit: timeLimit))
        }
        let columns = result.columns
        // A column is numeric when every value in it is a number or NULL.
        var numeric = Set(columns)
        let rows = result.rows.map { values in
            var cells: [String: TableData.Cell] = [:]
            for (name, value) in zip(columns, values) {
                switch value {
                case .null: cells[name] = .empty
                case .integer(let n): cells[name] = .count(Double(n))
                case .real(let x): cells[name] = .count(x)
                case .text(let s): cells[name] = .text(s); numeric.remove(name)
                }
            }
            return cells
        }
        return TableData(columns: columns, labels: Dictionary(uniqueKeysWithValues: columns.map { ($0, $0) }), rows: rows, numeric: numeric)
    }

    static func message(_ failure: QueryFailure, query name: String, timeLimit: Double) -> String {
        switch failure {
        case .writes: "query \(name) would change the database; report queries may only SELECT"
        case .tooManyRows(let limit): "query \(name) returned more than \(NumberText.grouped(Double(limit))) rows; add a LIMIT or aggregate"
        case .timedOut(let limit):
            "query \(name) took longer than \(NumberText.grouped(limit, decimals: limit < 1 ? 1 : 0)) s and was stopped; simplify it or add an index"
        case .failed(let message): "query \(name) failed: \(message)"
        case .tooLarge(let message): "query \(name) is too large: \(message)"
        }
    }
}
