import Store
import Dispatch
import Formatting
import GRDB
import ReportSyntax

/// Runs the named SQL queries of a report's front matter: read-only (the database is opened
/// read-only and statements that would write are refused) and stopped after a time limit.
struct QueryRunner: Sendable {
    let database: DatabaseQueue
    let queries: [ReportSettings.Query]
    let timeLimit: Double

    var names: [String] { queries.map(\.name) }

    func query(named name: String) -> ReportSettings.Query? { queries.first { $0.name == name } }

    func run(_ query: ReportSettings.Query) throws -> TableData {
        let database = self.database
        let timer = DispatchWorkItem { database.interrupt() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: timer)
        defer { timer.cancel() }
        do {
            return try database.read { db in
                let statement = try db.makeStatement(sql: query.sql)
                guard statement.isReadonly else {
                    throw ReportError(query.location, "query \(query.name) would change the database; report queries may only SELECT")
                }
                let columns = statement.columnNames
                var numeric = Set(columns)
                var rows: [[String: TableData.Cell]] = []
                let cursor = try Row.fetchCursor(statement)
                while let row = try cursor.next() {
                    var cells: [String: TableData.Cell] = [:]
                    for (i, name) in columns.enumerated() {
                        switch row[i] as DatabaseValue {
                        case let v where v.isNull: cells[name] = .empty
                        case let v:
                            if let n = Int64.fromDatabaseValue(v), case .int64 = v.storage { cells[name] = .count(Double(n)) }
                            else if case .double(let x) = v.storage { cells[name] = .count(x) }
                            else { cells[name] = .text(String.fromDatabaseValue(v) ?? ""); numeric.remove(name) }
                        }
                    }
                    rows.append(cells)
                    if rows.count > 100_000 {
                        throw ReportError(query.location, "query \(query.name) returned more than 100,000 rows; add a LIMIT or aggregate")
                    }
                }
                return TableData(columns: columns, labels: Dictionary(uniqueKeysWithValues: columns.map { ($0, $0) }), rows: rows, numeric: numeric)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            throw ReportError(query.location, "query \(query.name) took longer than \(NumberText.grouped(timeLimit, decimals: timeLimit < 1 ? 1 : 0)) s and was stopped; simplify it or add an index")
        } catch let error as DatabaseError {
            throw ReportError(query.location, "query \(query.name) failed: \(error.message ?? "\(error)")")
        }
    }
}
