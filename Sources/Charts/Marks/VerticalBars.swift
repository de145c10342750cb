import Base

/// Vertical bars (columns): names under the bars (wrapped, rotated or thinned to fit), bars from
/// a zero baseline, values above the bars when they fit — otherwise a light value axis instead.
/// With previous values, each band holds the previous period (light) left of the current one.
enum VerticalBars {
    static func draw(_ b: inout ChartBuilder, categories cats: [Category], in plot: Rect) {
        let style = b.style
        let compare = b.spec.showsPrevious && cats.contains { $0.previous != nil }
        let nameStyle = style.label()
        let valueStyle = style.label(.medium, size: style.tickSize)
        let previousStyle = style.label(color: style.muted, size: style.tickSize)
        let current = b.valueStrings(cats.map(\.value) + cats.compactMap(\.previous))
        let all = cats.map(\.value) + cats.compactMap(\.previous)
        let lo = min(0, all.min() ?? 0), hi = max(0, all.max() ?? 0)

        // First pass for the band width (without a gutter), to decide whether values fit on the bars.
        var band = BandScale(count: cats.count, range: (plot.x, plot.maxX), paddingInner: compare ? 0.2 : 0.3, paddingOuter: 0.15)
        let barWidth = compare ? band.bandwidth / 2 : band.bandwidth
        let valuesFit = b.spec.showsLabels && current.allSatisfy { b.canvas.width($0, valueStyle) <= barWidth + band.step * (compare ? 0.1 : 0.3) }
        let ticks = NiceTicks(lower: lo, upper: hi, count: max(2, Int(plot.height / 45)))
        let axis = valuesFit ? nil : ValueAxis(ticks: ticks, format: b.format)
        let gutter = axis?.gutter(b) ?? 0
        band = BandScale(count: cats.count, range: (plot.x + gutter, plot.maxX), paddingInner: band.paddingInner, paddingOuter: band.paddingOuter)
            .capped(at: compare ? 84 : 60)

        let names = CategoryAxis(names: cats.map(\.name), step: band.step, maxHeight: plot.height * 0.35, style: nameStyle, measurer: b.measurer)
        let valueRoom = valuesFit ? valueStyle.lineHeight * (compare ? 2 : 1) + 2 : style.tickSize / 2
        let bottom = plot.maxY - names.height
        let domain = valuesFit ? lo...(hi > lo ? hi : lo + 1) : ticks.domain
        let scale = LinearScale(domain: domain, range: (bottom - (lo < 0 && valuesFit ? valueStyle.lineHeight + 2 : 0), plot.y + valueRoom))
        let zero = scale.baseline
        names.draw(&b, centers: cats.indices.map { band.center($0) }, top: bottom, minX: plot.x, maxX: plot.maxX, style: nameStyle)
        axis?.draw(&b, scale: scale, left: plot.x + gutter, right: plot.maxX)

        var k = cats.count
        for (i, c) in cats.enumerated() {
            let color = c.isRemainder ? CategoryColors.neutral : b.seriesColor(category: c.name)
            var bars: [(value: Double, text: String, x: Double, w: Double, kind: Mark.Kind, color: Color, style: TextStyle, period: String?)] = []
            if compare, let p = c.previous {
                let w = (band.bandwidth - 1) / 2
                bars.append((p, current[k], band.start(i), w, .previousBar, style.previous, previousStyle, b.data.previousLabel))
                k += 1
                bars.append((c.value, current[i], band.start(i) + w + 1, w, .bar, color, valueStyle, b.data.periodLabel))
            } else {
                bars.append((c.value, current[i], band.start(i), band.bandwidth, .bar, color, valueStyle, b.data.periodLabel))
            }
            for bar in bars {
                let end = scale(bar.value)
                var frame = Rect(x: bar.x, y: min(zero, end), width: bar.w, height: abs(end - zero))
                if bar.value != 0 && frame.height < 0.75 { frame.height = 0.75; if bar.value > 0 { frame.y = zero - 0.75 } }
                b.canvas.fill(frame, bar.color)
                b.mark(bar.kind, c.name, value: bar.value, frame: frame, color: bar.color)
                guard valuesFit else { continue }
                let above = bar.value >= 0
                let baseline = above ? frame.y - 3 - bar.style.descent : frame.maxY + 3 + bar.style.ascent
                let label = b.canvas.label(bar.text, x: bar.x + bar.w / 2, baseline: baseline, anchor: .middle, style: bar.style)
                b.canvas.place(label)
                // The first group names its periods directly, above its values.
                if compare && i == 0, let period = bar.period, above {
                    let tag = b.canvas.label(period, x: bar.x + bar.w / 2, baseline: label.baseline - bar.style.lineHeight, anchor: .middle,
                                             style: style.label(color: style.muted, size: style.tickSize * 0.95))
                    if tag.labelBounds.y >= plot.y - 0.01 { b.canvas.placeIfFree(tag, padding: 0) }
                }
            }
        }
        b.canvas.line(Point(plot.x + gutter, zero), Point(plot.maxX, zero), color: style.axis, width: 0.75)
    }
}
