import Base

/// Horizontal bars: category names on the left (wrapped inside their band), bars from a zero
/// baseline, the value at each bar's end. With `previous` values, each band holds the previous
/// period (light) above the current one, period names label the first band directly, and a right
/// column marks the change (▲ +56%). Value labels replace the value axis: no gridlines needed.
enum HorizontalBars {
    static let labelGap = 6.0

    /// Height the plot needs for bands named `names`: enough for each name's wrapped lines (up to
    /// three while there are at most a dozen bands), tighter rows for long lists.
    static func naturalHeight(names: [String], compare: Bool, width: Double, style: ChartStyle, measurer: any TextMeasuring) -> Double {
        let count = max(1, names.count)
        var row = compare ? max(26, style.labelSize * 3.3) : max(17, style.labelSize * 2.2)
        if count > 20 { row *= 0.7 }
        if count <= 12 {
            let ts = style.label()
            let lines = names.map { LineBreaking.fit($0, width: width * 0.36, maxLines: 3, style: ts, measurer: measurer).count }.max() ?? 1
            if lines > 1 { row = max(row, (Double(lines) * ts.lineHeight + 1) / 0.7) }
        }
        return Double(count) * row + (compare ? style.tickSize * 1.6 : 0) + 4
    }

    static func draw(_ b: inout ChartBuilder, categories cats: [Category], in plot: Rect) {
        let style = b.style
        let compare = b.spec.showsPrevious && cats.contains { $0.previous != nil }
        let showValues = b.spec.showsLabels
        let values = cats.map(\.value)
        let valueTexts = b.valueStrings(values + cats.compactMap(\.previous))
        let current = Array(valueTexts.prefix(cats.count))
        var previousTexts: [String?] = []
        var k = cats.count
        for c in cats { if c.previous != nil { previousTexts.append(valueTexts[k]); k += 1 } else { previousTexts.append(nil) } }

        let valueStyle = style.label(.medium)
        let previousStyle = style.label(.regular, color: style.muted, size: style.tickSize)
        let nameStyle = style.label()
        let changeStyle = style.label(.medium, size: style.tickSize)

        // Right-hand columns: value labels, then the change column.
        var valueWidth = showValues ? (current.map { b.canvas.width($0, valueStyle) } + previousTexts.compactMap { $0 }.map { b.canvas.width($0, previousStyle) }).max() ?? 0 : 0
        let tagStyle = style.label(color: style.muted, size: style.tickSize)
        let absolute = b.format == .number && Change.sharedRule(.percent, previousValues: cats.compactMap(\.previous)) == .difference
        let changes: [String?] = compare ? cats.map { c in c.previous.map { b.changeText(c.value, $0, absolute: absolute) } } : []
        let changeWidth = compare ? (changes.compactMap { $0 }.map { b.canvas.width($0, changeStyle) }.max() ?? 0) + style.tickSize + 16 : 0
        let header = compare ? style.tickSize * 1.6 : 0

        let band = BandScale(count: cats.count, range: (plot.y + header, plot.maxY), paddingInner: compare ? 0.28 : 0.3, paddingOuter: 0.12)
        let maxLines = band.step >= nameStyle.lineHeight * 3.2 ? 3 : band.step >= nameStyle.lineHeight * 2.1 ? 2 : 1
        let naturalNames = cats.map { b.canvas.width($0.name, nameStyle) }.max() ?? 0
        let nameColumn = min(naturalNames, plot.width * 0.36)
        let names = cats.map { LineBreaking.fit($0.name, width: nameColumn, maxLines: maxLines, style: nameStyle, measurer: b.measurer) }
        let usedNames = names.flatMap { $0 }.map { b.canvas.width($0, nameStyle) }.max() ?? 0
        let x0 = plot.x + usedNames + labelGap

        let all = values + cats.compactMap(\.previous)
        let lo = min(0, all.min() ?? 0), hi = max(0, all.max() ?? 0)

        // Period names go inside the bars of the first band whose two bars both hold them; only if
        // none can, after the first band's values (which then need room).
        let periodTags = [b.data.previousLabel, b.data.periodLabel].map { $0.map { b.canvas.width($0, tagStyle) + 6 } ?? 0 }
        let estimatedLength = plot.maxX - changeWidth - (showValues ? valueWidth + 4 : 0) - x0 - (lo < 0 ? valueWidth + 4 : 0)
        let perUnit = estimatedLength / max(hi - lo, 1e-9)
        let tagBand = compare ? cats.indices.first { i in
            guard let p = cats[i].previous else { return false }
            return p * perUnit >= periodTags[0] && cats[i].value * perUnit >= periodTags[1]
        } : nil
        let fallbackTagBand = compare ? cats.firstIndex { $0.previous != nil } : nil
        if tagBand == nil && showValues, let i = fallbackTagBand {
            let tags = [(current[i], valueStyle, b.data.periodLabel), (previousTexts[i] ?? "", previousStyle, b.data.previousLabel)]
            for (text, ts, tag) in tags { if let tag { valueWidth = max(valueWidth, b.canvas.width(text, ts) + 8 + b.canvas.width(tag, tagStyle)) } }
        }
        let negativeRoom = lo < 0 ? valueWidth + 4 : 0
        let xEnd = plot.maxX - changeWidth - (showValues ? valueWidth + 4 : 0)
        let scale = LinearScale(domain: lo...(hi > lo ? hi : lo + 1), range: (x0 + negativeRoom, max(x0 + negativeRoom + 1, xEnd)))
        let zero = scale.baseline

        if compare, let first = changes.firstIndex(where: { $0 != nil }), changes[first] != nil {
            let title = b.data.previousLabel.map { "vs \($0)" } ?? "Change"
            b.canvas.place(b.canvas.label(title, x: plot.maxX, baseline: plot.y + style.tickSize, anchor: .end, style: style.tick))
        }

        for (i, c) in cats.enumerated() {
            let top = band.start(i), h = band.bandwidth
            b.placeLines(names[i], x: x0 - labelGap, centerY: top + h / 2, anchor: .end, style: c.isRemainder ? style.label(color: style.muted) : nameStyle)
            let color = c.isRemainder ? CategoryColors.neutral : b.seriesColor(category: c.name)
            var rows: [(value: Double, text: String?, y: Double, h: Double, kind: Mark.Kind, color: Color, style: TextStyle, period: String?)] = []
            if compare, let p = c.previous {
                let half = (h - 1) / 2
                rows.append((p, previousTexts[i], top, half, .previousBar, style.previous, previousStyle, b.data.previousLabel))
                rows.append((c.value, current[i], top + half + 1, half, .bar, color, valueStyle, b.data.periodLabel))
            } else {
                rows.append((c.value, current[i], top, h, .bar, color, valueStyle, b.data.periodLabel))
            }
            for row in rows {
                let end = scale(row.value)
                var frame = Rect(x: min(zero, end), y: row.y, width: abs(end - zero), height: row.h)
                // A non-zero value never vanishes: at least a hairline of bar.
                if row.value != 0 && frame.width < 0.75 { frame.width = 0.75; if row.value < 0 { frame.x = zero - 0.75 } }
                b.canvas.fill(frame, row.color)
                b.mark(row.kind, c.name, value: row.value, frame: frame, color: row.color)
                guard showValues, let text = row.text else { continue }
                let negative = row.value < 0
                let x = negative ? frame.x - 3 : frame.maxX + 3
                let base = b.baseline(centeredOn: row.y + row.h / 2, row.style)
                let item = b.canvas.label(text, x: x, baseline: base, anchor: negative ? .end : .start, style: row.style)
                b.canvas.place(item)
                // Period names label the first band directly, in place of a legend: inside the
                // bars when they are long enough, else after the values.
                if let period = row.period, i == tagBand || (tagBand == nil && i == fallbackTagBand) {
                    var inside = tagStyle
                    inside.size = min(tagStyle.size, row.h * 0.85)
                    inside.color = Contrast.text(on: row.color, dark: style.text)
                    let tag = b.canvas.label(period, x: frame.x + 3, baseline: b.baseline(centeredOn: row.y + row.h / 2, inside), style: inside)
                    if !negative && tag.width + 6 <= frame.width && inside.size >= 5.5 {
                        b.canvas.place(tag)
                    } else {
                        // After the value, set apart in italics so "1 2022" does not read as one number.
                        var outside = tagStyle
                        outside.italic = true
                        let after = b.canvas.label(period, x: item.x + item.width + 8, baseline: base, style: outside)
                        if after.x + after.width <= plot.maxX - changeWidth + 0.5 { b.canvas.placeIfFree(after) }
                    }
                }
            }
            if compare, let change = changes[i], let p = c.previous {
                var ts = changeStyle
                ts.color = ChangeMarker.color(up: c.value > p, flat: c.value == p, good: c.value > p, style: style, on: style.background)
                ChangeMarker.draw(&b, change, up: c.value > p, flat: c.value == p, x: plot.maxX, centerY: top + h / 2 + h / 4,
                                  anchor: .end, style: ts, triangle: 0.62)
            }
        }
        // The zero baseline, drawn last so it sits on top of the bars' ends.
        b.canvas.line(Point(zero, band.start(0) - 2), Point(zero, band.start(max(0, cats.count - 1)) + band.bandwidth + 2), color: style.axis, width: 0.75)
    }

}
