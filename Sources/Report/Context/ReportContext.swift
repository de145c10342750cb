import Base
import Metrics
import ReportSyntax

/// Everything a `{{ expression }}` can name in one report build: the period, the front-matter
/// values, and every metric of the MetricSet.
public struct ReportContext: Sendable {
    public let metrics: MetricSet
    public let settings: ReportSettings
    /// Values set on the command line (`--set key=value`), which override the front matter.
    public let overrides: [String: String]

    public init(metrics: MetricSet, settings: ReportSettings, overrides: [String: String] = [:]) {
        self.metrics = metrics
        self.settings = settings
        self.overrides = overrides
    }

    /// Names that are neither metrics nor settings.
    public static let builtins = ["year", "previous_year", "period", "period.start", "period.end",
                                  "previous_period.start", "previous_period.end"]

    /// "2023" for a calendar year, "1 July 2022 – 30 June 2023" otherwise.
    public static func label(_ p: Period) -> String {
        if let y = p.calendarYear { return String(y) }
        if p.start.day == 1, p.end == p.end.endOfMonth {
            return p.start.year == p.end.year
                ? "\(DateText.months[p.start.month - 1].prefix(3))–\(DateText.months[p.end.month - 1].prefix(3)) \(p.end.year)"
                : "\(DateText.months[p.start.month - 1].prefix(3)) \(p.start.year) – \(DateText.months[p.end.month - 1].prefix(3)) \(p.end.year)"
        }
        return "\(DateText.short(p.start)) – \(DateText.short(p.end))"
    }

    /// The value an expression names, or a located error with a near-miss suggestion.
    public func value(of e: Expression) throws -> TemplateValue {
        try value(named: e.name, at: e.location, depth: 0)
    }

    /// A front-matter value as text, with `--set` overriding it; nil when neither gives one.
    public func setting(_ key: String) throws -> String? {
        if let text = overrides[key] { return text }
        return try settings.values[key].map { try render($0.template) }
    }

    /// The text of a template with every expression evaluated and formatted.
    public func render(_ template: Template) throws -> String {
        try template.render { try value(of: $0) }
    }

    private func value(named name: String, at location: SourceLocation, depth: Int) throws -> TemplateValue {
        switch name {
        case "year": return .text(Self.label(metrics.period))
        case "previous_year": return .text(Self.label(metrics.previousPeriod))
        case "period": return .text(Self.label(metrics.period))
        case "period.start": return .date(metrics.period.start)
        case "period.end": return .date(metrics.period.end)
        case "previous_period.start": return .date(metrics.previousPeriod.start)
        case "previous_period.end": return .date(metrics.previousPeriod.end)
        default: break
        }
        if let text = overrides[name] { return .text(text) }
        if let setting = settings.values[name] {
            // Settings may refer to other settings and metrics; a cycle would never end.
            guard depth < 8 else { throw ReportError(location, "'\(name)' refers to itself through other settings; break the cycle") }
            let text = try setting.template.render { e in try value(named: e.name, at: e.location, depth: depth + 1) }
            return .text(text)
        }
        let reference: MetricReference
        do {
            reference = try MetricReference(parsing: name)
        } catch let error as MetricsError {
            if !name.contains("."), !name.contains("[") {
                let candidates = Self.builtins + Array(settings.values.keys) + MetricCatalogue.names
                throw ReportError(location, "unknown name '\(name)'\(NearMiss.hint(for: name, in: candidates)); use a metric (almanac metrics --list), a front-matter key, or year/period.start/period.end")
            }
            throw ReportError(location, error.description)
        }
        guard let number = try metrics.value(of: reference) else {
            return .missing(reference.field == .value ? "no value for \(ReportContext.label(metrics.period))" : "no previous value to compare with")
        }
        return Self.isRatio(reference) ? .ratio(number) : .count(number)
    }

    /// Whether a reference is a fraction (growth, shares, changes in percent) or a count.
    static func isRatio(_ r: MetricReference) -> Bool {
        switch r.field {
        case .changePct, .share: return true
        case .value, .previous, .change: return MetricCatalogue.definition(r.name)?.unit == .ratio
        }
    }
}
