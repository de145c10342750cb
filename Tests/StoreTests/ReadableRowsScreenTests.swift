import GRDB
import Testing
@testable import Store

/// The screen Metrics runs before it computes (`ReadableRows.suspect`) must never clear a table
/// that the row-by-row query would find a problem in: every column it checks, set to values of
/// every class and shape, in the table as the schema makes it (indexes read), rebuilt without
/// types or indexes (the table read), and rebuilt without types but with its indexes again.
@Suite("Readable rows screen")
struct ReadableRowsScreenTests {
    static let values = ["NULL", "''", "'  '", "' x'", "'x'", "X'FF'", "X''", "12345", "1.5", "9e999", "char(9)",
                         "'2023-1-05'", "'2023-01-05'", "'2023-01-05 '", "20230105"]
    static let skipped: Set<String> = ["attendance", "activity_partners", "working_group_members"]

    enum Shape: CaseIterable { case schema, untyped, untypedIndexed }

    /// Rebuilds `table` with untyped columns (an `id` stays the rowid), keeping its rows and,
    /// for `.untypedIndexed`, its indexes.
    static func loosen(_ table: String, _ db: Database, keepIndexes: Bool) throws {
        let indexes = try String.fetchAll(db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", arguments: [table])
        let columns = try db.columns(in: table).map(\.name)
        let defs = columns.map { $0 == "id" ? "id INTEGER PRIMARY KEY" : "\"\($0)\"" }.joined(separator: ", ")
        try db.execute(sql: """
            ALTER TABLE \(table) RENAME TO \(table)_old;
            CREATE TABLE \(table) (\(defs));
            INSERT INTO \(table) SELECT \(columns.map { "\"\($0)\"" }.joined(separator: ", ")) FROM \(table)_old;
            DROP TABLE \(table)_old;
            """)
        if keepIndexes { for sql in indexes { try db.execute(sql: sql) } }
    }

    @Test func theMessageIsTheSameWhetherATableIsScreenedFirstOrNot() throws {
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let queue = try AlmanacDatabase.create(at: scratch.path("sample.db"))
        try SampleGenerator(members: 120, seed: 5).write(into: queue)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            for (sql, expected) in [("UPDATE members SET joined_on = '2023-1-05' WHERE id = 7", "members row 7: joined_on is '2023-1-05', not a YYYY-MM-DD date"),
                                    ("UPDATE members SET name = '  ' WHERE id = 9", "members row 9: name is empty"),
                                    ("UPDATE members SET sector = X'00' WHERE id = 3", "members row 3: sector is X'00', not text")] {
                try db.inSavepoint {
                    try db.execute(sql: sql)
                    var messages: [String] = []
                    for screenFrom in [0, Int64.max] {
                        do {
                            try ReadableRows.verify(db, path: "x.db", screenFrom: screenFrom)
                            messages.append("none")
                        } catch {
                            messages.append("\(error)")
                        }
                    }
                    #expect(messages[0] == messages[1], "\(messages)")
                    #expect(messages[0].contains(expected), "\(messages[0])")
                    return .rollback
                }
            }
            try ReadableRows.verify(db, path: "x.db", screenFrom: 0)
        }
        try queue.close()
    }

    @Test func theScreenNeverClearsATableWithAnUnreadableValue() throws {
        let scratch = Scratch()
        defer { scratch.cleanup() }
        let path = scratch.path("sample.db")
        let queue = try AlmanacDatabase.create(at: path)
        try SampleGenerator(members: 120, seed: 3).write(into: queue)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON; PRAGMA ignore_check_constraints = ON")
            // The sample itself is readable, and the screen says so without reading rows.
            for table in Schema.tableOrder where !Self.skipped.contains(table) {
                let suspect = try ReadableRows.suspect(db, table)
                #expect(!suspect, "\(table)")
            }
            var found = 0
            for column in ReadableRows.all where !Self.skipped.contains(column.table) && column.name != "id" {
                for shape in Shape.allCases {
                    for value in Self.values {
                        try db.inSavepoint {
                            if shape != .schema { try Self.loosen(column.table, db, keepIndexes: shape == .untypedIndexed) }
                            do {
                                try db.execute(sql: "UPDATE \(column.table) SET \(column.name) = \(value) WHERE rowid = (SELECT min(rowid) FROM \(column.table))")
                            } catch {
                                return .rollback  // NOT NULL and other constraints of the schema's table
                            }
                            let exact = try ReadableRows.detailQueries(db, characters: false).first { $0.table == column.table }
                            let problem = try exact.flatMap { try String.fetchOne(db, sql: $0.sql + " LIMIT 1") }
                            if problem != nil {
                                found += 1
                                let suspect = try ReadableRows.suspect(db, column.table)
                                #expect(suspect, "\(column.table).\(column.name) = \(value) (\(shape)): \(problem!)")
                            }
                            return .rollback
                        }
                    }
                }
            }
            #expect(found > 200)
        }
        try queue.close()
    }
}
