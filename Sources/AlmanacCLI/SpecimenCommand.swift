import ArgumentParser
import Foundation
import Layout
import Render

/// `almanac specimen`: the built-in type specimen, to check fonts and themes (and to benchmark layout).
struct Specimen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a type specimen: every block type and script, to check fonts and a theme.",
        discussion: """
            The specimen shows headings, paragraphs, lists, quotations, tables, figures, KPI tiles and a contents page, with text in Latin, Arabic, Hebrew, Devanagari, Thai, Chinese and Japanese. Fonts in ./Fonts (and in --fonts or the theme's "fonts.directory") are used before system fonts. A missing glyph is reported as a warning naming the package to install. The theme file is JSON; see the README, Theme file.

            Examples:
              almanac specimen                                  # writes specimen.pdf
              almanac specimen --out brand.pdf --theme brand.json --png previews/
              almanac specimen --paper letter --landscape
            """)

    @Option(help: "The PDF to write.") var out = "specimen.pdf"
    @Option(help: ArgumentHelp("A JSON theme file (see the README, Theme file).", valueName: "FILE")) var theme: String?
    @Option(help: ArgumentHelp("Paper size: a4 or letter (overrides the theme).", valueName: "a4|letter")) var paper: String?
    @Flag(help: "Landscape pages.") var landscape = false
    @Option(help: ArgumentHelp("A folder of font files to use first.", valueName: "DIR")) var fonts: String?
    @OptionGroup var output: OutputOptions
    @Option(help: .hidden) var benchPages: Int?
    @Option(help: .hidden) var tableRows: Int?
    @Flag(help: .hidden) var untagged = false

    func validate() throws {
        if let paper, Theme.Paper(rawValue: paper.lowercased()) == nil {
            throw ValidationError("--paper '\(paper)' is not a4 or letter")
        }
        if let benchPages { try OptionRange.check("--bench-pages", benchPages, 1...100_000) }
        if let tableRows { try OptionRange.check("--table-rows", tableRows, 1...10_000_000) }
    }

    func run() throws {
        try reportingErrors {
            var phases = PhaseTimer(enabled: output.timings)
            var theme = try self.theme.map { try Theme.load(from: URL(fileURLWithPath: $0)) } ?? Theme()
            if let paper { theme.paper = Theme.Paper(rawValue: paper.lowercased())! }
            if landscape { theme.landscape = true }
            let shaper = try TextShaper(fonts: theme.fonts, fontDirectories: fonts.map { [$0] } ?? [])
            let renderer = Renderer(shaper: shaper, creator: "Almanac \(Almanac.version)")
            renderer.tagged = !untagged
            phases.mark("fonts")

            var scratch: String?
            defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
            // The document lives only inside this closure, so its memory is free before the PDF is written.
            let laidOut = try { () throws -> LaidOutDocument in
                let document: Document
                if let rows = tableRows {
                    document = SpecimenDocument.longTable(rows: rows, theme: theme)
                } else if let pages = benchPages {
                    document = SpecimenDocument.benchmark(pages: pages, theme: theme)
                } else {
                    // The image figure: a small PNG drawn through Cairo, in a private scratch folder.
                    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-specimen-\(getpid())").path
                    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                    scratch = dir
                    let image = dir + "/figure.png"
                    try renderer.writePNG(SpecimenDocument.samplePicture(theme: theme), to: image, dpi: 144)
                    document = SpecimenDocument.document(theme: theme, imagePath: image)
                }
                phases.mark("document")
                return try Typesetter(shaper: shaper).layout(document)
            }()
            phases.mark("layout (\(laidOut.passes) pass\(laidOut.passes == 1 ? "" : "es"))")
            try writeOutputs(laidOut, renderer: renderer, to: out, png: output.png, dpi: output.dpi, inputs: self.theme.map { [$0] } ?? [], phases: &phases)
        }
    }
}
