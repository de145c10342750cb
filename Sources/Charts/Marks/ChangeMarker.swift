import Base

/// A change against the previous period as a triangle and a signed number (▲ +56%, ▼ −23%):
/// colour for the quick read, shape and sign for black-and-white printing and colour-blind readers.
enum ChangeMarker {
    static let gap = 3.0

    /// Green for good news, red for bad, grey for no change — darkened until readable on `background`.
    static func color(up: Bool, flat: Bool, good: Bool, style: ChartStyle, on background: Color) -> Color {
        Contrast.readable(flat ? style.muted : good ? style.positive : style.negative, on: background)
    }

    /// Draws the marker starting at `x` (`.start`) or ending there (`.end`), centred on `centerY`;
    /// returns the text item. No triangle when nothing changed.
    @discardableResult
    static func draw(_ b: inout ChartBuilder, _ text: String, up: Bool, flat: Bool, x: Double, centerY: Double,
                     anchor: TextAnchor, style ts: TextStyle, triangle: Double) -> TextItem {
        let s = ts.size * triangle
        let baseline = b.baseline(centeredOn: centerY, ts)
        let item: TextItem
        let triangleX: Double
        if anchor == .end {
            item = b.canvas.label(text, x: x, baseline: baseline, anchor: .end, style: ts)
            triangleX = item.x - gap - s / 2
        } else {
            item = b.canvas.label(text, x: flat ? x : x + s + gap, baseline: baseline, style: ts)
            triangleX = x + s / 2
        }
        b.canvas.place(item)
        if !flat {
            b.canvas.path(PathItem(Shapes.triangle(Point(triangleX, centerY), size: s, up: up), fill: ts.color))
        }
        return item
    }
}
