import Base

/// Category names under vertical bars. Tries, in order: one or more lines wrapped inside the band;
/// labels rotated 45°; and, when even rotated labels would touch, every n-th label only (thinning).
struct CategoryAxis {
    enum Mode: Equatable { case wrapped(lines: Int), rotated, thinned(every: Int) }

    var mode: Mode
    var lines: [[String]]
    /// Height the labels take under the baseline.
    var height: Double

    static let rotation = -45.0

    init(names: [String], step: Double, maxHeight: Double, style: TextStyle, measurer: any TextMeasuring) {
        let width = step * 0.94
        for maxLines in 1...3 {
            let fitted = names.map { LineBreaking.fit($0, width: width, maxLines: maxLines, style: style, measurer: measurer) }
            // Accept wrapping only when no name lost a character to the ellipsis.
            if !fitted.contains(where: { $0.last?.hasSuffix(LineBreaking.ellipsis) == true }) && width > style.size * 2 {
                let n = fitted.map(\.count).max() ?? 1
                if Double(n) * style.lineHeight + 4 <= maxHeight || maxLines == 1 {
                    mode = .wrapped(lines: n)
                    lines = fitted
                    height = Double(n) * style.lineHeight + 4
                    return
                }
            }
        }
        // Wide bands: three wrapped lines, the last shortened, read better than a diagonal.
        if width >= style.size * 6 {
            let fitted = names.map { LineBreaking.fit($0, width: width, maxLines: 3, style: style, measurer: measurer) }
            let n = fitted.map(\.count).max() ?? 1
            mode = .wrapped(lines: n)
            lines = fitted
            height = Double(n) * style.lineHeight + 4
            return
        }
        // Rotated: each label on one line along the diagonal, no longer than the room allows.
        let diagonal = max(style.size * 3, (maxHeight - style.size) / 0.7071)
        let single = names.map { [LineBreaking.truncate($0, width: diagonal, style: style, measurer: measurer)] }
        // Parallel diagonal labels need one line-height between them; closer bands must thin out.
        let every = max(1, Int((style.lineHeight * 1.05 / max(step * 0.7071, 0.01)).rounded(.up)))
        // Only the labels drawn take height.
        let longest = single.enumerated().filter { $0.offset % every == 0 }.map { measurer.width(of: $0.element[0], style: style) }.max() ?? 0
        lines = single
        height = longest * 0.7071 + style.size + 4
        mode = every > 1 ? .thinned(every: every) : .rotated
    }

    /// Places the labels under bands centred at `centers`, starting at `top`.
    func draw(_ b: inout ChartBuilder, centers: [Double], top: Double, minX: Double, maxX: Double, style textStyle: TextStyle) {
        switch mode {
        case .wrapped:
            for (i, c) in centers.enumerated() {
                var baseline = top + 3 + textStyle.ascent
                for line in lines[i] {
                    b.canvas.place(b.canvas.label(line, x: c, baseline: baseline, anchor: .middle, style: textStyle))
                    baseline += textStyle.lineHeight
                }
            }
        case .rotated, .thinned:
            let every: Int = if case .thinned(let n) = mode { n } else { 1 }
            for (i, c) in centers.enumerated() where i % every == 0 {
                // Rotation is about the label's start: place the start so its end meets the tick.
                let endX = c + textStyle.ascent * 0.35, endY = top + 4 + textStyle.ascent * 0.35
                // Near the left edge the diagonal is shorter: shorten the label rather than cross the edge.
                let room = (endX - minX - textStyle.ascent * 0.71) / 0.7071
                let text = LineBreaking.truncate(lines[i][0], width: room, style: textStyle, measurer: b.measurer)
                let w = b.canvas.width(text, textStyle)
                var item = TextItem(text: text, style: textStyle, x: endX - w * 0.7071, baseline: endY + w * 0.7071,
                                    width: w, alignment: .start, rotation: CategoryAxis.rotation)
                // The last label's corner may poke past the right edge: nudge it back inside.
                item.x -= max(0, item.labelBounds.maxX - maxX)
                b.canvas.placeIfFree(item, padding: 0)
            }
        }
    }
}
