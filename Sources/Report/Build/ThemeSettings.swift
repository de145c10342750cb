import Base
import Foundation
import Layout
import ReportSyntax

/// The front matter's `theme:` (brand colours, fonts, sizes, logo) mapped onto Layout's Theme.
/// Keys are written snake_case (`table_header`) as YAML usually is; typos are errors with a
/// suggestion, never silently ignored. Theme's keys are camelCase, shared with JSON theme
/// files, so the YAML is decoded as JSON with Foundation's `.convertFromSnakeCase`.
enum ThemeSettings {
    static let sections: [String: [String]] = [
        "margins": ["top", "bottom", "left", "right"],
        "fonts": ["body", "heading", "mono", "fallbacks", "directory"],
        "sizes": ["body", "small", "h1", "h2", "h3", "table", "kpi_value", "leading"],
        "colors": ["text", "muted", "heading", "accent", "link", "rule", "table_header", "zebra", "tile", "positive", "negative"],
    ]
    static let topLevel = ["paper", "landscape", "margins", "fonts", "sizes", "colors", "palette", "running_header", "page_numbers", "logo"]

    static func theme(_ settings: ReportSettings, file: String) throws -> Theme {
        var json: [String: Any] = ["paper": settings.paper, "landscape": settings.landscape]
        if let t = settings.theme {
            try t.requireKeys(in: topLevel, "theme")
            for e in try t.entries("theme") where e.key != "logo" {
                if let allowed = sections[e.key] { try e.value.requireKeys(in: allowed, "theme.\(e.key)") }
                json[e.key] = try plain(e.value)
            }
        }
        let data = try JSONSerialization.data(withJSONObject: json)
        var theme: Theme
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            theme = try decoder.decode(Theme.self, from: data)
        } catch let error as DecodingError {
            // Coding paths are in Theme's camelCase: name the keys as the report spells them.
            let problem = DecodingProblem(error)
            var node = settings.theme, path: [String] = []
            for key in problem.path {
                let entry = node?.entriesIfMapping.first { $0.key.replacingOccurrences(of: "_", with: "").lowercased() == key.lowercased() }
                path.append(entry?.key ?? key)
                node = entry?.value ?? node.map { $0.value(at: [key]) }
            }
            throw ReportError(node?.location ?? SourceLocation(file: file, line: 1, column: 1), "theme.\(path.joined(separator: ".")): \(problem.reason)")
        }
        if let (path, reason) = theme.outOfRange() {
            // Name the key as the report spells it (kpi_value), at its line.
            let keys = path.map { $0 == "kpiValue" ? "kpi_value" : $0 }
            let node = settings.theme?.value(at: keys)
            throw ReportError(node?.location ?? SourceLocation(file: file, line: 1, column: 1), "theme.\(keys.joined(separator: ".")) \(reason)")
        }
        if let dir = theme.fonts.directory, !dir.hasPrefix("/") {
            theme.fonts.directory = ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(dir)
        }
        return theme
    }

    /// The logo image path (relative to the report file), if the theme names one.
    static func logo(_ settings: ReportSettings, file: String) throws -> String? {
        let path: String, location: SourceLocation
        if let node = settings.theme?["logo"] {
            (path, location) = (try node.string("logo"), node.location)
        } else if let value = settings.values["logo"] {
            guard value.template.parts.count == 1, case .text(let text) = value.template.parts[0] else {
                throw ReportError(value.location, "logo must be a plain file path, without {{ expressions }}")
            }
            (path, location) = (text, value.location)
        } else {
            return nil
        }
        let full = path.hasPrefix("/") ? path : ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: full) else {
            throw ReportError(location, "logo \(path) not found (looked for \(full)); give a PNG path relative to the report")
        }
        if let problem = FileKind.problem(full) { throw ReportError(location, "logo \(problem); give a PNG file") }
        return full
    }

    /// YAML → JSON-compatible values: unquoted numbers and booleans keep their type.
    static func plain(_ v: YAMLValue) throws -> Any {
        switch v {
        case .scalar(let s, let quoted, _):
            if !quoted, let d = Double(s), d.isFinite { return d }
            if !quoted, s == "true" || s == "false" { return s == "true" }
            return s
        case .sequence(let items, _): return try items.map(plain)
        case .mapping(let entries, _):
            return Dictionary(try entries.map { ($0.key, try plain($0.value)) }, uniquingKeysWith: { $1 })
        }
    }
}
