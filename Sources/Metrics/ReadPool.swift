import Dispatch
import Foundation
import Base
import GRDB
import Store

/// Independent read-only jobs run over one connection, or over two connections to the same
/// file at once: each job on whichever connection is free. On a million members the metric
/// families are SQLite passes of 0.1–0.4 s each that share nothing, so a second connection
/// on a second core halves the wall time.
///
/// Both connections see the same data. The pool runs inside the main connection's read
/// transaction, which holds SQLite's SHARED lock from its first read to its end; the helper
/// takes its own SHARED lock only after that and gives it up before the pool returns. In a
/// rollback-journal database no writer can commit while any SHARED lock is held, so nothing
/// can change in between (`ReadPool.helper` refuses WAL files, where a writer could).
struct ReadPool: Sendable {
    /// A second read-only connection to the same file, or nil to run every job in turn.
    let helper: DatabaseQueue?

    /// A job: reads with the connection it is given, returns a value.
    typealias Job<T> = @Sendable (Database) throws -> T

    /// Runs `jobs`, on `db` (already inside a read transaction) and on the helper, and returns
    /// their outcomes in the jobs' order, so that which error a caller reports first does not
    /// depend on which job finished first.
    func run<T: Sendable>(_ jobs: [Job<T>], on db: Database) -> [Result<T, Error>] {
        // The main connection's SHARED lock is taken before the helper takes its own. If that
        // read fails, the jobs, run in turn, fail the same way on their own.
        guard let helper, jobs.count > 1, (try? Self.lock(db)) != nil else { return jobs.map { job in Result { try job(db) } } }
        let board = Board<T>(jobs)
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global(qos: .userInitiated).async {
            // A helper that cannot start (busy, a hot journal) leaves every job to the main
            // connection; its errors are not the user's.
            _ = try? helper.read { helperDB in
                try Self.lock(helperDB)
                board.drain(helperDB)
            }
            finished.signal()
        }
        board.drain(db)
        finished.wait()
        return board.outcomes
    }

    /// Reads the schema page: the connection's transaction holds SHARED from here on.
    private static func lock(_ db: Database) throws {
        try db.execute(sql: "SELECT 1 FROM sqlite_schema LIMIT 1")
    }

    /// A second connection to `path` for a pool beside `main`, or nil when one would not pay
    /// (fewer than `from` members) or could not be sure to see the same data: a WAL database,
    /// or a file replaced at `path` since `identity` was taken (an import's atomic rename).
    static func helper(path: String, main: DatabaseQueue, identity: FileIdentity?, from: Int64) -> DatabaseQueue? {
        guard let identity,
              let (mode, largest) = try? main.read({ db in
                  (try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "", try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM members") ?? 0)
              }),
              mode.lowercased() != "wal", largest >= from,
              let helper = try? AlmanacDatabase.openForReading(path),
              FileIdentity(path) == identity else { return nil }
        return helper
    }
}

/// The jobs still to start and the results so far, shared by the pool's two threads.
private final class Board<T: Sendable>: @unchecked Sendable {
    private let jobs: [ReadPool.Job<T>]
    private var next = 0
    private var finished: [Result<T, Error>?]
    private let lock = NSLock()

    init(_ jobs: [ReadPool.Job<T>]) {
        self.jobs = jobs
        finished = Array(repeating: nil, count: jobs.count)
    }

    /// Runs jobs on `db` until none is left to start.
    func drain(_ db: Database) {
        while let index = take() {
            let outcome = Result { try jobs[index](db) }
            lock.withLock { finished[index] = outcome }
        }
    }

    private func take() -> Int? {
        lock.withLock {
            guard next < jobs.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Every job's outcome, once both threads are done.
    var outcomes: [Result<T, Error>] {
        lock.withLock { finished.map { $0! } }
    }
}
