import CSV
import Foundation
import GRDB

/// Writes every table as one CSV file (`members.csv`, …): the shape of a user's own export,
/// which `almanac import` reads back unchanged.
public enum CSVExport {
    /// Writes all tables into `folder` (created if missing) and returns the files written,
    /// in import order.
    @discardableResult
    public static func writeAll(_ queue: DatabaseQueue, to folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return try queue.read { db in
            try Schema.tableOrder.map { table in
                let path = (folder as NSString).appendingPathComponent("\(table).csv")
                try write(db, table: table, to: path)
                return path
            }
        }
    }

    static func write(_ db: Database, table: String, to path: String) throws {
        let info = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))")
        let columns = info.map { $0["name"] as String }
        let key = info.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }.map { $0["name"] as String }
        let temp = path + ".partial"
        guard let stream = OutputStream(toFileAtPath: temp, append: false) else {
            throw StoreError("\(path): cannot create this file; check the folder's permissions")
        }
        do {
            let writer = try CSVWriter(stream: stream)
            try writer.write(row: columns)
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY \((key.isEmpty ? columns : key).joined(separator: ", "))")
            while let row = try cursor.next() {
                try writer.write(row: row.databaseValues.map(text))
            }
            writer.stream.close()
            try DatabaseFiles.replace(path, with: temp)
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            throw error
        }
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
