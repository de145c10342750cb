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

    /// One candidate sentence part: what changed and by how much (the catalogue's rule).
    struct Item { let subject: String; let change: Change; var size: Double { abs(change.relative ?? 0) } }

    static func blocks(_ spec: YAMLValue, context: ReportContext) throws -> [Block] {
        try spec.requireKeys(in: keys, "a summary block")
        let m = context.metrics
        var changes: [Item] = []
        if let list = spec["metrics"] {
            for name in try list.strings("metrics") {
                guard let def = MetricCatalogue.definition(name), def.shape == .scalar, def.unit == .count else {
                    throw ReportError(list.location, "'\(name)' is not a single-number count\(NearMiss.hint(for: name, in: MetricCatalogue.all.filter { $0.shape == .scalar && $0.unit == .count }.map(\.name)))")
                }
                if let s = m.scalar(name), let c = Change(s.value, from: s.previous, rule: def.changeRule), c.previous > 0 {
                    changes.append(Item(subject: MetricLabels.label(name).lowercasedFirst, change: c))
                }
            }
        }
        if let g = spec["groups"] {
            for name in try g.strings("groups") {
                guard MetricCatalogue.definition(name)?.shape == .grouped, let rows = m.grouped(name) else {
                    throw ReportError(g.location, "'\(name)' is not a grouped metric\(NearMiss.hint(for: name, in: MetricCatalogue.all.filter { $0.shape == .grouped }.map(\.name)))")
                }
                let def = MetricCatalogue.definition(name)!
                for r in rows {
                    guard let c = Change(r.value, from: r.previous, rule: def.changeRule), c.previous > 0 else { continue }
                    let noun = def.noun(key: r.key)?.plural ?? "members"
                    let subject = def.nounFromKey ? noun : "\(noun) in \(MetricLabels.key(r.key, of: name, profile: context.profile))"
                    changes.append(Item(subject: subject, change: c))
                }
            }
        }
        let count = try spec["count"]?.int("count") ?? 3
        let top = changes.sorted { $0.size > $1.size || ($0.size == $1.size && $0.subject < $1.subject) }.prefix(max(1, count))
        guard !top.isEmpty else {
            return [.paragraph([InlineRun("There is nothing to compare with \(ReportContext.label(m.previousPeriod)).", italic: true)])]
        }
        let verbs = context.verbs
        let phrases = top.map { item in
            let c = item.change
            switch c.direction {
            case .level: return "\(item.subject) \(verbs.level) at \(NumberText.grouped(c.value))"
            case .up, .down:
                let verb = c.direction == .up ? verbs.up : verbs.down
                // "rose 52%", but "rose by 2" for a difference on a small base.
                return "\(item.subject) \(verb) \(c.rule == .difference ? "by " : "")\(c.magnitude) from \(NumberText.grouped(c.previous)) to \(NumberText.grouped(c.value))"
            }
        }
        let sentence = "The largest changes from \(ReportContext.label(m.previousPeriod)) to \(ReportContext.label(m.period)): "
            + (phrases.count == 1 ? phrases[0] : phrases.dropLast().joined(separator: "; ") + "; and " + phrases.last!) + "."
        return [.paragraph([InlineRun(sentence)])]
    }
}

extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
