import Base
import Foundation

/// SIGINT and SIGTERM stop the process cleanly: temporary files it created are removed (a
/// `.report.pdf.XXXXXX`, a `.db.PID.tmp`, `--each`'s private folder, a `page-NNN.png.tmp`),
/// an import's transaction is interrupted so SQLite rolls it back, and the exit status is
/// the shell's 130 or 143.
///
/// Both signals are blocked in every thread and taken by one thread of their own with
/// `sigwait`. A signal handler proper could do none of this work safely, and a Dispatch
/// signal source can lose a signal: a worker thread that does not block it may take it and,
/// with the disposition set to ignore, drop it. Blocked everywhere, a signal stays pending
/// until the waiting thread takes it, so `Cleanup.unlessStopped` sees it even then.
enum SignalHandlers {
    static func install() {
        // Past a file-size limit, a write should fail (and be reported with its file), not kill us.
        signal(SIGXFSZ, SIG_IGN)
        var stopping = sigset_t()
        sigemptyset(&stopping)
        sigaddset(&stopping, SIGINT)
        sigaddset(&stopping, SIGTERM)
        // Before any other thread exists (`main.swift` calls this first): threads inherit the
        // mask of the thread that makes them, so every one of them blocks the two signals.
        pthread_sigmask(SIG_BLOCK, &stopping, nil)
        let waiter = Thread { [stopping] in
            var set = stopping
            while true {
                var sig: Int32 = 0
                if sigwait(&set, &sig) == 0 { stopped(by: sig) }
            }
        }
        waiter.name = "almanac.signals"
        waiter.start()
    }

    private static func stopped(by sig: Int32) {
        let cleanup = Cleanup.shared
        let unwinding = cleanup.hasStops
        cleanup.run(signal: sig)
        // With work to roll back, the main thread unwinds through the interrupted transaction
        // and exits through `exitIfStopped`; give it a few seconds, then go anyway.
        if unwinding {
            for _ in 0..<500 { usleep(20_000); cleanup.repeatStops() }
        } else {
            // The main thread runs on meanwhile (it can no longer rename anything into place):
            // it may be creating a temporary file just removed. Let it get there, then remove again.
            usleep(100_000)
        }
        cleanup.removeFiles()
        Terminal.error("almanac: stopped by \(name(sig)); temporary files removed")
        // Not `exit`: the main thread may be exiting too, and glibc's exit handlers must not
        // run twice at once; a process stopped by a signal has no buffered output to keep.
        _exit(128 + sig)
    }

    /// After a command failed: if a signal caused it (an interrupted import, a refused
    /// rename), exit as the signal would, with the files removed.
    static func exitIfStopped() {
        let sig = Cleanup.shared.signal
        guard sig != 0 else { return }
        Cleanup.shared.removeFiles()
        Terminal.error("almanac: stopped by \(name(sig)); nothing was changed")
        fflush(nil)  // what the command printed before it was stopped
        _exit(128 + sig)
    }

    private static func name(_ sig: Int32) -> String { sig == SIGINT ? "SIGINT" : "SIGTERM" }
}

extension Almanac {
    /// Installs the SIGINT/SIGTERM handling; `main.swift` calls this before parsing.
    public static func installSignalHandlers() { SignalHandlers.install() }
}
