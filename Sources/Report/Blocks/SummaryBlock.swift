import Base
import Layout
import Metrics
import ReportSyntax

/// ```` ```summary ```` blocks: one generated paragraph naming the largest changes against the
/// previous period, so a board reads the headline before the tables.
///
/// ```yaml
/// metrics: [members.end, members.new, activities.count]
/// groups: members.by_region
/// count: 4
/// ```
enum SummaryBlock {
    static let keys = ["metrics", "groups", "count"]

    struct Change { let subject: String; let value: Double; let previous: Double; var pct: Double { (value - previous) / previous } }

    static func blocks(_ spec: YAMLValue, context: ReportContext) throws -> [Block] {
        try spec.requireKeys(in: keys, "a summary block")
        let m = context.metrics
        var changes: [Change] = []
        if let list = spec["metrics"] {
            for name in try list.strings("metrics") {
                guard let def = MetricCatalogue.definition(name), def.shape == .scalar, def.unit == .count else {
                    throw ReportError(list.location, "'\(name)' is not a single-number count\(NearMiss.hint(for: name, in: MetricCatalogue.all.filter { $0.shape == .scalar && $0.unit == .count }.map(\.name)))")
                }
                if let s = m.scalar(name), let v = s.value, let p = s.previous, p > 0 {
                    changes.append(Change(subject: MetricLabels.label(name).lowercasedFirst, value: v, previous: p))
                }
            }
        }
        if let g = spec["groups"] {
            for name in try g.strings("groups") {
                guard MetricCatalogue.definition(name)?.shape == .grouped, let rows = m.grouped(name) else {
                    throw ReportError(g.location, "'\(name)' is not a grouped metric\(NearMiss.hint(for: name, in: MetricCatalogue.all.filter { $0.shape == .grouped }.map(\.name)))")
                }
                for r in rows { if let p = r.previous, p > 0 { changes.append(Change(subject: "members in \(MetricLabels.key(r.key, of: name))", value: r.value, previous: p)) } }
            }
        }
        let count = try spec["count"]?.int("count") ?? 3
        let top = changes.sorted { abs($0.pct) > abs($1.pct) || (abs($0.pct) == abs($1.pct) && $0.subject < $1.subject) }.prefix(max(1, count))
        guard !top.isEmpty else {
            return [.paragraph([InlineRun("There is nothing to compare with \(ReportContext.label(m.previousPeriod)).", italic: true)])]
        }
        let phrases = top.map { c in
            let verb = c.value > c.previous ? "rose" : (c.value < c.previous ? "fell" : "held at")
            return c.value == c.previous
                ? "\(c.subject) held at \(NumberText.grouped(c.value))"
                : "\(c.subject) \(verb) \(NumberText.percent(abs(c.pct))) from \(NumberText.grouped(c.previous)) to \(NumberText.grouped(c.value))"
        }
        let sentence = "The largest changes from \(ReportContext.label(m.previousPeriod)) to \(ReportContext.label(m.period)): "
            + (phrases.count == 1 ? phrases[0] : phrases.dropLast().joined(separator: "; ") + "; and " + phrases.last!) + "."
        return [.paragraph([InlineRun(sentence)])]
    }
}

extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
