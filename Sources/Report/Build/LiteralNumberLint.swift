import Base
import Foundation
import Metrics
import ReportSyntax

/// `almanac lint`'s search for numbers typed by hand into the narrative: a literal such as
/// "1,500 members" that matches no metric within rounding is the worst error a report can make,
/// so each one is reported with the closest metric and the expression to write instead.
enum LiteralNumberLint {
    struct Candidate { let name: String; let value: Double; let isPercent: Bool }

    static func check(_ definition: ReportDefinition, metrics: MetricSet) -> [ReportError] {
        let candidates = Self.candidates(metrics)
        var problems: [ReportError] = []
        var inFence = false
        var inFrontMatter = false
        let lines = definition.source.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if number == 1, trimmed == "---" { inFrontMatter = true; continue }
            if inFrontMatter { if number == definition.bodyStartLine - 1 { inFrontMatter = false }; continue }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle(); continue }
            if inFence { continue }
            for (text, column, isPercent) in literals(in: String(line)) {
                guard let value = Double(text.replacingOccurrences(of: ",", with: "")) else { continue }
                if !isPercent, value == value.rounded(), (1900...2100).contains(value), !text.contains(",") { continue }  // a year
                if matches(value, isPercent: isPercent, candidates) { continue }
                let nearest = closest(value, isPercent: isPercent, candidates)
                let hint = nearest.map { c in
                    " (closest: \(c.name) = \(c.isPercent ? NumberText.grouped(c.value, decimals: 1) + "%" : NumberText.grouped(c.value, decimals: c.value == c.value.rounded() ? 0 : 1))); write {{ \(c.name)\(c.isPercent ? " | percent" : "") }} instead"
                } ?? "; write an expression such as {{ members.end }} instead"
                problems.append(ReportError(SourceLocation(file: definition.file, line: number, column: column),
                                            "literal number \(text)\(isPercent ? "%" : "") in the narrative matches no metric\(hint)"))
            }
        }
        return problems
    }

    /// Numbers in a line outside `{{ }}` expressions and `code`, with their 1-based column.
    static func literals(in line: String) -> [(String, Int, Bool)] {
        var out: [(String, Int, Bool)] = []
        let chars = Array(line)
        var i = 0
        var inExpression = false, inCode = false
        while i < chars.count {
            if !inCode, i + 1 < chars.count, chars[i] == "{", chars[i + 1] == "{" { inExpression = true; i += 2; continue }
            if inExpression, i + 1 < chars.count, chars[i] == "}", chars[i + 1] == "}" { inExpression = false; i += 2; continue }
            if chars[i] == "`" { inCode.toggle(); i += 1; continue }
            if inExpression || inCode { i += 1; continue }
            // A number starts at a digit not glued to a word (so "H1", "v2" and "No. 3" aside).
            if chars[i].isASCII, chars[i].isNumber, i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "." || chars[i - 1] == "#") {
                let start = i
                var text = ""
                while i < chars.count, chars[i].isASCII, chars[i].isNumber || ((chars[i] == "," || chars[i] == ".") && i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].isNumber) {
                    text.append(chars[i]); i += 1
                }
                // A list marker ("1. ") or a letter right after ("3rd", "2x") is not a quantity.
                let listMarker = start == chars.prefix(while: { $0 == " " }).count && i < chars.count && (chars[i] == "." || chars[i] == ")")
                let glued = i < chars.count && chars[i].isLetter
                let percent = i < chars.count && chars[i] == "%"
                if !listMarker, !glued { out.append((text, start + 1, percent)) }
                continue
            }
            i += 1
        }
        return out
    }

    static func candidates(_ m: MetricSet) -> [Candidate] {
        var out: [Candidate] = []
        for (name, s) in m.scalars.sorted(by: { $0.key < $1.key }) {
            let ratio = MetricCatalogue.definition(name)?.unit == .ratio
            if let v = s.value { out.append(Candidate(name: name, value: ratio ? v * 100 : v, isPercent: ratio)) }
            if let p = s.previous { out.append(Candidate(name: name + ".previous", value: ratio ? p * 100 : p, isPercent: ratio)) }
            if !ratio, let c = s.change { out.append(Candidate(name: name + ".change", value: abs(c), isPercent: false)) }
            if !ratio, let c = s.changePct { out.append(Candidate(name: name + ".change_pct", value: abs(c) * 100, isPercent: true)) }
        }
        for (name, rows) in m.groups.sorted(by: { $0.key < $1.key }) where name != "members.monthly" {
            for r in rows {
                let ref = "\(name)[\(r.key ?? "")]"
                out.append(Candidate(name: ref, value: r.value, isPercent: false))
                if let s = r.share { out.append(Candidate(name: ref + ".share", value: s * 100, isPercent: true)) }
                if let p = r.changePct { out.append(Candidate(name: ref + ".change_pct", value: abs(p) * 100, isPercent: true)) }
            }
        }
        for t in m.targets { out.append(Candidate(name: "target for \(t.metric)", value: t.target, isPercent: false)) }
        return out
    }

    /// Within rounding: the exact value to the shown precision, or what `over` / `over_percent`
    /// would print (rounded down, never more than the truth).
    static func matches(_ literal: Double, isPercent: Bool, _ candidates: [Candidate]) -> Bool {
        candidates.contains { c in
            guard c.isPercent == isPercent else { return false }
            if abs(c.value - literal) <= 0.5 { return true }
            let shown = isPercent ? Formatters.overPercent(c.value / 100) : Formatters.over(c.value)
            let digits = shown.filter { $0.isNumber || $0 == "." }
            return Double(digits) == literal
        }
    }

    static func closest(_ literal: Double, isPercent: Bool, _ candidates: [Candidate]) -> Candidate? {
        candidates.filter { $0.isPercent == isPercent }.min { abs($0.value - literal) < abs($1.value - literal) }
    }
}
