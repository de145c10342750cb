import ArgumentParser

/// `--png DIR`, `--dpi N` and `--timings`, shared by every command that writes a PDF
/// (build, specimen, gallery).
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Also render every page to PNG in this folder.", valueName: "DIR")) var png: String?
    @Option(help: "PNG resolution in dots per inch, from 10 to 1200.") var dpi: Double = 96
    @Flag(help: "Print the wall time of each phase on stderr.") var timings = false

    func validate() throws {
        try OptionRange.check("--dpi", dpi, 10...1200)
    }
}
