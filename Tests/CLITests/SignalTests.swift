import Foundation
import Testing

/// SIGINT and SIGTERM in the middle of work: the process exits 130 or 143, removes the
/// temporary files it made, and an interrupted import leaves the database as it was and
/// readable at once. Each test waits until the work is visibly under way (a temporary file or
/// a journal exists) before sending the signal, so none of them depends on timing.
@Suite("Signals")
struct SignalTests {
    /// A running `almanac` whose output is drained in the background.
    final class Running: @unchecked Sendable {
        let process = Process()
        private let err = Pipe()
        private var errData = Data()
        private let group = DispatchGroup()

        init(_ arguments: [String], environment: [String: String] = [:]) throws {
            process.executableURL = CLI.binary
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = err
            try process.run()
            group.enter()
            DispatchQueue.global().async { [self] in errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        }

        /// Polls (up to 60 s) until `condition` holds or the process has ended; whether it held.
        func waitUntil(_ condition: () -> Bool) -> Bool {
            for _ in 0..<30_000 {
                if condition() { return true }
                if !process.isRunning { return condition() }
                usleep(2_000)
            }
            return false
        }

        func finish() -> (status: Int32, reason: Process.TerminationReason, stderr: String) {
            process.waitUntilExit()
            group.wait()
            return (process.terminationStatus, process.terminationReason, String(decoding: errData, as: UTF8.self))
        }
    }

    static func names(in dir: String) -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] }

    static func largeSample(in t: TempDir) throws -> String {
        let db = t.file("big.db")
        let r = try CLI.run(["sample", db, "--members", "20000"])
        try #require(r.status == 0, "\(r.stderr)")
        return db
    }

    @Test func sigtermDuringABuildRemovesTheTemporaryPDF() throws {
        let t = TempDir(); defer { t.remove() }
        let db = try Self.largeSample(in: t)
        let out = t.file("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let build = try Running(["build", "--db", db, "--out", out + "/r.pdf"])
        let started = build.waitUntil { Self.names(in: out).contains { $0.hasPrefix(".almanac-r.pdf.") } }
        #expect(started, "the build never wrote its temporary PDF")
        kill(build.process.processIdentifier, SIGTERM)
        let r = build.finish()
        #expect(r.reason == .exit && r.status == 143, "exit \(r.status): \(r.stderr)")
        #expect(r.stderr.contains("stopped by SIGTERM"), "\(r.stderr)")
        #expect(Self.names(in: out).isEmpty, "left behind: \(Self.names(in: out))")
    }

    @Test func sigintDuringEachRemovesThePrivateFolderAndTemporaryFiles() throws {
        let t = TempDir(); defer { t.remove() }
        let db = try Self.largeSample(in: t)
        let tmp = t.file("tmp"), out = t.file("regions")
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let build = try Running(["build", "--db", db, "--each", "region", "--out", out], environment: ["TMPDIR": tmp])
        let started = build.waitUntil { Self.names(in: tmp).contains { $0.hasPrefix("almanac-each-") } && !Self.names(in: out).isEmpty }
        #expect(started, "the build never made its private folder")
        kill(build.process.processIdentifier, SIGINT)
        let r = build.finish()
        #expect(r.reason == .exit && r.status == 130, "exit \(r.status): \(r.stderr)")
        #expect(Self.names(in: tmp).isEmpty, "left in TMPDIR: \(Self.names(in: tmp))")
        #expect(!Self.names(in: out).contains { $0.hasPrefix(".") }, "temporary PDFs left: \(Self.names(in: out))")
    }

    @Test func sigintDuringImportLeavesTheDatabaseAsItWasAndReadable() throws {
        let t = TempDir(); defer { t.remove() }
        let db = t.file("org.db")
        try FileManager.default.copyItem(atPath: HandEdits.sample, toPath: db)
        let before = t.bytes("org.db")
        var csv = "name,email,country_code,sector,joined_on\n"
        for i in 0..<40_000 { csv += "Person \(i),p\(i)@example.net,NL,government,2022-03-04\n" }
        let file = t.write("many.csv", csv)
        let importing = try Running(["import", db, "members", file])
        let started = importing.waitUntil { FileManager.default.fileExists(atPath: db + "-journal") }
        #expect(started, "the import never opened its transaction")
        kill(importing.process.processIdentifier, SIGINT)
        let r = importing.finish()
        #expect(r.reason == .exit && r.status == 130, "exit \(r.status): \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db + "-journal"), "a hot journal was left")
        #expect(t.bytes("org.db") == before, "the database is as it was")
        // Read-only commands read it at once, without a write to recover it first.
        let m = try CLI.run(["metrics", db, "--year", "2023"])
        #expect(m.status == 0, "\(m.stderr)")
    }
}
