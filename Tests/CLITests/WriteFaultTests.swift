import Foundation
import Testing

/// A write that fails part-way (here a file-size limit, as a full disk would): the error names
/// the file the user asked for and the fix, the previous file is unchanged, and no temporary
/// file is left. Issue 14 found "Cairo: unexpected PDF trailer" naming nothing.
@Suite("Write faults")
struct WriteFaultTests {
    /// Runs almanac with writes limited to `blocks` × 512 bytes per file.
    static func runLimited(_ blocks: Int, _ arguments: [String]) throws -> CLI.Result {
        try CLI.run(["-c", "ulimit -f \(blocks); exec \"$0\" \"$@\"", CLI.binary.path] + arguments, shell: true)
    }

    @Test func aFullDiskKeepsThePreviousPDFAndNamesIt() throws {
        let t = TempDir(); defer { t.remove() }
        let out = t.write("r.pdf", "the previous report")
        let r = try Self.runLimited(40, ["build", "--db", HandEdits.sample, "--out", out])
        #expect(r.status == 1, "\(r.status): \(r.stderr)")
        #expect(r.stderr.hasPrefix("\(out): could not be written ("), "\(r.stderr)")
        #expect(r.stderr.contains("check that its disk has free space"), "\(r.stderr)")
        #expect(String(decoding: t.bytes("r.pdf"), as: UTF8.self) == "the previous report")
        #expect((try FileManager.default.contentsOfDirectory(atPath: t.path)) == ["r.pdf"], "no temporary file is left")
    }
}

extension CLI {
    /// Runs `/bin/sh` with `arguments` instead of the binary (for limits set by the shell).
    static func run(_ arguments: [String], shell: Bool) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
