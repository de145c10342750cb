import Base
import Foundation
import Layout
import Render

/// stdout for results, stderr for diagnostics and progress (progress only on a terminal).
enum Terminal {
    static let stderrIsTerminal = isatty(STDERR_FILENO) != 0

    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }

    static func note(_ message: String) { error(message) }

    /// A progress line that rewrites itself; silent when stderr is not a terminal.
    static func progress(_ label: String, _ done: Int, _ total: Int) {
        guard stderrIsTerminal else { return }
        let pct = total > 0 ? done * 100 / total : 100
        FileHandle.standardError.write(Data("\r\(label) \(done.formatted())/\(total.formatted()) (\(pct)%)\u{1B}[K".utf8))
        if done >= total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

extension Int {
    /// 1234567 → "1,234,567", independent of the machine's locale.
    func formatted() -> String { NumberText.grouped(Double(self)) }
}

/// Wall time per phase on stderr (`--timings`), so `make bench` shows where time goes.
struct PhaseTimer {
    let enabled: Bool
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant

    init(enabled: Bool) {
        self.enabled = enabled
        last = clock.now
    }

    mutating func mark(_ phase: String) {
        let now = clock.now
        if enabled {
            let d = now - last
            Terminal.note(String(format: "%@: %.3f s", phase, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18))
        }
        last = now
    }
}

/// The last steps every typesetting command shares: the PDF (written atomically by the
/// renderer), PNG previews if asked for, warnings on stderr, and what was written on stdout.
func writeOutputs(_ laidOut: LaidOutDocument, renderer: Renderer, to out: String, png: String?, dpi: Double,
                  summary: String = "", extraWarnings: [String] = [], inputs: [String] = [], phases: inout PhaseTimer) throws {
    // Never write over what this command reads (the database, the report, a theme), nor onto a device.
    if let problem = OutputGuard.problem(writing: out, inputs: inputs) { throw OutputRefused(description: problem) }
    // Long documents (a directory of thousands of pages) show their progress on a terminal.
    if Terminal.stderrIsTerminal, laidOut.pages.count >= 200 {
        renderer.progress = { done, total in
            if done % 50 == 0 || done == total { Terminal.progress("pages", done, total) }
        }
    }
    try renderer.writePDF(laidOut, to: out)
    phases.mark("pdf")
    for w in extraWarnings + laidOut.warnings.map(\.message) { Terminal.note("warning: \(w)") }
    print("wrote \(out) (\(laidOut.pages.count) page\(laidOut.pages.count == 1 ? "" : "s")\(summary))")
    if let png {
        let files = try renderer.writePNGs(laidOut, directory: png, dpi: dpi)
        phases.mark("png")
        print("wrote \(files.count) PNG page\(files.count == 1 ? "" : "s") to \(png)")
    }
}

/// An output path that would destroy an input or is not a file: refused before anything is written.
struct OutputRefused: UserFacingError { let description: String }
