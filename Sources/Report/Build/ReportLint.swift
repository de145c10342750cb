import Metrics
import ReportSyntax

/// What `almanac lint` finds in a definition without writing anything.
public struct LintReport: Sendable {
    /// Errors that would stop `almanac build`.
    public let errors: [String]
    /// Literal numbers that contradict the data, typos in settings, and notes on the period.
    public let warnings: [String]
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
        let literals = LiteralNumberLint.check(definition, metrics: built.metrics).map { "\($0.location): warning: \($0.message)" }
        return LintReport(errors: [], warnings: built.warnings + literals)
    }
}
