import Foundation
import GRDB

/// Databases edited around the schema, as other tools and hand edits leave them: a small
/// sample, copied, with tables rebuilt without types or constraints so any value fits.
enum HandEdits {
    /// One 200-member sample per test run, copied for each case.
    static let sample: String = {
        let dir = NSTemporaryDirectory() + "almanac-hand-edits-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/sample.db"
        if !FileManager.default.fileExists(atPath: path) {
            let r = try! CLI.run(["sample", path, "--members", "200"])
            precondition(r.status == 0, r.stderr)
        }
        return path
    }()

    /// A copy of the sample in `dir` with `tables` loosened (no types, no constraints) and `sql` run.
    static func copy(in dir: TempDir, loosen tables: [String] = [], _ sql: String = "") throws -> String {
        let path = dir.file("edited-\(UUID().uuidString.prefix(6)).db")
        try FileManager.default.copyItem(atPath: sample, toPath: path)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON; PRAGMA ignore_check_constraints = ON")
            for table in tables { try loosen(table, db) }
            if !sql.isEmpty { try db.execute(sql: sql) }
        }
        try queue.close()
        return path
    }

    /// Rebuilds `table` with untyped columns (an `id` stays the rowid), keeping its rows.
    static func loosen(_ table: String, _ db: Database) throws {
        let columns = try db.columns(in: table).map(\.name)
        let defs = columns.map { $0 == "id" ? "id INTEGER PRIMARY KEY" : "\"\($0)\"" }.joined(separator: ", ")
        try db.execute(sql: """
            ALTER TABLE \(table) RENAME TO \(table)_old;
            CREATE TABLE \(table) (\(defs));
            INSERT INTO \(table) SELECT \(columns.map { "\"\($0)\"" }.joined(separator: ", ")) FROM \(table)_old;
            DROP TABLE \(table)_old;
            """)
    }
}
