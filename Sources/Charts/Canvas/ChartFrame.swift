import Base

/// The furniture around the plot: title (wrapped, at most two lines) above, caption and source
/// below, both left-aligned with the plot so the eye has one edge to follow.
struct ChartFrame {
    /// Where the marks go.
    var plot: Rect
    /// Height the title and caption take together (for natural-height charts).
    var furnitureHeight: Double

    static let titleGap = 8.0
    static let captionGap = 7.0

    /// Lays out title and caption in `bounds` and returns the plot rectangle left between them.
    static func layout(spec: ChartSpec, bounds: Rect, canvas: inout ChartCanvas) -> ChartFrame {
        let style = canvas.style
        var top = bounds.y
        if let title = spec.title, !title.isEmpty {
            let ts = style.title
            let lines = LineBreaking.fit(title, width: bounds.width, maxLines: 2, style: ts, measurer: canvas.measurer)
            for line in lines {
                top += ts.ascent
                canvas.place(canvas.label(line, x: bounds.x, baseline: top, style: ts))
                top += ts.lineHeight - ts.ascent
            }
            top += titleGap
        }
        var bottom = bounds.maxY
        let notes = [spec.caption, spec.source.map { $0.hasPrefix("Source") ? $0 : "Source: " + $0 }].compactMap { $0 }.filter { !$0.isEmpty }
        if !notes.isEmpty {
            let cs = style.caption
            var lines: [String] = []
            for note in notes {
                lines += LineBreaking.fit(note, width: bounds.width, maxLines: 3, style: cs, measurer: canvas.measurer)
            }
            bottom -= Double(lines.count) * cs.lineHeight
            var baseline = bottom + cs.ascent
            for line in lines {
                canvas.place(canvas.label(line, x: bounds.x, baseline: baseline, style: cs))
                baseline += cs.lineHeight
            }
            bottom -= captionGap
        }
        let plot = Rect(x: bounds.x, y: top, width: bounds.width, height: max(0, bottom - top))
        return ChartFrame(plot: plot, furnitureHeight: (top - bounds.y) + (bounds.maxY - bottom))
    }

    /// The height title and caption will take at `width`, before anything is placed.
    static func furnitureHeight(spec: ChartSpec, width: Double, style: ChartStyle, measurer: any TextMeasuring) -> Double {
        var canvas = ChartCanvas(measurer: measurer, style: style)
        return layout(spec: spec, bounds: Rect(x: 0, y: 0, width: width, height: 10_000), canvas: &canvas).furnitureHeight
    }
}
