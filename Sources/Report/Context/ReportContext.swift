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
    /// The organization's names and the country names, from the database.
    public let profile: OrganizationProfile

    public init(metrics: MetricSet, settings: ReportSettings, overrides: [String: String] = [:],
                profile: OrganizationProfile = OrganizationProfile(name: nil, shortName: nil, countryNames: [:])) {
        self.metrics = metrics
        self.settings = settings
        self.overrides = overrides
        self.profile = profile
    }

    /// Names that are neither metrics nor settings. `organization` and `funder` come from the
    /// database (the organization row; the grants overlapping the period) unless the front
    /// matter sets them; `grants` is how many grants overlap the period.
    public static let builtins = ["year", "previous_year", "period", "period.start", "period.end",
                                  "previous_period.start", "previous_period.end",
                                  "organization", "organization.short_name", "funder", "funders", "grant.title", "grants", "targets",
                                  "directory", "methods", "mission"]

    /// The verbs `| change` uses: `change_verbs: rose, fell` in the front matter, else grew/fell.
    public var verbs: Formatters.Verbs {
        // Read without `setting`, which renders with these verbs and would ask for them again.
        let list = overrides["change_verbs"] ?? settings.values["change_verbs"].flatMap { s in
            s.template.parts.compactMap { if case .text(let t) = $0 { return t } else { return nil } }.joined()
        }
        return list.flatMap(Formatters.Verbs.init(list:)) ?? .standard
    }

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

    /// The value of a name written at `location` (a condition's operand).
    public func value(named name: String, at location: SourceLocation) throws -> TemplateValue {
        try value(named: name, at: location, depth: 0)
    }

    /// A front-matter value as text, with `--set` overriding it; nil when neither gives one.
    public func setting(_ key: String) throws -> String? {
        if let text = overrides[key] { return text }
        if let setting = settings.values[key] { return try render(setting.template) }
        // The organization's name comes from the database unless the front matter gives one.
        return key == "organization" ? profile.name : nil
    }

    /// The text of a template with every expression evaluated and formatted.
    public func render(_ template: Template) throws -> String {
        try template.render(verbs: verbs) { try value(of: $0) }
    }

    /// Formats one expression as the report prints it.
    public func format(_ e: Expression) throws -> String {
        try Formatters.apply(e.filters, to: try value(of: e), name: e.name, verbs: verbs)
    }

    /// The arm of a conditional the data takes (the first whose condition holds, else the
    /// `{% else %}` arm), or nil: the one rule the builder, validator, lint and methods use.
    public func arm<T>(_ branches: [Branch<T>]) throws -> Branch<T>? {
        try branches.first { try $0.condition.map(holds) ?? true }
    }

    /// Whether a `{% if %}` condition holds. A name without a value (growth from zero members,
    /// no grants) is false, and compares false.
    public func holds(_ condition: Condition) throws -> Bool {
        try condition.evaluate(number: { name, loc in
            try value(named: name, at: loc, depth: 0).number
        }, isTruthy: { name, loc in
            switch try value(named: name, at: loc, depth: 0) {
            case .missing: return false
            case .text(let t): return !t.isEmpty && !["false", "no", "off", "0"].contains(t.lowercased())
            case .date: return true
            case let v: return (v.number ?? 0) != 0
            }
        })
    }

    /// Whether a front-matter switch (`directory: true`, `methods: true`) is on.
    public func isOn(_ key: String) -> Bool {
        (try? holds(.truthy(key, SourceLocation(file: "", line: 1, column: 1)))) ?? false
    }

    /// The funders of the grants overlapping the period, in order, each once.
    var funderNames: [String] {
        var seen: Set<String> = []
        return metrics.grants.map(\.funder).filter { seen.insert($0).inserted }
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
        if settings.values[name] == nil {
            switch name {
            case "organization": return profile.name.map { .text($0) } ?? .missing("the organization table is empty; import it or set organization: in the front matter")
            case "organization.short_name": return profile.shortName.map { .text($0) } ?? .missing("the organization table is empty")
            case "funder": return funderNames.first.map { .text($0) } ?? .missing("no grant overlaps \(Self.label(metrics.period))")
            case "funders":
                let names = funderNames
                guard !names.isEmpty else { return .missing("no grant overlaps \(Self.label(metrics.period))") }
                return .text(names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!)
            case "grant.title": return metrics.grants.first.map { .text($0.title) } ?? .missing("no grant overlaps \(Self.label(metrics.period))")
            case "grants": return .count(Double(metrics.grants.count))
            case "targets": return .count(Double(metrics.targets.count))
            // Text a built-in report prints only when the organization writes it.
            case "mission": return .missing("set mission: in the front matter")
            // Switches a report turns on in its front matter; off unless set.
            case "directory", "methods": return .count(0)
            default: break
            }
        }
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
        return Self.kind(reference, number)
    }

    /// A metric's number with its kind: a count, a ratio, or a change of either.
    static func kind(_ r: MetricReference, _ number: Double) -> TemplateValue {
        let definition = MetricCatalogue.definition(r.name)
        let ratio = definition?.unit == .ratio
        switch r.field {
        case .changePct: return .relative(number)
        case .share: return .ratio(number)
        case .change: return ratio ? .points(number) : .difference(number)
        case .value, .previous: return definition?.isRelativeChange == true ? .relative(number) : (ratio ? .ratio(number) : .count(number))
        }
    }

    /// Whether a reference is a fraction (growth, shares, changes in percent) or a count.
    static func isRatio(_ r: MetricReference) -> Bool {
        switch r.field {
        case .changePct, .share: return true
        case .value, .previous, .change: return MetricCatalogue.definition(r.name)?.unit == .ratio
        }
    }
}
