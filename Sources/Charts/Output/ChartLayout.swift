import Base

/// A compiled chart: a `Graphic` (paths and text, origin top-left) that Layout places like any
/// figure, the text alternative, and the marks it drew.
public struct ChartLayout: Sendable, Hashable {
    public var graphic: Graphic
    /// A sentence or two that says what the chart shows, generated from the data, for the
    /// figure's structure tag and the accessibility appendix.
    public var altText: String
    public var title: String?
    public var marks: [Mark]
    /// Things the author may want to know ("12 categories beyond the limit of 10 shown as Other").
    public var notes: [String]

    public init(graphic: Graphic, altText: String, title: String?, marks: [Mark], notes: [String] = []) {
        self.graphic = graphic
        self.altText = altText
        self.title = title
        self.marks = marks
        self.notes = notes
    }

    public var size: Size { graphic.size }

    /// Every text item of the graphic, in drawing order.
    public var texts: [TextItem] {
        graphic.items.compactMap { if case .text(let t) = $0 { t } else { nil } }
    }
}
