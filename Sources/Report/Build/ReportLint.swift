import Metrics
import ReportSyntax

/// What `almanac lint` finds in a definition without writing anything.
public struct LintReport: Sendable {
    /// Errors that would stop `almanac build`.
    public let errors: [String]
    /// Literal numbers and direction words that contradict the data, typos in settings, and notes on the period.
    public let warnings: [String]
    /// Literal numbers the lint could not bind to a metric (reported, not passed).
    public var unchecked: [String] = []
    /// Literal numbers bound and checked.
    public var checked = 0
    /// How many warnings are contradictions of the data.
    public var contradictions = 0
}

extension ReportBuilder {
    /// Builds the document in memory (so every error `build` would hit is found) and adds the
    /// literal-number check.
    public func lint(_ definition: ReportDefinition, database path: String) throws -> LintReport {
        let built: BuiltReport
        do {
            built = try build(definition, database: path)
        } catch let error as ReportErrors {
            return LintReport(errors: error.errors.map(\.description), warnings: [])
        } catch let error as ReportError {
            return LintReport(errors: [error.description], warnings: [])
        }
        let result = NarrativeLint.check(definition, context: built.context)
        var report = LintReport(errors: [], warnings: built.warnings + result.problems.map { "\($0.location): warning: \($0.message)" })
        report.unchecked = result.unchecked.map { "\($0.location): note: \($0.message)" }
        report.checked = result.checked
        report.contradictions = result.problems.count
        return report
    }
}
