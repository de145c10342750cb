import Base
import ArgumentParser
import Charts
import Foundation
import Layout
import Render

/// `almanac gallery`: every chart type and edge case on sample-like data, as a PDF (and PNGs) to
/// look at; with `--bench N`, N charts of mixed types in one PDF, for `make bench`.
struct Gallery: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the chart gallery: every chart type and edge case, on sample-like data.",
        discussion: """
            Examples:
              almanac gallery --out out/gallery.pdf --png out/gallery/
              almanac gallery --bench 200 --out /tmp/charts.pdf --timings
            """)

    @Option(help: "The PDF to write.") var out = "gallery.pdf"
    @Option(help: ArgumentHelp("A JSON theme file (see the README, Theme file).", valueName: "FILE")) var theme: String?
    @Option(help: ArgumentHelp("Instead of the gallery, N charts of mixed types (a benchmark).", valueName: "N")) var bench: Int?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let bench { try OptionRange.check("--bench", bench, 1...100_000) }
    }

    func run() throws {
        try reportingErrors {
            var phases = PhaseTimer(enabled: output.timings)
            let theme = try self.theme.map { try Theme.load(from: URL(fileURLWithPath: $0)) } ?? Theme()
            let shaper = try TextShaper(fonts: theme.fonts)
            let renderer = Renderer(shaper: shaper, creator: "Almanac \(Almanac.version)")
            phases.mark("fonts")

            let document = GalleryDocument.build(theme: theme, measurer: shaper, benchCount: bench)
            phases.mark("charts")
            let laidOut = try Typesetter(shaper: shaper).layout(document)
            phases.mark("layout")
            try writeOutputs(laidOut, renderer: renderer, to: out, png: output.png, dpi: output.dpi, inputs: self.theme.map { [$0] } ?? [], phases: &phases)
        }
    }
}

/// The gallery as a Layout document: a heading per case, the chart as a figure, and the chart's
/// notes and text alternative under it (so reviewers read what a screen reader will hear).
enum GalleryDocument {
    static func build(theme: Theme, measurer: any TextMeasuring, benchCount: Int?) -> Document {
        var charts = ChartCompiler(theme: theme, measurer: measurer)
        // Regions and sectors get their colours up front, so they match in every chart whatever the order.
        charts.colors.register(GallerySampleData.regions, scope: "region")
        charts.colors.register(GallerySampleData.sectors, scope: "sector")
        let width = theme.frame.width
        var blocks: [Block] = []
        if let benchCount {
            let entries = ChartGallery.entries
            blocks.append(.heading(1, "\(benchCount) charts"))
            for i in 0..<benchCount {
                let entry = entries[i % entries.count]
                blocks.append(.figure(charts.compile(entry.spec, data: entry.data, width: width).figure))
            }
        } else {
            blocks.append(.heading(1, "Chart gallery"))
            blocks.append(.paragraph("Every chart type and edge case, compiled from sample-like data by the Charts module and drawn by the same renderer as the rest of a report. Under each chart: its text alternative, generated from the data."))
            blocks.append(.tableOfContents(title: "Contents", maxLevel: 2))
            for (title, entries) in [("Chart types", ChartGallery.types), ("Edge cases", ChartGallery.edgeCases)] {
                blocks.append(.pageBreak)
                blocks.append(.heading(1, title))
                for entry in entries {
                    let chart = charts.compile(entry.spec, data: entry.data, width: width)
                    blocks.append(.heading(level: 2, text: [InlineRun(entry.section)]))
                    var caption = [InlineRun("Alt text: ", italic: true), InlineRun(chart.altText)]
                    if !chart.notes.isEmpty { caption.append(InlineRun(" Note: " + chart.notes.joined(separator: "; ") + ".", italic: true)) }
                    blocks.append(.figure(Figure(.graphic(chart.graphic), caption: caption, altText: chart.altText)))
                }
            }
        }
        var metadata = DocumentMetadata(title: "Almanac chart gallery", author: "Almanac", subject: "Every chart type and edge case")
        metadata.creationDate = Date(timeIntervalSince1970: 1_700_000_000)
        return Document(metadata: metadata, theme: theme, blocks: blocks)
    }
}
