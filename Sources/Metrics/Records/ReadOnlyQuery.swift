import Dispatch
import GRDB
import GRDBSQLite

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
    /// A result larger than the limits (`ReadOnlyQuery.maxCellBytes` and friends), said for people.
    case tooLarge(String)
}

/// Runs report authors' SQL queries on a database opened read-only: statements that would
/// write are refused before they run, and a query is interrupted at its time limit.
struct ReadOnlyQuery: Sendable {
    let queue: DatabaseQueue
    /// Bounds on what a query may hand to the typesetter, whose time and memory grow with it
    /// (the time limit stops SQL, not the layout of a 50 MB cell): one value, the whole result,
    /// and the columns a page can hold.
    static let maxCellBytes = 1 << 20
    static let maxResultBytes = 16 << 20
    static let maxColumns = 64

    /// Wraps a queue opened with `AlmanacDatabase.openForReading`.
    init(_ queue: DatabaseQueue) { self.queue = queue }

    func run(_ sql: String, timeLimit: Double, rowLimit: Int) throws(QueryFailure) -> QueryResult {
        let queue = self.queue
        let timer = DispatchWorkItem { queue.interrupt() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: timer)
        defer { timer.cancel() }
        do {
            return try queue.read { db in
                // No ATTACH (reading any other file on the machine into the PDF), and no value
                // SQLite builds may exceed a cell's limit (`zeroblob(1e9)` would take a gigabyte).
                let connection = db.sqliteConnection
                let (attached, length) = (sqlite3_limit(connection, SQLITE_LIMIT_ATTACHED, 0), sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, Int32(Self.maxCellBytes)))
                defer {
                    sqlite3_limit(connection, SQLITE_LIMIT_ATTACHED, attached)
                    sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, length)
                }
                let statement = try db.makeStatement(sql: sql)
                guard statement.isReadonly else { throw QueryFailure.writes }
                let columns = statement.columnNames
                if columns.count > Self.maxColumns {
                    throw QueryFailure.tooLarge("the query returns \(columns.count) columns; a table holds at most \(Self.maxColumns): select fewer columns")
                }
                var total = 0
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
                    for cell in rows[rows.count - 1] {
                        guard case .text(let t) = cell else { total += 8; continue }
                        let bytes = t.utf8.count
                        if bytes > Self.maxCellBytes {
                            throw QueryFailure.tooLarge("row \(rows.count) has a value of \(bytes) bytes; a cell holds at most 1 MB: select less (substr(…))")
                        }
                        total += bytes
                    }
                    if total > Self.maxResultBytes {
                        throw QueryFailure.tooLarge("the result passes 16 MB by row \(rows.count); a report query returns at most 16 MB: select fewer rows or columns")
                    }
                }
                return QueryResult(columns: columns, rows: rows)
            }
        } catch let failure as QueryFailure {
            throw failure
        } catch let error as DatabaseError where (error.message ?? "").contains("too many attached databases") {
            throw .failed("ATTACH is not allowed in report queries (it would read another file); query the report's own database")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_TOOBIG {
            throw .tooLarge("a value would pass 1 MB, the most a cell holds: select less (substr(…))")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT {
            throw .timedOut(limit: timeLimit)
        } catch let error as DatabaseError {
            throw .failed(error.message ?? "\(error)")
        } catch {
            throw .failed("\(error)")
        }
    }
}
