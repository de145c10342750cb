import Base
import Foundation
import Metrics
import ReportSyntax

/// `almanac lint`'s reading of the narrative: every literal number typed into the text is bound
/// to what it counts — the noun after it ("1,500 members", "12 webinars"), the phrase around it
/// ("grew 60%", "retention of 98%", "up from 1,076") and its qualifier ("over", "nearly",
/// "about", …) — and checked against that metric for the right period with the qualifier's
/// meaning. A direction word that contradicts the data ("grew" over a fall) is flagged. A number
/// it cannot bind is reported as unchecked, never silently passed. It walks the arms of the
/// parsed tree the data takes: the text the PDF will print.
public enum NarrativeLint {
    /// What the lint found: contradictions (warnings) and numbers it could not bind.
    public struct Result: Sendable {
        public var problems: [ReportError] = []
        public var unchecked: [ReportError] = []
        /// Literal numbers bound and checked.
        public var checked = 0
    }

    /// Qualifiers and what they claim about the true value v for a literal n.
    enum Qualifier: String, CaseIterable {
        case exactly, over, atLeast = "at least", nearly, about, fewerThan = "fewer than", upTo = "up to"

        /// Phrases, longest first, that mean each qualifier.
        static let phrases: [(String, Qualifier)] = [
            ("more than", .over), ("over", .over), ("above", .over), ("exceeding", .over), ("just over", .over),
            ("at least", .atLeast), ("no fewer than", .atLeast), ("no less than", .atLeast),
            ("nearly", .nearly), ("almost", .nearly), ("close to", .nearly), ("just under", .nearly),
            ("about", .about), ("around", .about), ("roughly", .about), ("approximately", .about), ("some", .about),
            ("fewer than", .fewerThan), ("less than", .fewerThan), ("under", .fewerThan), ("below", .fewerThan),
            ("up to", .upTo), ("at most", .upTo), ("no more than", .upTo),
            ("exactly", .exactly),
        ]

        /// Relative tolerance of "about" and "nearly" for counts; percentage points for percents.
        static let countTolerance = 0.05
        static let percentTolerance = 2.5

        func holds(_ v: Double, literal n: Double, percent: Bool, precision: Double) -> Bool {
            let tol = percent ? Self.percentTolerance : max(0.5, abs(n) * Self.countTolerance)
            switch self {
            case .exactly: return abs(v - n) <= precision
            case .over: return v > n
            case .atLeast: return v >= n - precision
            case .nearly: return v <= n + precision && v >= n - tol
            case .about: return abs(v - n) <= tol
            case .fewerThan: return v < n
            case .upTo: return v <= n + precision
            }
        }

        var phrase: String { self == .exactly ? "" : "\(rawValue) " }
    }

    /// One word, literal number or expression of a sentence, in reading order.
    enum Token {
        case word(String, SourceLocation)
        case number(text: String, value: Double, percent: Bool, SourceLocation)
        case expression(reference: MetricReference?, value: Double?)
        var word: String? { if case .word(let w, _) = self { return w } else { return nil } }
    }

    /// What a bound number refers to: a metric reference and whether the previous period's value is meant.
    struct Binding { let reference: MetricReference; let previous: Bool }

    static let upWords: Set<String> = ["grew", "grow", "grown", "growing", "rose", "risen", "increased", "increase", "gained", "expanded", "higher", "growth"]
    static let downWords: Set<String> = ["fell", "fallen", "declined", "decline", "decreased", "decrease", "dropped", "shrank", "shrunk", "lost", "lower"]
    static let previousMarkers = ["a year earlier", "a year before", "the year before", "last year", "the previous year", "previous period", "before the grant"]
    /// Kinds that reports commonly name, recognised even when the data has none (then 0 were held).
    static let commonKinds = ["webinar", "newsletter", "online course", "course", "knowledge product", "publication", "dataset", "convening", "meeting", "conference", "workshop", "technical support"]

    public static func check(_ definition: ReportDefinition, context: ReportContext) -> Result {
        var result = Result()
        for sentence in sentences(definition.body, context: context) { check(sentence, context: context, into: &result) }
        return result
    }

    // MARK: - Reading the tree into sentences

    static func sentences(_ body: [MarkdownBlock], context: ReportContext) -> [[Token]] {
        var out: [[Token]] = []
        func inline(_ list: [MarkdownInline], into tokens: inout [Token]) {
            for i in list {
                switch i {
                case .text(let t): tokens += words(t)
                case .expression(let e):
                    let reference = try? MetricReference(parsing: e.name)
                    let value = reference.flatMap { try? context.metrics.value(of: $0) }
                    tokens.append(.expression(reference: reference, value: value))
                case .conditional(let branches, _):
                    if let arm = (try? context.arm(branches)) ?? nil { inline(arm.content, into: &tokens) }
                case .emphasis(let c), .strong(let c), .link(_, let c): inline(c, into: &tokens)
                case .code, .softBreak, .lineBreak: tokens.append(.word(" ", SourceLocation(file: "", line: 0, column: 0)))
                }
            }
        }
        func flush(_ tokens: [Token]) {
            var current: [Token] = []
            for t in tokens {
                if case .word(let w, _) = t, [".", "!", "?", ";", ":"].contains(w) {
                    if !current.isEmpty { out.append(current) }
                    current = []
                } else if t.word != " " {
                    current.append(t)
                }
            }
            if !current.isEmpty { out.append(current) }
        }
        func block(_ list: [MarkdownBlock]) {
            for b in list {
                switch b {
                case .heading(_, let c, _), .paragraph(let c, _):
                    var t: [Token] = []
                    inline(c, into: &t)
                    flush(t)
                case .list(_, _, let items, _): items.forEach(block)
                case .quote(let c, _): block(c)
                case .table(let header, let rows, _, _):
                    for cell in header + rows.flatMap({ $0 }) { var t: [Token] = []; inline(cell, into: &t); flush(t) }
                case .conditional(let branches, _):
                    if let arm = (try? context.arm(branches)) ?? nil { block(arm.content) }
                case .fenced, .thematicBreak: break
                }
            }
        }
        block(body)
        return out
    }

    /// Words (lower-cased), punctuation marks and literal numbers of a text run, located.
    static func words(_ text: LocatedText) -> [Token] {
        let chars = Array(text.text)
        var out: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c.isASCII && c.isNumber {
                let start = i
                var s = ""
                while i < chars.count, chars[i].isASCII, chars[i].isNumber || ((chars[i] == "," || chars[i] == ".") && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber) {
                    s.append(chars[i]); i += 1
                }
                let percent = i < chars.count && chars[i] == "%"
                if percent { i += 1 }
                // Glued to letters ("3rd", "H1", "2x") a number is a name, not a quantity.
                let glued = (i < chars.count && chars[i].isLetter) || (start > 0 && (chars[start - 1].isLetter || chars[start - 1] == "#"))
                if !glued, let v = Double(s.replacingOccurrences(of: ",", with: "")) {
                    out.append(.number(text: s, value: v, percent: percent, text.location(at: start)))
                }
                continue
            }
            if c.isLetter {
                let start = i
                var w = ""
                while i < chars.count, chars[i].isLetter || chars[i] == "-" || chars[i] == "'" || chars[i] == "’" { w.append(chars[i]); i += 1 }
                out.append(.word(w.lowercased(), text.location(at: start)))
                continue
            }
            // Sentence ends (before a space or the end) and clause marks separate sentences.
            if ".!?".contains(c), i + 1 == chars.count || chars[i + 1].isWhitespace { out.append(.word(String(c), text.location(at: i))) }
            else if c == ";" { out.append(.word(";", text.location(at: i))) }
            i += 1
        }
        return out
    }

    // MARK: - Binding and checking

    static func check(_ s: [Token], context: ReportContext, into result: inout Result) {
        let words = s.map { $0.word ?? "#" }
        let m = context.metrics
        let previousYear = String(m.previousPeriod.end.year)
        let mentionsPrevious = previousMarkers.contains { phrase in contains(words, phrase.split(separator: " ").map(String.init)) }
            || s.contains { if case .number(let t, _, false, _) = $0 { return t == previousYear && m.period.calendarYear != nil } else { return false } }
        var bound: [(index: Int, binding: Binding)] = []

        for (i, token) in s.enumerated() {
            guard case .number(let text, let n, let percent, let loc) = token else { continue }
            // Four-digit years are dates, not quantities.
            if !percent, !text.contains(","), !text.contains("."), (1900...2100).contains(n) { continue }
            let qualifier = Self.qualifier(before: i, words)
            guard let binding = bind(i, in: s, words: words, percent: percent, mentionsPrevious: mentionsPrevious, context: context) else {
                result.unchecked.append(ReportError(loc, "unchecked: cannot tell what \(text)\(percent ? "%" : "") counts; write the noun after it (\"\(text) members\") or an expression such as {{ members.end }}"))
                continue
            }
            bound.append((i, binding))
            result.checked += 1
            guard var v = try? m.value(of: binding.previous ? MetricReference(name: binding.reference.name, key: binding.reference.key, field: .previous) : binding.reference) else {
                result.unchecked.append(ReportError(loc, "unchecked: \(binding.reference) has no value for this period"))
                continue
            }
            let isRatio = ReportContext.kind(binding.reference, 0).asRatio != nil
            if percent && isRatio { v *= 100 }
            if binding.reference.field == .change || binding.reference.field == .changePct { v = abs(v) }
            let decimals = text.split(separator: ".").dropFirst().first?.count ?? 0
            let precision = 0.5 * pow(10, -Double(decimals))
            if !qualifier.holds(v, literal: n, percent: percent, precision: precision) {
                let truth = percent ? NumberText.grouped(v, decimals: 1) + "%" : NumberText.grouped(v, decimals: v == v.rounded() ? 0 : 1)
                let period = binding.previous ? ReportContext.label(m.previousPeriod) : ReportContext.label(m.period)
                let field = binding.previous ? ".previous" : ""
                let suggestion = "{{ \(binding.reference)\(field)\(percent ? " | percent" : (qualifier == .over ? " | over" : "")) }}"
                result.problems.append(ReportError(loc, "\"\(qualifier.phrase)\(text)\(percent ? "%" : "")\" contradicts the data: \(binding.reference)\(field) is \(truth) for \(period) (\(describe(qualifier))); write \(suggestion) instead"))
            }
        }
        checkDirections(s, words: words, bound: bound, context: context, into: &result)
    }

    static func describe(_ q: Qualifier) -> String {
        switch q {
        case .exactly: return "a number without a qualifier states the value"
        case .over: return "\"over\" and \"more than\" need a larger value"
        case .atLeast: return "\"at least\" needs the value or more"
        case .nearly: return "\"nearly\" and \"almost\" need a value at most the number and within 5% below it"
        case .about: return "\"about\" allows 5% either side (2.5 points for percentages)"
        case .fewerThan: return "\"fewer than\" and \"under\" need a smaller value"
        case .upTo: return "\"up to\" needs the value or less"
        }
    }

    /// The qualifier written just before the number at `i` ("more than 1,700").
    static func qualifier(before i: Int, _ words: [String]) -> Qualifier {
        for (phrase, q) in Qualifier.phrases.sorted(by: { $0.0.count > $1.0.count }) {
            let parts = phrase.split(separator: " ").map(String.init)
            guard i >= parts.count else { continue }
            if Array(words[(i - parts.count)..<i]) == parts { return q }
        }
        return .exactly
    }

    static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard phrase.count <= words.count else { return false }
        return (0...(words.count - phrase.count)).contains { Array(words[$0..<($0 + phrase.count)]) == phrase }
    }

    /// The metric a literal refers to, from the noun after it or the phrase around it.
    static func bind(_ i: Int, in s: [Token], words: [String], percent: Bool, mentionsPrevious: Bool, context: ReportContext) -> Binding? {
        let after = Array(words[(i + 1)..<min(words.count, i + 4)])
        let before = Array(words[max(0, i - 5)..<i])
        let sentence = Set(words)
        // "up from 1,076", "from 1,076 to 1,639": the previous value of the sentence's other quantity.
        let fromBefore = before.count >= 2 && ["up", "down"].contains(before[before.count - 2]) && before.last == "from"
        let toIndex = words.indices.dropFirst(i + 1).prefix(4).first { words[$0] == "to" }
        let firstOfPair = before.last == "from" && toIndex != nil
        // "a year earlier" speaks of the number it follows, or of the only number in the sentence.
        let markerAfter = previousMarkers.contains { phrase in
            let parts = phrase.split(separator: " ").map(String.init)
            return contains(Array(words[(i + 1)..<min(words.count, i + 4 + parts.count)]), parts)
        }
        let numbers = s.filter { if case .number(_, let v, let p, _) = $0 { return p || !(1900...2100).contains(v) } else { return false } }.count
        let previous = fromBefore || firstOfPair || markerAfter || (mentionsPrevious && numbers == 1)

        if percent {
            if sentence.contains("retention") || (sentence.contains("still") && sentence.contains("members")) { return Binding(reference: MetricReference(name: "members.retention"), previous: previous) }
            if sentence.contains("took") && sentence.contains("part") || sentence.contains("engagement") || sentence.contains("attended") { return Binding(reference: MetricReference(name: "engagement.rate"), previous: previous) }
            let growthWords = upWords.union(downWords).union(["growth", "change", "up", "down"])
            if before.contains(where: growthWords.contains) || after.first == "growth" {
                if let noun = nounMetric(in: words, context: context), noun.reference.name != "members.end", noun.reference.name != "members.start" {
                    return Binding(reference: MetricReference(name: noun.reference.name, key: noun.reference.key, field: .changePct), previous: false)
                }
                return Binding(reference: MetricReference(name: "members.growth"), previous: previous)
            }
            if after.starts(with: ["of", "members"]) || after.starts(with: ["of", "our", "members"]) {
                return nil  // a share of members without saying which: cannot tell
            }
            return nil
        }
        guard let noun = noun(after: i, words, context: context) else {
            // "up from 1,076" with no noun: the previous value of the quantity before it.
            if fromBefore, let other = otherQuantity(before: i, s, words: words, context: context) { return Binding(reference: other, previous: true) }
            // "from 1,076 to 1,639 members": the noun after the second number.
            if firstOfPair, let t = toIndex, t + 1 < s.count, case .number = s[t + 1], let n = noun(after: t + 1, words, context: context) {
                return Binding(reference: n, previous: true)
            }
            return nil
        }
        return Binding(reference: noun, previous: previous)
    }

    /// The metric of the nearest quantity before position `i` (an expression or a bound noun).
    static func otherQuantity(before i: Int, _ s: [Token], words: [String], context: ReportContext) -> MetricReference? {
        for j in stride(from: i - 1, through: 0, by: -1) {
            if case .expression(let r?, _) = s[j] { return r }
            if case .number = s[j], let n = noun(after: j, words, context: context) { return n }
        }
        return nil
    }

    /// A noun right after a number (allowing "new", "more" and "recorded" between): the metric it counts.
    static func noun(after i: Int, _ words: [String], context: ReportContext) -> MetricReference? {
        var j = i + 1
        var isNew = false
        while j < words.count, ["new", "recorded", "active", "different", "distinct", "more", "fewer"].contains(words[j]) { if words[j] == "new" { isNew = true }; j += 1 }
        guard j < words.count else { return nil }
        let rest = Array(words[j..<min(words.count, j + 3)])
        let sentence = Set(words)
        func starts(_ noun: String) -> Bool { rest.starts(with: noun.split(separator: " ").map(String.init)) }
        // Activity kinds first: their names are the data's own ("12 webinars").
        let kinds = (context.metrics.grouped("activities.by_kind") ?? []).compactMap(\.key).map { $0.lowercased() }
        for kind in (kinds + commonKinds).sorted(by: { $0.count > $1.count }) {
            let n = MetricDefinition.Noun(kind)
            if starts(n.plural) || starts(n.singular) { return MetricReference(name: "activities.by_kind", key: kinds.first { $0 == kind } ?? kind) }
        }
        if starts("working groups") || starts("working group") {
            return MetricReference(name: sentence.contains("established") || sentence.contains("formed") || isNew || sentence.contains("launched") ? "working_groups.established" : "working_groups.total")
        }
        if starts("members") || starts("member") || starts("people") {
            if isNew || sentence.contains("joined") || sentence.contains("welcomed") { return MetricReference(name: "members.new") }
            if sentence.contains("left") || sentence.contains("lapsed") { return MetricReference(name: "members.lapsed") }
            if rest.dropFirst().starts(with: ["at", "the", "start"]) { return MetricReference(name: "members.start") }
            return MetricReference(name: "members.end")
        }
        for d in MetricCatalogue.all where d.shape == .scalar && d.unit == .count {
            guard let n = d.noun, !["member", "new member", "working group", "activity"].contains(n.singular) else { continue }
            if starts(n.plural) || starts(n.singular) { return MetricReference(name: d.name) }
        }
        if starts("activities") || starts("activity") || starts("events") || starts("event") { return MetricReference(name: "activities.count") }
        return nil
    }

    /// The metric a sentence is about when it names no number: "Membership grew".
    static func nounMetric(in words: [String], context: ReportContext) -> Binding? {
        for (i, w) in words.enumerated() {
            if ["membership", "members"].contains(w) { return Binding(reference: MetricReference(name: "members.end"), previous: false) }
            if let r = noun(after: i - 1, words, context: context) { return Binding(reference: r, previous: false) }
        }
        return nil
    }

    /// A direction word ("grew", "fell", "up from") must agree with the sign of the change of
    /// the quantity it is about: the next number or expression in the sentence, else the one
    /// before, else the sentence's subject ("Membership grew").
    static func checkDirections(_ s: [Token], words: [String], bound: [(index: Int, binding: Binding)], context: ReportContext, into result: inout Result) {
        let m = context.metrics
        for (i, token) in s.enumerated() {
            guard case .word(let w, let loc) = token else { continue }
            var up: Bool
            if upWords.contains(w) { up = true }
            else if downWords.contains(w) { up = false }
            else if (w == "up" || w == "down"), i + 1 < s.count, words[i + 1] == "from" || words[i + 1] == "by" || { if case .number = s[i + 1] { return true }; return false }() { up = w == "up" }
            else { continue }
            // The quantity the word is about.
            var reference: MetricReference?
            var isChange = false
            let window = (i + 1)..<min(s.count, i + 4)
            for j in window {
                if case .expression(let r?, _) = s[j] { reference = r; break }
                if let b = bound.first(where: { $0.index == j }) { reference = b.binding.reference; break }
            }
            if words.indices.contains(i + 1), words[i + 1] == "from" || words[i + 1] == "to" || reference == nil {
                // "up from X", "grew to X": the level before the word (or the subject) changed.
                if reference == nil || words[i + 1] == "from" {
                    reference = otherQuantity(before: i, s, words: words, context: context) ?? nounMetric(in: Array(words[0..<i]), context: context)?.reference
                }
            }
            guard let r = reference else { continue }
            let changeValue: Double?
            if r.field == .change || r.field == .changePct || MetricCatalogue.definition(r.name)?.isRelativeChange == true {
                isChange = true
                changeValue = try? m.value(of: r)
            } else {
                let base = MetricReference(name: r.name, key: r.key, field: .change)
                changeValue = try? m.value(of: base)
            }
            guard let c = changeValue else { continue }
            if (up && c < 0) || (!up && c > 0) || (c == 0 && isChange) {
                let actual = c == 0 ? "did not change" : (c > 0 ? "rose" : "fell")
                result.problems.append(ReportError(loc, "\"\(w)\" contradicts the data: \(r.field == .value ? "\(r)" : "\(r)") \(actual) in \(ReportContext.label(m.period)); write {{ \(isChange ? r.description : "\(r).change_pct") | change }} so the data chooses the word, or guard the sentence with {% if … %}"))
            }
        }
    }
}
