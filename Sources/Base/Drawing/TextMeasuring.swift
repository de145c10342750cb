/// How code that places text (charts, tiles) learns the size of a label without knowing which
/// shaper measures it. Layout's Pango `TextShaper` conforms, so labels are measured in the
/// report's own fonts; tests use a deterministic stand-in.
public protocol TextMeasuring {
    /// The advance width of `text` on one line, in points.
    func width(of text: String, style: TextStyle) -> Double
    /// `text` broken into lines no wider than `width` by the rules of its script (Thai words,
    /// CJK characters), or nil to let the caller break between words itself.
    func lineBreaks(_ text: String, style: TextStyle, width: Double) -> [String]?
}

extension TextMeasuring {
    public func lineBreaks(_ text: String, style: TextStyle, width: Double) -> [String]? { nil }
}
