import Base

/// A one-line-per-row key of swatches and names, used only when direct labels cannot fit
/// (many series, or labels that would have to move too far from their lines).
enum Legend {
    /// Draws the key at the top of `area` and returns the height it took.
    static func draw(_ b: inout ChartBuilder, entries: [(name: String, color: Color)], in area: Rect) -> Double {
        let ts = b.style.label(size: b.style.tickSize)
        let swatch = ts.size * 0.8
        var x = area.x, y = area.y
        for entry in entries {
            let name = LineBreaking.truncate(entry.name, width: area.width * 0.45, style: ts, measurer: b.measurer)
            let w = swatch + 4 + b.canvas.width(name, ts) + 12
            if x > area.x && x + w > area.maxX { x = area.x; y += ts.lineHeight + 2 }
            let center = y + ts.lineHeight / 2
            b.canvas.fill(Rect(x: x, y: center - swatch / 2, width: swatch, height: swatch), entry.color)
            b.canvas.place(b.canvas.label(name, x: x + swatch + 4, baseline: b.baseline(centeredOn: center, ts), style: ts))
            x += w
        }
        return y - area.y + ts.lineHeight + 6
    }
}
