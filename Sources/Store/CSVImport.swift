import Base
import CSV
import Foundation
import GRDB

/// Options for `almanac import`.
public struct ImportOptions: Sendable {
    /// `source header → column`, from `--map "Join Date=joined_on"`. Several headers mapped to
    /// one column are joined with a space, in file order ("First Name", "Last Name" → name).
    public var mappings: [(source: String, column: String)] = []
    /// How non-ISO dates are written; ISO is always accepted.
    public var dateOrder: DateOrder = .iso
    /// How many problems to list before summarising the rest.
    public var maxReportedProblems = 50

    public init(mappings: [(source: String, column: String)] = [], dateOrder: DateOrder = .iso) {
        self.mappings = mappings
        self.dateOrder = dateOrder
    }
}

/// What an import wrote.
public struct ImportSummary: Sendable, Equatable {
    public let table: String
    public let rows: Int
    /// Headers of the file that map to no column (CRM exports carry many).
    public let ignoredHeaders: [String]
}

/// Every bad row of a file, as `FILE:LINE: column: problem` lines; nothing was written.
public struct ImportFailure: Error, CustomStringConvertible {
    public let problems: [String]
    public let totalProblems: Int
    public let file: String

    public var description: String {
        var lines = problems
        if totalProblems > problems.count { lines.append("… and \(totalProblems - problems.count) more problems") }
        lines.append("\(file): \(totalProblems) problem\(totalProblems == 1 ? "" : "s"); nothing was imported")
        return lines.joined(separator: "\n")
    }
}

/// Imports an RFC 4180 CSV file into one table, in one transaction: all rows or none.
///
/// Columns come from the database's own schema (`PRAGMA table_info`), so the importer always
/// matches the migrations: types, NOT NULL, foreign keys and the date columns (`*_on`).
public struct CSVImporter {
    let db: DatabaseQueue
    let options: ImportOptions

    public init(database: DatabaseQueue, options: ImportOptions = ImportOptions()) {
        self.db = database
        self.options = options
    }

    public func importFile(_ file: String, into table: String) throws -> ImportSummary {
        guard Schema.tableOrder.contains(table) else {
            throw StoreError("unknown table '\(table)'\(NearMiss.hint(for: table, in: Schema.tableOrder)); tables: \(Schema.tableOrder.joined(separator: ", "))")
        }
        let text = try Self.readText(file)
        if let line = CSVQuotes.unclosedQuoteLine(in: text) {
            throw StoreError("\(file):\(line): a quote opens a field here and is never closed; close it with \" or remove it; nothing was imported")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false)
        } catch {
            throw StoreError("\(file): cannot parse as CSV (\(error))")
        }
        guard let rawHeader = reader.next(), !(rawHeader.count == 1 && rawHeader[0].trimmingCharacters(in: .whitespaces).isEmpty) else {
            throw StoreError("\(file): the file is empty; expected a header row naming the columns of \(table)")
        }
        var line = 1 + Self.newlines(in: rawHeader) + 1

        return try db.write { db -> ImportSummary in
            let columns = try TableColumns(db, table: table)
            let plan = try ColumnPlan(header: rawHeader, columns: columns, options: options, file: file, table: table)
            let resolver = try ValueResolver(db: db, table: table, columns: columns, dateOrder: options.dateOrder)
            let names = plan.targets.map(\.column.name)
            let sql = "INSERT INTO \(table) (\(names.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))"
            let insert = try db.makeStatement(sql: sql)

            var problems: [String] = []
            var total = 0
            var rows = 0
            func report(_ at: Int, _ message: String) {
                total += 1
                if problems.count < options.maxReportedProblems { problems.append("\(file):\(at): \(message)") }
            }

            while let fields = reader.next() {
                let at = line
                line += 1 + Self.newlines(in: fields)
                if fields.count == 1, fields[0].isEmpty { continue }  // blank line
                guard fields.count == rawHeader.count else {
                    report(at, "expected \(rawHeader.count) fields (as in the header), found \(fields.count); check for an unquoted comma or a missing quote")
                    continue
                }
                var values: [DatabaseValue] = []
                var rowOK = true
                for target in plan.targets {
                    let raw = target.sources.map { fields[$0].trimmingCharacters(in: .whitespacesAndNewlines) }
                        .filter { !$0.isEmpty }.joined(separator: " ")
                    // A NUL would cut the value short, a noncharacter fail every build later.
                    if let problem = TextFieldRules.problem(in: raw) { report(at, "\(target.column.name): \(problem)"); rowOK = false; continue }
                    switch resolver.resolve(raw, column: target.column) {
                    case .success(let value): values.append(value)
                    case .failure(let problem): report(at, "\(target.column.name): \(problem)"); rowOK = false
                    }
                }
                guard rowOK else { continue }
                if let problem = resolver.rowProblem(values: values, names: names) {
                    report(at, problem)
                    continue
                }
                do {
                    try insert.execute(arguments: StatementArguments(values))
                    rows += 1
                } catch let error as DatabaseError {
                    report(at, Self.explain(error, table: table, names: names, values: values))
                }
            }
            if reader.error != nil {
                report(line, "cannot parse as CSV: \(reader.error!)")
            }
            if total > 0 {
                throw ImportFailure(problems: problems, totalProblems: total, file: file)
            }
            return ImportSummary(table: table, rows: rows, ignoredHeaders: plan.ignored)
        }
    }

    // MARK: - Reading

    static func readText(_ file: String) throws -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDir) else {
            throw StoreError("\(file): no such file; check the path")
        }
        if isDir.boolValue { throw StoreError("\(file): is a folder; pass a CSV file") }
        if let problem = FileKind.problem(file) { throw StoreError(problem) }
        guard FileManager.default.isReadableFile(atPath: file), let data = FileManager.default.contents(atPath: file) else {
            throw StoreError("\(file): cannot read this file (permission denied); check its permissions")
        }
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: Data(bytes), encoding: .utf8) else {
            throw StoreError("\(file): not UTF-8 text; export the file as \"CSV UTF-8\"")
        }
        return text
    }

    static func newlines(in fields: [String]) -> Int {
        fields.reduce(0) { $0 + $1.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
    }

    static func explain(_ error: DatabaseError, table: String, names: [String], values: [DatabaseValue]) -> String {
        let message = error.message ?? "\(error)"
        if error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY || error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            // "UNIQUE constraint failed: members.id" or "…: working_group_members.working_group_id, working_group_members.member_id"
            let cols = message.components(separatedBy: ": ").last?.split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces).components(separatedBy: ".").last ?? "" } ?? []
            let shown = cols.map { c in "\(c) \(names.firstIndex(of: c).map { CSVExport.text(values[$0]) } ?? "")" }
            return "\(cols.joined(separator: ", ")): duplicate key (\(shown.joined(separator: ", "))) already in \(table) or earlier in this file; remove the duplicate row"
        }
        if error.extendedResultCode == .SQLITE_CONSTRAINT_CHECK {
            return "value breaks a rule of \(table) (\(message)); fix the row"
        }
        return message
    }
}

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

/// Which CSV fields feed which column.
struct ColumnPlan {
    struct Target { let column: TableColumns.Column; let sources: [Int] }
    let targets: [Target]
    let ignored: [String]

    /// "Join Date" → join_date: headers match column names case- and punctuation-insensitively.
    static func normalize(_ header: String) -> String { Slug.make(header, separator: "_") }

    init(header: [String], columns: TableColumns, options: ImportOptions, file: String, table: String) throws {
        let normalized = header.map(Self.normalize)
        let columnNames = columns.all.map(\.name)
        var sources: [String: [Int]] = [:]
        var used = Set<Int>()

        for (source, column) in options.mappings {
            guard columnNames.contains(column) else {
                throw StoreError("--map \"\(source)=\(column)\": \(table) has no column '\(column)'\(NearMiss.hint(for: column, in: columnNames)); columns: \(columnNames.joined(separator: ", "))")
            }
            let key = Self.normalize(source)
            guard let index = normalized.firstIndex(of: key) else {
                throw StoreError("--map \"\(source)=\(column)\": \(file) has no header '\(source)'\(NearMiss.hint(for: source, in: header)); headers: \(header.joined(separator: ", "))")
            }
            sources[column, default: []].append(index)
            used.insert(index)
        }
        for column in columnNames where sources[column] == nil {
            if let index = normalized.firstIndex(of: column), !used.contains(index) {
                sources[column] = [index]; used.insert(index)
            }
        }
        // CRM exports split names: join given and family names into `name` when nothing maps to it.
        if columnNames.contains("name"), sources["name"] == nil {
            let given = ["first_name", "given_name", "firstname", "forename"].compactMap { normalized.firstIndex(of: $0) }.first
            let family = ["last_name", "family_name", "lastname", "surname"].compactMap { normalized.firstIndex(of: $0) }.first
            if let g = given, let f = family, !used.contains(g), !used.contains(f) {
                sources["name"] = [g, f]; used.formUnion([g, f])
            }
        }
        var missing: [String] = []
        for column in columns.all where column.notNull && !column.isRowID && sources[column.name] == nil {
            let unused = header.indices.filter { !used.contains($0) }.map { header[$0] }
            if let near = NearMiss.suggestion(for: column.name, in: unused) ?? Self.looseMatch(column.name, unused) {
                missing.append("\(column.name) (did you mean '\(near)'? pass --map \"\(near)=\(column.name)\")")
            } else {
                missing.append(column.name)
            }
        }
        guard missing.isEmpty else {
            throw StoreError("\(file):1: missing required column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); the header has: \(header.joined(separator: ", "))")
        }
        targets = columns.all.compactMap { c in sources[c.name].map { Target(column: c, sources: $0) } }
        ignored = header.indices.filter { !used.contains($0) }.map { header[$0] }
    }

    /// A header that shares the column's distinctive word ("Join Date" for joined_on).
    static func looseMatch(_ column: String, _ headers: [String]) -> String? {
        let stem = column.split(separator: "_").first.map { String($0.prefix(4)) } ?? column
        guard stem.count >= 3 else { return nil }
        return headers.first { normalize($0).hasPrefix(stem) }
    }
}

/// Turns CSV text into database values for one table, checking types, dates and references.
final class ValueResolver {
    enum Resolved { case success(DatabaseValue), failure(String) }

    let db: Database
    let dateOrder: DateOrder
    let table: String
    /// ISO code by lower-cased code and English name, for `country_code` columns.
    private var countries: [String: String] = [:]
    private var countryNames: [String] = []
    private var referenceStatements: [String: Statement] = [:]
    private var knownReferences: Set<String> = []

    init(db: Database, table: String, columns: TableColumns, dateOrder: DateOrder) throws {
        self.db = db
        self.table = table
        self.dateOrder = dateOrder
        if columns.all.contains(where: { $0.reference?.table == "countries" }) {
            // Only text rows: a country edited into a BLOB or NULL must not trap the import
            // (`almanac check` lists it).
            for row in try Row.fetchAll(db, sql: "SELECT code, CASE WHEN typeof(name) = 'text' THEN name END AS name FROM countries WHERE typeof(code) = 'text'") {
                let code: String = row["code"], name: String? = row["name"]
                countries[code.lowercased()] = code
                if let name {
                    countries[name.lowercased()] = code
                    countryNames.append(name)
                }
            }
        }
        for column in columns.all {
            if let ref = column.reference {
                referenceStatements[column.name] = try db.makeStatement(sql: "SELECT 1 FROM \(ref.table) WHERE \(ref.column) = ? LIMIT 1")
            }
        }
    }

    func resolve(_ raw: String, column: TableColumns.Column) -> Resolved {
        if raw.isEmpty {
            if column.notNull && !column.isRowID { return .failure("a value is required") }
            return .success(.null)
        }
        let value: DatabaseValue
        if column.reference?.table == "countries" {
            guard let code = countries[raw.lowercased()] else {
                let hint = NearMiss.hint(for: raw, in: countryNames + countries.values)
                return .failure("unknown country '\(raw)'\(hint); use an ISO 3166 code or English name from the countries table, or import that country first")
            }
            return .success(code.databaseValue)
        } else if column.isDate {
            guard let date = dateOrder.parse(raw) else {
                let hint = dateOrder == .iso && raw.contains("/") ? "; pass --date-format DD/MM/YYYY or MM/DD/YYYY" : ""
                return .failure("'\(raw)' is not a valid date (expected \(dateOrder.rawValue))\(hint)")
            }
            value = date.iso.databaseValue
        } else if column.type == "INTEGER" {
            guard let n = Int64(raw) else { return .failure("'\(raw)' is not a whole number") }
            value = n.databaseValue
        } else if column.type == "REAL" {
            guard let x = Double(raw), x.isFinite else { return .failure("'\(raw)' is not a number") }
            value = x.databaseValue
        } else {
            value = raw.databaseValue
        }
        if let ref = column.reference, let statement = referenceStatements[column.name] {
            let key = "\(column.name)\u{1}\(value)"
            if !knownReferences.contains(key) {
                let found = (try? Bool.fetchOne(statement, arguments: [value])) ?? nil
                guard found == true else {
                    return .failure("\(raw) is not in \(ref.table).\(ref.column); import \(ref.table) first or fix the reference")
                }
                knownReferences.insert(key)
            }
        }
        return .success(value)
    }

    /// Rules across columns, checked before SQLite's CHECK constraints so the message is clear.
    func rowProblem(values: [DatabaseValue], names: [String]) -> String? {
        func text(_ name: String) -> String? { names.firstIndex(of: name).flatMap { String.fromDatabaseValue(values[$0]) } }
        func int(_ name: String) -> Int64? { names.firstIndex(of: name).flatMap { Int64.fromDatabaseValue(values[$0]) } }
        for (start, end) in [("joined_on", "left_on"), ("starts_on", "ends_on")] {
            if let s = text(start), let e = text(end), e < s { return "\(end): \(e) is before \(start) \(s)" }
        }
        for name in ["participants", "amount_cents"] {
            if let n = int(name), n < 0 { return "\(name): \(n) is negative; use 0 or leave it empty when unknown" }
        }
        if table == "working_groups", let kind = text("kind"), !["regional", "thematic"].contains(kind) {
            return "kind: '\(kind)' must be regional or thematic"
        }
        if table == "countries", let code = text("code"), code.count != 2 || code != code.uppercased() {
            return "code: '\(code)' is not an ISO 3166-1 alpha-2 code (two capital letters)"
        }
        return nil
    }
}
