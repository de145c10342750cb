import Base
import Dispatch
import Foundation

/// SIGINT and SIGTERM stop the process cleanly: temporary files it created are removed (a
/// `.report.pdf.XXXXXX`, a `.db.PID.tmp`, `--each`'s private folder, a `page-NNN.png.tmp`),
/// an import's transaction is interrupted so SQLite rolls it back, and the exit status is
/// the shell's 130 or 143.
enum SignalHandlers {
    // The main thread's exit in `exitIfStopped` wins this race; the handler's is the fallback.
    /// Kept alive for the life of the process.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        // Past a file-size limit, a write should fail (and be reported with its file), not kill us.
        signal(SIGXFSZ, SIG_IGN)
        for sig in [SIGINT, SIGTERM] {
            // The default action would end the process before the handler runs.
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { stopped(by: sig) }
            source.resume()
            sources.append(source)
        }
    }

    private static func stopped(by sig: Int32) {
        let cleanup = Cleanup.shared
        let unwinding = cleanup.hasStops
        cleanup.run(signal: sig)
        // With work to roll back, the main thread unwinds through the interrupted transaction
        // and exits through `exitIfStopped`; give it a few seconds, then go anyway.
        if unwinding {
            for _ in 0..<500 { Thread.sleep(forTimeInterval: 0.02); cleanup.repeatStops() }
        } else {
            // The main thread runs on meanwhile: Cairo may open (and so recreate) a temporary
            // file just removed. Let it get there, then remove again.
            Thread.sleep(forTimeInterval: 0.1)
        }
        cleanup.removeFiles()
        Terminal.error("almanac: stopped by \(sig == SIGINT ? "SIGINT" : "SIGTERM"); temporary files removed")
        exit(128 + sig)
    }

    /// After a command failed: if a signal caused it (an interrupted import), exit as the
    /// signal would, with the files removed.
    static func exitIfStopped() {
        let sig = Cleanup.shared.signal
        guard sig != 0 else { return }
        Cleanup.shared.removeFiles()
        Terminal.error("almanac: stopped by \(sig == SIGINT ? "SIGINT" : "SIGTERM"); nothing was changed")
        exit(128 + sig)
    }
}

extension Almanac {
    /// Installs the SIGINT/SIGTERM handlers; `main.swift` calls this before parsing.
    public static func installSignalHandlers() { SignalHandlers.install() }
}
