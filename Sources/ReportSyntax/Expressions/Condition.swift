/// The test of a `{% if … %}`: a name that must have a non-zero value, a comparison with a
/// number or another name, and `not`, `and`, `or` (and binds tighter than or).
///
///     {% if activities.by_kind[webinar] > 0 %}   {% if funder %}   {% if members.growth < 0 and not grants %}
public indirect enum Condition: Sendable, Equatable {
    /// One side of a comparison.
    public enum Operand: Sendable, Equatable {
        case name(String, SourceLocation)
        case number(Double)
    }
    public enum Comparison: String, Sendable, CaseIterable {
        case greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<=", equal = "==", notEqual = "!="
    }

    /// True when the name has a value that is not zero (or text that is not empty).
    case truthy(String, SourceLocation)
    case compare(Operand, Comparison, Operand)
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)

    /// Every name the condition reads, with where it is written (for validation).
    public var names: [(String, SourceLocation)] {
        switch self {
        case .truthy(let n, let l): return [(n, l)]
        case .compare(let a, _, let b):
            return [a, b].compactMap { if case .name(let n, let l) = $0 { return (n, l) } else { return nil } }
        case .not(let c): return c.names
        case .and(let a, let b), .or(let a, let b): return a.names + b.names
        }
    }

    /// Evaluates with `number` giving each name's value (nil: no value, which is false and
    /// compares false) and `isTruthy` deciding a bare name.
    public func evaluate(number: (String, SourceLocation) throws -> Double?, isTruthy: (String, SourceLocation) throws -> Bool) rethrows -> Bool {
        switch self {
        case .truthy(let n, let l): return try isTruthy(n, l)
        case .compare(let a, let op, let b):
            func side(_ o: Operand) throws -> Double? {
                switch o { case .number(let x): return x; case .name(let n, let l): return try number(n, l) }
            }
            guard let x = try side(a), let y = try side(b) else { return false }
            switch op {
            case .greater: return x > y
            case .greaterOrEqual: return x >= y
            case .less: return x < y
            case .lessOrEqual: return x <= y
            case .equal: return x == y
            case .notEqual: return x != y
            }
        case .not(let c): return try !c.evaluate(number: number, isTruthy: isTruthy)
        case .and(let a, let b): return try a.evaluate(number: number, isTruthy: isTruthy) && b.evaluate(number: number, isTruthy: isTruthy)
        case .or(let a, let b): return try a.evaluate(number: number, isTruthy: isTruthy) || b.evaluate(number: number, isTruthy: isTruthy)
        }
    }
}

/// A `{% … %}` tag in narrative text.
public struct Tag: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case ifTag(Condition)
        case elif(Condition)
        case elseTag
        case endif
    }
    public let kind: Kind
    public let location: SourceLocation

    public static let words = ["if", "elif", "else", "endif"]

    /// Parses the text between `{%` and `%}`; `opening` is where the `{%` is written (the tag's
    /// location: where an unclosed `{% if %}` is reported).
    static func parse(_ body: LocatedText, opening: SourceLocation) throws -> Tag {
        var tokens = try ConditionLexer.tokens(body)
        guard let first = tokens.first, case .word(let word) = first.token else {
            throw ReportError(body.start, "empty tag {% %}; write {% if NAME %}, {% else %} or {% endif %}")
        }
        tokens.removeFirst()
        let at = opening
        switch word {
        case "if", "elif":
            guard !tokens.isEmpty else { throw ReportError(first.location, "{% \(word) %} needs a condition, e.g. {% \(word) activities.by_kind[webinar] > 0 %}") }
            var parser = ConditionParser(tokens: tokens, end: body.location(at: body.text.count))
            let condition = try parser.parse()
            return Tag(kind: word == "if" ? .ifTag(condition) : .elif(condition), location: at)
        case "else", "endif":
            if word == "else", let next = tokens.first, case .word("if") = next.token {
                var parser = ConditionParser(tokens: Array(tokens.dropFirst()), end: body.location(at: body.text.count))
                return Tag(kind: .elif(try parser.parse()), location: at)
            }
            if let extra = tokens.first { throw ReportError(extra.location, "{% \(word) %} takes nothing after it") }
            return Tag(kind: word == "else" ? .elseTag : .endif, location: at)
        default:
            throw ReportError(first.location, "unknown tag '\(word)'\(Self.hint(word)); tags: {% if CONDITION %}, {% elif CONDITION %}, {% else %}, {% endif %}")
        }
    }

    static func hint(_ word: String) -> String {
        let near = ["end": "endif", "endif;": "endif", "fi": "endif", "elsif": "elif", "elseif": "elif", "end if": "endif"][word]
        return near.map { " (did you mean \($0)?)" } ?? ""
    }
}

/// Words, numbers, operators and parentheses of a condition, each with its location.
enum ConditionLexer {
    enum Token: Equatable { case word(String), number(Double), op(String), open, close }

    static func tokens(_ body: LocatedText) throws -> [(token: Token, location: SourceLocation)] {
        let chars = Array(body.text)
        var out: [(Token, SourceLocation)] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let at = body.location(at: i)
            if c.isWhitespace { i += 1; continue }
            if c == "(" { out.append((.open, at)); i += 1; continue }
            if c == ")" { out.append((.close, at)); i += 1; continue }
            if "<>=!".contains(c) {
                var op = ""
                while i < chars.count, "<>=!".contains(chars[i]) { op.append(chars[i]); i += 1 }
                guard Condition.Comparison(rawValue: op) != nil || op == "!" else {
                    throw ReportError(at, "unknown operator '\(op)'; compare with >, >=, <, <=, == or !=")
                }
                out.append(op == "!" ? (.word("not"), at) : (.op(op), at))
                continue
            }
            if c.isNumber || (c == "-" && i + 1 < chars.count && chars[i + 1].isNumber) {
                var s = String(c); i += 1
                while i < chars.count, chars[i].isNumber || chars[i] == "." || chars[i] == "," { if chars[i] != "," { s.append(chars[i]) }; i += 1 }
                guard let n = Double(s) else { throw ReportError(at, "'\(s)' is not a number") }
                out.append((.number(n), at))
                continue
            }
            if c.isLetter || c == "_" {
                var s = ""
                while i < chars.count {
                    let d = chars[i]
                    if d.isLetter || d.isNumber || d == "_" || d == "." { s.append(d); i += 1 }
                    else if d == "[" {
                        while i < chars.count { s.append(chars[i]); i += 1; if chars[i - 1] == "]" { break } }
                    } else { break }
                }
                out.append((.word(s), at))
                continue
            }
            throw ReportError(at, "unexpected '\(c)' in a condition; write a name, a comparison (>, >=, <, <=, ==, !=) or and/or/not")
        }
        return out
    }
}

/// or-expression := and-expression ("or" and-expression)*; and := unary ("and" unary)*;
/// unary := "not" unary | "(" or ")" | operand (comparison operand)?
struct ConditionParser {
    var tokens: [(token: ConditionLexer.Token, location: SourceLocation)]
    let end: SourceLocation
    var index = 0

    init(tokens: [(token: ConditionLexer.Token, location: SourceLocation)], end: SourceLocation) {
        self.tokens = tokens
        self.end = end
    }

    mutating func parse() throws -> Condition {
        let c = try or()
        if index < tokens.count {
            throw ReportError(tokens[index].location, "unexpected '\(describe(tokens[index].token))' in the condition; join conditions with and/or")
        }
        return c
    }

    var peek: ConditionLexer.Token? { index < tokens.count ? tokens[index].token : nil }
    var here: SourceLocation { index < tokens.count ? tokens[index].location : end }

    mutating func or() throws -> Condition {
        var c = try and()
        while peek == .word("or") { index += 1; c = .or(c, try and()) }
        return c
    }

    mutating func and() throws -> Condition {
        var c = try unary()
        while peek == .word("and") { index += 1; c = .and(c, try unary()) }
        return c
    }

    mutating func unary() throws -> Condition {
        if peek == .word("not") { index += 1; return .not(try unary()) }
        if peek == .open {
            index += 1
            let c = try or()
            guard peek == .close else { throw ReportError(here, "missing ')' in the condition") }
            index += 1
            return c
        }
        let left = try operand()
        if case .op(let o)? = peek, let op = Condition.Comparison(rawValue: o) {
            index += 1
            return .compare(left, op, try operand())
        }
        guard case .name(let n, let l) = left else {
            throw ReportError(here, "a number alone is not a condition; compare it, e.g. {% if activities.count > 0 %}")
        }
        return .truthy(n, l)
    }

    mutating func operand() throws -> Condition.Operand {
        guard index < tokens.count else { throw ReportError(end, "the condition ends too early; write a name or a number here") }
        let (t, l) = tokens[index]
        switch t {
        case .number(let n): index += 1; return .number(n)
        case .word(let w) where !["and", "or", "not"].contains(w): index += 1; return .name(w, l)
        default: throw ReportError(l, "expected a name or a number, found '\(describe(t))'")
        }
    }

    func describe(_ t: ConditionLexer.Token) -> String {
        switch t {
        case .word(let w): return w
        case .number(let n): return String(n)
        case .op(let o): return o
        case .open: return "("
        case .close: return ")"
        }
    }
}
