import Base
import Charts
import Layout

// Where Charts meets Layout: charts know nothing of themes or figures, so the report (and
// the gallery) bridge the two here.

extension ChartStyle {
    /// The chart constants of a report's theme: its colours, palette, and body and small sizes.
    public init(theme: Theme) {
        self.init(colors: theme.colors, palette: theme.palette, bodySize: theme.sizes.body, smallSize: theme.sizes.small)
    }
}

extension ChartCompiler {
    /// A compiler drawing in `theme`'s colours and sizes, with its category palette.
    public init(theme: Theme, measurer: any TextMeasuring) {
        self.init(style: ChartStyle(theme: theme), palette: theme.palette, measurer: measurer)
    }
}

extension ChartLayout {
    /// The chart as a figure block (title and caption are drawn inside the graphic).
    public var figure: Figure { Figure(.graphic(graphic), caption: nil, altText: altText) }
}
