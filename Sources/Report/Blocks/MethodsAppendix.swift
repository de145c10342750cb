import Base
import Layout
import Metrics
import ReportSyntax

/// "How we count": for every metric the report prints, its label and written definition from
/// the catalogue, the period and the previous period, and the notes the metrics carry — the
/// answer to a funder's "how do you count members?" from the same source as the numbers.
/// A ```` ```methods ```` block puts it where it stands; `methods: true` in the front matter
/// appends it at the end.
///
/// ```yaml
/// title: How we count      # the heading (default "How we count"); `heading_level` 1–3
/// ```
enum MethodsAppendix {
    static let keys = ["title", "heading_level"]

    static func appearsIn(_ body: [MarkdownBlock]) -> Bool {
        body.contains { b in
            switch b {
            case .fenced(let info, _, _): return info.split(separator: " ").first == "methods"
            case .conditional(let branches, _): return branches.contains { appearsIn($0.content) }
            default: return false
            }
        }
    }

    static func blocks(_ yaml: String, at location: SourceLocation, body: [MarkdownBlock], context: ReportContext) throws -> [Block] {
        let spec = try YAMLValue.parse(yaml, at: location)
        try spec?.requireKeys(in: keys, "a methods block")
        let title = try spec?["title"].map { try context.render(try Template($0.string("title"), at: $0.location)) } ?? "How we count"
        let level = try spec?["heading_level"]?.int("heading_level") ?? 1
        guard (1...3).contains(level) else { throw ReportError(spec!["heading_level"]!.location, "heading_level must be 1, 2 or 3") }
        let m = context.metrics
        var out: [Block] = [.heading(level: level, text: [InlineRun(title)])]
        out.append(.paragraph([InlineRun("The figures in this report cover \(DateText.long(m.period.start)) to \(DateText.long(m.period.end)) (\(ReportContext.label(m.period))). Each is compared with the same count over \(DateText.long(m.previousPeriod.start)) to \(DateText.long(m.previousPeriod.end)) (\(ReportContext.label(m.previousPeriod))), the period of the same length just before. A member on a day is someone who had joined on or before that day and had not yet left. Changes in counts are shown in percent of the previous value, or as a difference when that value is below \(NumberText.grouped(Change.smallBase)); changes in shares and rates in percentage points.")]))
        let names = printedMetrics(body, context: context)
        let items = names.compactMap { name -> ListItem? in
            guard let d = MetricCatalogue.definition(name) else { return nil }
            let rule = d.changeRule == .difference ? " Changes are shown as a difference." : ""
            return ListItem([InlineRun(d.label, bold: true), InlineRun(" (\(d.name)): \(d.definition).\(rule)")])
        }
        if !items.isEmpty { out.append(.bulletList(items)) }
        var notes = m.notes
        if names.contains("activities.participants"), let without = m.scalar("activities.without_participants")?.value, without > 0 {
            notes.append("\(NumberText.grouped(without)) of the period's activities have no participant count (newsletters, publications, or counts not recorded); the participant total leaves them out.")
        }
        if !notes.isEmpty {
            // A heading keeps with the notes it introduces (a bold paragraph could end a page).
            out.append(.heading(level: min(level + 1, 3), text: [InlineRun("Notes")], inContents: false))
            out.append(.bulletList(notes.map { ListItem([InlineRun($0.prefix(1).uppercased() + $0.dropFirst())]) }))
        }
        return out
    }

    /// Catalogue names the report prints, in first-use order: expressions of the arms the data
    /// takes, and the metrics data blocks name (`data:`, `metric:`, `metrics:`, `sparkline:`).
    static func printedMetrics(_ body: [MarkdownBlock], context: ReportContext) -> [String] {
        var names: [String] = []
        func add(_ reference: String) {
            guard let r = try? MetricReference(parsing: reference), !names.contains(r.name) else { return }
            names.append(r.name)
        }
        func visit(_ blocks: [MarkdownBlock]) {
            for b in blocks {
                switch b {
                case .fenced(let info, let yaml, let loc):
                    guard let spec = (try? YAMLValue.parse(yaml, at: loc)) ?? nil else { continue }
                    // The keys that name metrics, in a block or in each of its tiles.
                    func scan(_ v: YAMLValue) {
                        switch v {
                        case .scalar(let s, _, _): add(s)
                        case .sequence(let items, _): items.forEach(scan)
                        case .mapping(let entries, _):
                            for e in entries where ["data", "metric", "metrics", "sparkline"].contains(e.key) { scan(e.value) }
                        }
                    }
                    scan(spec)
                    if case .scalar("targets", _, _)? = spec["data"] { context.metrics.targets.forEach { add($0.metric) } }
                case .conditional(let branches, _):
                    if let arm = (try? context.arm(branches)) ?? nil { visit(arm.content) }
                case .list(_, _, let items, _): items.forEach(visit)
                case .quote(let c, _): visit(c)
                default:
                    ReportTree.walk([b], context: context, expression: { e, taken in if taken { add(e.name) } })
                }
            }
        }
        visit(body)
        return names
    }
}
