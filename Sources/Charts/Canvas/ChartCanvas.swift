import Base

/// Collects a chart's items in drawing order and remembers where labels went, so later labels
/// can check for room before they are placed (labels never overlap).
struct ChartCanvas {
    var items: [PageItem] = []
    /// Every label placed so far.
    private(set) var labels: [TextItem] = []
    let measurer: any TextMeasuring
    let style: ChartStyle

    init(measurer: any TextMeasuring, style: ChartStyle) {
        self.measurer = measurer
        self.style = style
    }

    func width(_ text: String, _ textStyle: TextStyle) -> Double { measurer.width(of: text, style: textStyle) }

    /// A label positioned by its anchor point on the baseline (not yet placed).
    func label(_ text: String, x: Double, baseline: Double, anchor: TextAnchor = .start, style textStyle: TextStyle,
               rotation: Double = 0) -> TextItem {
        let w = width(text, textStyle)
        let left: Double
        let alignment: TextAlignment
        switch anchor {
        case .start: left = x; alignment = .start
        case .middle: left = x - w / 2; alignment = .center
        case .end: left = x - w; alignment = .end
        }
        return TextItem(text: text, style: textStyle, x: left, baseline: baseline, width: w, alignment: alignment, rotation: rotation)
    }

    /// True when `item` overlaps no label placed so far.
    func isFree(_ item: TextItem, padding: Double = 1) -> Bool {
        !labels.contains { item.overlaps($0, padding: padding) }
    }

    mutating func place(_ item: TextItem) {
        guard !item.text.isEmpty else { return }
        items.append(.text(item))
        labels.append(item)
    }

    /// Places the label only if it has room; returns whether it did.
    @discardableResult
    mutating func placeIfFree(_ item: TextItem, padding: Double = 1) -> Bool {
        guard isFree(item, padding: padding) else { return false }
        place(item)
        return true
    }

    mutating func fill(_ rect: Rect, _ color: Color) {
        guard rect.width > 0, rect.height > 0 else { return }
        items.append(.path(.rect(rect, fill: color)))
    }

    mutating func line(_ a: Point, _ b: Point, color: Color, width: Double = 0.5, dash: [Double] = []) {
        items.append(.path(PathItem([.move(a), .line(b)], stroke: color, lineWidth: width, dash: dash)))
    }

    mutating func path(_ path: PathItem) { items.append(.path(path)) }
}
