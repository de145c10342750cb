import Base
import Foundation

/// The formatters an expression can apply (`{{ members.end | over }}`), each defined here once.
///
/// `over` and `over_percent` never state more than the truth: they round *down* to a round
/// number and say "over" only when the true value is strictly greater (README, "Formatters").
public enum Formatters {
    public static let names = ["number", "percent", "over", "over_percent", "date", "plural", "signed", "signed_percent", "change"]

    /// The words `change` uses for a rise, a fall and no change; a report sets its own with
    /// `change_verbs: rose, fell, held steady` in the front matter.
    public struct Verbs: Sendable, Equatable {
        public var up: String
        public var down: String
        public var level: String
        public init(up: String = "grew", down: String = "fell", level: String = "stayed level") {
            self.up = up
            self.down = down
            self.level = level
        }
        public static let standard = Verbs()

        /// "rose, fell" or "rose, fell, held steady" (the front-matter form).
        public init?(list: String) {
            let words = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard (2...3).contains(words.count) else { return nil }
            self.init(up: words[0], down: words[1], level: words.count == 3 ? words[2] : "stayed level")
        }
    }

    /// Applies `filters` in order; the result of each is text for the next only where that makes
    /// sense, so in practice one formatter ends an expression.
    public static func apply(_ filters: [Expression.Filter], to value: TemplateValue, name: String, verbs: Verbs = .standard) throws -> String {
        guard let first = filters.first else { return value.plain }
        guard filters.count == 1 else {
            throw ReportError(filters[1].location, "only one formatter per expression; remove '| \(filters[1].name)'")
        }
        return try format(value, with: first, name: name, verbs: verbs)
    }

    /// Checks what can be checked without data: the formatter exists and its arguments have
    /// the right kinds (used for branches the data does not take).
    public static func checkStatically(_ filters: [Expression.Filter]) throws {
        if filters.count > 1 { throw ReportError(filters[1].location, "only one formatter per expression; remove '| \(filters[1].name)'") }
        for f in filters where !names.contains(f.name) {
            throw ReportError(f.location, "unknown formatter '\(f.name)'\(NearMiss.hint(for: f.name, in: names)); formatters: \(names.joined(separator: ", "))")
        }
    }

    static func format(_ value: TemplateValue, with filter: Expression.Filter, name: String, verbs: Verbs) throws -> String {
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
            throw fail("\(name) has no value for this period (\(why)); remove the expression or guard the sentence with {% if \(name) %}")
        }
        if filter.name == "change" { return try change(value, filter: filter, name: name, verbs: verbs, fail: fail) }
        if case .points(let p) = value {
            switch filter.name {
            case "signed": return NumberText.signedPoints(p, decimals: try intArg(0, default: 1))
            case "number": return NumberText.grouped(p * 100, decimals: try intArg(0, default: 1))
            default: break
            }
        }
        switch (filter.name, value.asCount, value.asRatio) {
        case ("number", let n?, _): return NumberText.grouped(n, decimals: try intArg(0, default: 0))
        case ("number", _, let r?): return NumberText.grouped(r, decimals: try intArg(0, default: 2))
        case ("percent", _, let r?): return NumberText.percent(r, decimals: try intArg(0, default: 0))
        case ("over", let n?, _): return over(n)
        case ("over", _, let r?), ("over_percent", _, let r?): return overPercent(r)
        case ("signed", let n?, _): return NumberText.signed(n, decimals: try intArg(0, default: 0))
        case ("signed", _, let r?), ("signed_percent", _, let r?): return NumberText.signedPercent(r, decimals: try intArg(0, default: 0))
        case ("plural", let n?, _):
            guard let singular = stringArg(0) else {
                throw fail("plural needs the noun: {{ \(name) | plural: \"working group\" }} (and optionally its plural: \"country\", \"countries\")")
            }
            let plural = stringArg(1) ?? EnglishNoun.plural(singular)
            return "\(NumberText.grouped(n)) \(n == 1 ? singular : plural)"
        default: break
        }
        switch (filter.name, value) {
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

    /// Direction-aware wording of a change: the data chooses the verb, so a sentence never says
    /// "grew" over a fall.
    /// - a relative change (`members.growth`, `*.change_pct`): "grew over 50%", "fell over 30%",
    ///   "stayed level"; arguments replace the verbs (`change: "rose", "fell"`).
    /// - a change of a count (`members.end.change`): "563 more members", "40 fewer members",
    ///   "no change in members"; the argument is the noun (`change: "member"`).
    /// - a change of a ratio (`members.retention.change`): "rose 1.8 percentage points".
    static func change(_ value: TemplateValue, filter: Expression.Filter, name: String, verbs: Verbs,
                       fail: (String) -> ReportError) throws -> String {
        var words = verbs
        let strings = filter.arguments.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        switch value {
        case .relative(let r):
            if strings.count >= 2 { words = Verbs(up: strings[0], down: strings[1], level: strings.count > 2 ? strings[2] : words.level) }
            else if strings.count == 1 { throw fail("change on \(name) takes the two verbs for a rise and a fall: change: \"rose\", \"fell\"") }
            let p = abs(r) * 100
            if p < 0.5 { return words.level }
            let verb = r > 0 ? words.up : words.down
            return p < 1 ? "\(verb) by less than 1%" : "\(verb) \(overPercent(r))"
        case .points(let d):
            if strings.count >= 2 { words = Verbs(up: strings[0], down: strings[1], level: strings.count > 2 ? strings[2] : words.level) }
            let pts = abs(d) * 100
            if pts < 0.05 { return words.level }
            let amount = NumberText.grouped(pts, decimals: pts < 10 ? 1 : 0)
            return "\(d > 0 ? words.up : words.down) \(amount) percentage point\(amount == "1.0" ? "" : "s")"
        case .difference(let d):
            // One noun may be written either way: "member" or "members" (as the issue's example).
            let (singular, plural): (String?, String?) = strings.count > 1 ? (strings[0], strings[1])
                : strings.first.map { EnglishNoun.forms($0) } ?? (nil, nil)
            let noun = { (n: Double) -> String in singular.map { " " + (n == 1 ? $0 : plural!) } ?? "" }
            if d == 0 { return plural.map { "no change in the number of \($0)" } ?? "no change" }
            let amount = NumberText.grouped(abs(d), decimals: d == d.rounded() ? 0 : 1)
            return "\(amount) \(d > 0 ? "more" : "fewer")\(noun(abs(d)))"
        default:
            throw fail("change formats a change against the previous period; write \(name).change (a difference) or \(name).change_pct, or members.growth")
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

    static func describe(_ value: TemplateValue) -> String {
        switch value {
        case .count: return "a count"
        case .ratio: return "a ratio (a percentage)"
        case .difference: return "a change of a count"
        case .relative: return "a change in percent"
        case .points: return "a change in percentage points"
        case .text: return "text"
        case .date: return "a date"
        case .missing: return "missing"
        }
    }
}

