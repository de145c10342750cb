import Foundation
import GRDB
import Testing

/// Seeded corruption of copies of the sample: page-level byte flips, and one value per case
/// turned into NULL, text, a non-UTF-8 BLOB, a real or an empty string in a column picked at
/// random. `check`, `metrics` and `build` must end with exit 0, 1 or 64 (never a signal),
/// within a bound, with at most a one-line diagnostic, and leave the corrupted file's bytes
/// as they were. The seeds are fixed, so a failure repeats.
@Suite("Corruption fuzz")
struct CorruptionFuzzTests {
    /// One corruption, described by its seed and kind so a failure names its case.
    struct Case: CustomStringConvertible, Sendable {
        let seed: UInt64
        let flipsPages: Bool
        var description: String { "\(flipsPages ? "page flips" : "value change") seed \(seed)" }
    }

    static let cases: [Case] = (1...18).map { Case(seed: UInt64($0), flipsPages: true) }
        + (101...118).map { Case(seed: UInt64($0), flipsPages: false) }

    /// The most a command may take on a corrupted 200-member sample before it counts as a hang.
    static let bound: TimeInterval = 90

    @Test(arguments: cases)
    func corruptedCopiesNeverCrashHangOrChange(_ c: Case) throws {
        let t = TempDir(); defer { t.remove() }
        var random = SplitMix64(seed: c.seed)
        let db = t.file("corrupt.db")
        try FileManager.default.copyItem(atPath: HandEdits.sample, toPath: db)
        let change = c.flipsPages ? try Self.flipBytes(in: db, &random) : try Self.changeValue(in: db, t, &random)
        let before = try #require(FileManager.default.contents(atPath: db))
        for arguments in [["check", db, "--today", "2025-01-01"], ["metrics", db, "--year", "2023"],
                          ["build", "--db", db, "--year", "2023", "--out", t.file("r.pdf")]] {
            let r = try Self.runBounded(arguments)
            let what = "\(c) (\(change)) \(arguments[0])"
            #expect(!r.hung, "\(what): still running after \(Int(Self.bound)) s")
            #expect(r.reason == .exit, "\(what): killed by signal \(r.status): \(r.stderr.prefix(400))")
            #expect([0, 1, 64].contains(r.status), "\(what): exit \(r.status): \(r.stderr.prefix(400))")
            #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Backtrace"), "\(what): \(r.stderr.prefix(400))")
            if r.status != 0 { #expect(!r.stderr.isEmpty, "\(what): failed without saying why") }
            #expect(FileManager.default.contents(atPath: db) == before, "\(what): the database changed")
        }
    }

    /// Flips 1–8 random bytes in one random page (page 1's header included now and then).
    static func flipBytes(in path: String, _ random: inout SplitMix64) throws -> String {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        let field = Int(data[16]) << 8 | Int(data[17])
        let pageSize = field == 1 ? 65536 : field
        let pages = data.count / pageSize
        let page = Int(random.next() % UInt64(pages))
        var offsets: [Int] = []
        for _ in 0..<(1 + Int(random.next() % 8)) {
            let offset = page * pageSize + Int(random.next() % UInt64(pageSize))
            data[offset] ^= UInt8(1 + random.next() % 255)
            offsets.append(offset)
        }
        try data.write(to: URL(fileURLWithPath: path))
        return "page \(page + 1), bytes \(offsets)"
    }

    /// Sets one column of one row of a random table to a value of the wrong kind, with the
    /// table rebuilt without constraints as another tool could leave it.
    static func changeValue(in path: String, _ dir: TempDir, _ random: inout SplitMix64) throws -> String {
        let values = ["NULL", "'garbage'", "X'FFFE00'", "1.5", "''", "-9223372036854775808", "9e999"]
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON")
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' AND name NOT LIKE 'sqlite%' ORDER BY name")
            let table = tables[Int(random.next() % UInt64(tables.count))]
            let columns = try db.columns(in: table).map(\.name).filter { $0 != "id" }
            let column = columns[Int(random.next() % UInt64(columns.count))]
            let value = values[Int(random.next() % UInt64(values.count))]
            let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            guard rows > 0 else { return "\(table) is empty" }
            let offset = Int(random.next() % UInt64(rows))
            try HandEdits.loosen(table, db)
            try db.execute(sql: "UPDATE \(table) SET \"\(column)\" = \(value) WHERE rowid = (SELECT rowid FROM \(table) ORDER BY rowid LIMIT 1 OFFSET \(offset))")
            return "\(table).\(column) = \(value) in row \(offset + 1)"
        }
    }

    struct Outcome { let status: Int32; let reason: Process.TerminationReason; let stderr: String; let hung: Bool }

    /// Runs the binary like `CLI.run`, killing it at `bound` seconds.
    static func runBounded(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        try process.run()
        let hung = Flag()
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { hung.set(); kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + bound, execute: watchdog)
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return Outcome(status: process.terminationStatus, reason: process.terminationReason,
                       stderr: String(decoding: e, as: UTF8.self), hung: hung.value)
    }

    /// Whether the watchdog fired, shared with its queue.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var fired = false
        func set() { lock.lock(); fired = true; lock.unlock() }
        var value: Bool { lock.lock(); defer { lock.unlock() }; return fired }
    }
}

/// A small seeded generator (SplitMix64), so each fuzz case is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
