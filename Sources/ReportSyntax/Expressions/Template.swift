/// Text with `{{ expression }}` holes, as found in narrative paragraphs and front-matter values.
public struct Template: Sendable, Equatable {
    /// A literal stretch of text or an expression.
    public enum Part: Sendable, Equatable {
        case text(String)
        case expression(Expression)
    }

    public let parts: [Part]

    /// Splits `source` into text and expressions; `location` is where `source` starts.
    /// `{{` without a closing `}}` is an error at the opening braces.
    public init(_ source: String, at location: SourceLocation) throws {
        parts = try TextToken.tokens(LocatedText(source, at: location)).map { token in
            switch token {
            case .text(let t): return .text(t.text)
            case .expression(let e): return .expression(e)
            case .tag(let t):
                throw ReportError(t.location, "{% %} tags belong in the report's text, not in settings or block options; choose the text in the body instead")
            }
        }
    }

    public var expressions: [Expression] {
        parts.compactMap { if case .expression(let e) = $0 { return e } else { return nil } }
    }

    /// The text with every expression replaced by its formatted value.
    public func render(verbs: Formatters.Verbs = .standard, _ lookup: (Expression) throws -> TemplateValue) throws -> String {
        try parts.map { part in
            switch part {
            case .text(let t): return t
            case .expression(let e): return try Formatters.apply(e.filters, to: try lookup(e), name: e.name, verbs: verbs)
            }
        }.joined()
    }
}
