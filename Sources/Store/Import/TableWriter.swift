import Base
import GRDB

/// How an import meets the rows already in the table.
public enum ImportMode: String, Sendable {
    /// Add the file's rows; refuse any row that is already there (by id, CRM id, e-mail, …).
    case insert
    /// Upsert: rows found by id, `external_id` or e-mail (each table's keys) are updated.
    case update
    /// The table's rows become the file's: matching rows keep their id, the rest are removed.
    case replace
}

/// Writes one table's resolved rows in the import's transaction, finding each row's existing
/// twin by the table's keys so a refresh never doubles the data.
struct TableWriter {
    /// Columns that identify a row besides its id, tried in order.
    static let naturalKeys: [String: [[String]]] = [
        "members": [["external_id"], ["email"]], "activities": [["title", "held_on"]], "regions": [["name"]],
        "partners": [["name"]], "working_groups": [["name"]], "countries": [["code"]],
        "attendance": [["activity_id", "member_id"]], "activity_partners": [["activity_id", "partner_id"]],
        "working_group_members": [["working_group_id", "member_id"]], "targets": [["metric", "starts_on", "ends_on"]],
        "grants": [["funder", "title", "starts_on"]],
    ]

    let db: Database
    let table: String
    let names: [String]
    let mode: ImportMode
    let hasRowID: Bool
    let wasEmpty: Bool
    private let insert: Statement
    private var lookups: [(columns: [String], statement: Statement)] = []
    private(set) var added = 0, updated = 0, unchanged = 0
    private var kept: Statement?
    /// Keys of rows this import added, so a second row with one is named a duplicate in the file.
    private var addedKeys: Set<String> = []

    init(db: Database, table: String, columns: TableColumns, names: [String], mode: ImportMode) throws {
        self.db = db; self.table = table; self.names = names; self.mode = mode
        hasRowID = try Bool.fetchOne(db, sql: "SELECT NOT (sql LIKE '%WITHOUT ROWID%') FROM sqlite_master WHERE name = ?", arguments: [table]) ?? true
        wasEmpty = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM \(table) LIMIT 1)") == 0
        insert = try db.makeStatement(sql: "INSERT INTO \(table) (\(names.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))")
        var keys = Self.naturalKeys[table] ?? []
        if let id = columns.all.first(where: \.isRowID) { keys.insert([id.name], at: 0) }
        let selected = hasRowID ? "rowid, " + names.map { "\"\($0)\"" }.joined(separator: ", ") : names.map { "\"\($0)\"" }.joined(separator: ", ")
        for key in keys where key.allSatisfy(names.contains) {
            let condition = key.map { $0 == "email" ? "lower(email) = lower(?)" : "\"\($0)\" = ?" }.joined(separator: " AND ")
            lookups.append((key, try db.makeStatement(sql: "SELECT \(selected) FROM \(table) WHERE \(condition) LIMIT 1")))
        }
        if mode == .replace {
            if hasRowID {
                try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS almanac_kept (id INTEGER PRIMARY KEY); DELETE FROM temp.almanac_kept")
                kept = try db.makeStatement(sql: "INSERT OR IGNORE INTO temp.almanac_kept (id) VALUES (?)")
            } else {
                try db.execute(sql: "DELETE FROM \(table)")  // nothing points at link tables
            }
        }
    }

    /// Writes one row; a problem text when it cannot.
    mutating func write(_ values: [DatabaseValue]) throws -> String? {
        if !wasEmpty, !(mode == .replace && !hasRowID) {
            for (key, statement) in lookups {
                let args = key.map { values[names.firstIndex(of: $0)!] }
                guard !args.contains(.null), let row = try Row.fetchOne(statement, arguments: StatementArguments(args)) else { continue }
                let shown = zip(key, args).map { "\($0) \(CSVExport.text($1))" }.joined(separator: ", ")
                if addedKeys.contains(Self.keyText(key, args)) {
                    return "\(key.joined(separator: ", ")): duplicate key (\(shown)) already in \(table) or earlier in this file; remove the duplicate row"
                }
                guard mode != .insert else {
                    return "already in \(table) (\(shown)); refresh with --update, or replace the table with --replace"
                }
                let offset = hasRowID ? 1 : 0
                let same = names.indices.allSatisfy { row[$0 + offset] == values[$0] || (names[$0] == "id" && values[$0] == .null) }
                if hasRowID { try kept?.execute(arguments: [row[0]]) }
                if same { unchanged += 1; return nil }
                let set = names.indices.filter { !(names[$0] == "id" && values[$0] == .null) }
                let condition = hasRowID ? "rowid = ?" : key.map { "\"\($0)\" = ?" }.joined(separator: " AND ")
                try db.execute(sql: "UPDATE \(table) SET \(set.map { "\"\(names[$0])\" = ?" }.joined(separator: ", ")) WHERE \(condition)",
                               arguments: StatementArguments(set.map { values[$0] } + (hasRowID ? [row[0]] : args)))
                updated += 1
                return nil
            }
        }
        try insert.execute(arguments: StatementArguments(values))
        if hasRowID { try kept?.execute(arguments: [db.lastInsertedRowID]) }
        if !wasEmpty {
            for (key, _) in lookups { addedKeys.insert(Self.keyText(key, key.map { values[names.firstIndex(of: $0)!] })) }
        }
        added += 1
        return nil
    }

    static func keyText(_ key: [String], _ values: [DatabaseValue]) -> String {
        zip(key, values).map { "\($0)=\(CSVExport.text($1).lowercased())" }.joined(separator: "\u{1}")
    }

    /// For `--replace`: removes the rows the file did not name, then clears or removes rows of
    /// other tables that pointed at them (`cascade`), or fails naming them. Returns what went.
    func finishReplace(cascade: Bool) throws -> [(table: String, rows: Int)] {
        guard mode == .replace, hasRowID else { return [] }
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        try db.execute(sql: "DELETE FROM \(table) WHERE rowid NOT IN (SELECT id FROM temp.almanac_kept)")
        var removed = [(table, db.changesCount)]
        var pending = [table]
        while let parent = pending.popLast() {
            for child in Schema.tableOrder {
                for fk in try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(child))") where (fk["table"] as String) == parent {
                    let col: String = fk["from"], to: String = fk["to"]
                    let orphan = "\"\(col)\" IS NOT NULL AND \"\(col)\" NOT IN (SELECT \"\(to)\" FROM \(parent))"
                    let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(child) WHERE \(orphan)") ?? 0
                    guard count > 0 else { continue }
                    guard cascade else {
                        throw StoreError("--replace would remove \(parent) rows that \(count) \(child) row\(count == 1 ? "" : "s") point at (\(child).\(col)); pass --cascade to remove those rows too, or refresh with --update")
                    }
                    let notNull = try Row.fetchAll(db, sql: "PRAGMA table_info(\(child))").contains { ($0["name"] as String) == col && ($0["notnull"] as Int) == 1 || ($0["name"] as String) == col && ($0["pk"] as Int) > 0 }
                    if notNull {
                        try db.execute(sql: "DELETE FROM \(child) WHERE \(orphan)")
                        removed.append((child, count)); pending.append(child)
                    } else {
                        try db.execute(sql: "UPDATE \(child) SET \"\(col)\" = NULL WHERE \(orphan)")
                    }
                }
            }
        }
        try db.execute(sql: "PRAGMA defer_foreign_keys = OFF")
        return removed
    }
}
