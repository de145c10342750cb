import Base

/// What a drawn shape stands for: the semantic twin of a path in the graphic, so tests and the
/// report engine can check geometry ("Africa's bar is 512/388 as long as Asia-Pacific's")
/// without reverse-engineering paths.
public struct Mark: Sendable, Hashable {
    /// The shape's role: a bar (current or previous period), a stack segment, a slice, a line and its points, a KPI tile.
    public enum Kind: String, Sendable, Hashable {
        case bar, previousBar, segment, slice, point, line, tile
    }

    public var kind: Kind
    /// The category (bar, slice, tile) or date label (point).
    public var category: String
    /// The series (line, stack layer); empty for single-series charts.
    public var series: String
    public var value: Double
    /// The mark's bounding box in the graphic.
    public var frame: Rect
    public var color: Color
    /// Slices: start and end angle in degrees, clockwise from 12 o'clock.
    public var angles: ClosedRange<Double>?

    public init(kind: Kind, category: String, series: String = "", value: Double, frame: Rect, color: Color,
                angles: ClosedRange<Double>? = nil) {
        self.kind = kind
        self.category = category
        self.series = series
        self.value = value
        self.frame = frame
        self.color = color
        self.angles = angles
    }
}
