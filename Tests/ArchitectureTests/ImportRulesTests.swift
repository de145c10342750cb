import Foundation
import Testing

/// The pipeline runs one way (README, Architecture): each module may import only the modules
/// listed here, so SQLite stays in Store and Metrics, Pango in Layout and Render, and Cairo's
/// drawing and PDF API in Render. A new import is a decision to make here, in review.
@Suite("Architecture")
struct ImportRulesTests {
    static let system: Set<String> = ["Foundation", "Dispatch", "Glibc"]

    static let allowed: [String: Set<String>] = [
        "Base": [],
        "Store": ["Base", "GRDB", "CSV", "Yams"],  // Yams: import mapping files (issue 11)
        // GRDBSQLite (GRDB's own SQLite module): sqlite3_limit, to deny ATTACH and cap values in report queries.
        "Metrics": ["Base", "Store", "GRDB", "GRDBSQLite", "CSV"],
        "Layout": ["Base", "CPango"],
        "Charts": ["Base"],
        "Render": ["Base", "Layout", "CPango", "CCairo", "CZlib"], // zlib: the PDF writer deflates its streams
        "ReportSyntax": ["Base", "CCmark", "Yams"],
        "Report": ["Base", "ReportSyntax", "Metrics", "Layout", "Charts", "Yams", "CCollation"],
        "AlmanacCLI": ["Base", "Store", "Metrics", "Layout", "Charts", "Render", "ReportSyntax", "Report", "ArgumentParser"],
        "almanac": ["AlmanacCLI"],
    ]

    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Every Swift file of a module with its text.
    static func files(of module: String) throws -> [(name: String, text: String)] {
        let root = sources.appendingPathComponent(module)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return try walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.map {
            ($0.path.replacingOccurrences(of: sources.path + "/", with: ""), try String(contentsOf: $0, encoding: .utf8))
        }
    }

    static func imports(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
            guard words.count >= 2, words[0] == "import" else { return nil }
            return String(words[1].split(separator: ".").first!)
        }
    }

    @Test func everyModuleHasARule() throws {
        let modules = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
            .filter { !$0.hasPrefix("C") || $0 == "Charts" }
        #expect(Set(modules) == Set(Self.allowed.keys), "add the new module to ImportRulesTests.allowed")
    }

    @Test(arguments: allowed.keys.sorted())
    func modulesImportOnlyWhatTheyMay(_ module: String) throws {
        let files = try Self.files(of: module)
        #expect(!files.isEmpty)
        for file in files {
            for name in Self.imports(in: file.text) where !Self.system.contains(name) {
                #expect(Self.allowed[module]!.contains(name), "\(file.name) imports \(name), which \(module) must not depend on")
            }
        }
    }

    /// Pango's headers bring Cairo's declarations along, so the import rule alone cannot keep
    /// Layout from drawing: the only Cairo calls it may make set the font options measuring uses.
    @Test func layoutMeasuresButNeverDraws() throws {
        for file in try Self.files(of: "Layout") {
            for match in file.text.matches(of: /\bcairo_[a-z_]+/) where !match.output.hasPrefix("cairo_font_options_") {
                Issue.record("\(file.name) calls \(match.output): drawing belongs to Render")
            }
        }
    }

    /// SQL lives in Store and Metrics; Report builds documents from values.
    @Test func noSQLAboveMetrics() throws {
        for module in ["Report", "ReportSyntax", "Layout", "Charts", "Render", "AlmanacCLI"] {
            for file in try Self.files(of: module) {
                #expect(file.text.firstMatch(of: /\b(SELECT|INSERT|UPDATE|DELETE|VACUUM)\s+[A-Za-z*(]/) == nil,
                        "\(file.name) holds SQL; move it to Store or Metrics")
            }
        }
    }
}
