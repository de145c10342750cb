import Base
import GRDB

/// What every column Almanac reads must hold: its storage class, and whether NULL or '' is
/// allowed. The schema's constraints say the same, but a database edited by hand or by another
/// tool (a BLOB, `PRAGMA ignore_check_constraints`, a rebuilt table) can hold anything, and a
/// value of the wrong class would trap the reader. One list, read by `almanac check` (every
/// offending row) and by Metrics before it computes (the first one, naming the row and the fix).
public enum ReadableRows {
    /// The class a column's values must have (NULL aside).
    public enum Kind: Sendable {
        /// An integer (ids, counts, cents).
        case integer
        /// An integer or a finite real.
        case number
        /// Text without control characters or Unicode noncharacters (`TextFieldRules`).
        case text
        /// ISO `YYYY-MM-DD` text.
        case date
    }

    /// One column's rule.
    public struct Column: Sendable {
        public let table: String
        public let name: String
        public let kind: Kind
        public let nullable: Bool
        /// '' (or only spaces) is refused, as for names.
        public let nonEmpty: Bool
        /// Decoded in Swift only where members are listed one by one (the directory), never by
        /// the metrics' aggregates.
        public let listed: Bool
    }

    /// Which of `all` a check covers.
    public enum Part: Sendable {
        /// Every column.
        case all
        /// The columns the metrics decode: every one but the `listed`.
        case aggregated
        /// The `listed` columns (members' names and emails). Nothing indexes them, so checking
        /// them is a pass over the whole table; Metrics runs it beside its own queries, which
        /// never decode them, and the directory waits for it before it reads a name.
        case listed

        func includes(_ c: Column) -> Bool {
            switch self {
            case .all: return true
            case .aggregated: return !c.listed
            case .listed: return c.listed
            }
        }
    }

    private static func columns(_ table: String, _ specs: [(String, Kind, String)]) -> [Column] {
        specs.map { Column(table: table, name: $0.0, kind: $0.1, nullable: $0.2.contains("?"), nonEmpty: $0.2.contains("!"),
                           listed: $0.2.contains("~")) }
    }

    /// Every column Metrics and the reports read. Flags: `?` NULL allowed, `!` '' refused,
    /// `~` read only by listings (`Column.listed`).
    public static let all: [Column] =
        columns("organization", [("name", .text, "!"), ("short_name", .text, "?"), ("founded_on", .date, "?")])
        + columns("regions", [("id", .integer, ""), ("name", .text, "!")])
        + columns("countries", [("code", .text, "!"), ("name", .text, "!"), ("region_id", .integer, "")])
        + columns("members", [("id", .integer, ""), ("name", .text, "!~"), ("email", .text, "?~"), ("country_code", .text, "?"),
                              ("sector", .text, "?"), ("joined_on", .date, ""), ("left_on", .date, "?")])
        + columns("working_groups", [("id", .integer, ""), ("name", .text, "!"), ("kind", .text, "!"), ("established_on", .date, ""),
                                     ("region_id", .integer, "?")])
        + columns("working_group_members", [("working_group_id", .integer, ""), ("member_id", .integer, ""), ("joined_on", .date, ""),
                                            ("left_on", .date, "?")])
        + columns("partners", [("id", .integer, ""), ("name", .text, "!")])
        + columns("activities", [("id", .integer, ""), ("kind", .text, "?"), ("title", .text, ""), ("held_on", .date, ""),
                                 ("working_group_id", .integer, "?"), ("participants", .integer, "?")])
        + columns("activity_partners", [("activity_id", .integer, ""), ("partner_id", .integer, "")])
        + columns("attendance", [("activity_id", .integer, ""), ("member_id", .integer, "")])
        + columns("grants", [("id", .integer, ""), ("funder", .text, "!"), ("title", .text, ""), ("amount_cents", .integer, "?"),
                             ("currency", .text, "?"), ("starts_on", .date, ""), ("ends_on", .date, ""), ("purpose", .text, "?")])
        + columns("targets", [("id", .integer, ""), ("metric", .text, "!"), ("starts_on", .date, ""), ("ends_on", .date, ""),
                              ("value", .number, ""), ("note", .text, "?")])

    /// How a row is named in messages: "members row 1027", "attendance row (12, 1027)".
    static func rowLabel(_ table: String) -> String {
        switch table {
        case "countries": return "'countries row ' || quote(code)"
        case "working_group_members": return "'working_group_members row (' || quote(working_group_id) || ', ' || quote(member_id) || ')'"
        case "activity_partners": return "'activity_partners row (' || quote(activity_id) || ', ' || quote(partner_id) || ')'"
        case "attendance": return "'attendance row (' || quote(activity_id) || ', ' || quote(member_id) || ')'"
        default: return "'\(table) row ' || quote(rowid)"
        }
    }

    /// A SQL expression: the problem of this column's value as text, or NULL when it is fine.
    /// `characters` (thorough, for `check`): also look inside text for forbidden characters (a
    /// GLOB over every character) and validate dates on the calendar. Metrics, which runs
    /// before every build, checks classes and shapes only: a tenth of the time.
    /// `value` is the SQL the column's value is read from (the quoted column unless given).
    static func problem(_ c: Column, characters: Bool, value: String? = nil) -> String {
        let col = value ?? "\"\(c.name)\"", name = c.name
        // quote() shows the value as SQL writes it ('', 20230101, X'FF') without sending a
        // BLOB's bytes to a terminal; long values are cut.
        let shown = "substr(quote(\(col)), 1, 40)"
        var cases = ["WHEN \(col) IS NULL THEN \(c.nullable ? "NULL" : "'\(name) is NULL'")"]
        switch c.kind {
        case .integer:
            cases.append("WHEN typeof(\(col)) <> 'integer' THEN '\(name) is ' || \(shown) || ', not a whole number'")
        case .number:
            cases.append("WHEN typeof(\(col)) NOT IN ('integer', 'real') THEN '\(name) is ' || \(shown) || ', not a number'")
            cases.append("WHEN \(col) IN (9e999, -9e999) THEN '\(name) is infinite'")
        case .text:
            cases.append("WHEN typeof(\(col)) <> 'text' THEN '\(name) is ' || \(shown) || ', not text'")
            if c.nonEmpty { cases.append("WHEN trim(\(col)) = '' THEN '\(name) is empty'") }
            if characters { cases.append("WHEN \(col) GLOB '\(TextFieldRules.sqlGlobPattern)' THEN '\(name) contains a control character or a Unicode noncharacter'") }
        case .date:
            // check validates the calendar (date()); Metrics, before every build, only the
            // shape, which is what string comparison of dates needs and costs a tenth.
            let valid = characters ? "\(col) IS date(\(col), '+0 days')" : "length(\(col)) = 10 AND \(col) GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'"
            cases.append("WHEN typeof(\(col)) <> 'text' OR NOT (\(valid)) THEN '\(name) is ' || \(shown) || ', not a YYYY-MM-DD date'")
        }
        return "CASE " + cases.joined(separator: " ") + " END"
    }

    /// One SQL query per table listing `detail` ("members row 1027: name is NULL") for every
    /// unreadable value of the tables that exist in `db`.
    static func detailQueries(_ db: Database, characters: Bool, skipping: Set<String> = [],
                              part: Part = .all) throws -> [(table: String, sql: String)] {
        var queries: [(table: String, sql: String)] = []
        for table in Schema.tableOrder where !skipping.contains(table) {
            guard try db.tableExists(table) else { continue }
            let present = Set(try db.columns(in: table).map { $0.name.lowercased() })
            let cols = all.filter { $0.table == table && present.contains($0.name) && part.includes($0) }
            guard !cols.isEmpty else { continue }
            // One pass over the table: every column's problem in one CASE chain.
            let problems = cols.map { problem($0, characters: characters) }
            let first = "coalesce(" + (problems.count == 1 ? problems[0] + ", NULL" : problems.joined(separator: ", ")) + ")"
            queries.append((table, "SELECT \(rowLabel(table)) || ': ' || \(first) AS detail FROM \"\(table)\" WHERE \(first) IS NOT NULL"))
        }
        return queries
    }

    /// All unreadable values, as one query of `detail` lines.
    public static func query(_ db: Database) throws -> String {
        try detailQueries(db, characters: true).map(\.sql).joined(separator: "\nUNION ALL ")
    }

    /// Throws a `StoreError` naming the first unreadable value ("lpsa.db: members row 1027:
    /// name is NULL; …"): called before anything reads the rows.
    ///
    /// A large table is first screened (`suspect`) by plans that cost a fraction of the
    /// row-by-row CASE chain; only a table the screen cannot clear runs the row-naming query, so
    /// the message is the same whichever path found it. A small table (under `screenFrom` rows
    /// by its largest rowid) is read row by row at once: fewer statements to prepare.
    /// `part` chooses the columns; `screenFrom` is a parameter for tests only.
    public static func verify(_ db: Database, path: String, part: Part = .all, screenFrom: Int64 = screenFrom) throws {
        // attendance, activity_partners and working_group_members are only joined and counted
        // in SQL, never decoded in Swift, so a bad value there cannot trap; check still lists them.
        let skipping: Set<String> = ["attendance", "activity_partners", "working_group_members"]
        for (table, sql) in try detailQueries(db, characters: false, skipping: skipping, part: part) {
            // A table rebuilt WITHOUT ROWID has no rowid to measure by: screened like a large one.
            let largest: Int64?
            do { largest = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM \"\(table)\"") } catch { largest = .max }
            if (largest ?? 0) >= screenFrom, try !suspect(db, table, part: part) { continue }
            if let detail = try String.fetchOne(db, sql: sql + " LIMIT 1") {
                throw StoreError("\(path): \(detail), which Almanac cannot read; fix the row (`almanac check \(path)` lists every such value)")
            }
        }
    }

    public static let screenFrom: Int64 = 5_000

    /// Whether `table` may hold a value `problem(_, characters: false)` refuses: false only when
    /// that is certain. A column leading an index is read from the index: NULLs and numbers by a
    /// range each (SQLite orders NULL < numbers < text < BLOB), each distinct text or BLOB value
    /// once by skipping along it (a few thousand dates, not a million rows). The other columns
    /// are screened in one pass over the table with comparisons only (no function calls): a
    /// value ≥ '' (≥ '!' where '' and spaces are refused: trim() = '' implies < '!') and < X''
    /// is text. `IS NULL` on a column the schema declares NOT NULL costs nothing (SQLite drops
    /// it); on a table rebuilt without the constraint it is a real test.
    static func suspect(_ db: Database, _ table: String, part: Part = .all) throws -> Bool {
        let present = Set(try db.columns(in: table).map { $0.name.lowercased() })
        let quotedTable = "\"\(table)\""
        var screens: [String] = []
        for c in all where c.table == table && present.contains(c.name) && part.includes(c) {
            let col = "\"\(c.name)\""
            switch c.kind {
            case .text, .date:
                if let index = try leadingIndex(db, table, column: c.name) {
                    let indexed = "\(quotedTable) INDEXED BY \"\(index)\""
                    // A partial index (WHERE col IS NOT NULL) holds no NULLs: ask the table.
                    if !c.nullable, try exists(db, "SELECT 1 FROM \(quotedTable) WHERE \(col) IS NULL") { return true }
                    if try exists(db, "SELECT 1 FROM \(indexed) WHERE \(col) < ''") { return true }
                    let distinct = """
                        WITH RECURSIVE v(d) AS (
                          SELECT min(\(col)) FROM \(indexed) WHERE \(col) >= ''
                          UNION ALL SELECT (SELECT min(\(col)) FROM \(indexed) WHERE \(col) > v.d) FROM v WHERE v.d IS NOT NULL)
                        SELECT 1 FROM v WHERE v.d IS NOT NULL AND (\(problem(c, characters: false, value: "v.d"))) IS NOT NULL
                        """
                    if try exists(db, distinct) { return true }
                } else if c.kind == .text {
                    var screen = "NOT (\(col) >= '\(c.nonEmpty ? "!" : "")' AND \(col) < X'')"
                    if !c.nullable { screen = "\(col) IS NULL OR " + screen }
                    screens.append(screen)
                } else {
                    screens.append("(\(problem(c, characters: false))) IS NOT NULL")
                }
            case .integer where try isRowidAlias(db, table, column: c.name):
                continue  // the rowid holds integers only
            case .integer, .number:
                screens.append("(\(problem(c, characters: false))) IS NOT NULL")
            }
        }
        guard !screens.isEmpty else { return false }
        return try exists(db, "SELECT 1 FROM \(quotedTable) WHERE " + screens.map { "(\($0))" }.joined(separator: " OR "))
    }

    private static func exists(_ db: Database, _ sql: String, _ arguments: StatementArguments = []) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (\(sql))", arguments: arguments) ?? false
    }

    /// An index whose first key is `column` itself (not an expression), with the default
    /// collation, over every row or every non-NULL row: one that can be read in that column's order.
    private static func leadingIndex(_ db: Database, _ table: String, column: String) throws -> String? {
        let wanted = column.lowercased()
        for row in try Row.fetchAll(db, sql: "SELECT name, partial FROM pragma_index_list(?)", arguments: [table]) {
            let name: String = row[0], partial: Bool = row[1]
            guard let first = try Row.fetchOne(db, sql: "SELECT name, coll FROM pragma_index_xinfo(?) WHERE seqno = 0", arguments: [name]),
                  let key = first[0] as String?, key.lowercased() == wanted,
                  (first[1] as String?)?.uppercased() == "BINARY" else { continue }
            if partial {
                let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?", arguments: [name]) ?? ""
                let squeezed = String(sql.lowercased().filter { !$0.isWhitespace && $0 != "\"" && $0 != ";" })
                guard squeezed.hasSuffix("where\(wanted)isnotnull") else { continue }
            }
            return name
        }
        return nil
    }

    /// Whether `column` is the table's INTEGER PRIMARY KEY in a rowid table (an alias of the rowid).
    private static func isRowidAlias(_ db: Database, _ table: String, column: String) throws -> Bool {
        let keys = try Row.fetchAll(db, sql: "SELECT name, type FROM pragma_table_info(?) WHERE pk > 0", arguments: [table])
        guard keys.count == 1, let name = keys[0][0] as String?, name.lowercased() == column.lowercased(),
              (keys[0][1] as String?)?.uppercased() == "INTEGER" else { return false }
        // A WITHOUT ROWID table keeps its primary key in an index of origin 'pk'.
        return try !exists(db, "SELECT 1 FROM pragma_index_list(?) WHERE origin = 'pk'", [table])
    }
}
