import Foundation
import Testing
@testable import Base

/// The last step of work (a rename into place, a commit) is refused once SIGINT or SIGTERM has
/// been caught or is waiting to be: the CLI blocks both in every thread, so a signal its
/// handling thread has not yet taken is pending, and that alone must stop the step.
@Suite("Cleanup")
struct CleanupTests {
    @Test func theLastStepRunsWhenNoSignalCame() throws {
        let cleanup = Cleanup()
        var ran = false
        try cleanup.unlessStopped { ran = true }
        #expect(ran)
        #expect(cleanup.signal == 0)
    }

    @Test func aCaughtSignalRefusesTheLastStep() {
        let cleanup = Cleanup()
        cleanup.run(signal: SIGINT)
        var ran = false
        #expect(throws: Cleanup.Stopped.self) { try cleanup.unlessStopped { ran = true } }
        #expect(!ran)
        #expect(Cleanup.Stopped(signal: SIGINT).description == "stopped by SIGINT")
    }

    @Test func aPendingSignalRefusesTheLastStepAndIsRecorded() throws {
        var term = sigset_t()
        sigemptyset(&term)
        sigaddset(&term, SIGTERM)
        var previous = sigset_t()
        // Blocked in this thread only and taken back before unblocking: the test process lives on.
        pthread_sigmask(SIG_BLOCK, &term, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        pthread_kill(pthread_self(), SIGTERM)
        let cleanup = Cleanup()
        var ran = false
        #expect(throws: Cleanup.Stopped.self) { try cleanup.unlessStopped { ran = true } }
        #expect(!ran)
        #expect(cleanup.signal == SIGTERM, "the exit status follows the signal even before its thread takes it")
        var taken: Int32 = 0
        #expect(sigwait(&term, &taken) == 0 && taken == SIGTERM)
    }

    @Test func aRemovedTemporaryFileIsGoneAndAFinishedOneIsKept() throws {
        let cleanup = Cleanup()
        let dir = NSTemporaryDirectory() + "almanac-cleanup-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let doomed = dir + "/.partial", kept = dir + "/done"
        try Data("x".utf8).write(to: URL(fileURLWithPath: doomed))
        try Data("y".utf8).write(to: URL(fileURLWithPath: kept))
        _ = cleanup.remove(doomed)
        cleanup.done(cleanup.remove(kept))
        cleanup.run(signal: SIGTERM)
        #expect(!FileManager.default.fileExists(atPath: doomed))
        #expect(FileManager.default.fileExists(atPath: kept))
    }
}
