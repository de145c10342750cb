import Base

/// Compiles chart specs into laid-out charts for one report, keeping the report's category
/// colours (`colors`) from chart to chart so "Africa" has one colour throughout.
///
/// ```swift
/// var charts = ChartCompiler(style: ChartStyle(colors: theme.colors), palette: theme.palette, measurer: shaper)
/// let chart = charts.compile(spec, data: data, width: 480)
/// graphic = chart.graphic
/// ```
public struct ChartCompiler {
    public var style: ChartStyle
    public var colors: CategoryColors
    public let measurer: any TextMeasuring

    public init(style: ChartStyle = ChartStyle(), palette: [Color] = Color.okabeIto, measurer: any TextMeasuring,
                colors: CategoryColors? = nil) {
        self.style = style
        self.colors = colors ?? CategoryColors(palette: palette)
        self.measurer = measurer
    }

    /// Lays out `data` as `spec` says in a box `width` points wide and `height` high (by default:
    /// `spec.height`, else the height the chart's content needs).
    public mutating func compile(_ spec: ChartSpec, data: ChartData, width: Double, height: Double? = nil) -> ChartLayout {
        let width = width.isFinite && width > 0 ? width : 400
        var b = ChartBuilder(spec: spec, data: data, style: style, measurer: measurer, colors: colors)
        let furniture = ChartFrame.furnitureHeight(spec: spec, width: width, style: style, measurer: measurer)
        let plotHeight = (spec.height ?? height).map { max(20, $0 - furniture) } ?? naturalPlotHeight(spec, data, width: width)
        let bounds = Rect(x: 0, y: 0, width: width, height: (plotHeight + furniture).rounded(.up))
        let frame = ChartFrame.layout(spec: spec, bounds: bounds, canvas: &b.canvas)

        if data.isEmpty {
            EmptyPanel.draw(&b, in: frame.plot)
        } else {
            draw(&b, in: frame.plot)
        }
        colors = b.colors
        let graphic = Graphic(size: bounds.size, items: Sanitize.items(b.canvas.items))
        return ChartLayout(graphic: graphic, altText: AltText.describe(spec: spec, data: data), title: spec.title,
                           marks: b.marks, notes: b.notes)
    }

    private func draw(_ b: inout ChartBuilder, in plot: Rect) {
        let spec = b.spec
        switch spec.type {
        case .bar, .column, .groupedBar:
            let (cats, folded) = Fold.categories(b.data.series[0], sort: spec.resolvedSort, limit: spec.limit)
            if folded > 0 { b.notes.append("\(folded) categories beyond the limit of \(spec.limit ?? 0) are shown together as \(Fold.otherLabel)") }
            if spec.resolvedOrientation == .horizontal {
                HorizontalBars.draw(&b, categories: cats, in: plot)
            } else {
                VerticalBars.draw(&b, categories: cats, in: plot)
            }
        case .stackedBar: StackedBars.draw(&b, in: plot)
        case .line, .area: LineMarks.draw(&b, in: plot)
        case .donut, .pie: ArcMarks.draw(&b, in: plot)
        case .kpi: TileMarks.draw(&b, in: plot)
        case .sparkline: SparklineMarks.draw(&b, in: plot)
        }
    }

    /// The plot height a chart needs when nobody fixed it.
    private func naturalPlotHeight(_ spec: ChartSpec, _ data: ChartData, width: Double) -> Double {
        if data.isEmpty { return 60 }
        let count = data.series.first?.points.count ?? 0
        switch spec.type {
        case .bar, .groupedBar, .column:
            let allZero = !data.allValues.contains { $0 != 0 }
            if spec.resolvedOrientation == .vertical { return allZero ? 90 : min(240, max(150, width * 0.4)) }
            let names = data.series[0].points.map(\.label)
            let shown = spec.limit.map { count > $0 ? Array(names.prefix($0)) + [Fold.otherLabel] : names } ?? names
            let compare = spec.showsPrevious && data.series[0].points.contains { $0.previous != nil }
            return HorizontalBars.naturalHeight(names: shown, compare: compare, width: width, style: style, measurer: measurer)
        case .stackedBar:
            return spec.resolvedOrientation == .vertical ? min(260, max(170, width * 0.42))
                : HorizontalBars.naturalHeight(names: StackedBars.table(data).bars, compare: false, width: width, style: style, measurer: measurer)
                    + style.labelSize * 2.5
        case .line, .area: return min(250, max(130, width * 0.4))
        case .donut, .pie: return min(200, max(120, width * 0.36))
        case .kpi: return TileMarks.naturalHeight(data: data, style: style)
        case .sparkline: return 24
        }
    }
}

extension Rect {
    var size: Size { Size(width, height) }
}
