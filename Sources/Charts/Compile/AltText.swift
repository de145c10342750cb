import Base

/// The text alternative of a chart, generated from its data: what a screen-reader user or the
/// accessibility appendix gets instead of the picture.
/// "Members by region, 2023: Africa 546 (2022: 349), Asia-Pacific 347 (2022: 203), …."
public enum AltText {
    /// Long lists are summarised after this many items.
    static let maxItems = 12

    public static func describe(spec: ChartSpec, data: ChartData) -> String {
        var subject = spec.title ?? spec.data
        if let period = data.periodLabel, !subject.contains(period) { subject += ", \(period)" }
        if data.isEmpty { return "\(subject): no data for this period." }
        let format = spec.format ?? .number
        func value(_ v: Double) -> String { format.string(v, decimals: format.decimals(for: [v])) }

        switch spec.type {
        case .line, .area, .sparkline:
            let parts = data.series.filter { !$0.points.isEmpty }.map { s -> String in
                let first = s.points.first!, last = s.points.last!
                let name = data.series.count > 1 ? "\(s.name): " : ""
                if s.points.count == 1 { return "\(name)\(value(last.value)) in \(first.label)" }
                let peak = s.points.max { $0.value < $1.value }!
                var text = "\(name)from \(value(first.value)) in \(first.label) to \(value(last.value)) in \(last.label)"
                if peak != last && peak.value > last.value { text += ", peaking at \(value(peak.value)) in \(peak.label)" }
                if spec.showsPrevious, let p0 = first.previous, let p1 = last.previous {
                    text += " (\(data.previousLabel ?? "previous period"): from \(value(p0)) to \(value(p1)))"
                }
                return text
            }
            return "\(subject): \(parts.joined(separator: "; "))."
        case .stackedBar:
            let t = StackedBars.table(data)
            let bars = t.bars.enumerated().prefix(maxItems).map { i, bar in
                let layers = t.layers.enumerated().filter { t.values[$0.offset][i] > 0 }.map { "\($0.element) \(value(t.values[$0.offset][i]))" }
                return "\(bar): \(layers.joined(separator: ", ")) (total \(value(t.totals[i])))"
            }
            return "\(subject): \(bars.joined(separator: "; "))\(t.bars.count > maxItems ? "; and \(t.bars.count - maxItems) more" : "")."
        case .kpi:
            let tiles = data.series[0].points.map { p -> String in
                var text = "\(p.label) \(value(p.value))"
                if let change = Change(p.value, from: p.previous, rule: format == .percent ? .points : .percent) {
                    text += change.direction == .level ? ", unchanged" : ", \(change.direction == .up ? "up" : "down") \(change.magnitude)"
                    if let period = data.previousLabel { text += " on \(period)" }
                }
                return text
            }
            return "\(subject): \(tiles.joined(separator: "; "))."
        default:
            let sort = spec.type == .donut || spec.type == .pie ? SortOrder.value : spec.resolvedSort
            let cats = Fold.sorted(data.series[0].points.map { Category(name: $0.label, value: $0.value, previous: $0.previous) }, by: sort)
            let total = cats.reduce(0) { $0 + max(0, $1.value) }
            let shares = spec.type == .donut || spec.type == .pie
            let items = cats.prefix(maxItems).map { c -> String in
                var text = "\(c.name) \(value(c.value))"
                if shares && total > 0 { text += " (\(NumberText.percent(c.value / total)))" }
                if let p = c.previous, spec.showsPrevious { text += " (\(data.previousLabel ?? "previous"): \(value(p)))" }
                return text
            }
            let more = cats.count > maxItems ? ", and \(cats.count - maxItems) more" : ""
            return "\(subject): \(items.joined(separator: ", "))\(more)."
        }
    }
}
