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
            let ratio = ReportContext.isRatio(reference)
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
            // Ratios change in percentage points; counts in percent of the previous value.
            var change: String?
            var direction = KPI.Direction.flat
            if let v = value, let p = previous {
                let delta = ratio ? v - p : (p == 0 ? nil : (v - p) / p)
                if let d = delta {
                    direction = abs(d) < 0.0005 ? .flat : (d > 0 ? .up : .down)
                    let magnitude = ratio ? NumberText.grouped(abs(d) * 100) + " pts" : NumberText.percent(abs(d))
                    change = "\(magnitude) vs \(ReportContext.label(context.metrics.previousPeriod))"
                }
            }
            let upIsGood = try item["up_is_good"].map { try $0.string("up_is_good") != "false" } ?? (reference.name != "members.lapsed")
            let sparkline = try item["sparkline"].map { try charts.sparkline(try $0.string("sparkline"), at: $0.location, context: context) } ?? nil
            return KPI(value: shown, label: label, change: change, direction: direction, upIsGood: upIsGood, graphic: sparkline)
        }
        return [.kpiRow(tiles)]
    }
}
