import Foundation
import Base

/// Lines (and areas) over time. The value axis starts at zero and stops at the next minor step
/// above the data, the last value is labelled at the line's end, year ends carry markers, and
/// several series are named at their ends (moved apart so they never collide) instead of in a legend.
enum LineMarks {
    static func draw(_ b: inout ChartBuilder, in full: Rect) {
        let style = b.style
        var plot = full
        let series = b.data.series.filter { !$0.points.isEmpty }
        let multi = series.count > 1
        // `compare` on a single series: the previous period's values (same months a year earlier)
        // as a quiet dashed line under this period's.
        let comparePrevious = !multi && b.spec.showsPrevious && series.first?.points.contains { $0.previous?.isFinite == true } == true
        let values = (series.flatMap { $0.points.map(\.value) } + (comparePrevious ? series[0].points.compactMap(\.previous) : []))
            .filter(\.isFinite)
        let lo = min(0, values.min() ?? 0), hi = max(0, values.max() ?? 0)
        let dated = series.allSatisfy { $0.points.allSatisfy { $0.date != nil } }

        var colors: [Color] = []
        for s in series { colors.append(multi ? b.color(for: s.name) : b.seriesColor()) }

        // End labels: the last value (one series), or name and last value (several).
        let endStyle = style.label(.semibold)
        let lastTexts = b.valueStrings(series.map { $0.points.last?.value ?? 0 })
        // "Africa 546" on one line when it fits in 30% of the width, else the name over the value.
        let cap = plot.width * 0.3 - 8
        let endLabels: [[String]] = zip(series, lastTexts).map { s, value in
            guard multi else { return [value] }
            let one = "\(s.name) \(value)"
            if b.canvas.width(one, endStyle) <= cap { return [one] }
            return [LineBreaking.truncate(s.name, width: cap, style: endStyle, measurer: b.measurer), value]
        }
        var endWidth = (endLabels.flatMap { $0 }.map { b.canvas.width($0, endStyle) }.max() ?? 0) + 8
        let endHeights = endLabels.map { Double($0.count) * endStyle.lineHeight }
        let ends = series.map { $0.points.last?.value ?? 0 }

        // Axes.
        let ticks = NiceTicks(lower: lo, upper: hi, count: max(2, min(6, Int(plot.height / 40))), tight: true)
        let axis = ValueAxis(ticks: ticks, format: b.format)
        let gutter = axis.gutter(b)
        let allDates = series.flatMap { $0.points.compactMap(\.date) }
        let dateTicks = dated ? DateTicks(first: allDates.min()!, last: allDates.max()!) : nil
        let xLabelLines = Double(dateTicks?.ticks.map(\.label.count).max() ?? 1)
        let xLabelHeight = xLabelLines * style.tick.lineHeight + 5

        // Direct labels must fit beside the lines; otherwise a legend on top takes their place.
        let plotBottom = plot.maxY - xLabelHeight
        let topPad = style.tickSize * 1.4
        let previewScale = LinearScale(domain: ticks.domain, range: (plotBottom, plot.y + topPad))
        let spread = LabelSpreading.spread(ends.map { previewScale($0) }, height: endHeights,
                                           lower: plot.y, upper: plotBottom)
        let useLegend = multi && (spread == nil || zip(spread!, ends).contains { abs($0 - previewScale($1)) > plot.height * 0.25 })
        if useLegend {
            let used = Legend.draw(&b, entries: zip(series.map(\.name), colors).map { ($0, $1) }, in: plot)
            plot = Rect(x: plot.x, y: plot.y + used, width: plot.width, height: max(10, plot.height - used))
            endWidth = multi ? 0 : endWidth
        }
        let y = LinearScale(domain: ticks.domain, range: (plot.maxY - xLabelHeight, plot.y + topPad))
        let left = plot.x + gutter + 2, right = plot.maxX - (useLegend ? 4 : endWidth)
        axis.draw(&b, scale: y, left: plot.x + gutter, right: right)

        // x positions: by date, or evenly by index for keyed points.
        let count = series.map(\.points.count).max() ?? 1
        func xPosition(_ p: DataPoint, _ index: Int) -> Double {
            if let dateTicks = dateTicks, let d = p.date, let first = allDates.min(), let last = allDates.max() {
                _ = dateTicks
                if first.monthIndex == last.monthIndex { return (left + right) / 2 }
                return TimeScale(first: first, last: last, range: (left, right))(d)
            }
            return count <= 1 ? (left + right) / 2 : left + (right - left) * Double(index) / Double(count - 1)
        }
        drawXLabels(&b, series: series, dateTicks: dateTicks, allDates: allDates, left: left, right: right, baseline: y.baseline,
                    top: plot.maxY - xLabelHeight, position: xPosition)

        var endCenters: [Double] = []
        for (si, s) in series.enumerated() {
            let color = colors[si]
            let pts = s.points.enumerated().map { Point(xPosition($1, $0), y($1.value.isFinite ? $1.value : 0)) }
            if comparePrevious {
                drawPrevious(&b, s, color: style.muted, x: { xPosition($0, $1) }, y: y)
            }
            if b.spec.type == .area, pts.count > 1 {
                let fill = Contrast.mix(color, .white, multi ? 0.85 : 0.78)
                let area = [PathElement.move(Point(pts[0].x, y.baseline))] + pts.map { .line($0) } + [.line(Point(pts.last!.x, y.baseline)), .close]
                b.canvas.path(PathItem(area, fill: fill))
            }
            if pts.count > 1 {
                b.canvas.path(PathItem([.move(pts[0])] + pts.dropFirst().map { .line($0) }, stroke: color, lineWidth: multi ? 1.5 : 1.75, roundCaps: true))
            }
            b.mark(.line, s.name, series: s.name, value: s.points.last?.value ?? 0, frame: PathItem(pts.map { .line($0) }).bounds, color: color)
            for (i, p) in s.points.enumerated() {
                b.mark(.point, p.label, series: s.name, value: p.value, frame: Rect(x: pts[i].x, y: pts[i].y, width: 0, height: 0), color: color)
            }
            // Markers at year ends (single series) and at the end of every line.
            let marked = s.points.indices.filter { i in
                i == s.points.count - 1 || (!multi && s.points[i].date?.month == 12)
            }
            for i in marked {
                b.canvas.path(PathItem(Shapes.circle(pts[i], multi ? 2 : 2.4), fill: color, stroke: .white, lineWidth: 0.75))
            }
            if !multi {
                let yearEnds = marked.filter { $0 != s.points.count - 1 }
                let texts = b.valueStrings(yearEnds.map { s.points[$0].value })
                for (i, text) in zip(yearEnds, texts) {
                    let item = b.canvas.label(text, x: pts[i].x, baseline: pts[i].y - 5, anchor: .middle, style: style.label(color: style.muted, size: style.tickSize))
                    b.canvas.placeIfFree(item)
                }
            }
            endCenters.append(pts.last?.y ?? 0)
        }
        guard !(useLegend && multi) else { return }
        let centers = LabelSpreading.spread(endCenters, height: endHeights, lower: plot.y, upper: plot.maxY - xLabelHeight) ?? endCenters
        for (si, lines) in endLabels.enumerated() {
            let last = xPosition(series[si].points.last!, series[si].points.count - 1)
            var ts = endStyle
            ts.color = multi ? Contrast.readable(colors[si], on: style.background) : style.text
            b.placeLines(lines, x: last + 5, centerY: centers[si], anchor: .start, style: ts)
        }
    }

    /// The previous period's line, dashed and muted, with its period named at its end.
    static func drawPrevious(_ b: inout ChartBuilder, _ s: Series, color: Color, x: (DataPoint, Int) -> Double, y: LinearScale) {
        let pts = s.points.enumerated().compactMap { i, p in p.previous.flatMap { $0.isFinite ? Point(x(p, i), y($0)) : nil } }
        guard let last = pts.last else { return }
        if pts.count > 1 {
            b.canvas.path(PathItem([.move(pts[0])] + pts.dropFirst().map { .line($0) }, stroke: Contrast.mix(color, .white, 0.25), lineWidth: 1.1,
                                   dash: [3, 2], roundCaps: true))
        }
        for (i, p) in s.points.enumerated() where p.previous?.isFinite == true {
            b.mark(.point, p.label, series: b.data.previousLabel ?? "previous", value: p.previous!, frame: Rect(x: x(p, i), y: y(p.previous!), width: 0, height: 0), color: color)
        }
        guard let period = b.data.previousLabel else { return }
        let ts = b.style.label(color: Contrast.readable(color, on: b.style.background), size: b.style.tickSize)
        b.canvas.placeIfFree(b.canvas.label(period, x: last.x + 5, baseline: b.baseline(centeredOn: last.y, ts), style: ts))
    }

    /// Month, quarter or year labels under a time axis; keys (thinned to fit) otherwise.
    static func drawXLabels(_ b: inout ChartBuilder, series: [Series], dateTicks: DateTicks?, allDates: [CalendarDate],
                            left: Double, right: Double, baseline: Double, top: Double,
                            position: (DataPoint, Int) -> Double) {
        let ts = b.style.tick
        if let dateTicks, let first = allDates.min(), let last = allDates.max() {
            let scale = TimeScale(first: first, last: last, range: (left, right))
            for tick in dateTicks.ticks {
                let x = first.monthIndex == last.monthIndex ? (left + right) / 2 : scale(tick.date)
                guard x >= left - 0.5 && x <= right + 0.5 else { continue }
                let items = tick.label.enumerated().map { i, line in
                    // A label at the very start would reach into the value axis' gutter: align it to the axis start.
                    let center = max(x, left - 2 + b.canvas.width(line, ts) / 2)
                    return b.canvas.label(line, x: center, baseline: top + 5 + ts.ascent + Double(i) * ts.lineHeight, anchor: .middle, style: ts)
                }
                guard items.allSatisfy({ b.canvas.isFree($0, padding: 2) }) else { continue }
                items.forEach { b.canvas.place($0) }
                b.canvas.line(Point(x, baseline), Point(x, baseline + 3), color: b.style.axis, width: 0.5)
            }
            if dateTicks.ticks.isEmpty {
                b.canvas.placeIfFree(b.canvas.label("\(DateText.shortMonth(first.month)) \(first.year)", x: scale(first), baseline: top + 5 + ts.ascent, anchor: .middle, style: ts))
            }
            return
        }
        guard let s = series.max(by: { $0.points.count < $1.points.count }) else { return }
        for (i, p) in s.points.enumerated() {
            let item = b.canvas.label(LineBreaking.truncate(p.label, width: 80, style: ts, measurer: b.measurer),
                                      x: position(p, i), baseline: top + 5 + ts.ascent, anchor: .middle, style: ts)
            b.canvas.placeIfFree(item, padding: 3)
        }
    }
}
