import Base
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

    func blocks(_ spec: YAMLValue?, at location: SourceLocation, context: ReportContext) throws -> [Block] {
        try spec?.requireKeys(in: Self.keys, "a directory block")
        let group = try spec?["group"]?.string("group") ?? "region"
        guard let grouping = DirectoryGrouping(rawValue: group) else {
            throw ReportError(spec!["group"]!.location, "group must be region or country\(NearMiss.hint(for: group, in: ["region", "country"]))")
        }
        let columns = try spec?["columns"]?.strings("columns") ?? ["name", group == "region" ? "country" : "region", "sector", "joined"]
        for c in columns where !Self.columns.contains(c) {
            throw ReportError(spec!["columns"]!.location, "unknown directory column '\(c)'\(NearMiss.hint(for: c, in: Self.columns)); columns: \(Self.columns.joined(separator: ", "))")
        }
        let level = try spec?["heading_level"]?.int("heading_level") ?? 2
        var blocks: [Block] = []
        var current: String?? = .none
        var rows: [[Layout.Table.Cell]] = []
        func flush() {
            guard let name = current else { return }
            blocks.append(.heading(level: level, text: [InlineRun(name ?? (group == "region" ? "No region" : "No country"))], inContents: level <= 2))
            blocks.append(.table(Layout.Table(columns: columns.map { _ in .text }, header: columns.map { [InlineRun(Self.labels[$0]!)] }, rows: rows)))
            rows = []
        }
        // Repeated texts (sectors) are capitalised once: the directory of a large network has
        // ~100,000 rows, and this loop is the report's hottest.
        var sectors: [String: String] = [:]
        for entry in try engine.directory(on: context.metrics.period.end, groupedBy: grouping) {
            if current == nil || current! != entry.group { flush(); current = .some(entry.group) }
            rows.append(columns.map { col in
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
            })
        }
        flush()
        if blocks.isEmpty { blocks.append(.paragraph([InlineRun("No members at the end of \(ReportContext.label(context.metrics.period)).", italic: true)])) }
        return blocks
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

