import Base

/// The state one chart is drawn with: the canvas, the marks so far, the report's colour registry
/// and the spec's resolved options. Each mark builder (bars, lines, …) takes it `inout`.
struct ChartBuilder {
    var canvas: ChartCanvas
    var marks: [Mark] = []
    var colors: CategoryColors
    var notes: [String] = []
    let spec: ChartSpec
    let data: ChartData
    let format: ValueFormat

    var style: ChartStyle { canvas.style }
    var measurer: any TextMeasuring { canvas.measurer }

    init(spec: ChartSpec, data: ChartData, style: ChartStyle, measurer: any TextMeasuring, colors: CategoryColors) {
        self.spec = spec
        self.data = data
        self.canvas = ChartCanvas(measurer: measurer, style: style)
        self.colors = colors
        self.format = spec.format ?? .number
    }

    /// Colour of a category in this chart's scope: the spec's override, else the report-wide one.
    mutating func color(for category: String) -> Color {
        if let hex = spec.colors?[category], let c = Color(hex: hex) { return c }
        return colors.color(for: category, scope: spec.colorScope)
    }

    /// Colour of a single-series chart's marks; a category named in `colors` is highlighted.
    func seriesColor(category: String? = nil) -> Color {
        if let category, let hex = spec.colors?[category], let c = Color(hex: hex) { return c }
        if let hex = spec.colors?["*"], let c = Color(hex: hex) { return c }
        return style.accent
    }

    /// Labels for a set of values, with the decimals the set needs.
    func valueStrings(_ values: [Double]) -> [String] {
        let d = format.decimals(for: values)
        return values.map { format.string($0, decimals: d) }
    }

    mutating func mark(_ kind: Mark.Kind, _ category: String, series: String = "", value: Double, frame: Rect, color: Color,
                       angles: ClosedRange<Double>? = nil) {
        marks.append(Mark(kind: kind, category: category, series: series, value: value, frame: frame, color: color, angles: angles))
    }

    /// The change from `previous` to `value` by the one policy (`Change`): percentage points for
    /// percent-formatted values, else percent of the previous value — a difference when the
    /// base is small, or for the whole chart when `absolute` (one of its bases is small).
    func changeText(_ value: Double, _ previous: Double, absolute: Bool = false) -> String {
        let rule: ChangeRule = format == .percent ? .points : (absolute ? .difference : .percent)
        return Change(value, from: previous, rule: rule)?.signed ?? ""
    }

    /// Lines of a wrapped label, placed right-, left- or centre-aligned and centred vertically on `centerY`.
    mutating func placeLines(_ lines: [String], x: Double, centerY: Double, anchor: TextAnchor, style textStyle: TextStyle) {
        let total = Double(lines.count) * textStyle.lineHeight
        var baseline = centerY - total / 2 + (textStyle.lineHeight - textStyle.ascent - textStyle.descent) / 2 + textStyle.ascent
        for line in lines {
            canvas.place(canvas.label(line, x: x, baseline: baseline, anchor: anchor, style: textStyle))
            baseline += textStyle.lineHeight
        }
    }

    /// Baseline that centres one line of `textStyle` on `centerY`.
    func baseline(centeredOn centerY: Double, _ textStyle: TextStyle) -> Double {
        centerY + (textStyle.ascent - textStyle.descent) / 2
    }
}
