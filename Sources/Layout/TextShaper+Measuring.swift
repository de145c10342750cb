import Base

/// Charts and tiles measure labels in the report's own fonts through the protocol in Base.
extension TextShaper: TextMeasuring {
    public func width(of text: String, style: TextStyle) -> Double {
        measure(text, style: style).width
    }

    /// Pango's line breaking: dictionary word breaks for Thai, between characters for CJK.
    public func lineBreaks(_ text: String, style: TextStyle, width: Double) -> [String]? {
        paragraph(text, style: style, width: width).lines.map(\.text)
    }
}
