import Base
import Foundation
import TestSupport
import GRDB
import Store
import Testing

/// Randomly corrupted copies of the sample (seeded, so a failure replays): page-level byte
/// flips, and NULL or wrong-type values in any column Almanac reads. check, metrics and build
/// must end with exit 0 or 1 (never a signal), within a bound, leaving the file unchanged.
@Suite("Corruption fuzz")
struct CorruptionFuzzTests {
    /// Runs almanac under `timeout`, so a hang fails the test instead of the suite.
    static func run(_ arguments: [String]) throws -> (status: Int32, reason: Process.TerminationReason, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["60", CLI.binary.path] + arguments
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason, String(decoding: e, as: UTF8.self))
    }

    static func expectSurvives(_ db: String, _ label: String, build: Bool) throws {
        let before = FileBytes(path: db)
        var commands = [["check", db, "--today", "2025-01-01"], ["metrics", db, "--year", "2023"]]
        if build { commands.append(["build", "--db", db, "--out", db + ".pdf"]) }
        for command in commands {
            let r = try run(command)
            #expect(r.reason == .exit && (r.status == 0 || r.status == 1), "\(label): \(command[0]) ended with \(r.status) (124 = hung): \(r.stderr.prefix(300))")
            #expect(!r.stderr.contains("Fatal error"), "\(label): \(command[0]) trapped")
        }
        #expect(FileBytes(path: db) == before, "\(label): the database changed")
    }

    @Test(arguments: 1...12)
    func pageLevelByteFlips(_ seed: Int) throws {
        let t = TempDir(); defer { t.remove() }
        var random = SplitMix64(seed: UInt64(seed))
        var bytes = [UInt8](FileManager.default.contents(atPath: HandEdits.sample)!)
        let pageSize = 4096, pages = bytes.count / pageSize
        // A few pages, each with a few flipped bytes; page 1 (header and schema) only sometimes.
        for _ in 0..<random.int(1..<4) {
            let page = seed % 4 == 0 ? 0 : random.int(1..<pages)
            for _ in 0..<random.int(1..<16) { bytes[page * pageSize + random.int(0..<pageSize)] ^= UInt8(random.int(1..<256)) }
        }
        let db = t.file("flipped.db")
        try Data(bytes).write(to: URL(fileURLWithPath: db))
        try Self.expectSurvives(db, "byte flips, seed \(seed)", build: seed % 4 == 1)
    }

    @Test(arguments: 1...24)
    func nullAndTypeChanges(_ seed: Int) throws {
        let t = TempDir(); defer { t.remove() }
        var random = SplitMix64(seed: UInt64(1000 + seed))
        // `id` stays the rowid, which holds only integers.
        let column = random.pick(ReadableRows.all.filter { $0.name != "id" })
        let value = random.pick(["NULL", "''", "'x'", "X'FF'", "12345", "1.5", "9e999", "'  '", "char(65535)"])
        let db = try HandEdits.copy(in: t, loosen: [column.table],
                                    "UPDATE \(column.table) SET \(column.name) = \(value) WHERE rowid IN (SELECT rowid FROM \(column.table) ORDER BY rowid LIMIT 3 OFFSET \(random.int(0..<5)))")
        try Self.expectSurvives(db, "\(column.table).\(column.name) = \(value)", build: seed % 6 == 0)
    }
}
