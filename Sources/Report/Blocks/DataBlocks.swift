import Base
import Layout
import Metrics
import ReportSyntax

/// The fenced data blocks of a report body (```` ```table ````, kpis, directory, chart, toc):
/// each a small YAML spec turned into Layout blocks with data from the MetricSet or the database.
struct DataBlocks {
    static let kinds = ["chart", "table", "kpis", "directory", "toc", "summary", "methods"]

    let engine: MetricsEngine
    let queries: QueryRunner
    let charts: ChartBlocks
    /// What the author should know about blocks left out (warnings on stderr).
    let notes = BuildNotes()

    func block(kind: String, yaml: String, at location: SourceLocation, context: ReportContext) throws -> [Block] {
        let word = kind.split(separator: " ").first.map(String.init) ?? ""
        guard Self.kinds.contains(word) else {
            if !word.isEmpty, let near = NearMiss.suggestion(for: word, in: Self.kinds) {
                throw ReportError(location.movedUp, "unknown block type '\(word)' (did you mean \(near)?); data blocks: \(Self.kinds.joined(separator: ", "))")
            }
            // Any other fenced block is shown as code, as Markdown readers expect.
            return [.paragraph(yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { i, line in
                InlineRun((i > 0 ? "\n" : "") + line, code: true)
            })]
        }
        let spec = try YAMLValue.parse(yaml, at: location)
        switch word {
        case "toc":
            try spec?.requireKeys(in: ["title", "depth"], "a toc block")
            let title = try spec?["title"].map { try context.render(try Template($0.string("title"), at: $0.location)) } ?? "Contents"
            let depth = try spec?["depth"]?.int("depth") ?? 2
            guard (1...3).contains(depth) else { throw ReportError(spec!["depth"]!.location, "depth must be 1, 2 or 3") }
            return [.tableOfContents(title: title, maxLevel: depth)]
        case "table":
            return try MetricTables(engine: engine, queries: queries).block(try required(spec, "table", location), context: context)
        case "kpis":
            return try KPIBlocks(charts: charts).block(try required(spec, "kpis", location), context: context)
        case "summary":
            return try SummaryBlock.blocks(try required(spec, "summary", location), context: context)
        case "directory":
            return try DirectoryBlock(engine: engine).blocks(spec, at: location, context: context, notes: notes)
        default:
            return try charts.block(try required(spec, "chart", location), context: context, queries: queries)
        }
    }

    private func required(_ spec: YAMLValue?, _ kind: String, _ location: SourceLocation) throws -> YAMLValue {
        guard let spec else { throw ReportError(location.movedUp, "empty \(kind) block; give at least `data: METRIC`") }
        return spec
    }
}

/// Warnings collected while blocks are built ("the member directory is left out").
final class BuildNotes {
    private(set) var notes: [String] = []
    func add(_ note: String) { notes.append(note) }
}

extension SourceLocation {
    /// The fence line of a block whose body starts here.
    var movedUp: SourceLocation { SourceLocation(file: file, line: max(1, line - 1), column: 1) }
}
