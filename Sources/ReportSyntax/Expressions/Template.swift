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
        var parts: [Part] = []
        var rest = source[...]
        var here = location
        while let open = rest.range(of: "{{") {
            let before = rest[..<open.lowerBound]
            if !before.isEmpty { parts.append(.text(String(before))) }
            here = here.advanced(by: before)
            let openAt = here
            let inner = rest[open.upperBound...]
            guard let close = inner.range(of: "}}") else {
                throw ReportError(openAt, "'{{' is not closed; add '}}' after the expression")
            }
            let body = inner[..<close.lowerBound]
            parts.append(.expression(try Expression.parse(body, at: openAt.advanced(by: "{{"))))
            here = openAt.advanced(by: rest[open.lowerBound..<close.upperBound])
            rest = inner[close.upperBound...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        self.parts = parts
    }

    public var expressions: [Expression] {
        parts.compactMap { if case .expression(let e) = $0 { return e } else { return nil } }
    }

    /// The text with every expression replaced by its formatted value.
    public func render(_ lookup: (Expression) throws -> TemplateValue) throws -> String {
        try parts.map { part in
            switch part {
            case .text(let t): return t
            case .expression(let e): return try Formatters.apply(e.filters, to: try lookup(e), name: e.name)
            }
        }.joined()
    }
}
