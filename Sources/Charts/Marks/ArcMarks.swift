import Foundation
import Base

/// Donut and pie: slices clockwise from 12 o'clock, largest first, small ones folded into "Other";
/// percentages inside the slices that have room; a key beside the circle lists every slice with
/// its value and share, so nothing depends on matching colours alone.
enum ArcMarks {
    static let maxSlices = 8

    static func draw(_ b: inout ChartBuilder, in plot: Rect) {
        let style = b.style
        let (cats, _) = Fold.categories(b.data.series[0], sort: .value, limit: nil)
        let slices = Fold.slices(cats, threshold: b.spec.otherThreshold, maxSlices: maxSlices)
        let folded = cats.filter { $0.value > 0 }.count - slices.filter { !$0.isOther }.count
        if slices.contains(where: \.isOther) { b.notes.append("\(folded) small categories are shown together as \(Fold.otherLabel)") }
        let total = slices.reduce(0) { $0 + $1.value }

        let diameter = max(20, min(plot.height, plot.width * 0.42))
        let r = diameter / 2
        let center = Point(plot.x + r + 1, plot.y + plot.height / 2)
        let inner = b.spec.type == .donut ? r * 0.6 : 0

        if slices.isEmpty {
            // All zero: an empty ring says "nothing" more plainly than no drawing at all.
            b.canvas.path(PathItem(Shapes.sector(center: center, outer: r, inner: inner, from: 0, to: 360), fill: style.panel))
        }
        var colors: [Color] = []
        for s in slices { colors.append(s.isOther ? CategoryColors.neutral : b.color(for: s.name)) }
        let percents = slices.map { Int(($0.value / total * 100).rounded()) }
        var angle = 0.0
        for (i, s) in slices.enumerated() {
            let sweep = s.value / total * 360
            let end = i == slices.count - 1 ? 360 : angle + sweep
            b.canvas.path(PathItem(Shapes.sector(center: center, outer: r, inner: inner, from: angle, to: end),
                                   fill: colors[i], stroke: slices.count > 1 ? .white : nil, lineWidth: 1))
            b.mark(.slice, s.name, value: s.value, frame: Rect(x: center.x - r, y: center.y - r, width: diameter, height: diameter),
                   color: colors[i], angles: angle...end)
            // The share inside the slice, where the slice is wide and thick enough for it.
            var ts = style.label(.medium, size: style.tickSize)
            ts.color = Contrast.text(on: colors[i], dark: style.text)
            let mid = (angle + end) / 2, radius = inner > 0 ? (r + inner) / 2 : r * 0.62
            let p = Shapes.point(center, radius, mid)
            let text = "\(percents[i])%"
            let w = b.canvas.width(text, ts)
            let arcRoom = radius * (end - angle) * .pi / 180
            if arcRoom > w + 4 && (inner == 0 || r - inner > ts.lineHeight) && percents[i] > 0 {
                b.canvas.place(b.canvas.label(text, x: p.x, baseline: b.baseline(centeredOn: p.y, ts), anchor: .middle, style: ts))
            }
            angle = end
        }
        if inner > 0 {
            var big = style.label(.semibold, size: min(style.titleSize * 1.6, inner * 0.5))
            let small = style.label(color: style.muted, size: style.tickSize)
            let totalText = b.valueStrings([total])[0]
            while big.size > 7 && b.canvas.width(totalText, big) > inner * 1.6 { big.size -= 0.5 }
            // The number and the word under it, centred as a pair in the hole.
            let height = big.ascent + big.descent + 1 + small.ascent + small.descent
            let baseline = center.y - height / 2 + big.ascent
            b.canvas.place(b.canvas.label(totalText, x: center.x, baseline: baseline, anchor: .middle, style: big))
            b.canvas.place(b.canvas.label("total", x: center.x, baseline: baseline + big.descent + 1 + small.ascent, anchor: .middle, style: small))
        }
        drawKey(&b, slices: slices, colors: colors, percents: percents, left: center.x + r + 18, plot: plot, centerY: center.y)
    }

    /// Swatch, name, value and share per slice, in a block centred on the circle.
    static func drawKey(_ b: inout ChartBuilder, slices: [Category], colors: [Color], percents: [Int], left: Double, plot: Rect, centerY: Double) {
        let style = b.style
        let nameStyle = style.label()
        let valueStyle = style.label(.medium)
        let shareStyle = style.label(color: style.muted)
        let values = b.valueStrings(slices.map(\.value))
        let shares = percents.map { "\($0)%" }
        let valueW = (values.map { b.canvas.width($0, valueStyle) }.max() ?? 0)
        let shareW = (shares.map { b.canvas.width($0, shareStyle) }.max() ?? 0)
        let swatch = nameStyle.size * 0.85
        let nameX = left + swatch + 6
        // The key is as wide as its longest name, so values sit near their names.
        let longest = slices.map { b.canvas.width($0.name, nameStyle) }.max() ?? 0
        let right = min(plot.maxX, nameX + longest + 16 + valueW + 10 + shareW)
        let nameW = max(20, right - nameX - valueW - shareW - 16 - 10)
        let rowH = min(nameStyle.lineHeight * 1.45, plot.height / Double(max(1, slices.count)))
        var y = centerY - rowH * Double(slices.count) / 2
        for (i, s) in slices.enumerated() {
            let mid = y + rowH / 2
            b.canvas.fill(Rect(x: left, y: mid - swatch / 2, width: swatch, height: swatch), colors[i])
            var ns = nameStyle
            if s.isRemainder { ns.color = style.muted }
            let name = LineBreaking.truncate(s.name, width: nameW, style: ns, measurer: b.measurer)
            b.canvas.place(b.canvas.label(name, x: nameX, baseline: b.baseline(centeredOn: mid, ns), style: ns))
            b.canvas.place(b.canvas.label(values[i], x: right - shareW - 10, baseline: b.baseline(centeredOn: mid, valueStyle), anchor: .end, style: valueStyle))
            b.canvas.place(b.canvas.label(shares[i], x: right, baseline: b.baseline(centeredOn: mid, shareStyle), anchor: .end, style: shareStyle))
            y += rowH
        }
    }
}
