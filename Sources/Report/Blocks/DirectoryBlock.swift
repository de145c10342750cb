import GRDB
import Layout
import Metrics
import ReportSyntax

/// ```` ```directory ```` blocks: the members active at the period end, grouped by region or
/// country, sorted by name — one table per group under its own heading.
///
/// ```yaml
/// group: region        # or country
/// columns: [name, country, sector, joined]
/// ```
struct DirectoryBlock {
    static let keys = ["group", "columns", "heading_level"]
    static let columns = ["name", "country", "region", "sector", "joined"]
    static let labels = ["name": "Name", "country": "Country", "region": "Region", "sector": "Sector", "joined": "Member since"]

    let database: DatabaseQueue

    func blocks(_ spec: YAMLValue?, at location: SourceLocation, context: ReportContext) throws -> [Block] {
        try spec?.requireKeys(in: Self.keys, "a directory block")
        let group = try spec?["group"]?.string("group") ?? "region"
        guard ["region", "country"].contains(group) else {
            throw ReportError(spec!["group"]!.location, "group must be region or country\(NearMiss.hint(for: group, in: ["region", "country"]))")
        }
        let columns = try spec?["columns"]?.strings("columns") ?? ["name", group == "region" ? "country" : "region", "sector", "joined"]
        for c in columns where !Self.columns.contains(c) {
            throw ReportError(spec!["columns"]!.location, "unknown directory column '\(c)'\(NearMiss.hint(for: c, in: Self.columns)); columns: \(Self.columns.joined(separator: ", "))")
        }
        let level = try spec?["heading_level"]?.int("heading_level") ?? 2
        let end = context.metrics.period.end.iso
        let groupColumn = group == "region" ? "r.name" : "c.name"
        var blocks: [Block] = []
        try database.read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT \(groupColumn) AS grp, m.name, c.name AS country, r.name AS region, m.sector, m.joined_on
                FROM members m LEFT JOIN countries c ON c.code = m.country_code LEFT JOIN regions r ON r.id = c.region_id
                WHERE m.joined_on <= ?1 AND (m.left_on IS NULL OR m.left_on > ?1)
                ORDER BY grp IS NULL, grp, m.name, m.id
                """, arguments: [end])
            var current: String?? = .none
            var rows: [[Layout.Table.Cell]] = []
            func flush() {
                guard let name = current else { return }
                blocks.append(.heading(level: level, text: [InlineRun(name ?? (group == "region" ? "No region" : "No country"))], inContents: level <= 2))
                blocks.append(.table(Layout.Table(columns: columns.map { _ in .text }, header: columns.map { [InlineRun(Self.labels[$0]!)] }, rows: rows)))
                rows = []
            }
            // Columns by position and repeated texts (sectors) capitalised once: the directory
            // of a large network has ~100,000 rows, and this loop is the report's hottest.
            var sectors: [String: String] = [:]
            while let row = try cursor.next() {
                let grp: String? = row[0]
                if current == nil || current! != grp { flush(); current = .some(grp) }
                rows.append(columns.map { col in
                    switch col {
                    case "name": return [InlineRun(row[1] as String)]
                    case "country": return [InlineRun((row[2] as String?) ?? "—")]
                    case "region": return [InlineRun((row[3] as String?) ?? "—")]
                    case "sector":
                        let raw: String = (row[4] as String?) ?? "—"
                        if let s = sectors[raw] { return [InlineRun(s)] }
                        let s = raw.capitalizedFirst
                        sectors[raw] = s
                        return [InlineRun(s)]
                    default: return [InlineRun(String((row[5] as String).prefix(4)))]
                    }
                })
            }
            flush()
        }
        if blocks.isEmpty { blocks.append(.paragraph([InlineRun("No members at the end of \(ReportContext.label(context.metrics.period)).", italic: true)])) }
        return blocks
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

import Store
