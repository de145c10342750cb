import ArgumentParser
import Base
import Foundation
import Layout
import Render
import Report
import ReportSyntax
import Store

/// `almanac build`: a report definition and a database → a PDF (and PNG previews).
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a report: Markdown definition + database → PDF.",
        discussion: """
            Every {{ expression }} is checked against the data first: an unknown metric, formatter
            or column, bad YAML or a failing query is reported as FILE:LINE:COLUMN and no PDF is
            written. The PDF is written to a temporary file and renamed into place.

            Without a report, builds the built-in Year in Review (the same as
            Reports/year-in-review.md); without --db, uses out/sample.db (created if missing).

            Examples:
              almanac build Reports/year-in-review.md --db lpsa.db
              almanac build Reports/board-yoy.md --db lpsa.db --year 2022 --out board-2022.pdf
              almanac build Reports/grant-report.md --db lpsa.db --from 2022-01-01 --to 2023-12-31 --png previews/
              almanac build Reports/year-in-review.md --db lpsa.db --set "signature=Ana López"
              almanac build Reports/year-in-review.md --db lpsa.db --each region --out regions/
              almanac build Reports/grant-report.md --db lpsa.db --pdf-standard a-2a
            """)

    @Argument(help: "The report definition (Markdown with YAML front matter).") var report: String?
    @Option(help: "The Almanac database (opened read-only).") var db: String?
    @OptionGroup var period: PeriodOptions
    @Option(help: ArgumentHelp("The PDF to write (default: the definition's `output:`).", valueName: "FILE.pdf")) var out: String?
    @Option(name: .customLong("set"), help: ArgumentHelp("Override a front-matter value (repeatable).", valueName: "key=value"))
    var settings: [String] = []
    @Option(help: ArgumentHelp("One report per region or working group, into the folder --out (default: the output name without .pdf).", valueName: "region|working_group"))
    var each: String?
    @Option(help: ArgumentHelp("The standards the PDF claims, each validated by the test suite with veraPDF (default: the definition's `pdf_standard:`, else a-2a,ua-1).",
                               valueName: "a-2a,ua-1|a-2a|ua-1|none"))
    var pdfStandard: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let pdfStandard, PDFStandards(parsing: pdfStandard) == nil {
            throw ValidationError("--pdf-standard '\(pdfStandard)' must be one of \(PDFStandards.choices.joined(separator: ", "))")
        }
        for s in settings where !s.contains("=") { throw ValidationError("--set '\(s)' must look like key=value") }
        if let each, ScopedCopy.Scope(rawValue: each) == nil {
            throw ValidationError("--each '\(each)' must be region or working_group")
        }
    }

    func run() throws {
        try reportingErrors {
            var phases = PhaseTimer(enabled: output.timings)
            let dbPath = try Self.database(db)
            let definition = try report.map { try ReportDefinition.load($0) }
                ?? ReportDefinition.parse(BuiltInReports.yearInReview, file: BuiltInReports.yearInReviewName)
            phases.mark("parse")
            let overrides = Dictionary(settings.map { s in
                let parts = s.split(separator: "=", maxSplits: 1).map(String.init)
                return (parts[0], parts.count > 1 ? parts[1] : "")
            }, uniquingKeysWith: { $1 }).merging(pdfStandard.map { ["pdf_standard": $0] } ?? [:], uniquingKeysWith: { $1 })
            guard let each, let scope = ScopedCopy.Scope(rawValue: each) else {
                try buildOne(definition, database: dbPath, overrides: overrides, out: out, png: output.png, phases: &phases)
                return
            }
            // One report per group, each from its own scoped copy of the data.
            let groups = try ScopedCopy.groups(scope, in: dbPath)
            let stem = report.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension } ?? "year-in-review"
            let folder = out ?? "\(stem)-by-\(scope.rawValue.replacingOccurrences(of: "_", with: "-"))"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // A private folder (mkdtemp: a fresh unguessable name, mode 0700) for the scoped copies,
            // so nothing planted in /tmp is followed or overwritten.
            var template = Array((NSTemporaryDirectory() + "/almanac-each-XXXXXX").utf8CString)
            guard mkdtemp(&template) != nil else {
                throw OutputRefused(description: "\(NSTemporaryDirectory()): cannot create a private temporary folder (\(String(cString: strerror(errno))))")
            }
            let scratch = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            let pending = Cleanup.shared.remove(scratch)
            defer { try? FileManager.default.removeItem(atPath: scratch); Cleanup.shared.done(pending) }
            let slugs = EachNames.unique(groups.map(ScopedCopy.slug))
            for (group, renamed) in zip(groups, slugs) where renamed.suffixed {
                Terminal.note("warning: \(group)'s file name is taken by another \(scope.rawValue.replacingOccurrences(of: "_", with: " ")) with the same letters; writing it to \(renamed.name).pdf")
            }
            for (i, group) in groups.enumerated() {
                Terminal.progress("reports", i, groups.count)
                let slug = slugs[i].name
                let scoped = "\(scratch)/\(slug).db"
                try ScopedCopy.write(scope, named: group, from: dbPath, to: scoped)
                var groupOverrides = overrides
                groupOverrides["scope"] = group
                try buildOne(definition, database: scoped, overrides: groupOverrides, titleSuffix: " — \(group)", out: "\(folder)/\(slug).pdf",
                             png: output.png.map { "\($0)/\(slug)" }, phases: &phases)
                try? FileManager.default.removeItem(atPath: scoped)
            }
            Terminal.progress("reports", groups.count, groups.count)
        }
    }

    private func buildOne(_ definition: ReportDefinition, database: String, overrides: [String: String], titleSuffix: String = "",
                          out: String?, png: String?, phases: inout PhaseTimer) throws {
        var overrides = overrides
        // --out is the user's own choice, which the report's `output:` check must not refuse.
        if let out { overrides["output"] = out }
        var builder = ReportBuilder(period: period.period, overrides: overrides)
        builder.titleSuffix = titleSuffix
        builder.today = .today()
        // The document (for a large directory, hundreds of thousands of cells) is released once it
        // is laid out, before the PDF is written: only the page model stays in memory.
        let (laidOut, shaper, target, summary, warnings) = try { () throws -> (LaidOutDocument, TextShaper, String, String, [String]) in
            let built = try builder.build(definition, database: database)
            phases.mark("metrics and document")
            let laidOut = try Typesetter(shaper: built.shaper).layout(built.document)
            phases.mark("layout (\(laidOut.passes) passes)")
            return (laidOut, built.shaper, out ?? built.outputName, ", \(ReportContext.label(built.metrics.period))", built.warnings)
        }()
        let renderer = Renderer(shaper: shaper, creator: "Almanac \(Almanac.version)")
        let inputs = [database, (try? Self.database(db)) ?? database] + (report.map { [$0] } ?? [])
        try writeOutputs(laidOut, renderer: renderer, to: target, png: png, dpi: output.dpi, summary: summary, extraWarnings: warnings,
                         inputs: inputs, phases: &phases)
    }

    /// The database, or the sample database `out/sample.db` (created if missing) when none is named.
    static func database(_ db: String?) throws -> String {
        if let db { return db }
        let sample = "out/sample.db"
        if !FileManager.default.fileExists(atPath: sample) {
            try FileManager.default.createDirectory(atPath: "out", withIntermediateDirectories: true)
            Terminal.note("no --db given: creating the sample database \(sample)")
            try DatabaseFiles.createAtomically(sample, replace: false) { try SampleGenerator().write(into: $0) }
        }
        return sample
    }
}

/// `almanac lint`: checks a definition without writing anything.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a report definition without writing a PDF.",
        discussion: """
            Reports every error `almanac build` would stop on, binds each literal number in the
            narrative to what it counts (the noun after it, the phrase around it, its qualifier:
            "over 1,700 members" is false when members.end is 1,639), flags direction words that
            contradict the data ("grew" over a fall), and lists numbers it cannot bind as unchecked.
            Exit status 1 on an error or a contradiction.

            Example:
              almanac lint Reports/year-in-review.md --db lpsa.db
            """)

    @Argument(help: "The report definition.") var report: String
    @Option(help: "The Almanac database (opened read-only).") var db: String
    @OptionGroup var period: PeriodOptions

    func run() throws {
        try reportingErrors {
            let definition = try ReportDefinition.load(report)
            let builder = ReportBuilder(period: period.period)
            let result = try builder.lint(definition, database: db)
            for e in result.errors { Terminal.error(e) }
            for w in result.warnings { Terminal.error(w) }
            for u in result.unchecked { Terminal.error(u) }
            let numbers = "\(result.checked) number\(result.checked == 1 ? "" : "s") checked, \(result.unchecked.count) unchecked"
            if result.errors.isEmpty && result.contradictions == 0 {
                let notes = result.warnings.count
                print("\(report): ok (\(numbers)\(notes == 0 ? "" : "; \(notes) note\(notes == 1 ? "" : "s")"))")
            } else {
                print("\(report): \(result.errors.count) error\(result.errors.count == 1 ? "" : "s"), \(result.contradictions) contradiction\(result.contradictions == 1 ? "" : "s") of the data (\(numbers))")
                throw ExitCode(1)
            }
        }
    }
}
