import Base

/// The visual constants of every chart, derived from the report's colours and text sizes:
/// sizes, greys, accent.
/// Light structure (hairline grids, muted axis text) so the data carries the ink.
public struct ChartStyle: Sendable, Hashable {
    public var text: Color
    public var muted: Color
    public var grid: Color
    public var axis: Color
    public var background: Color
    /// The single-series colour (theme accent).
    public var accent: Color
    /// The previous period beside the current one: a light tint, so "now" stands out.
    public var previous: Color
    public var positive: Color
    public var negative: Color
    public var panel: Color

    public var titleSize: Double
    public var labelSize: Double
    public var tickSize: Double
    public var captionSize: Double

    /// `palette` is the report's category palette (its first colour is the single-series accent);
    /// `bodySize` and `smallSize` are the theme's body and small text sizes.
    public init(colors c: ColorScheme = ColorScheme(), palette: [Color] = Color.okabeIto,
                bodySize: Double = 10, smallSize: Double = 8) {
        text = c.text
        muted = c.muted
        grid = Contrast.mix(c.rule, .white, 0.45)
        axis = Contrast.mix(c.muted, .white, 0.35)
        background = .white
        accent = palette.first ?? c.accent
        previous = Contrast.mix(accent, Color(red: 0xd5, green: 0xdb, blue: 0xe1), 0.72)
        positive = Contrast.readable(c.positive)
        negative = Contrast.readable(c.negative)
        panel = c.tile
        titleSize = max(9, bodySize + 0.5)
        labelSize = max(6.5, smallSize)
        tickSize = max(6.5, smallSize - 0.5)
        captionSize = max(6.5, smallSize - 0.5)
    }

    func label(_ weight: FontWeight = .regular, color: Color? = nil, size: Double? = nil) -> TextStyle {
        TextStyle(role: .body, weight: weight, size: size ?? labelSize, color: color ?? text, tabularFigures: true)
    }
    var tick: TextStyle { TextStyle(role: .body, size: tickSize, color: muted, tabularFigures: true) }
    var title: TextStyle { TextStyle(role: .heading, weight: .semibold, size: titleSize, color: text) }
    var caption: TextStyle { TextStyle(role: .body, size: captionSize, color: muted) }
}
