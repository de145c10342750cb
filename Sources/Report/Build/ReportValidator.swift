import ReportSyntax

/// Evaluates every `{{ expression }}` of a definition against the data before anything is
/// built, so that every unknown name or formatter is reported at its exact line and column —
/// all of them at once — and no PDF is written when any fails.
enum ReportValidator {
    static func check(_ definition: ReportDefinition, context: ReportContext) throws {
        var errors: [ReportError] = []
        var lineStart = 1
        // Line by line, so an unclosed `{{` costs one error, not the rest of the file.
        var pending = ""
        var pendingLine = 1
        for line in definition.source.split(separator: "\n", omittingEmptySubsequences: false) {
            if pending.isEmpty { pendingLine = lineStart }
            pending += (pending.isEmpty ? "" : "\n") + line
            lineStart += 1
            // An expression may wrap onto the next line; wait for its closing braces.
            if pending.components(separatedBy: "{{").count > pending.components(separatedBy: "}}").count, lineStart - pendingLine < 3 { continue }
            do {
                let template = try Template(pending, at: SourceLocation(file: definition.file, line: pendingLine, column: 1))
                for e in template.expressions {
                    do { _ = try Formatters.apply(e.filters, to: try context.value(of: e), name: e.name) }
                    catch let error as ReportError { errors.append(error) }
                }
            } catch let error as ReportError {
                errors.append(error)
            }
            pending = ""
        }
        if errors.count == 1 { throw errors[0] }
        if !errors.isEmpty { throw ReportErrors(errors: errors) }
    }
}
