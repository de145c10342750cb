import GRDB

/// A table's columns as the schema declares them.
struct TableColumns {
    struct Column {
        let name: String
        let type: String      // INTEGER, TEXT, REAL
        let notNull: Bool
        let isRowID: Bool     // INTEGER PRIMARY KEY: optional, SQLite assigns one
        var isDate: Bool { name.hasSuffix("_on") }
        var reference: (table: String, column: String)?
    }
    let all: [Column]

    init(_ db: Database, table: String) throws {
        let info = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))")
        guard !info.isEmpty else {
            throw StoreError("table \(table) is missing from the database; run `almanac init` on it to create the schema")
        }
        let pkCount = info.filter { ($0["pk"] as Int) > 0 }.count
        var refs: [String: (String, String)] = [:]
        for fk in try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(table))") {
            refs[fk["from"]] = (fk["table"], fk["to"])
        }
        all = info.map { row in
            let type = (row["type"] as String).uppercased()
            let isRowID = (row["pk"] as Int) == 1 && pkCount == 1 && type == "INTEGER"
            return Column(name: row["name"], type: type, notNull: (row["notnull"] as Int) == 1 || ((row["pk"] as Int) > 0 && !isRowID),
                          isRowID: isRowID, reference: refs[row["name"]].map { (table: $0.0, column: $0.1) })
        }
    }
}

