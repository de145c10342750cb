import Base
import Foundation

/// A report definition file: YAML front matter (settings and named values) and a Markdown body
/// (narrative with `{{ expressions }}` and fenced data blocks), parsed but not yet evaluated.
public struct ReportDefinition: Sendable {
    public let file: String
    public let settings: ReportSettings
    public let body: [MarkdownBlock]
    /// The whole source as read (the body is parsed once into `body`; nothing scans this again).
    public let source: String
    public let bodyStartLine: Int

    /// Reads and parses `file`.
    public static func load(_ file: String) throws -> ReportDefinition {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDir), !isDir.boolValue else {
            throw ReportFileError("\(file): no such report definition; check the path (reports live in Reports/)")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ReportFileError("\(file): cannot read this file (permission denied); check its permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReportFileError("\(file): not UTF-8 text; save the report as UTF-8")
        }
        return try parse(text, file: file)
    }

    /// Parses report text; `file` names it in messages.
    public static func parse(_ text: String, file: String) throws -> ReportDefinition {
        let (yaml, body, bodyLine) = try splitFrontMatter(text, file: file)
        let front = try yaml.flatMap { try YAMLValue.parse($0, at: SourceLocation(file: file, line: 2, column: 1)) }
        let settings = try ReportSettings(front, file: file)
        let blocks = try MarkdownParser.parse(body, file: file, firstLine: bodyLine)
        return ReportDefinition(file: file, settings: settings, body: blocks, source: text, bodyStartLine: bodyLine)
    }

    /// Splits `---`-delimited front matter from the body. Returns the YAML text (nil when there
    /// is none), the body, and the line where the body starts.
    static func splitFrontMatter(_ text: String, file: String) throws -> (String?, String, Int) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0] = lines[0].dropFirst() }
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return (nil, text, 1) }
        guard let close = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingCharacters(in: .whitespaces)) }) else {
            throw ReportError(SourceLocation(file: file, line: 1, column: 1), "the front matter opened here with --- is not closed; add a line with --- after the settings")
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return (yaml, body, close + 2)
    }
}

/// The front matter's settings, checked for type and typos, with named values for expressions.
public struct ReportSettings: Sendable {
    /// Which period a report covers when the command line does not say.
    public enum PeriodChoice: Sendable, Equatable {
        case year(Int)
        case range(from: CalendarDate, to: CalendarDate)
        /// The period of a grant in the database (`period: grant` or `grant: 1`).
        case grant(id: Int?)
    }

    /// A named SQL query usable as data in tables and charts.
    public struct Query: Sendable, Equatable {
        public let name: String
        public let sql: String
        public let location: SourceLocation
    }

    public static let knownKeys = ["title", "subtitle", "organization", "author", "signature", "period", "from", "to", "grant",
                                   "paper", "orientation", "theme", "output", "created", "queries", "keywords", "subject", "logo",
                                   "funder", "change_verbs", "language", "directory", "methods", "zero_sentences", "pdf_standard"]

    /// Every scalar setting, including ones the author invents (`mission: …`), as templates
    /// that `{{ title }}` or `{{ mission }}` can refer to.
    public let values: [String: (template: Template, location: SourceLocation)]
    public let period: PeriodChoice?
    // var: `--set paper=letter` and friends replace them (Report's SettingOverrides).
    public var paper: String
    public var landscape: Bool
    public let theme: YAMLValue?
    public var created: CalendarDate?
    public let queries: [Query]
    /// Keys that look like typos of known keys, with the suggestion (reported as warnings).
    public let warnings: [ReportError]

    public init(_ yaml: YAMLValue?, file: String) throws {
        guard let yaml else {
            values = [:]; period = nil; paper = "a4"; landscape = false; theme = nil; created = nil; queries = []; warnings = []
            return
        }
        let entries = try yaml.entries("the front matter")
        var values: [String: (Template, SourceLocation)] = [:]
        var warnings: [ReportError] = []
        for e in entries {
            if case .scalar(let s, _, let loc) = e.value {
                // A quoted scalar's text starts one column after its quote.
                values[e.key] = (try Template(s, at: loc), loc)
            }
            if !Self.knownKeys.contains(e.key), let near = NearMiss.suggestion(for: e.key, in: Self.knownKeys) {
                warnings.append(ReportError(e.keyLocation, "unknown setting '\(e.key)' (did you mean \(near)?); it is kept as a value for {{ \(e.key) }}"))
            }
        }
        self.values = values
        self.warnings = warnings

        if let p = yaml["period"] {
            switch p {
            case .scalar(let s, _, let loc):
                if s == "grant" { period = .grant(id: try yaml["grant"]?.int("grant")) }
                else if let y = Int(s), (1900...2999).contains(y) { period = .year(y) }
                else { throw ReportError(loc, "period must be a year such as 2023, `grant`, or a mapping with from: and to: dates") }
            case .mapping:
                try p.requireKeys(in: ["from", "to"], "period")
                period = try Self.range(p["from"], p["to"], at: p.location)
            case .sequence(_, let loc):
                throw ReportError(loc, "period must be a year such as 2023 or a mapping with from: and to: dates")
            }
        } else if yaml["from"] != nil || yaml["to"] != nil {
            period = try Self.range(yaml["from"], yaml["to"], at: yaml.location)
        } else if let g = yaml["grant"] {
            period = .grant(id: try g.int("grant"))
        } else {
            period = nil
        }

        let paperValue = try yaml["paper"]?.string("paper").lowercased() ?? "a4"
        guard ["a4", "letter"].contains(paperValue) else {
            throw ReportError(yaml["paper"]!.location, "paper must be a4 or letter, found '\(paperValue)'")
        }
        paper = paperValue
        let orientation = try yaml["orientation"]?.string("orientation").lowercased() ?? "portrait"
        guard ["portrait", "landscape"].contains(orientation) else {
            throw ReportError(yaml["orientation"]!.location, "orientation must be portrait or landscape, found '\(orientation)'")
        }
        landscape = orientation == "landscape"
        theme = yaml["theme"]
        if let c = yaml["created"] {
            guard let d = CalendarDate(iso: try c.string("created")) else {
                throw ReportError(c.location, "created must be a YYYY-MM-DD date (it fixes the PDF's creation date so builds are reproducible)")
            }
            created = d
        } else {
            created = nil
        }
        if let q = yaml["queries"] {
            queries = try q.entries("queries").map { e in
                Query(name: e.key, sql: try e.value.string("query \(e.key)"), location: e.value.location)
            }
        } else {
            queries = []
        }
    }

    static func range(_ from: YAMLValue?, _ to: YAMLValue?, at location: SourceLocation) throws -> PeriodChoice {
        guard let from, let to else { throw ReportError(location, "a period needs both from: and to: dates (YYYY-MM-DD)") }
        guard let f = CalendarDate(iso: try from.string("from")) else { throw ReportError(from.location, "from must be a YYYY-MM-DD date") }
        guard let t = CalendarDate(iso: try to.string("to")) else { throw ReportError(to.location, "to must be a YYYY-MM-DD date") }
        guard f <= t else { throw ReportError(from.location, "from \(f) is after to \(t); swap them") }
        return .range(from: f, to: t)
    }
}
