import Dispatch
import GRDB

/// The result of a report author's own SQL query: column names and rows of plain values.
public struct QueryResult: Sendable, Equatable {
    public var columns: [String]
    public var rows: [[QueryValue]]
    public init(columns: [String], rows: [[QueryValue]]) { self.columns = columns; self.rows = rows }
}

/// One cell of a query result, by SQLite storage class (a BLOB is read as UTF-8 text).
public enum QueryValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// Why a report query was refused or stopped.
public enum QueryFailure: Error, Sendable, Equatable {
    /// The statement would change the database.
    case writes
    /// More rows than the limit.
    case tooManyRows(limit: Int)
    /// Stopped at the time limit (seconds).
    case timedOut(limit: Double)
    /// SQLite rejected the statement (syntax, unknown table …), with its message.
    case failed(String)
}

/// Runs report authors' SQL queries on a database opened read-only: statements that would
/// write are refused before they run, and a query is interrupted at its time limit.
struct ReadOnlyQuery: Sendable {
    let queue: DatabaseQueue

    /// Wraps a queue opened with `AlmanacDatabase.openForReading`.
    init(_ queue: DatabaseQueue) { self.queue = queue }

    func run(_ sql: String, timeLimit: Double, rowLimit: Int) throws(QueryFailure) -> QueryResult {
        let queue = self.queue
        let timer = DispatchWorkItem { queue.interrupt() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: timer)
        defer { timer.cancel() }
        do {
            return try queue.read { db in
                let statement = try db.makeStatement(sql: sql)
                guard statement.isReadonly else { throw QueryFailure.writes }
                let columns = statement.columnNames
                var rows: [[QueryValue]] = []
                let cursor = try Row.fetchCursor(statement)
                while let row = try cursor.next() {
                    rows.append((0..<columns.count).map { i in
                        let value: DatabaseValue = row[i]
                        switch value.storage {
                        case .null: return .null
                        case .int64(let n): return .integer(n)
                        case .double(let x): return .real(x)
                        case .string(let s): return .text(s)
                        case .blob(let data): return .text(String(decoding: data, as: UTF8.self))
                        }
                    })
                    if rows.count > rowLimit { throw QueryFailure.tooManyRows(limit: rowLimit) }
                }
                return QueryResult(columns: columns, rows: rows)
            }
        } catch let failure as QueryFailure {
            throw failure
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            throw .timedOut(limit: timeLimit)
        } catch let error as DatabaseError {
            throw .failed(error.message ?? "\(error)")
        } catch {
            throw .failed("\(error)")
        }
    }
}
