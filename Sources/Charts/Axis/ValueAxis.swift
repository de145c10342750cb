import Base

/// A vertical value axis drawn Tufte-light: tick labels in a left gutter, hairline gridlines
/// across the plot, a slightly darker line at zero, no axis line.
struct ValueAxis {
    let ticks: NiceTicks
    let format: ValueFormat
    let labels: [String]

    init(ticks: NiceTicks, format: ValueFormat) {
        self.ticks = ticks
        self.format = format
        let decimals = format == .percent ? max(0, ticks.decimals - 2) : ticks.decimals
        labels = ticks.values.map { format.string($0, decimals: decimals) }
    }

    /// Width of the gutter the tick labels need.
    func gutter(_ b: ChartBuilder) -> Double {
        (labels.map { b.canvas.width($0, b.style.tick) }.max() ?? 0) + 6
    }

    /// Draws ticks and gridlines for `scale` between `left` and `right`.
    func draw(_ b: inout ChartBuilder, scale: LinearScale, left: Double, right: Double) {
        for (value, label) in zip(ticks.values, labels) {
            let y = scale(value)
            let isZero = value == 0
            b.canvas.line(Point(left, y), Point(right, y), color: isZero ? b.style.axis : b.style.grid, width: isZero ? 0.75 : 0.4)
            let item = b.canvas.label(label, x: left - 6, baseline: b.baseline(centeredOn: y, b.style.tick), anchor: .end, style: b.style.tick)
            b.canvas.placeIfFree(item, padding: 0)
        }
    }
}
