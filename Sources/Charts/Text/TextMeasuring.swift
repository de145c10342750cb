import Layout

/// How Charts learns the size of a label. Layout's Pango `TextShaper` conforms (so labels are
/// measured in the report's own fonts); tests use a deterministic stand-in.
public protocol TextMeasuring {
    /// The advance width of `text` on one line, in points.
    func width(of text: String, style: TextStyle) -> Double
    /// `text` broken into lines no wider than `width` by the rules of its script (Thai words,
    /// CJK characters), or nil to let Charts break between words itself.
    func lineBreaks(_ text: String, style: TextStyle, width: Double) -> [String]?
}

extension TextMeasuring {
    public func lineBreaks(_ text: String, style: TextStyle, width: Double) -> [String]? { nil }
}

extension TextShaper: TextMeasuring {
    public func width(of text: String, style: TextStyle) -> Double {
        measure(text, style: style).width
    }

    /// Pango's line breaking: dictionary word breaks for Thai, between characters for CJK.
    public func lineBreaks(_ text: String, style: TextStyle, width: Double) -> [String]? {
        paragraph(text, style: style, width: width).lines.map(\.text)
    }
}

/// A font-free estimate (0.55 em per Latin character, 1 em for wide CJK characters): deterministic,
/// for tests and for sizing when no fonts are at hand.
public struct ApproximateTextMeasurer: TextMeasuring, Sendable {
    public init() {}

    public func width(of text: String, style: TextStyle) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F, 0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E, 0x093A...0x094F: continue // combining marks
            case 0x1100...0x11FF, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60: em += 1
            case 0x20: em += 0.28
            case 0x30...0x39: em += 0.58
            default: em += scalar.value < 0x80 && Character(scalar).isUppercase ? 0.66 : 0.55
            }
        }
        let weightFactor = style.weight.value >= 600 ? 1.05 : 1
        return em * style.size * weightFactor
    }
}

extension TextStyle {
    /// Approximate line metrics (the same proportions as `TextItem.bounds`).
    var ascent: Double { size * 0.8 }
    var descent: Double { size * 0.25 }
    var lineHeight: Double { size * 1.2 }
}
