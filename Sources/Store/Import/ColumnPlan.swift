import Base

/// Which fields of a file feed which columns of a table, and how a row's text becomes the
/// column texts (joined headers, first present, constants, value maps, filters, `left_on`).
/// Built once per file from the header row and the table's mapping, then applied to each row.
struct ColumnPlan {
    enum Feed {
        case joined([Int])
        case first([Int])
        case constant(String)
        case rowCount
    }
    struct Target {
        let column: TableColumns.Column
        let feed: Feed
        let valueMap: [String: String]
        let memberBy: String?
    }
    struct Filter { let field: Int; let values: Set<String>; let negate: Bool; let why: String }
    struct Ended { let field: Int; let values: Set<String>; let date: Feed; let addDays: Int }

    let targets: [Target]
    let filters: [Filter]
    let ended: Ended?
    let ignored: [String]

    static func normalize(_ header: String) -> String { Slug.make(header, separator: "_") }

    /// `mapping` nil: headers match column names (case and punctuation aside), synonyms
    /// (`HeaderSynonyms`) and `--map` pairs.
    init(header: [String], columns: TableColumns, mapping: ImportMapping.Table?, extra: [(source: String, column: String)],
         file: String, table: String, origin: String) throws {
        let normalized = header.map(Self.normalize)
        let columnNames = columns.all.map(\.name)
        var used = Set<Int>()
        var feeds: [String: (Feed, ImportMapping.Column?)] = [:]

        func index(_ name: String, for what: String) throws -> Int {
            let key = Self.normalize(name)
            guard let i = normalized.firstIndex(of: key) else {
                throw StoreError("\(what): \(file) has no header '\(name)'\(NearMiss.hint(for: name, in: header)); headers: \(header.joined(separator: ", "))")
            }
            used.insert(i)
            return i
        }
        func checkColumn(_ column: String, _ what: String) throws {
            guard columnNames.contains(column) else {
                throw StoreError("\(what): \(table) has no column '\(column)'\(NearMiss.hint(for: column, in: columnNames)); columns: \(columnNames.joined(separator: ", "))")
            }
        }
        func feed(_ source: ImportMapping.Source, _ what: String) throws -> Feed {
            switch source {
            case .headers(let names): return .joined(try names.map { try index($0, for: what) })
            case .first(let names):
                // A CRM writes one of several headers depending on its version: any may be absent.
                let found = names.compactMap { n in normalized.firstIndex(of: Self.normalize(n)) }
                guard !found.isEmpty else {
                    throw StoreError("\(what): \(file) has none of the headers \(names.map { "'\($0)'" }.joined(separator: ", ")); headers: \(header.joined(separator: ", "))")
                }
                used.formUnion(found)
                return .first(found)
            case .constant(let v): return .constant(v)
            case .rowCount: return .rowCount
            }
        }

        if let mapping {
            for (name, column) in mapping.columns {
                let what = "\(origin): \(table).columns.\(name)"
                try checkColumn(name, what)
                feeds[name] = (try feed(column.source, what), column)
            }
        }
        for (source, column) in extra {
            let what = "--map \"\(source)=\(column)\""
            try checkColumn(column, what)
            let i = try index(source, for: what)
            if case .joined(let existing)? = feeds[column]?.0, mapping == nil { feeds[column] = (.joined(existing + [i]), nil) }
            else { feeds[column] = (.joined([i]), nil) }
        }
        if mapping == nil {
            for column in columnNames where feeds[column] == nil {
                if let i = normalized.firstIndex(of: column), !used.contains(i) {
                    feeds[column] = (.joined([i]), nil); used.insert(i)
                }
            }
            for column in columnNames where feeds[column] == nil {
                if let i = HeaderSynonyms.header(for: column, in: normalized, unused: { !used.contains($0) }) {
                    feeds[column] = (.joined([i]), nil); used.insert(i)
                }
            }
            // CRM exports split names: join given and family names into `name` when nothing maps to it.
            if columnNames.contains("name"), feeds["name"] == nil {
                let given = ["first_name", "given_name", "firstname", "forename"].compactMap { normalized.firstIndex(of: $0) }.first
                let family = ["last_name", "family_name", "lastname", "surname"].compactMap { normalized.firstIndex(of: $0) }.first
                if let g = given, let f = family, !used.contains(g), !used.contains(f) {
                    feeds["name"] = (.joined([g, f]), nil); used.formUnion([g, f])
                }
            }
            // Attendance may name its members by e-mail or CRM id.
            if table == "attendance", feeds["member_id"] == nil {
                for (slug, by) in [("member_external_id", "external_id"), ("external_id", "external_id"), ("member_email", "email"), ("email", "email")] {
                    if let i = normalized.firstIndex(of: slug), !used.contains(i) {
                        feeds["member_id"] = (.joined([i]), ImportMapping.Column(source: .headers([header[i]]), memberBy: by)); used.insert(i); break
                    }
                }
            }
        }

        var filters: [Filter] = []
        var ended: Ended?
        if let mapping {
            for f in mapping.skip {
                filters.append(Filter(field: try index(f.header, for: "\(origin): \(table).skip"), values: Set(f.values.map(ImportMapping.mapKey)), negate: f.negate, why: f.why))
            }
            if let e = mapping.leftOn {
                let what = "\(origin): \(table).left_on"
                ended = Ended(field: try index(e.header, for: what), values: Set(e.values.map(ImportMapping.mapKey)),
                              date: try feed(e.date, what), addDays: e.addDays)
            }
        }
        if ended != nil, feeds["left_on"] == nil, columnNames.contains("left_on") { feeds["left_on"] = (.constant(""), nil) }
        var missing: [String] = []
        for column in columns.all where column.notNull && !column.isRowID && feeds[column.name] == nil {
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
        targets = columns.all.compactMap { c in
            feeds[c.name].map { Target(column: c, feed: $0.0, valueMap: $0.1?.valueMap ?? [:], memberBy: $0.1?.memberBy) }
        }
        self.filters = filters
        self.ended = ended
        ignored = header.indices.filter { !used.contains($0) }.map { header[$0] }
    }

    /// A header that shares the column's distinctive word ("Join Date" for joined_on).
    static func looseMatch(_ column: String, _ headers: [String]) -> String? {
        let stem = column.split(separator: "_").first.map { String($0.prefix(4)) } ?? column
        guard stem.count >= 3 else { return nil }
        return headers.first { normalize($0).hasPrefix(stem) }
    }

    /// Why the row is skipped, or nil to import it.
    func skipReason(_ fields: [String]) -> String? {
        for f in filters {
            let v = ImportMapping.mapKey(fields[f.field])
            if f.values.contains(v) != f.negate { return f.why }
        }
        return nil
    }

    func text(_ feed: Feed, _ fields: [String], rows: Int) -> String {
        switch feed {
        case .joined(let idx): return idx.map { fields[$0].trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }.joined(separator: " ")
        case .first(let idx): return idx.lazy.map { fields[$0].trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty } ?? ""
        case .constant(let v): return v
        case .rowCount: return String(rows)
        }
    }

    /// The text of each target column for one row (value maps applied); `left_on` from the
    /// mapping's status rule when it applies.
    func texts(_ fields: [String], rows: Int = 1) -> [String] {
        targets.map { t in
            let raw = text(t.feed, fields, rows: rows)
            return t.valueMap[ImportMapping.mapKey(raw)] ?? raw
        }
    }

    /// The `left_on` text the status rule gives (nil: the rule does not apply or there is none).
    func endedText(_ fields: [String]) -> String? {
        guard let e = ended, e.values.contains(ImportMapping.mapKey(fields[e.field])) else { return nil }
        return text(e.date, fields, rows: 1)
    }
}

import Foundation
