import Base

/// Stacked bars: one bar per key (a year, a region), one segment per series (an activity kind),
/// the total at the end of each bar, segment values inside the segments when they fit (in dark or
/// light text, whichever reaches WCAG AA on the fill). Layers are named directly beside the last
/// vertical bar when they fit there, else by a legend.
enum StackedBars {
    struct Table {
        var bars: [String]
        var layers: [String]
        /// values[layer][bar]
        var values: [[Double]]
        var totals: [Double]
    }

    static func table(_ data: ChartData) -> Table {
        var bars: [String] = []
        for s in data.series { for p in s.points where !bars.contains(p.label) { bars.append(p.label) } }
        let layers = data.series.map(\.name)
        // Stacks of negative values have no honest reading: they count as zero.
        let values = data.series.map { s in bars.map { bar in max(0, s.points.first { $0.label == bar }?.value ?? 0) } }
        let totals = bars.indices.map { i in values.reduce(0) { $0 + ($1[i].isFinite ? $1[i] : 0) } }
        return Table(bars: bars, layers: layers, values: values, totals: totals)
    }

    static func draw(_ b: inout ChartBuilder, in full: Rect) {
        let t = table(b.data)
        if b.data.series.contains(where: { $0.points.contains { $0.value < 0 } }) {
            b.notes.append("negative values cannot be stacked and are drawn as zero")
        }
        var colors: [Color] = []
        for layer in t.layers { colors.append(b.color(for: layer)) }
        if b.spec.resolvedOrientation == .horizontal {
            drawHorizontal(&b, t, colors, in: full)
        } else {
            drawVertical(&b, t, colors, in: full)
        }
    }

    static func drawVertical(_ b: inout ChartBuilder, _ t: Table, _ colors: [Color], in full: Rect) {
        let style = b.style
        var plot = full
        let nameStyle = style.label(size: style.tickSize)
        let totalStyle = style.label(.semibold)
        // Direct labels need a column beside the last bar; else a legend on top.
        let labelWidth = min(plot.width * 0.3, (t.layers.map { b.canvas.width($0, nameStyle) }.max() ?? 0) + 8)
        let lastTotal = t.totals.last ?? 0
        let maxTotal = max(t.totals.max() ?? 0, 0)
        let direct = t.layers.count <= 8 && lastTotal > 0
        var right = plot.maxX - (direct ? labelWidth : 0)
        if !direct {
            let used = Legend.draw(&b, entries: zip(t.layers, colors).map { ($0, $1) }, in: plot)
            plot = Rect(x: plot.x, y: plot.y + used, width: plot.width, height: plot.height - used)
            right = plot.maxX
        }
        let band = BandScale(count: t.bars.count, range: (plot.x, right), paddingInner: 0.35, paddingOuter: 0.15).capped(at: 72)
        let names = CategoryAxis(names: t.bars, step: band.step, maxHeight: plot.height * 0.3, style: style.label(), measurer: b.measurer)
        let bottom = plot.maxY - names.height
        let y = LinearScale(domain: 0...(maxTotal > 0 ? maxTotal : 1), range: (bottom, plot.y + totalStyle.lineHeight + 2))
        let totals = b.valueStrings(t.totals)
        var lastMidpoints: [Double] = []
        for (i, bar) in t.bars.enumerated() {
            var running = 0.0
            for (l, layer) in t.layers.enumerated() {
                let v = t.values[l][i]
                let top = y(running + v), base = y(running)
                running += v
                if i == t.bars.count - 1 { lastMidpoints.append((top + base) / 2) }
                guard v > 0 else { continue }
                // A hairline of white between segments keeps them apart without outlines.
                let frame = Rect(x: band.start(i), y: top, width: band.bandwidth, height: max(0.5, base - top - 0.6))
                b.canvas.fill(frame, colors[l])
                b.mark(.segment, bar, series: layer, value: v, frame: frame, color: colors[l])
                segmentLabel(&b, v, frame: frame, fill: colors[l])
            }
            let total = b.canvas.label(totals[i], x: band.center(i), baseline: y(t.totals[i]) - 4, anchor: .middle, style: totalStyle)
            b.canvas.place(total)
        }
        b.canvas.line(Point(plot.x, bottom), Point(right, bottom), color: style.axis, width: 0.75)
        names.draw(&b, centers: t.bars.indices.map { band.center($0) }, top: bottom, minX: plot.x, maxX: plot.maxX, style: style.label())
        guard direct else { return }
        // Layer names beside the last bar, at their segments' middles, spread apart where thin.
        let heights = Array(repeating: nameStyle.lineHeight, count: t.layers.count)
        let centers = LabelSpreading.spread(lastMidpoints, height: heights, lower: plot.y, upper: bottom) ?? lastMidpoints
        let x = band.start(t.bars.count - 1) + band.bandwidth + 5
        for (l, layer) in t.layers.enumerated() where t.values[l][t.bars.count - 1] > 0 {
            var ts = nameStyle
            ts.color = Contrast.readable(colors[l], on: style.background)
            let text = LineBreaking.truncate(layer, width: plot.maxX - x, style: ts, measurer: b.measurer)
            b.canvas.placeIfFree(b.canvas.label(text, x: x, baseline: b.baseline(centeredOn: centers[l], ts), style: ts), padding: 0)
        }
    }

    static func drawHorizontal(_ b: inout ChartBuilder, _ t: Table, _ colors: [Color], in full: Rect) {
        let style = b.style
        let used = Legend.draw(&b, entries: zip(t.layers, colors).map { ($0, $1) }, in: full)
        let plot = Rect(x: full.x, y: full.y + used, width: full.width, height: full.height - used)
        let nameStyle = style.label()
        let totalStyle = style.label(.semibold)
        let totals = b.valueStrings(t.totals)
        let band = BandScale(count: t.bars.count, range: (plot.y, plot.maxY), paddingInner: 0.3, paddingOuter: 0.1)
        let maxLines = band.step >= nameStyle.lineHeight * 2.1 ? 2 : 1
        let names = t.bars.map { LineBreaking.fit($0, width: plot.width * 0.3, maxLines: maxLines, style: nameStyle, measurer: b.measurer) }
        let x0 = plot.x + (names.flatMap { $0 }.map { b.canvas.width($0, nameStyle) }.max() ?? 0) + 6
        let totalWidth = (totals.map { b.canvas.width($0, totalStyle) }.max() ?? 0) + 4
        let maxTotal = max(t.totals.max() ?? 0, 0)
        let x = LinearScale(domain: 0...(maxTotal > 0 ? maxTotal : 1), range: (x0, plot.maxX - totalWidth))
        for (i, bar) in t.bars.enumerated() {
            let top = band.start(i), h = band.bandwidth
            b.placeLines(names[i], x: x0 - 6, centerY: top + h / 2, anchor: .end, style: nameStyle)
            var running = 0.0
            for (l, layer) in t.layers.enumerated() {
                let v = t.values[l][i]
                let start = x(running)
                running += v
                guard v > 0 else { continue }
                let frame = Rect(x: start, y: top, width: max(0.5, x(running) - start - 0.6), height: h)
                b.canvas.fill(frame, colors[l])
                b.mark(.segment, bar, series: layer, value: v, frame: frame, color: colors[l])
                segmentLabel(&b, v, frame: frame, fill: colors[l])
            }
            b.canvas.place(b.canvas.label(totals[i], x: x(t.totals[i]) + 3, baseline: b.baseline(centeredOn: top + h / 2, totalStyle), style: totalStyle))
        }
        b.canvas.line(Point(x0, plot.y), Point(x0, plot.maxY), color: style.axis, width: 0.75)
    }

    /// The segment's value inside it, only when it fits with a margin.
    static func segmentLabel(_ b: inout ChartBuilder, _ value: Double, frame: Rect, fill: Color) {
        guard b.spec.showsLabels else { return }
        var ts = b.style.label(size: b.style.tickSize)
        ts.color = Contrast.text(on: fill, dark: b.style.text)
        let text = b.valueStrings([value])[0]
        let item = b.canvas.label(text, x: frame.x + frame.width / 2, baseline: b.baseline(centeredOn: frame.y + frame.height / 2, ts), anchor: .middle, style: ts)
        guard item.width + 4 <= frame.width, ts.lineHeight + 1 <= frame.height else { return }
        b.canvas.placeIfFree(item, padding: 0)
    }
}
