import Base
import Layout
import Metrics
import ReportSyntax

/// ```` ```kpis ```` blocks: a row of tiles, each a metric's value, a label and its change
/// against the previous period.
///
/// ```yaml
/// - metric: members.end
///   label: Members
///   sparkline: members.monthly
/// - metric: members.growth
///   label: Growth
/// ```
struct KPIBlocks {
    static let keys = ["metric", "label", "format", "sparkline", "up_is_good"]
    let charts: ChartBlocks

    func block(_ spec: YAMLValue, context: ReportContext) throws -> [Block] {
        guard case .sequence(let items, _) = spec else {
            throw ReportError(spec.location, "a kpis block is a list of tiles, each starting with `- metric: NAME`")
        }
        guard (1...6).contains(items.count) else {
            throw ReportError(spec.location, "a kpis block holds 1 to 6 tiles (found \(items.count)); start another block for more")
        }
        let tiles = try items.map { item -> KPI in
            try item.requireKeys(in: Self.keys, "a KPI tile")
            guard let metricValue = item["metric"] else { throw ReportError(item.location, "each tile needs `metric: NAME`") }
            let name = try metricValue.string("metric")
            let reference: MetricReference
            do { reference = try MetricReference(parsing: name) } catch let e as MetricsError { throw ReportError(metricValue.location, e.description) }
            let definition = MetricCatalogue.definition(reference.name)
            let kind = ReportContext.kind(reference, 0)
            let ratio = kind.asRatio != nil
            let value = try context.metrics.value(of: reference)
            let previous = try context.metrics.value(of: MetricReference(name: reference.name, key: reference.key, field: .previous))
            let format = try item["format"]?.string("format") ?? (ratio ? "percent" : "number")
            let shown: String
            switch (format, value) {
            case (_, nil): shown = "—"
            case ("over", let v?): shown = ratio ? Formatters.overPercent(v) : Formatters.over(v)
            case ("percent", let v?): shown = NumberText.percent(v)
            case ("number", let v?): shown = ratio ? NumberText.percent(v) : NumberText.grouped(v)
            default: throw ReportError(item["format"]!.location, "format must be number, percent or over\(NearMiss.hint(for: format, in: ["number", "percent", "over"]))")
            }
            let label = try item["label"].map { try context.render(try Template($0.string("label"), at: $0.location)) } ?? MetricLabels.label(name)
            // The catalogue's rule: ratios in points, counts in percent (a difference on small bases).
            let delta = Change(value, from: previous, rule: definition?.changeRule ?? .percent)
            let change = delta.map { "\($0.magnitude) vs \(ReportContext.label(context.metrics.previousPeriod))" }
            let direction: KPI.Direction = delta.map { [.up: .up, .down: .down, .level: .flat][$0.direction]! } ?? .flat
            let upIsGood = try item["up_is_good"].map { try $0.string("up_is_good") != "false" } ?? (definition?.upIsGood ?? true)
            let sparkline = try item["sparkline"].map { try charts.sparkline(try $0.string("sparkline"), at: $0.location, context: context) } ?? nil
            return KPI(value: shown, label: label, change: change, direction: direction, upIsGood: upIsGood, graphic: sparkline)
        }
        return [.kpiRow(tiles)]
    }
}
