import Base

/// A word-sized line: no axes, no labels, a dot on the last value. For tables and KPI tiles.
public enum Sparkline {
    /// The items of a sparkline of `values` in `box` (the values' own range fills the height:
    /// a sparkline shows shape, not magnitude).
    public static func items(_ values: [Double], in box: Rect, color: Color, lineWidth: Double = 1) -> [PageItem] {
        let finite = values.map { $0.isFinite ? $0 : 0 }
        guard let lo = finite.min(), let hi = finite.max(), box.width > 0, box.height > 0 else { return [] }
        let dot = min(1.8, box.height / 6)
        let x = LinearScale(domain: 0...Double(max(1, finite.count - 1)), range: (box.x + dot, box.maxX - dot))
        // Flat data sits on the middle line rather than the bottom edge.
        let y = hi > lo ? LinearScale(domain: lo...hi, range: (box.maxY - dot, box.y + dot))
                        : LinearScale(domain: (lo - 1)...(lo + 1), range: (box.maxY - dot, box.y + dot))
        let pts = finite.enumerated().map { Point(finite.count == 1 ? box.x + box.width / 2 : x(Double($0)), y($1)) }
        var items: [PageItem] = []
        if pts.count > 1 {
            items.append(.path(PathItem([.move(pts[0])] + pts.dropFirst().map { .line($0) }, stroke: color, lineWidth: lineWidth, roundCaps: true)))
        }
        if let last = pts.last { items.append(.path(PathItem(Shapes.circle(last, dot), fill: color))) }
        return items
    }

    /// A sparkline as a graphic of its own, for Layout's KPI tiles and table cells.
    public static func graphic(_ values: [Double], size: Size, color: Color = Color.okabeIto[0]) -> Graphic {
        Graphic(size: size, items: items(values, in: Rect(x: 0, y: 0, width: size.width, height: size.height), color: color))
    }
}

/// The `sparkline` chart type: the first series drawn across the plot.
enum SparklineMarks {
    static func draw(_ b: inout ChartBuilder, in plot: Rect) {
        let values = b.data.series[0].points.map(\.value)
        let color = b.seriesColor()
        for item in Sparkline.items(values, in: plot, color: color) { b.canvas.items.append(item) }
        if let last = values.last {
            b.mark(.line, b.data.series[0].name, value: last, frame: plot, color: color)
        }
    }
}
