import Base
import Foundation

/// The formatters an expression can apply (`{{ members.end | over }}`), each defined here once.
///
/// `over` and `over_percent` never state more than the truth: they round *down* to a round
/// number and say "over" only when the true value is strictly greater (README, "Formatters").
public enum Formatters {
    public static let names = ["number", "percent", "over", "over_percent", "date", "plural", "signed", "signed_percent"]

    /// Applies `filters` in order; the result of each is text for the next only where that makes
    /// sense, so in practice one formatter ends an expression.
    public static func apply(_ filters: [Expression.Filter], to value: TemplateValue, name: String) throws -> String {
        guard let first = filters.first else { return value.plain }
        guard filters.count == 1 else {
            throw ReportError(filters[1].location, "only one formatter per expression; remove '| \(filters[1].name)'")
        }
        return try format(value, with: first, name: name)
    }

    static func format(_ value: TemplateValue, with filter: Expression.Filter, name: String) throws -> String {
        func fail(_ message: String) -> ReportError { ReportError(filter.location, message) }
        func intArg(_ i: Int, default d: Int) throws -> Int {
            guard i < filter.arguments.count else { return d }
            guard case .number(let n) = filter.arguments[i], n >= 0, n <= 6, n == n.rounded() else {
                throw fail("\(filter.name) takes a number of decimals from 0 to 6")
            }
            return Int(n)
        }
        func stringArg(_ i: Int) -> String? {
            guard i < filter.arguments.count, case .string(let s) = filter.arguments[i] else { return nil }
            return s
        }
        if case .missing(let why) = value {
            throw fail("\(name) has no value for this period (\(why)); remove the expression or guard the sentence")
        }
        switch (filter.name, value) {
        case ("number", .count(let n)): return NumberText.grouped(n, decimals: try intArg(0, default: 0))
        case ("number", .ratio(let r)): return NumberText.grouped(r, decimals: try intArg(0, default: 2))
        case ("percent", .ratio(let r)): return NumberText.percent(r, decimals: try intArg(0, default: 0))
        case ("over", .count(let n)): return over(n)
        case ("over", .ratio(let r)), ("over_percent", .ratio(let r)): return overPercent(r)
        case ("signed", .count(let n)): return NumberText.signed(n, decimals: try intArg(0, default: 0))
        case ("signed", .ratio(let r)), ("signed_percent", .ratio(let r)): return NumberText.signedPercent(r, decimals: try intArg(0, default: 0))
        case ("plural", .count(let n)):
            guard let singular = stringArg(0) else {
                throw fail("plural needs the noun: {{ \(name) | plural: \"working group\" }} (and optionally its plural: \"country\", \"countries\")")
            }
            let plural = stringArg(1) ?? Self.pluralize(singular)
            return "\(NumberText.grouped(n)) \(n == 1 ? singular : plural)"
        case ("date", .date(let d)):
            switch stringArg(0) ?? "long" {
            case "long": return DateText.long(d)
            case "short": return DateText.short(d)
            case "month": return DateText.monthYear(d)
            case "iso": return d.iso
            case "year": return String(d.year)
            case let style: throw fail("unknown date style '\(style)'; use long, short, month, iso or year")
            }
        default:
            guard names.contains(filter.name) else {
                throw fail("unknown formatter '\(filter.name)'\(NearMiss.hint(for: filter.name, in: names)); formatters: \(names.joined(separator: ", "))")
            }
            throw fail("\(filter.name) cannot format \(name), which is \(describe(value))")
        }
    }

    /// "over 1,600" for 1,639: rounds down to two significant figures (to tens below 100) and
    /// says "over" only when the true value is larger; numbers under 20 and already-round numbers
    /// are stated exactly.
    public static func over(_ n: Double) -> String {
        let magnitude = abs(n)
        guard magnitude >= 20 else { return NumberText.grouped(n, decimals: magnitude == magnitude.rounded() ? 0 : 1) }
        let digits = Int(log10(magnitude).rounded(.down)) + 1
        let step = digits <= 2 ? 10 : pow(10, Double(digits - 2))
        let floor = (magnitude / step).rounded(.down) * step
        let text = NumberText.grouped(n < 0 ? -floor : floor)
        return floor == magnitude ? text : "over \(text)"
    }

    /// "over 50%" for 52.3%: the magnitude of the percentage rounded down to whole numbers below
    /// 10%, to multiples of 5 up to 100%, and to two significant figures above; exact when round.
    public static func overPercent(_ r: Double) -> String {
        let p = abs(r) * 100
        let step: Double = p < 10 ? 1 : (p < 100 ? 5 : pow(10, log10(p).rounded(.down) - 1))
        let floor = (p / step).rounded(.down) * step
        let text = NumberText.grouped(floor) + "%"
        return abs(floor - p) < 1e-9 ? text : "over \(text)"
    }

    static func pluralize(_ noun: String) -> String {
        let lower = noun.lowercased()
        if lower.hasSuffix("y"), let before = lower.dropLast().last, !"aeiou".contains(before) { return noun.dropLast() + "ies" }
        if ["s", "x", "z", "ch", "sh"].contains(where: { lower.hasSuffix($0) }) { return noun + "es" }
        return noun + "s"
    }

    static func describe(_ value: TemplateValue) -> String {
        switch value {
        case .count: return "a count"
        case .ratio: return "a ratio (a percentage)"
        case .text: return "text"
        case .date: return "a date"
        case .missing: return "missing"
        }
    }
}

