import Base

/// How an export writes its dates. ISO dates and date-times, and dates with English month
/// names ("Jan 5, 2023", "March 14th, 2025  3:00 PM", "22 Jan 2021 02:00 PM"), are always read;
/// numeric dates such as 03/04/2025 only in the order `--date-format` states (never guessed),
/// and anything else by an explicit pattern ("DD-MM-YY" is not one: years have four digits).
public struct DateFormat: Sendable, Equatable, CustomStringConvertible {
    /// Day, month and year order of numeric dates (`/`, `.` or `-` between them).
    public enum Order: String, Sendable, CaseIterable { case dmy, mdy, ymd }

    public let order: Order?
    /// Pattern pieces: YYYY, MM, M, DD, D, MMM (Jan), MMMM (January), or literal text.
    let pattern: [String]?
    public let description: String

    /// ISO and month names only.
    public static let standard = DateFormat(order: nil, pattern: nil, description: "YYYY-MM-DD")

    init(order: Order?, pattern: [String]?, description: String) {
        self.order = order; self.pattern = pattern; self.description = description
    }

    /// `dmy`, `mdy`, `ymd`, their spelled forms (`DD/MM/YYYY`, `MM/DD/YYYY`, `DD.MM.YYYY`,
    /// `YYYY/MM/DD`, `YYYY-MM-DD`), or a pattern of YYYY, MM, M, DD, D, MMM, MMMM and literals.
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let o = Order(rawValue: t.lowercased()) { self.init(order: o, pattern: nil, description: o.rawValue); return }
        let upper = t.uppercased()
        let spelled: [String: Order?] = ["DD/MM/YYYY": .dmy, "DD.MM.YYYY": .dmy, "DD-MM-YYYY": .dmy, "MM/DD/YYYY": .mdy,
                                         "MM-DD-YYYY": .mdy, "MM.DD.YYYY": .mdy, "YYYY/MM/DD": .ymd, "YYYY.MM.DD": .ymd, "YYYY-MM-DD": nil, "ISO": nil]
        if let o = spelled[upper] { self.init(order: o, pattern: nil, description: upper); return }
        guard let pieces = Self.compile(t) else { return nil }
        self.init(order: nil, pattern: pieces, description: t)
    }

    /// The calendar date `raw` names, or nil.
    public func parse(_ raw: String) -> CalendarDate? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if let d = Self.iso(text) { return d }
        if let p = pattern { return Self.match(text, p) }
        if let d = Self.monthName(text) { return d }
        if let o = order { return Self.numeric(text, o) }
        return nil
    }

    /// A one-line reason `raw` was not read, naming the `--date-format` that would read it.
    public func problem(_ raw: String) -> String {
        let readers = Order.allCases.filter { Self.numeric(raw.trimmingCharacters(in: .whitespaces), $0) != nil }
        var text = "'\(raw)' is not a date"
        if order != nil || pattern != nil { text += " in the format \(description)" }
        switch readers.count {
        case 0: text += "; write it as YYYY-MM-DD or pass --date-format with a pattern such as \"DD-MMM-YYYY\""
        case 1: text += "; --date-format \(readers[0].rawValue) would read it"
        default: text += "; pass --date-format \(readers.map(\.rawValue).joined(separator: " or ")) to say which order the file uses"
        }
        return text
    }

    // MARK: - Readers

    /// `YYYY-MM-DD`, optionally followed by `T` or spaces and a time with `Z` or an offset: the
    /// calendar date as written, which is the date in the stated offset.
    static func iso(_ text: String) -> CalendarDate? {
        let chars = Array(text)
        guard chars.count >= 10, let date = CalendarDate(iso: String(chars[0..<10])) else { return nil }
        if chars.count == 10 { return date }
        var rest = String(chars[10...])
        guard rest.first == "T" || rest.first == " " else { return nil }
        rest = String(rest.dropFirst()).trimmingCharacters(in: .whitespaces)
        if rest.hasSuffix("Z") || rest.hasSuffix("z") { rest.removeLast() }
        else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let offset = rest[rest.index(after: sign)...].filter { $0 != ":" }
            guard offset.count == 4 || offset.count == 2, offset.allSatisfy(\.isNumber) else { return nil }
            rest = String(rest[..<sign])
        }
        return isTime(rest) ? date : nil
    }

    /// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff`, with an optional AM/PM.
    static func isTime(_ text: String) -> Bool {
        var t = text.trimmingCharacters(in: .whitespaces).uppercased()
        if t.hasSuffix("AM") || t.hasSuffix("PM") { t = String(t.dropLast(2)).trimmingCharacters(in: .whitespaces) }
        let parts = t.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), let h = Int(parts[0]), (0...23).contains(h), parts[1].count == 2,
              let m = Int(parts[1]), (0...59).contains(m) else { return false }
        if parts.count == 3 {
            let seconds = parts[2].split(separator: ".", maxSplits: 1)
            guard let first = seconds.first, first.count == 2, let s = Int(first), (0...60).contains(s) else { return false }
            if seconds.count == 2, !seconds[1].allSatisfy(\.isNumber) { return false }
        }
        return true
    }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december"]
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    static func month(_ word: Substring) -> Int? {
        let w = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        guard w.count >= 3 else { return nil }
        if w == "sept" { return 9 }
        return months.firstIndex { $0 == w || (w.count == 3 && $0.hasPrefix(w)) }.map { $0 + 1 }
    }

    /// "Jan 5, 2023", "5 January 2023", "March 14th, 2025  3:00 PM", "22-Jan-2021 14:00",
    /// "Friday, March 14, 2025".
    static func monthName(_ text: String) -> CalendarDate? {
        guard text.contains(where: \.isLetter) else { return nil }
        var words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" || $0 == "/" })
        if let i = words.firstIndex(where: { $0.contains(":") }) {
            guard isTime(words[i...].joined(separator: " ")) else { return nil }
            words = Array(words[..<i])
        }
        words.removeAll { w in weekdays.contains { $0 == w.lowercased() || $0.prefix(3) == w.lowercased() } }
        guard words.count == 3 else { return nil }
        func day(_ w: Substring) -> Int? {
            var s = w.lowercased()
            for suffix in ["st", "nd", "rd", "th"] where s.hasSuffix(suffix) { s.removeLast(2) }
            guard (1...2).contains(s.count) else { return nil }
            return Int(s)
        }
        func year(_ w: Substring) -> Int? { w.count == 4 ? Int(w) : nil }
        if let m = month(words[0]), let d = day(words[1]), let y = year(words[2]) { return CalendarDate(year: y, month: m, day: d) }
        if let d = day(words[0]), let m = month(words[1]), let y = year(words[2]) { return CalendarDate(year: y, month: m, day: d) }
        if let y = year(words[0]), let m = month(words[1]), let d = day(words[2]) { return CalendarDate(year: y, month: m, day: d) }
        return nil
    }

    /// Three numbers separated by `/`, `.` or `-` in `order`, the year in four digits, with an
    /// optional time after a space.
    static func numeric(_ text: String, _ order: Order) -> CalendarDate? {
        var datePart = Substring(text)
        if let space = text.firstIndex(of: " ") {
            guard isTime(String(text[space...])) else { return nil }
            datePart = text[..<space]
        }
        let parts = datePart.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        let n = parts.map { Int($0)! }
        switch order {
        case .dmy: return parts[2].count == 4 && parts[0].count <= 2 && parts[1].count <= 2 ? CalendarDate(year: n[2], month: n[1], day: n[0]) : nil
        case .mdy: return parts[2].count == 4 && parts[0].count <= 2 && parts[1].count <= 2 ? CalendarDate(year: n[2], month: n[0], day: n[1]) : nil
        case .ymd: return parts[0].count == 4 && parts[1].count <= 2 && parts[2].count <= 2 ? CalendarDate(year: n[0], month: n[1], day: n[2]) : nil
        }
    }

    // MARK: - Patterns

    static let tokens = ["YYYY", "MMMM", "MMM", "MM", "M", "DD", "D"]

    static func compile(_ pattern: String) -> [String]? {
        var pieces: [String] = []
        var rest = Substring(pattern)
        while !rest.isEmpty {
            if let t = tokens.first(where: { rest.hasPrefix($0) }) { pieces.append(t); rest = rest.dropFirst(t.count); continue }
            guard !rest.first!.isLetter else { return nil }
            pieces.append(String(rest.first!)); rest = rest.dropFirst()
        }
        guard pieces.contains("YYYY"), pieces.contains(where: { $0.hasPrefix("M") }), pieces.contains(where: { $0.hasPrefix("D") }) else { return nil }
        return pieces
    }

    static func match(_ text: String, _ pieces: [String]) -> CalendarDate? {
        var rest = Substring(text)
        var y: Int?, m: Int?, d: Int?
        func digits(_ min: Int, _ max: Int) -> Int? {
            let run = rest.prefix(while: \.isNumber).prefix(max)
            guard run.count >= min else { return nil }
            rest = rest.dropFirst(run.count)
            return Int(run)
        }
        for p in pieces {
            switch p {
            case "YYYY": y = digits(4, 4)
            case "MM": m = digits(2, 2)
            case "M": m = digits(1, 2)
            case "DD": d = digits(2, 2)
            case "D": d = digits(1, 2)
            case "MMM", "MMMM":
                let word = rest.prefix(while: \.isLetter)
                m = month(word); rest = rest.dropFirst(word.count)
                if m == nil { return nil }
            default:
                guard rest.hasPrefix(p) else { return nil }
                rest = rest.dropFirst(p.count)
            }
        }
        guard rest.trimmingCharacters(in: .whitespaces).isEmpty || isTime(String(rest)), let yy = y, let mm = m, let dd = d else { return nil }
        return CalendarDate(year: yy, month: mm, day: dd)
    }
}

import Foundation
