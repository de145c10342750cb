import Base

/// KPI tiles: a label, a big number, the change against the previous period (▲ +52%, see
/// `ChangeMarker`) and an optional sparkline of the trend.
enum TileMarks {
    static let gap = 8.0
    static let padding = 9.0
    static let maxPerRow = 4

    static func columns(_ n: Int) -> Int { n <= maxPerRow ? max(1, n) : n <= 6 ? 3 : maxPerRow }

    static func tileHeight(hasTrend: Bool, style: ChartStyle) -> Double {
        padding * 2 + style.labelSize * 1.2 * 2 + style.titleSize * 2.2 + style.labelSize * 1.3 + (hasTrend ? 20 : 0)
    }

    static func naturalHeight(data: ChartData, style: ChartStyle) -> Double {
        let points = data.series[0].points
        let rows = (points.count + columns(points.count) - 1) / columns(points.count)
        let trend = points.contains { ($0.trend?.count ?? 0) > 1 }
        return Double(rows) * tileHeight(hasTrend: trend, style: style) + Double(rows - 1) * gap
    }

    static func draw(_ b: inout ChartBuilder, in plot: Rect) {
        let style = b.style
        let points = b.data.series[0].points
        let cols = columns(points.count)
        let rows = (points.count + cols - 1) / cols
        let w = (plot.width - gap * Double(cols - 1)) / Double(cols)
        let h = (plot.height - gap * Double(rows - 1)) / Double(rows)
        let panel = style.panel
        let labelStyle = style.label(color: Contrast.text(on: panel, dark: style.muted))
        let noteStyle = style.label(color: Contrast.text(on: panel, dark: style.muted), size: style.tickSize)
        let valueTexts = points.map { b.format.string($0.value, decimals: b.format.decimals(for: [$0.value])) }

        for (i, p) in points.enumerated() {
            let tile = Rect(x: plot.x + Double(i % cols) * (w + gap), y: plot.y + Double(i / cols) * (h + gap), width: w, height: h)
            b.canvas.fill(tile, panel)
            b.mark(.tile, p.label, value: p.value, frame: tile, color: panel)
            let inner = tile.insetBy(padding, padding)
            var y = inner.y
            let label = LineBreaking.fit(p.label, width: inner.width, maxLines: 2, style: labelStyle, measurer: b.measurer)
            for line in label {
                b.canvas.place(b.canvas.label(line, x: inner.x, baseline: y + labelStyle.ascent, style: labelStyle))
                y += labelStyle.lineHeight
            }
            // The big number: as large as the theme wants, smaller if the tile is narrow.
            var big = style.label(.semibold, color: Contrast.text(on: panel, dark: style.text), size: style.titleSize * 2.1)
            while big.size > 9 && b.canvas.width(valueTexts[i], big) > inner.width { big.size -= 1 }
            y = inner.y + labelStyle.lineHeight * 2 + big.ascent + 2
            b.canvas.place(b.canvas.label(valueTexts[i], x: inner.x, baseline: y, style: big))
            y += big.descent + 3
            if let previous = p.previous, previous.isFinite {
                drawChange(&b, p, previous: previous, x: inner.x, top: y, width: inner.width, panel: panel, note: noteStyle)
            }
            if let trend = p.trend, trend.count > 1 {
                let box = Rect(x: inner.x, y: inner.maxY - 16, width: inner.width, height: 16)
                for item in Sparkline.items(trend, in: box, color: style.accent) { b.canvas.items.append(item) }
            }
        }
    }

    static func drawChange(_ b: inout ChartBuilder, _ p: DataPoint, previous: Double, x: Double, top: Double, width: Double,
                           panel: Color, note: TextStyle) {
        let style = b.style
        let up = p.value > previous, flat = p.value == previous
        let good = (p.lowerIsBetter ?? false) ? !up : up
        let color = ChangeMarker.color(up: up, flat: flat, good: good, style: style, on: panel)
        let ts = style.label(.semibold, color: color, size: style.labelSize)
        let item = ChangeMarker.draw(&b, b.changeText(p.value, previous), up: up, flat: flat, x: x, centerY: top + ts.lineHeight / 2,
                                     anchor: .start, style: ts, triangle: 0.7)
        if let period = b.data.previousLabel {
            let vs = b.canvas.label("vs \(period)", x: item.x + item.width + 4, baseline: item.baseline, style: note)
            if vs.x + vs.width <= x + width { b.canvas.place(vs) }
        }
    }
}
