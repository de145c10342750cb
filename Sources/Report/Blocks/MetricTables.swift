import Base
import Layout
import Metrics
import ReportSyntax

/// ```` ```table ```` blocks: a metric (or query, or targets/grants/activities list) as a
/// typeset table with chosen columns, labels, order, limit and a totals row.
///
/// ```yaml
/// data: members.by_region
/// columns: [key, previous, value, change_pct]
/// labels: { key: Region }
/// sort: value
/// totals: true
/// ```
struct MetricTables {
    static let keys = ["data", "columns", "labels", "sort", "limit", "totals", "caption", "metrics", "empty", "country_codes"]
    /// Lists that are not metrics but reports need as tables.
    static let lists = ["metrics", "targets", "grants", "activities"]

    let engine: MetricsEngine
    let queries: QueryRunner

    func block(_ spec: YAMLValue, context: ReportContext) throws -> [Block] {
        try spec.requireKeys(in: Self.keys, "a table block")
        guard let dataValue = spec["data"] else { throw ReportError(spec.location, "a table block needs `data:` — a grouped metric such as members.by_region, a query name, or one of \(Self.lists.joined(separator: ", "))") }
        let data = try dataValue.string("data")
        var table = try load(data, at: dataValue.location, spec: spec, context: context)

        if let c = spec["columns"] {
            let wanted = try c.strings("columns")
            for name in wanted where !table.columns.contains(name) {
                throw ReportError(c.location, "unknown column '\(name)' for \(data)\(NearMiss.hint(for: name, in: table.columns)); columns: \(table.columns.joined(separator: ", "))")
            }
            table.columns = wanted
        }
        if let l = spec["labels"] {
            for e in try l.entries("labels") {
                guard table.columns.contains(e.key) else {
                    throw ReportError(e.keyLocation, "labels: '\(e.key)' is not a column of this table\(NearMiss.hint(for: e.key, in: table.columns))")
                }
                table.labels[e.key] = try context.render(try Template(try e.value.string("label of \(e.key)"), at: e.value.location))
            }
        }
        if let s = spec["sort"] {
            let order = try s.string("sort")
            switch order {
            case "given": break
            case "value", "descending":
                let col = table.numeric.contains("value") ? "value" : table.columns.first { table.numeric.contains($0) }
                if let col { table.rows.sort { ($0[col]?.number ?? -.infinity) > ($1[col]?.number ?? -.infinity) } }
            case "key", "name":
                let col = table.columns.first ?? "key"
                table.rows.sort { ($0[col]?.display ?? "") < ($1[col]?.display ?? "") }
            default:
                throw ReportError(s.location, "sort must be value, key or given, found '\(order)'\(NearMiss.hint(for: order, in: ["value", "key", "given"]))")
            }
        }
        if table.rows.isEmpty { return try Self.empty(spec, data: data, context: context) }
        let allRows = table.rows
        if let l = spec["limit"] {
            let n = try l.int("limit")
            guard n >= 1 else { throw ReportError(l.location, "limit must be at least 1") }
            table.rows = Array(table.rows.prefix(n))
        }
        var totals: [Layout.Table.Cell]?
        if let t = spec["totals"], try t.string("totals") == "true" {
            totals = table.columns.enumerated().map { i, col in
                if i == 0 { return [InlineRun("Total", bold: true)] }
                // Only plain counts add up; shares and changes of a total are not sums.
                guard ["value", "previous"].contains(col) || (table.numeric.contains(col) && !["change", "change_pct", "share"].contains(col)) else { return [] }
                let cells = allRows.compactMap { $0[col] }
                guard !cells.isEmpty, cells.allSatisfy({ if case .count = $0 { return true } else { return $0 == .empty } }) else { return [] }
                return [InlineRun(TableData.Cell.count(cells.compactMap(\.number).reduce(0, +)).display, bold: true)]
            }
        }
        let sized = table.columns.allSatisfy { table.widths[$0] != nil }
        let columns = table.columns.map { name -> Layout.Table.Column in
            var c = table.numeric.contains(name) ? Layout.Table.Column.number : Layout.Table.Column.text
            if sized { c.width = table.widths[name] }
            return c
        }
        let header = table.columns.map { [InlineRun(table.labels[$0] ?? $0)] }
        let rows = table.rows.map { row in table.columns.map { [InlineRun(row[$0]?.display ?? "—")] } }
        let caption = try spec["caption"].map { try context.render(try Template($0.string("caption"), at: $0.location)) }
        return [.table(Layout.Table(columns: columns, header: header, rows: rows, totals: totals, caption: caption))]
    }

    /// A block with no rows: never an empty table header. `empty: hide` leaves it out,
    /// `empty: "text"` says what the author wants, and otherwise one short line says so.
    static func empty(_ spec: YAMLValue, data: String, context: ReportContext) throws -> [Block] {
        let period = ReportContext.label(context.metrics.period)
        if let e = spec["empty"] {
            let text = try e.string("empty")
            if text == "hide" { return [] }
            return [.paragraph([InlineRun(try context.render(try Template(text, at: e.location)), italic: true)])]
        }
        let line: String
        switch data {
        case "working_groups.members", "working_groups.by_kind": line = "No working groups yet."
        case "targets": line = "No targets set for \(period)."
        case "grants": line = "No grants in \(period)."
        case "activities": line = "No activities in \(period)."
        default:
            let noun = MetricCatalogue.definition(data)?.noun?.plural ?? "rows"
            line = "No \(noun) to show for \(period)."
        }
        return [.paragraph([InlineRun(line, italic: true)])]
    }

    func load(_ data: String, at location: SourceLocation, spec: YAMLValue, context: ReportContext) throws -> TableData {
        let m = context.metrics
        let now = ReportContext.label(m.period), before = ReportContext.label(m.previousPeriod)
        switch data {
        case "metrics":
            guard let list = spec["metrics"] else {
                throw ReportError(location, "data: metrics needs `metrics: [members.end, members.new, …]`, the scalar metrics to list")
            }
            let names = try list.strings("metrics")
            let rows = try names.map { name -> [String: TableData.Cell] in
                guard let def = MetricCatalogue.definition(name), def.shape == .scalar, let s = m.scalar(name) else {
                    throw ReportError(list.location, "'\(name)' is not a single-number metric\(NearMiss.hint(for: name, in: MetricCatalogue.all.filter { $0.shape == .scalar }.map(\.name)))")
                }
                let ratio = def.unit == .ratio
                // The catalogue's rule: a ratio changes in points and has no percent change.
                let c = Change(s.value, from: s.previous, rule: def.changeRule)
                return ["metric": .text(MetricLabels.label(name)), "name": .text(name),
                        "previous": ratio ? .ratio(s.previous) : .count(s.previous), "value": ratio ? .ratio(s.value) : .count(s.value),
                        "change": def.changeRule == .points ? .points(c?.difference) : .change(c?.difference),
                        "change_pct": def.changeRule == .points ? .empty : .changePct(c?.relative)]
            }
            return TableData(columns: ["metric", "previous", "value", "change", "change_pct"],
                             labels: ["metric": "Metric", "name": "Name", "previous": before, "value": now, "change": "Change", "change_pct": "Change %"],
                             rows: rows, numeric: ["previous", "value", "change", "change_pct"])
        case "targets":
            let rows = m.targets.map { t -> [String: TableData.Cell] in
                let ratio = (try? MetricReference(parsing: t.metric)).map { ReportContext.kind($0, 0).asRatio != nil } ?? false
                let status: String
                if let a = t.actual { status = a >= t.target ? "Met" : "\(ratio ? NumberText.percent(t.target - a) : NumberText.grouped(t.target - a)) to go" }
                else { status = "No data" }
                return ["metric": .text(MetricLabels.label(t.metric)), "target": ratio ? .ratio(t.target) : .count(t.target),
                        "actual": ratio ? .ratio(t.actual) : .count(t.actual), "status": .text(status), "note": .text(t.note ?? "")]
            }
            return TableData(columns: ["metric", "target", "actual", "status"],
                             labels: ["metric": "Goal", "target": "Target", "actual": "Actual", "status": "Status", "note": "Note"],
                             rows: rows, numeric: ["target", "actual"])
        case "grants":
            let rows = m.grants.map { g -> [String: TableData.Cell] in
                let amount = g.amountCents.map { NumberText.grouped(Double($0) / 100) + (g.currency.map { " \($0)" } ?? "") }
                return ["funder": .text(g.funder), "title": .text(g.title), "amount": amount.map { .text($0) } ?? .empty,
                        "period": .text("\(DateText.short(g.startsOn)) – \(DateText.short(g.endsOn))"), "purpose": .text(g.purpose ?? "")]
            }
            return TableData(columns: ["funder", "title", "amount", "period"],
                             labels: ["funder": "Funder", "title": "Grant", "amount": "Amount", "period": "Period", "purpose": "Purpose"],
                             rows: rows, numeric: ["amount"])
        case "activities":
            let rows = try engine.activities(in: m.period).map { a -> [String: TableData.Cell] in
                ["date": .text(DateText.short(a.heldOn)), "kind": .text(a.kind?.capitalizedFirst ?? "—"), "title": .text(a.title),
                 "participants": .count(a.participants.map(Double.init)), "working_group": .text(a.workingGroup ?? "")]
            }
            return TableData(columns: ["date", "kind", "title", "participants"],
                             labels: ["date": "Date", "kind": "Kind", "title": "Activity", "participants": "Participants", "working_group": "Working group"],
                             rows: rows, numeric: ["participants"],
                             widths: ["date": 0.14, "kind": 0.2, "title": 0.52, "participants": 0.14, "working_group": 0.3])
        default:
            if let query = queries.query(named: data) { return try queries.run(query) }
            return try grouped(data, at: location, spec: spec, context: context)
        }
    }

    func grouped(_ name: String, at location: SourceLocation, spec: YAMLValue, context: ReportContext) throws -> TableData {
        guard let def = MetricCatalogue.definition(name) else {
            let candidates = MetricCatalogue.all.filter { $0.shape == .grouped }.map(\.name) + Self.lists + queries.names
            throw ReportError(location, "unknown data '\(name)'\(NearMiss.hint(for: name, in: candidates)); use a grouped metric (almanac metrics --list), a query from the front matter, or one of \(Self.lists.joined(separator: ", "))")
        }
        guard def.shape == .grouped, let rows = context.metrics.grouped(name) else {
            throw ReportError(location, "\(name) is a single number; tables show grouped metrics such as members.by_region, or `data: metrics` with a list of single-number metrics")
        }
        let m = context.metrics
        let codes = try spec["country_codes"].map { try $0.string("country_codes") == "true" } ?? false
        return TableData(
            columns: ["key", "value", "previous", "change", "change_pct", "share"],
            labels: ["key": MetricLabels.groupLabel(name), "value": ReportContext.label(m.period), "previous": ReportContext.label(m.previousPeriod),
                     "change": "Change", "change_pct": "Change %", "share": "Share"],
            rows: rows.map { r in
                let c = Change(r.value, from: r.previous, rule: def.changeRule)
                return ["key": .text(MetricLabels.key(r.key, of: name, profile: context.profile, codes: codes)), "value": .count(r.value), "previous": .count(r.previous),
                        "change": .change(c?.difference), "change_pct": .changePct(c?.relative), "share": .ratio(r.share)]
            },
            numeric: ["value", "previous", "change", "change_pct", "share"])
    }
}

/// Readable names for metrics and their groups in tables and charts, from the catalogue.
enum MetricLabels {
    /// "Members at the end"; for one group, "Webinar (activities by kind)".
    static func label(_ reference: String) -> String {
        if let open = reference.firstIndex(of: "["), let close = reference.lastIndex(of: "]") {
            let key = String(reference[reference.index(after: open)..<close])
            return "\(key.capitalizedFirst) (\(label(String(reference[..<open])).lowercased()))"
        }
        if let d = MetricCatalogue.definition(reference) { return d.label }
        return reference.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: ".", with: " ").capitalizedFirst
    }

    static func groupLabel(_ metric: String) -> String {
        MetricCatalogue.definition(metric)?.groupLabel ?? "Group"
    }

    /// A group key as a reader sees it: null keys get a name, sectors and kinds a capital,
    /// country codes their country's name (unless `codes` asks for the codes).
    static func key(_ key: String?, of metric: String, profile: OrganizationProfile? = nil, codes: Bool = false) -> String {
        guard let key else { return MetricCatalogue.definition(metric)?.noKeyLabel ?? "Not stated" }
        if metric == "members.by_country", !codes, let profile { return profile.countryName(key) }
        if ["members.by_sector", "activities.by_kind", "working_groups.by_kind"].contains(metric) {
            return key.capitalizedFirst
        }
        return key
    }
}
