import Base
import Foundation
import Layout
import Metrics
import ReportSyntax

/// A report ready to typeset: the document, where it should be written, and what the author
/// should know (warnings).
public struct BuiltReport {
    public let document: Document
    /// The shaper that measured the charts; typesetting with it reuses its cache and fonts.
    public let shaper: TextShaper
    public let metrics: MetricSet
    /// What the report's expressions were evaluated against (the lint reads it again).
    public let context: ReportContext
    /// The file name the definition asks for (`output:`), or `NAME-PERIOD.pdf`.
    public let outputName: String
    public let warnings: [String]
}

/// Several located problems at once: a report with three typos reports all three.
public struct ReportErrors: Error, CustomStringConvertible {
    public let errors: [ReportError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// Builds a report definition against a database: period → metrics → checked expressions →
/// Document. Reads only; nothing is written here.
public struct ReportBuilder {
    /// The period chosen on the command line, overriding the definition's.
    public var period: Period?
    public var overrides: [String: String] = [:]
    public var today: CalendarDate = .today()
    /// Appended to the title (cover, running header, PDF metadata): " — Africa" for `--each`.
    public var titleSuffix = ""
    /// Limit for each named SQL query.
    public var queryTimeLimit: Double = 10

    public init(period: Period? = nil, overrides: [String: String] = [:]) {
        self.period = period
        self.overrides = overrides
    }

    public func build(_ definition: ReportDefinition, database path: String) throws -> BuiltReport {
        let engine = try MetricsEngine.open(path)
        let period = try resolvePeriod(definition, engine: engine)
        let metrics = try engine.compute(period, today: today)
        // `--set paper=letter`, `created=…`: applied, or refused; never silently ignored.
        let settings = try SettingOverrides.apply(overrides, to: definition.settings)
        let context = ReportContext(metrics: metrics, settings: settings, overrides: overrides, profile: try engine.profile())
        if let verbs = definition.settings.values["change_verbs"], Formatters.Verbs(list: try context.setting("change_verbs") ?? "") == nil {
            throw ReportError(verbs.location, "change_verbs needs two or three words separated by commas: the verb for a rise, for a fall and (optionally) for no change, e.g. `change_verbs: rose, fell, held steady`")
        }
        try ReportValidator.check(definition, context: context)

        let queries = QueryRunner(engine: engine, queries: definition.settings.queries, timeLimit: queryTimeLimit)
        let theme = try ThemeSettings.theme(settings, file: definition.file)
        let shaper = try TextShaper(fonts: theme.fonts, fontDirectories: theme.fonts.directory.map { [$0] } ?? [])
        let charts = ChartBlocks(theme: theme, measurer: shaper)
        charts.registerCategories(metrics)
        var builder = DocumentBuilder(context: context, data: DataBlocks(engine: engine, queries: queries, charts: charts))
        builder.dropsZeroSentences = try context.setting("zero_sentences") != "keep"
        builder.body = definition.body
        let title = (try context.setting("title") ?? ((definition.file as NSString).lastPathComponent as NSString).deletingPathExtension) + titleSuffix
        let cover = try CoverPage.blocks(title: title, settings, context: context, theme: theme, file: definition.file)
        var body = try builder.blocks(definition.body)
        // `methods: true` in the front matter appends "How we count" when the body has no methods block.
        if context.isOn("methods"), !MethodsAppendix.appearsIn(definition.body) {
            body += try MethodsAppendix.blocks("", at: SourceLocation(file: definition.file, line: 1, column: 1), body: definition.body, context: context)
        }
        // `pdf_standard:` (or --pdf-standard): the claims written into the PDF, a-2a,ua-1 by default.
        let standardText = try context.setting("pdf_standard") ?? "a-2a,ua-1"
        guard let standards = PDFStandards(parsing: standardText) else {
            let location = definition.settings.values["pdf_standard"]?.location ?? SourceLocation(file: definition.file, line: 1, column: 1)
            throw ReportError(location, "pdf_standard '\(standardText)' is not one of \(PDFStandards.choices.joined(separator: ", "))")
        }
        let metadata = DocumentMetadata(
            title: title,
            author: try context.setting("author") ?? context.setting("organization") ?? "",
            subject: try context.setting("subject") ?? "\(title) — \(ReportContext.label(metrics.period))",
            keywords: try context.setting("keywords").map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? [],
            creationDate: settings.created.map { Date(timeIntervalSince1970: Double($0.daysSinceEpoch) * 86_400) },
            runningTitle: title,
            language: try context.setting("language") ?? "en",
            standards: standards)
        let document = Document(metadata: metadata, theme: theme, blocks: cover + body)
        let output = try OutputName.requested(context, file: definition.file)
            ?? "\(((definition.file as NSString).lastPathComponent as NSString).deletingPathExtension)-\(Self.fileLabel(metrics.period)).pdf"
        return BuiltReport(document: document, shaper: shaper, metrics: metrics, context: context, outputName: output,
                           warnings: definition.settings.warnings.map(\.description) + metrics.notes.map { "\(path): \($0)" } + charts.warnings
                               + builder.data.notes.notes)
    }

    func resolvePeriod(_ definition: ReportDefinition, engine: MetricsEngine) throws -> Period {
        if let period { return period }
        switch definition.settings.period {
        case .year(let y)?: return Period.year(y)!
        case .range(let f, let t)?: return Period(start: f, end: t)!
        case .grant(let id)?:
            guard let dates = try engine.grantPeriod(id: id) else {
                let loc = definition.settings.values["grant"]?.location ?? SourceLocation(file: definition.file, line: 1, column: 1)
                throw ReportError(loc, id.map { "no grant with id \($0) in the database; see the grants table" } ?? "the database has no grants; give the period with --from and --to")
            }
            return dates
        case nil:
            return try engine.defaultPeriod(today: today)
        }
    }

    /// "2023", or "2022-07-01_2023-06-30" for other periods.
    static func fileLabel(_ p: Period) -> String {
        p.calendarYear.map(String.init) ?? "\(p.start.iso)_\(p.end.iso)"
    }
}
