import Base

/// What a chart with nothing to show draws: a quiet panel that says so, instead of empty axes
/// that look like a rendering fault.
enum EmptyPanel {
    static let message = "No data for this period"

    static func draw(_ b: inout ChartBuilder, in plot: Rect) {
        b.canvas.fill(plot, b.style.panel)
        let ts = b.style.label(.medium, color: Contrast.text(on: b.style.panel, dark: b.style.muted), size: b.style.labelSize + 1)
        let text = LineBreaking.truncate(message, width: plot.width - 8, style: ts, measurer: b.measurer)
        b.canvas.place(b.canvas.label(text, x: plot.x + plot.width / 2, baseline: b.baseline(centeredOn: plot.y + plot.height / 2, ts),
                                      anchor: .middle, style: ts))
    }
}
