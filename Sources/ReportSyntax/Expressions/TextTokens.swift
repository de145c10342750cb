/// Narrative text split into what is printed as written, `{{ expressions }}` and `{% tags %}`:
/// the one scanner every reader of a report's text uses (validator, lint, builder).
public enum TextToken: Sendable, Equatable {
    case text(LocatedText)
    case expression(Expression)
    case tag(Tag)

    /// Splits `located`; an unclosed `{{` or `{%` is an error at its opening braces.
    public static func tokens(_ located: LocatedText) throws -> [TextToken] {
        let chars = Array(located.text)
        var out: [TextToken] = []
        var textStart = 0
        var i = 0
        func flush(_ upTo: Int) {
            if upTo > textStart { out.append(.text(located.slice(textStart..<upTo))) }
        }
        while i + 1 < chars.count {
            guard chars[i] == "{", chars[i + 1] == "{" || chars[i + 1] == "%" else { i += 1; continue }
            let isTag = chars[i + 1] == "%"
            let close: Character = isTag ? "%" : "}"
            var j = i + 2
            while j + 1 < chars.count, !(chars[j] == close && chars[j + 1] == "}") { j += 1 }
            guard j + 1 < chars.count else {
                throw ReportError(located.location(at: i), isTag
                    ? "'{%' is not closed; add '%}' after the tag"
                    : "'{{' is not closed; add '}}' after the expression")
            }
            flush(i)
            let inner = located.slice((i + 2)..<j)
            out.append(isTag ? .tag(try Tag.parse(inner, opening: located.location(at: i))) : .expression(try Expression.parse(inner)))
            i = j + 2
            textStart = i
        }
        flush(chars.count)
        return out
    }
}
