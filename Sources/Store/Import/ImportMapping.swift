import Base
import Foundation
import Yams

/// How one export file becomes rows of one table: a built-in preset (`--preset`) or a user's
/// mapping file (`--mapping FILE.yaml`) has one section per table (README, "Mapping files").
public struct ImportMapping: Sendable {
    /// Where a column's value comes from.
    public enum Source: Sendable, Equatable {
        /// Headers joined with a space ("First Name" + "Last Name").
        case headers([String])
        /// The first of these headers that the file has and that is not empty in the row.
        case first([String])
        /// The same text on every row.
        case constant(String)
        /// How many rows of the file share this row's group key (`count: rows`).
        case rowCount
    }

    /// A column: its source, a value map, and for references to members, the member column
    /// the value names (`id`, `external_id` or `email`).
    public struct Column: Sendable, Equatable {
        public var source: Source
        public var valueMap: [String: String] = [:]
        public var memberBy: String?
    }

    /// `skip when HEADER is VALUES` (or `is empty` / `is not`).
    public struct Filter: Sendable, Equatable {
        public var header: String
        public var values: [String]
        public var negate: Bool
        public var why: String
    }

    /// `left_on` = the date in `date` plus `addDays` when `header`'s value is one of `values`.
    public struct Ended: Sendable, Equatable {
        public var header: String
        public var values: [String]
        public var date: Source
        public var addDays: Int
    }

    /// One table's mapping.
    public struct Table: Sendable {
        public var columns: [(name: String, column: Column)] = []
        public var skip: [Filter] = []
        public var leftOn: Ended?
        /// Rows of one person merge by the first of these columns that has a value.
        public var mergeBy: [String] = []
        public var dateFormat: DateFormat?
        /// Rows naming a member who is not in the database are skipped and counted.
        public var skipUnknownMembers = false
        /// A second table filled from the same file, one row per distinct value of `key`.
        public var also: (table: String, key: String, mapping: Box)?
    }

    /// A table mapping inside another (`also`), boxed because structs cannot contain themselves.
    public final class Box: Sendable {
        public let table: Table
        init(_ table: Table) { self.table = table }
    }

    public var tables: [String: Table]
    /// Where the mapping came from, for messages ("preset civicrm", "map.yaml").
    public let origin: String

    // MARK: - Reading

    /// Reads a mapping from YAML text; `origin` names it in errors.
    public init(yaml: String, origin: String) throws {
        self.origin = origin
        let root: Any?
        do { root = try Yams.load(yaml: yaml) } catch {
            throw StoreError("\(origin): not valid YAML (\(Self.yamlProblem(error))); check the indentation and quotes")
        }
        guard let top = root as? [String: Any] else { throw StoreError("\(origin): expected one section per table, such as 'members:'") }
        var tables: [String: Table] = [:]
        for (name, body) in top where name != "description" {
            guard Schema.tableOrder.contains(name) else {
                throw StoreError("\(origin): unknown table '\(name)'\(NearMiss.hint(for: name, in: Schema.tableOrder)); tables: \(Schema.tableOrder.joined(separator: ", "))")
            }
            tables[name] = try Self.table(body, at: "\(origin): \(name)")
        }
        self.tables = tables
    }

    static func yamlProblem(_ error: Error) -> String {
        "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
    }

    static let tableKeys = ["columns", "skip", "left_on", "merge_by", "date_format", "unknown_members", "also"]

    static func table(_ body: Any, at place: String) throws -> Table {
        guard let dict = body as? [String: Any] else { throw StoreError("\(place): expected keys \(tableKeys.joined(separator: ", "))") }
        try checkKeys(dict, tableKeys, at: place)
        var t = Table()
        guard let columns = dict["columns"] as? [String: Any] else { throw StoreError("\(place): needs 'columns:' (column: header)") }
        for name in columns.keys.sorted() { t.columns.append((name, try column(columns[name]!, at: "\(place).columns.\(name)"))) }
        if let skip = dict["skip"] {
            guard let list = skip as? [Any] else { throw StoreError("\(place).skip: expected a list of {when: HEADER, is: VALUES, why: TEXT}") }
            t.skip = try list.map { try filter($0, at: "\(place).skip") }
        }
        if let left = dict["left_on"] {
            guard let d = left as? [String: Any], let header = d["when"] as? String, d["is"] != nil, let date = d["date"] else {
                throw StoreError("\(place).left_on: expected {when: HEADER, is: VALUES, date: HEADER, add_days: N}")
            }
            try checkKeys(d, ["when", "is", "date", "add_days"], at: "\(place).left_on")
            t.leftOn = Ended(header: header, values: strings(d["is"]!), date: try column(date, at: "\(place).left_on.date").source,
                             addDays: d["add_days"] as? Int ?? 0)
        }
        if let by = dict["merge_by"] { t.mergeBy = strings(by) }
        if let f = dict["date_format"] {
            guard let format = DateFormat("\(f)") else { throw StoreError("\(place).date_format: '\(f)' is not dmy, mdy, ymd or a pattern such as DD-MMM-YYYY") }
            t.dateFormat = format
        }
        if let u = dict["unknown_members"] {
            guard "\(u)" == "skip" else { throw StoreError("\(place).unknown_members: the only choice is 'skip'") }
            t.skipUnknownMembers = true
        }
        if let also = dict["also"] {
            guard let d = also as? [String: Any], d.count == 1, let (name, body) = d.first,
                  let inner = body as? [String: Any], let key = inner["key"] as? String else {
                throw StoreError("\(place).also: expected one table with a 'key:' header, such as activities: {key: Event ID, columns: …}")
            }
            var rest = inner; rest["key"] = nil
            t.also = (name, key, Box(try table(rest, at: "\(place).also.\(name)")))
        }
        return t
    }

    static let columnKeys = ["header", "first", "value", "count", "map", "by"]

    static func column(_ spec: Any, at place: String) throws -> Column {
        if let s = spec as? String { return Column(source: .headers([s])) }
        if let list = spec as? [Any] { return Column(source: .headers(strings(list))) }
        guard let d = spec as? [String: Any] else { throw StoreError("\(place): expected a header, a list of headers, or {header:, first:, value:, map:}") }
        try checkKeys(d, columnKeys, at: place)
        var c: Column
        if let h = d["header"] { c = Column(source: .headers(strings(h))) }
        else if let f = d["first"] { c = Column(source: .first(strings(f))) }
        else if let v = d["value"] { c = Column(source: .constant("\(v)")) }
        else if let n = d["count"] {
            guard "\(n)" == "rows" else { throw StoreError("\(place).count: the only choice is 'rows'") }
            c = Column(source: .rowCount)
        } else { throw StoreError("\(place): say where the value comes from with header:, first: or value:") }
        if let m = d["map"] {
            guard let map = m as? [AnyHashable: Any] else { throw StoreError("\(place).map: expected {file value: stored value}") }
            for (k, v) in map { c.valueMap[Self.mapKey("\(k)")] = "\(v)" }
        }
        if let by = d["by"] {
            guard ["id", "external_id", "email"].contains("\(by)") else { throw StoreError("\(place).by: '\(by)' must be id, external_id or email") }
            c.memberBy = "\(by)"
        }
        return c
    }

    static func filter(_ spec: Any, at place: String) throws -> Filter {
        guard let d = spec as? [String: Any], let header = d["when"] as? String, d["is"] != nil || d["is_not"] != nil else {
            throw StoreError("\(place): expected {when: HEADER, is: VALUES, why: TEXT}")
        }
        try checkKeys(d, ["when", "is", "is_not", "why"], at: place)
        let negate = d["is"] == nil
        return Filter(header: header, values: strings(d[negate ? "is_not" : "is"]!), negate: negate, why: d["why"] as? String ?? "\(header) \(negate ? "is not" : "is") \(strings(d[negate ? "is_not" : "is"]!).joined(separator: "/"))")
    }

    static func checkKeys(_ dict: [String: Any], _ allowed: [String], at place: String) throws {
        for key in dict.keys.sorted() where !allowed.contains(key) {
            throw StoreError("\(place): unknown key '\(key)'\(NearMiss.hint(for: key, in: allowed)); keys: \(allowed.joined(separator: ", "))")
        }
    }

    static func strings(_ value: Any) -> [String] {
        if let list = value as? [Any] { return list.flatMap(strings) }
        if value is NSNull { return [""] }
        // YAML reads an unquoted yes/no as a boolean: keep every spelling a file may hold.
        if let b = value as? Bool { return b ? ["true", "yes", "on"] : ["false", "no", "off"] }
        return ["\(value)"]
    }

    /// Value maps and filters compare values case- and space-insensitively.
    static func mapKey(_ s: String) -> String { s.trimmingCharacters(in: .whitespaces).lowercased() }
}
