import ReportSyntax

/// Where a report asks to be written. An `output:` in a report file (which may come from
/// anyone) names a file inside the working folder: no absolute path, no `..`. A name the user
/// gives (`--out`, `--set output=`) may go anywhere.
enum OutputName {
    /// The checked name the report or `--set` gives, or nil when neither does.
    static func requested(_ context: ReportContext, file: String) throws -> String? {
        if let given = context.overrides["output"] { return given }
        guard let setting = context.settings.values["output"] else { return nil }
        let name = try context.render(setting.template)
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        if name.isEmpty || name.hasPrefix("/") || name.hasPrefix("~") || parts.contains("..") || name.hasSuffix("/") {
            throw ReportError(setting.location, "output '\(name)' must be a file name inside the working folder (no absolute path, no ..); give --out to write anywhere else")
        }
        return name
    }
}
