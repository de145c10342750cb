import Base
import Charts
import Foundation
import Layout
import Metrics
import ReportSyntax

/// ```` ```chart ```` blocks: a YAML chart spec plus its data from the MetricSet (or a named
/// query) compiled by Charts into a figure. One instance per report, so every category keeps
/// one colour across all of the report's charts.
final class ChartBlocks {
    private var compiler: ChartCompiler
    private let width: Double
    private(set) var warnings: [String] = []

    init(theme: Theme, measurer: any TextMeasuring) {
        compiler = ChartCompiler(theme: theme, measurer: measurer)
        width = theme.frame.width
    }

    /// Fixes every category's colour before the first chart (alphabetically within each
    /// dimension), so Africa's colour does not depend on which chart happens to come first.
    func registerCategories(_ metrics: MetricSet) {
        for name in ["members.by_region", "members.by_sector", "activities.by_kind", "working_groups.members"] {
            guard let rows = metrics.grouped(name) else { continue }
            // The same scope a chart of this metric uses (ChartSpec.scope's default).
            let scope = name.range(of: "by_", options: .backwards).map { String(name[$0.upperBound...]) } ?? name
            compiler.colors.register(rows.map { MetricLabels.key($0.key, of: name) }.sorted(), scope: scope)
        }
    }

    func block(_ yaml: YAMLValue, context: ReportContext, queries: QueryRunner) throws -> [Block] {
        try yaml.requireKeys(in: ChartSpec.knownKeys + Self.reportKeys, "a chart block")
        guard let dataValue = yaml["data"] else { throw ReportError(yaml.location, "a chart block needs `data:` — a metric such as members.by_region or a query name") }
        let spec = try decodeSpec(yaml, context: context)
        if spec.type == .kpi { throw ReportError(yaml["type"]!.location, "KPI tiles have their own block: write ```kpis with a list of `- metric: NAME`") }
        let codes = try yaml["country_codes"].map { try $0.string("country_codes") == "true" } ?? false
        let data = try chartData(spec, at: dataValue.location, context: context, queries: queries, codes: codes)
        // `empty: hide` leaves out a chart with nothing to draw instead of its "No data" panel.
        if data.isEmpty, let e = yaml["empty"], try e.string("empty") == "hide" { return [] }
        let chart = compiler.compile(spec, data: data, width: width)
        warnings += chart.notes.map { "\(yaml.location): \($0)" }
        return [.figure(chart.figure)]
    }

    /// Keys the report layer reads before the spec goes to Charts.
    static let reportKeys = ["empty", "country_codes"]

    /// A small line of a monthly metric for a KPI tile.
    func sparkline(_ name: String, at location: SourceLocation, context: ReportContext) throws -> Graphic? {
        guard let rows = context.metrics.grouped(name), name == "members.monthly" || name == "activities.by_month" else {
            throw ReportError(location, "sparkline must name a monthly metric: members.monthly or activities.by_month")
        }
        let points = rows.suffix(24).compactMap { r -> (date: CalendarDate, value: Double)? in
            r.key.flatMap { CalendarDate(iso: $0 + "-01") }.map { ($0, r.value) }
        }
        guard points.count >= 2 else { return nil }
        let chart = compiler.compile(ChartSpec(type: .sparkline, data: name, labels: false, height: 28), data: .timeSeries("", points), width: 110)
        return chart.graphic
    }

    private func decodeSpec(_ yaml: YAMLValue, context: ReportContext) throws -> ChartSpec {
        var spec: ChartSpec
        do {
            spec = try yaml.decode(ChartSpec.self)
        } catch let error as DecodingError {
            let problem = DecodingProblem(error)
            let node = yaml.value(at: problem.path)
            if problem.path.first == "type" {
                let given = (try? node.string("type")) ?? ""
                throw ReportError(node.location, "unknown chart type '\(given)'\(NearMiss.hint(for: given, in: ChartType.allCases.map(\.rawValue))); types: \(ChartType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            throw ReportError(node.location, problem.description)
        }
        // Texts may hold expressions: "Members by region, {{ year }}".
        for (key, text) in [("title", \ChartSpec.title), ("caption", \ChartSpec.caption), ("source", \ChartSpec.source)] {
            if let node = yaml[key] { spec[keyPath: text] = try context.render(try Template(try node.string(key), at: node.location)) }
        }
        if let problem = spec.validate().first {
            let key = String(problem.prefix { $0 != ":" && $0 != "." })
            throw ReportError(yaml[key]?.location ?? yaml.location, problem)
        }
        return spec
    }

    private func chartData(_ spec: ChartSpec, at location: SourceLocation, context: ReportContext, queries: QueryRunner, codes: Bool) throws -> ChartData {
        let m = context.metrics
        let now = ReportContext.label(m.period), before = ReportContext.label(m.previousPeriod)
        if let query = queries.query(named: spec.data) {
            let table = try queries.run(query)
            guard let keyColumn = table.columns.first(where: { !table.numeric.contains($0) }) ?? table.columns.first,
                  let valueColumn = table.columns.first(where: { table.numeric.contains($0) && $0 != keyColumn }) else {
                throw ReportError(query.location, "query \(query.name) needs a text column (the categories) and a number column (the values) to be charted")
            }
            let previousColumn = table.columns.first { table.numeric.contains($0) && $0 != valueColumn && $0 != keyColumn }
            // An infinite value would be drawn as 0 (or not at all): say which row instead.
            for (i, r) in table.rows.enumerated() {
                for column in [valueColumn, previousColumn].compactMap({ $0 }) {
                    if let x = r[column]?.number, !x.isFinite {
                        throw ReportError(query.location, "query \(query.name) row \(i + 1): \(column) is \(x.isNaN ? "not a number" : x > 0 ? "infinite" : "minus infinity"), which a chart cannot draw; keep it finite in the query (e.g. with min/max or CASE)")
                    }
                }
            }
            return .categories(table.rows.map { r in (key: r[keyColumn]?.display, value: r[valueColumn]?.number ?? 0, previous: previousColumn.flatMap { r[$0]?.number }) },
                               period: now, previousPeriod: before)
        }
        guard let def = MetricCatalogue.definition(spec.data), def.shape == .grouped, let rows = m.grouped(spec.data) else {
            let candidates = MetricCatalogue.all.filter { $0.shape == .grouped }.map(\.name) + queries.names
            throw ReportError(location, "unknown chart data '\(spec.data)'\(NearMiss.hint(for: spec.data, in: candidates)); charts draw grouped metrics (almanac metrics --list) or queries from the front matter")
        }
        if spec.data == "members.monthly" || spec.data == "activities.by_month" {
            let points = rows.compactMap { r -> (date: CalendarDate, value: Double)? in
                // Month keys are YYYY-MM; the point sits at the month's end, where it was counted.
                r.key.flatMap { CalendarDate(iso: $0 + "-01") }.map { ($0, r.value) }
            }
            var data = ChartData.timeSeries(MetricLabels.label(spec.data), points)
            data.periodLabel = now
            return data
        }
        let labelled = rows.map { (key: MetricLabels.key($0.key, of: spec.data, profile: context.profile, codes: codes), value: $0.value, previous: $0.previous) }
        if spec.type == .stackedBar {
            // One bar per period, stacked by group: the composition this period beside the last.
            let series = labelled.map { r in
                Series(name: r.key, points: [DataPoint(key: before, value: r.previous ?? 0), DataPoint(key: now, value: r.value)])
            }
            return ChartData(series: series, periodLabel: now, previousLabel: before)
        }
        return .categories(labelled.map { (key: Optional($0.key), value: $0.value, previous: $0.previous) },
                           name: MetricLabels.groupLabel(spec.data), period: now, previousPeriod: before)
    }
}
