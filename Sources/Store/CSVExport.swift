import Base
import CSV
import Foundation
import GRDB

/// Writes every table as one CSV file (`members.csv`, …): the shape of a user's own export,
/// which `almanac import` reads back unchanged.
public enum CSVExport {
    /// Writes all tables into `folder` (created if missing) and returns the files written,
    /// in import order. All or nothing: every table goes to a `.partial` file first, and the
    /// files replace the old set only when all of them are complete, so a full disk leaves the
    /// previous CSV files, never a mix of old and new.
    @discardableResult
    public static func writeAll(_ queue: DatabaseQueue, to folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let paths = Schema.tableOrder.map { (folder as NSString).appendingPathComponent("\($0).csv") }
        let temps = paths.map { $0 + ".partial" }
        let pending = temps.map { Cleanup.shared.remove($0) }  // removed if SIGINT/SIGTERM stops us
        defer { pending.forEach(Cleanup.shared.done) }
        do {
            try queue.read { db in
                for (table, (path, temp)) in zip(Schema.tableOrder, zip(paths, temps)) { try write(db, table: table, to: temp, for: path) }
            }
            try Cleanup.shared.unlessStopped {
                for (path, temp) in zip(paths, temps) { try DatabaseFiles.replace(path, with: temp) }
            }
        } catch {
            // Only files: a folder of that name was not made here.
            for temp in temps where FileKind.of(temp) == .regular { try? FileManager.default.removeItem(atPath: temp) }
            throw error
        }
        return paths
    }

    /// Writes `table` to `temp`, the file that will become `path`.
    static func write(_ db: Database, table: String, to temp: String, for path: String) throws {
        let info = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))")
        let columns = info.map { $0["name"] as String }
        let key = info.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }.map { $0["name"] as String }
        guard let stream = OutputStream(toFileAtPath: temp, append: false) else {
            throw StoreError("\(path): cannot create this file; check the folder's permissions")
        }
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY \((key.isEmpty ? columns : key).joined(separator: ", "))")
        let writer: CSVWriter
        do {
            writer = try CSVWriter(stream: stream)
            try writer.write(row: columns)
            while let row = try cursor.next() { try writer.write(row: row.databaseValues.map(text)) }
        } catch let error as DatabaseError {
            throw error
        } catch {
            stream.close()
            throw StoreError("\(path): could not be written (\(error)); check that its disk has free space; the previous CSV files are unchanged")
        }
        // A failed write (a full disk) was thrown above as CSVError.cannotWriteStream.
        writer.stream.close()
    }

    /// NULL is an empty field; numbers keep their SQL text form (2.0 for REAL, so types survive).
    static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return ""
        case .int64(let n): return String(n)
        case .double(let x): return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
        case .string(let s): return s
        case .blob(let d): return d.base64EncodedString()
        }
    }
}
