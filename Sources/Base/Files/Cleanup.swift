import Foundation

/// What this process must undo if it is stopped by SIGINT or SIGTERM: temporary files and
/// folders it created and has not yet renamed into place or removed, and actions that stop
/// work in progress (interrupting an import's transaction so SQLite rolls it back and the
/// database is left as it was, with no hot journal). Code that creates a temporary file
/// registers it and unregisters it once the file is renamed or gone; the CLI's signal
/// handler calls `run()`. One registry per process.
public final class Cleanup: @unchecked Sendable {
    /// The process's registry.
    public static let shared = Cleanup()

    private let lock = NSLock()
    private var next = 0
    private var paths: [Int: String] = [:]
    private var stops: [Int: @Sendable () -> Void] = [:]
    private var caught: Int32 = 0

    /// A registration, handed back to `done` when the file is renamed into place or removed.
    public struct Token: Sendable { fileprivate let id: Int }

    /// Registers a temporary file or folder to remove if the process is stopped.
    public func remove(_ path: String) -> Token {
        lock.lock(); defer { lock.unlock() }
        next += 1
        paths[next] = path
        return Token(id: next)
    }

    /// Registers an action that stops work in progress (run before files are removed).
    public func stop(_ action: @escaping @Sendable () -> Void) -> Token {
        lock.lock(); defer { lock.unlock() }
        next += 1
        stops[next] = action
        return Token(id: next)
    }

    /// Forgets a registration: the file was renamed into place, or the work is over.
    public func done(_ token: Token) {
        lock.lock(); defer { lock.unlock() }
        paths[token.id] = nil
        stops[token.id] = nil
    }

    /// Whether an action to stop work is registered (then the signal handler lets the main
    /// thread unwind and exit rather than exiting at once).
    public var hasStops: Bool { lock.lock(); defer { lock.unlock() }; return !stops.isEmpty }

    /// The signal that stopped the process, or 0.
    public var signal: Int32 { lock.lock(); defer { lock.unlock() }; return caught }

    /// Thrown instead of finishing work once SIGINT or SIGTERM has arrived.
    public struct Stopped: Error, CustomStringConvertible {
        public let signal: Int32
        public var description: String { "stopped by \(signal == SIGINT ? "SIGINT" : "SIGTERM")" }
    }

    /// Runs `body`, the step that makes work final (renaming a file into place, committing),
    /// unless a signal has stopped the process, or is waiting to: then it throws `Stopped`.
    /// The signal handler cannot record a signal while `body` runs, so a signal sent before
    /// the step is never followed by the step. The CLI blocks SIGINT and SIGTERM in every
    /// thread and takes them on one thread of its own, so one not yet taken is pending.
    public func unlessStopped<T>(_ body: () throws -> T) throws -> T {
        lock.lock(); defer { lock.unlock() }
        if caught == 0 {
            var pending = sigset_t()
            sigpending(&pending)
            for sig in [SIGINT, SIGTERM] where sigismember(&pending, sig) == 1 { caught = sig }
        }
        if caught != 0 { throw Stopped(signal: caught) }
        return try body()
    }

    /// Records `signal`, runs the stop actions and removes every registered path.
    public func run(signal: Int32) {
        lock.lock()
        caught = signal
        let actions = Array(stops.values), doomed = Array(paths.values)
        lock.unlock()
        for action in actions { action() }
        for path in doomed { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Runs the stop actions again: an interrupt that arrives between two statements is lost,
    /// so the signal handler repeats it until the main thread has unwound.
    public func repeatStops() {
        lock.lock(); let actions = Array(stops.values); lock.unlock()
        for action in actions { action() }
    }

    /// Removes the registered paths again (a file may have been created after `run`).
    public func removeFiles() {
        lock.lock(); let doomed = Array(paths.values); lock.unlock()
        for path in doomed { try? FileManager.default.removeItem(atPath: path) }
    }
}
