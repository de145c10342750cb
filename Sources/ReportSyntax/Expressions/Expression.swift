/// `members.growth | over_percent` or `working_groups.established | plural: "working group"`:
/// a dotted name and a chain of formatters, as written between `{{` and `}}`.
public struct Expression: Hashable, Sendable {
    /// The value's name: a metric (`members.end`, `activities.by_kind[webinar]`), a period field
    /// (`year`, `period.start`) or a front-matter key (`organization`).
    public let name: String
    public let filters: [Filter]
    public let location: SourceLocation

    /// One formatter application, `name: arg, arg`.
    public struct Filter: Hashable, Sendable {
        public let name: String
        public let arguments: [Literal]
        public let location: SourceLocation
    }

    /// A formatter argument: a quoted string or a number.
    public enum Literal: Hashable, Sendable {
        case string(String)
        case number(Double)
    }

    /// Parses the text between the braces; `location` is where that text starts.
    public static func parse(_ text: Substring, at location: SourceLocation) throws -> Expression {
        try parse(LocatedText(String(text), at: location))
    }

    /// Parses located text (the inside of `{{ }}` in a Markdown text run, which may span a
    /// soft line break); every error points at the character it concerns.
    public static func parse(_ located: LocatedText) throws -> Expression {
        var scanner = Scanner(located)
        scanner.skipSpaces()
        let nameStart = scanner.location
        let name = scanner.name()
        guard !name.isEmpty else {
            throw ReportError(nameStart, scanner.atEnd ? "empty expression {{ }}; write a metric name such as members.end" : "expected a name, found '\(scanner.peek!)'")
        }
        var filters: [Filter] = []
        scanner.skipSpaces()
        while scanner.consume("|") {
            scanner.skipSpaces()
            let filterStart = scanner.location
            let filterName = scanner.identifier()
            guard !filterName.isEmpty else { throw ReportError(filterStart, "expected a formatter name after '|'") }
            var args: [Literal] = []
            scanner.skipSpaces()
            if scanner.consume(":") {
                repeat {
                    scanner.skipSpaces()
                    args.append(try scanner.literal())
                    scanner.skipSpaces()
                } while scanner.consume(",")
            }
            filters.append(Filter(name: filterName, arguments: args, location: filterStart))
            scanner.skipSpaces()
        }
        if let ch = scanner.peek {
            throw ReportError(scanner.location, "unexpected '\(ch)' in expression; formatters follow a '|', e.g. {{ \(name) | number }}")
        }
        return Expression(name: name, filters: filters, location: nameStart)
    }
}

/// A tiny cursor over expression text that tracks its source location.
private struct Scanner {
    let located: LocatedText
    let chars: [Character]
    var index = 0

    init(_ located: LocatedText) {
        self.located = located
        self.chars = Array(located.text)
    }

    var location: SourceLocation { located.location(at: index) }
    var atEnd: Bool { index == chars.count }
    var peek: Character? { atEnd ? nil : chars[index] }

    mutating func advance() { index += 1 }

    mutating func skipSpaces() { while let c = peek, c.isWhitespace { advance() } }

    mutating func consume(_ c: Character) -> Bool {
        guard peek == c else { return false }
        advance()
        return true
    }

    mutating func identifier() -> String {
        var out = ""
        while let c = peek, c.isLetter || c.isNumber || c == "_" { out.append(c); advance() }
        return out
    }

    /// A dotted name with optional `[key]` selectors: `activities.by_kind[online course]`.
    mutating func name() -> String {
        var out = ""
        while let c = peek {
            if c.isLetter || c.isNumber || c == "_" || c == "." { out.append(c); advance() }
            else if c == "[" {
                while let k = peek { out.append(k); advance(); if k == "]" { break } }
            } else { break }
        }
        return out
    }

    mutating func literal() throws -> Expression.Literal {
        let start = location
        if let q = peek, q == "\"" || q == "'" || q == "“" {
            let close: Character = q == "“" ? "”" : q
            advance()
            var out = ""
            while let c = peek, c != close { out.append(c); advance() }
            guard consume(close) else { throw ReportError(start, "unterminated string; close it with \(close)") }
            return .string(out)
        }
        var digits = ""
        while let c = peek, c.isNumber || c == "." || c == "-" { digits.append(c); advance() }
        guard let n = Double(digits) else {
            throw ReportError(start, "expected a quoted string or a number as formatter argument")
        }
        return .number(n)
    }
}
