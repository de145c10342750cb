import Base
import Foundation
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

    let engine: MetricsEngine

    func blocks(_ spec: YAMLValue?, at location: SourceLocation, context: ReportContext, notes: BuildNotes) throws -> [Block] {
        try spec?.requireKeys(in: Self.keys, "a directory block")
        // Many organizations will not publish every member's name: the directory is opt-in.
        guard context.isOn("directory") else {
            notes.add("\(location.movedUp): the member directory is left out; set `directory: true` in the front matter to publish members' names")
            return []
        }
        let group = try spec?["group"]?.string("group") ?? "region"
        guard let grouping = DirectoryGrouping(rawValue: group) else {
            throw ReportError(spec!["group"]!.location, "group must be region or country\(NearMiss.hint(for: group, in: ["region", "country"]))")
        }
        let columns = try spec?["columns"]?.strings("columns") ?? ["name", group == "region" ? "country" : "region", "sector", "joined"]
        for c in columns where !Self.columns.contains(c) {
            throw ReportError(spec!["columns"]!.location, "unknown directory column '\(c)'\(NearMiss.hint(for: c, in: Self.columns)); columns: \(Self.columns.joined(separator: ", "))")
        }
        let level = try spec?["heading_level"]?.int("heading_level") ?? 2
        // Names sort by the collation of the report's language (ICU), so "Ángela" sorts with A
        // rather than after Z as bytes would; equal names keep the database's order. Metrics
        // returns the entries grouped: the few groups are sorted, then each group's names.
        let collator = Collator(language: (try context.setting("language")) ?? "en")
        var groups: [(name: String?, entries: [DirectoryEntry])] = []
        for entry in try engine.directory(on: context.metrics.period.end, groupedBy: grouping) {
            if groups.last.map({ $0.name != entry.group }) ?? true { groups.append((entry.group, [])) }
            groups[groups.count - 1].entries.append(entry)
        }
        // Named groups in collation order, then the entries with no group.
        let named = collator.sorted(groups.filter { $0.name != nil }) { $0.name! }
        let ordered = named + groups.filter { $0.name == nil }
        // Repeated texts (sectors) are capitalised once: a large network has ~100,000 rows.
        var sectors: [String: String] = [:]
        func cells(_ entry: DirectoryEntry) -> [Layout.Table.Cell] {
            columns.map { col in
                switch col {
                case "name": return [InlineRun(entry.name)]
                case "country": return [InlineRun(entry.country ?? "—")]
                case "region": return [InlineRun(entry.region ?? "—")]
                case "sector":
                    let raw = entry.sector ?? "—"
                    if let s = sectors[raw] { return [InlineRun(s)] }
                    let s = raw.capitalizedFirst
                    sectors[raw] = s
                    return [InlineRun(s)]
                default: return [InlineRun(String(entry.joinedOn.prefix(4)))]
                }
            }
        }
        var blocks: [Block] = []
        for group in ordered {
            blocks.append(.heading(level: level, text: [InlineRun(group.name ?? (grouping == .region ? "No region" : "No country"))], inContents: level <= 2))
            blocks.append(.table(Layout.Table(columns: columns.map { _ in .text }, header: columns.map { [InlineRun(Self.labels[$0]!)] },
                                              rows: collator.sorted(group.entries, by: \.name).map(cells), widthGroup: "directory")))
        }
        if blocks.isEmpty { blocks.append(.paragraph([InlineRun("No members at the end of \(ReportContext.label(context.metrics.period)).", italic: true)])) }
        return blocks
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

