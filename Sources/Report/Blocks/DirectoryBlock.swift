import Foundation
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

    func blocks(_ spec: YAMLValue?, at location: SourceLocation, context: ReportContext, notes: BuildNotes) throws -> [Block] {
        try spec?.requireKeys(in: Self.keys, "a directory block")
        // Many organizations will not publish every member's name: the directory is opt-in.
        guard context.isOn("directory") else {
            notes.add("\(location.movedUp): the member directory is left out; set `directory: true` in the front matter to publish members' names")
            return []
        }
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
        struct Entry { let group: String?; let cells: [String]; let name: String; let id: Int64 }
        let entries: [Entry] = try database.read { db in
            var sectors: [String: String] = [:]
            return try Row.fetchAll(db, sql: """
                SELECT \(groupColumn) AS grp, m.name, c.name AS country, r.name AS region, m.sector, m.joined_on, m.id
                FROM members m LEFT JOIN countries c ON c.code = m.country_code LEFT JOIN regions r ON r.id = c.region_id
                WHERE m.joined_on <= ?1 AND (m.left_on IS NULL OR m.left_on > ?1)
                """, arguments: [end]).map { row in
                let cells = columns.map { col -> String in
                    switch col {
                    case "name": return row[1] as String
                    case "country": return (row[2] as String?) ?? "—"
                    case "region": return (row[3] as String?) ?? "—"
                    case "sector":
                        // Repeated texts capitalised once: a large network has ~100,000 rows.
                        let raw: String = (row[4] as String?) ?? "—"
                        if let s = sectors[raw] { return s }
                        let s = raw.capitalizedFirst
                        sectors[raw] = s
                        return s
                    default: return String((row[5] as String).prefix(4))
                    }
                }
                return Entry(group: row[0], cells: cells, name: row[1], id: row[6])
            }
        }
        // Names sort by the collation of the report's language (ICU through Foundation), so
        // "Ángela" sorts with A rather than after Z as bytes would.
        let locale = Locale(identifier: (try context.setting("language")) ?? "en")
        func order(_ a: String, _ b: String) -> ComparisonResult { a.compare(b, options: [], range: nil, locale: locale) }
        let sorted = entries.sorted { a, b in
            if (a.group == nil) != (b.group == nil) { return b.group == nil }
            if let ga = a.group, let gb = b.group, ga != gb { return order(ga, gb) == .orderedAscending }
            let byName = order(a.name, b.name)
            return byName == .orderedSame ? a.id < b.id : byName == .orderedAscending
        }
        var blocks: [Block] = []
        var index = sorted.startIndex
        while index < sorted.endIndex {
            let name = sorted[index].group
            let next = sorted[index...].firstIndex { $0.group != name } ?? sorted.endIndex
            blocks.append(.heading(level: level, text: [InlineRun(name ?? (group == "region" ? "No region" : "No country"))], inContents: level <= 2))
            blocks.append(.table(Layout.Table(columns: columns.map { _ in .text }, header: columns.map { [InlineRun(Self.labels[$0]!)] },
                                              rows: sorted[index..<next].map { $0.cells.map { [InlineRun($0)] } })))
            index = next
        }
        if blocks.isEmpty { blocks.append(.paragraph([InlineRun("No members at the end of \(ReportContext.label(context.metrics.period)).", italic: true)])) }
        return blocks
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

import Store
