import Base
import CSV
import Foundation
import GRDB

/// Options for `almanac import`.
public struct ImportOptions: Sendable {
    /// `source header → column`, from `--map "Join Date=joined_on"`. Several headers mapped to
    /// one column are joined with a space, in file order ("First Name", "Last Name" → name).
    public var mappings: [(source: String, column: String)] = []
    /// How numeric dates are written (`--date-format`); nil: the mapping's, else ISO and month names.
    public var dateFormat: DateFormat?
    /// A preset or mapping file (`--preset`, `--mapping`).
    public var mapping: ImportMapping?
    /// `--country-alias "Ruritania=RU"`: spelling → ISO code, before every other spelling.
    public var countryAliases: [String: String] = [:]
    public var mode: ImportMode = .insert
    /// With `.replace`: remove (or clear) rows of other tables that pointed at removed rows.
    public var cascade = false
    /// How many problems to list before summarising the rest.
    public var maxReportedProblems = 50

    public init(mappings: [(source: String, column: String)] = [], dateFormat: DateFormat? = nil, mapping: ImportMapping? = nil,
                countryAliases: [String: String] = [:], mode: ImportMode = .insert, cascade: Bool = false) {
        self.mappings = mappings; self.dateFormat = dateFormat; self.mapping = mapping
        self.countryAliases = countryAliases; self.mode = mode; self.cascade = cascade
    }
}

/// What an import wrote to one table.
public struct ImportSummary: Sendable, Equatable {
    public let table: String
    public var added = 0, updated = 0, unchanged = 0
    /// Rows left out on purpose, by reason ("pending": 3), in the order first seen.
    public var skipped: [Skip] = []
    /// Rows removed by `--replace` (this table first, then `--cascade`'s).
    public var removed: [Skip] = []
    /// Headers of the file that map to no column (CRM exports carry many).
    public var ignoredHeaders: [String] = []
    /// Tables the same file also filled (a mapping's `also`: activities from registrations).
    public var related: [ImportSummary] = []

    /// A count with its reason (or table).
    public struct Skip: Sendable, Equatable { public let why: String; public var count: Int }

    /// Rows written: added plus updated.
    public var rows: Int { added + updated }

    /// "members: 120 added, 3 updated, 40 unchanged, 5 skipped (4 pending, 1 membership not enabled)".
    public var line: String {
        var parts = ["\(added.formatted()) added", "\(updated.formatted()) updated", "\(unchanged.formatted()) unchanged"]
        let skippedCount = skipped.reduce(0) { $0 + $1.count }
        parts.append("\(skippedCount.formatted()) skipped" + (skipped.isEmpty ? "" : " (\(skipped.map { "\($0.count.formatted()) \($0.why)" }.joined(separator: ", ")))"))
        for r in removed where r.count > 0 { parts.append(r.why == table ? "\(r.count.formatted()) removed" : "\(r.count.formatted()) \(r.why) row\(r.count == 1 ? "" : "s") removed") }
        return "\(table): " + parts.joined(separator: ", ")
    }

    mutating func skip(_ why: String) {
        if let i = skipped.firstIndex(where: { $0.why == why }) { skipped[i].count += 1 } else { skipped.append(Skip(why: why, count: 1)) }
    }
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

/// Imports an RFC 4180 CSV file into one table (and the table a mapping's `also` fills), in
/// one transaction: all rows or none, every bad row reported.
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

    /// One file row: its line number and fields.
    struct Record { let line: Int; let fields: [String]; var count = 1 }

    /// Imports `file` into `table` (and the mapping's `also` table, in `related`).
    public func importFile(_ file: String, into table: String) throws -> ImportSummary {
        guard Schema.tableOrder.contains(table) else {
            throw StoreError("unknown table '\(table)'\(NearMiss.hint(for: table, in: Schema.tableOrder)); tables: \(Schema.tableOrder.joined(separator: ", "))")
        }
        var mapping: ImportMapping.Table?
        if let m = options.mapping {
            guard let t = m.tables[table] else {
                throw StoreError("\(m.origin) has no section for \(table); its sections: \(m.tables.keys.sorted().joined(separator: ", "))")
            }
            mapping = t
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
        guard let header = reader.next(), !(header.count == 1 && header[0].trimmingCharacters(in: .whitespaces).isEmpty) else {
            throw StoreError("\(file): the file is empty; expected a header row naming the columns of \(table)")
        }
        var problems = Problems(file: file, limit: options.maxReportedProblems)
        var records: [Record] = []
        var line = 1 + Self.newlines(in: header) + 1
        while let fields = reader.next() {
            let at = line
            line += 1 + Self.newlines(in: fields)
            if fields.count == 1, fields[0].isEmpty { continue }  // blank line
            guard fields.count == header.count else {
                problems.report(at, "expected \(header.count) fields (as in the header), found \(fields.count); check for an unquoted comma or a missing quote")
                continue
            }
            records.append(Record(line: at, fields: fields))
        }
        if let error = reader.error { problems.report(line, "cannot parse as CSV: \(error)") }

        return try db.write { db -> ImportSummary in
            var related: [ImportSummary] = []
            if let mapping, let also = mapping.also {
                // One row of the other table per distinct key (one activity per event).
                let keyIndex = try ColumnPlan.normalize(also.key).nonEmpty.flatMap { k in header.map(ColumnPlan.normalize).firstIndex(of: k) }
                    ?? { throw StoreError("\(options.mapping!.origin): \(table).also: \(file) has no header '\(also.key)'\(NearMiss.hint(for: also.key, in: header))") }()
                var groups: [String: Int] = [:]
                var firsts: [Record] = []
                for r in records {
                    let key = r.fields[keyIndex].trimmingCharacters(in: .whitespaces)
                    if let i = groups[key] { firsts[i].count += 1 } else { groups[key] = firsts.count; firsts.append(r) }
                }
                related.append(try load(db, table: also.table, mapping: also.mapping.table, header: header, records: firsts, file: file, problems: &problems))
            }
            var summary = try load(db, table: table, mapping: mapping, header: header, records: records, file: file, problems: &problems)
            if problems.total > 0 { throw problems.failure }
            summary.related = related
            // A header the `also` table used is not ignored.
            for r in related { summary.ignoredHeaders.removeAll { !r.ignoredHeaders.contains($0) } }
            // A SIGINT or SIGTERM sent during the import rolls it back, even one that arrived
            // after the last statement (an interrupt then has nothing left to interrupt).
            try Cleanup.shared.unlessStopped {}
            return summary
        }
    }

    /// Resolves, merges and writes `records` into `table`.
    func load(_ db: Database, table: String, mapping: ImportMapping.Table?, header: [String], records: [Record], file: String,
              problems: inout Problems) throws -> ImportSummary {
        let columns = try TableColumns(db, table: table)
        let plan = try ColumnPlan(header: header, columns: columns, mapping: mapping, extra: mapping == nil ? options.mappings : [],
                                  file: file, table: table, origin: options.mapping?.origin ?? "")
        let dateFormat = options.dateFormat ?? mapping?.dateFormat ?? .standard
        let resolver = try ValueResolver(db: db, table: table, columns: columns, dateFormat: dateFormat, countryAliases: options.countryAliases)
        let names = plan.targets.map(\.column.name)
        let leftIndex = names.firstIndex(of: "left_on")
        var summary = ImportSummary(table: table, ignoredHeaders: plan.ignored)

        var rows: [(line: Int, values: [DatabaseValue])] = []
        for record in records {
            if let why = plan.skipReason(record.fields) { summary.skip(why); continue }
            var texts = plan.texts(record.fields, rows: record.count)
            var addDays = 0
            if let i = leftIndex, let ended = plan.ended {
                texts[i] = plan.endedText(record.fields) ?? ""
                addDays = ended.addDays
            }
            var values: [DatabaseValue] = []
            var ok = true, unknownMember = false
            for (i, target) in plan.targets.enumerated() {
                // A NUL would cut the value short, a noncharacter fail every build later.
                if let problem = TextFieldRules.problem(in: texts[i]) {
                    problems.report(record.line, "\(target.column.name): \(problem)"); ok = false; continue
                }
                switch resolver.resolve(texts[i], target: target) {
                case .success(let v):
                    if i == leftIndex, addDays != 0, let s = String.fromDatabaseValue(v), let d = CalendarDate(iso: s) {
                        values.append(d.adding(days: addDays).iso.databaseValue)
                    } else {
                        values.append(v)
                    }
                case .failure(let problem):
                    problems.report(record.line, "\(target.column.name): \(problem)"); ok = false
                case .unknownMember:
                    if mapping?.skipUnknownMembers == true { unknownMember = true } else {
                        problems.report(record.line, "\(target.column.name): no member has \(target.memberBy ?? "id") '\(texts[i])'; import members first or fix the row"); ok = false
                    }
                }
            }
            if unknownMember, ok { summary.skip("not members"); continue }
            guard ok else { continue }
            if let problem = resolver.rowProblem(values: values, names: names) { problems.report(record.line, problem); continue }
            rows.append((record.line, values))
        }
        if let by = mapping?.mergeBy, !by.isEmpty { rows = Self.merge(rows, names: names, by: by) }

        var writer = try TableWriter(db: db, table: table, columns: columns, names: names, mode: options.mode)
        for row in rows {
            do {
                if let problem = try writer.write(row.values) { problems.report(row.line, problem) }
            } catch let error as DatabaseError {
                problems.report(row.line, Self.explain(error, table: table, names: names, values: row.values))
            }
        }
        if problems.total == 0 {
            for (t, n) in try writer.finishReplace(cascade: options.cascade) { summary.removed.append(.init(why: t, count: n)) }
        }
        summary.added = writer.added; summary.updated = writer.updated; summary.unchanged = writer.unchanged
        return summary
    }

    /// Several rows of one person (one per membership) become one: `joined_on` the earliest,
    /// `left_on` the latest, or none while any membership is current; other columns from the last row.
    static func merge(_ rows: [(line: Int, values: [DatabaseValue])], names: [String], by: [String]) -> [(line: Int, values: [DatabaseValue])] {
        let keys = by.compactMap { names.firstIndex(of: $0) }
        let joined = names.firstIndex(of: "joined_on"), left = names.firstIndex(of: "left_on")
        var index: [String: Int] = [:]
        var out: [(line: Int, values: [DatabaseValue])] = []
        for row in rows {
            guard let k = keys.first(where: { row.values[$0] != .null }) else { out.append(row); continue }
            let key = "\(names[k])\u{1}\((String.fromDatabaseValue(row.values[k]) ?? "").lowercased())"
            guard let i = index[key] else { index[key] = out.count; out.append(row); continue }
            var merged = row.values
            let old = out[i].values
            if let j = joined, let a = String.fromDatabaseValue(old[j]), let b = String.fromDatabaseValue(merged[j]), a < b { merged[j] = old[j] }
            if let l = left {
                if old[l] == .null || merged[l] == .null { merged[l] = .null }
                else if let a = String.fromDatabaseValue(old[l]), let b = String.fromDatabaseValue(merged[l]), a > b { merged[l] = old[l] }
            }
            out[i] = (out[i].line, merged)
        }
        return out
    }

    /// Problems of one import, the first `limit` kept as text.
    struct Problems {
        let file: String
        let limit: Int
        var lines: [(line: Int, text: String)] = []
        var total = 0
        mutating func report(_ line: Int, _ message: String) {
            total += 1
            if lines.count < limit { lines.append((line, "\(file):\(line): \(message)")) }
        }
        /// In file order, whichever pass found them.
        var failure: ImportFailure {
            ImportFailure(problems: lines.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element.text),
                          totalProblems: total, file: file)
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

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension CSVImporter {
    /// A mapping file's text, with the same one-line errors as a CSV file.
    public static func readMappingText(_ file: String) throws -> String { try readText(file) }
}
