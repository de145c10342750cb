import Foundation
import TestSupport
import Testing

/// A write that fails part-way (here a file-size limit, as a full disk would): the error names
/// the file the user asked for and the fix, the previous file is unchanged, and no temporary
/// file is left. Issue 14 found "Cairo: unexpected PDF trailer" naming nothing.
@Suite("Write faults")
struct WriteFaultTests {
    /// Runs almanac with writes limited to `blocks` × 512 bytes per file.
    static func runLimited(_ blocks: Int, _ arguments: [String]) throws -> CLI.Result {
        try CLI.run(["-c", "ulimit -f \(blocks); exec \"$0\" \"$@\"", CLI.binary.path] + arguments, executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test func aFullDiskKeepsThePreviousPDFAndNamesIt() throws {
        let t = TempDir(); defer { t.remove() }
        let out = t.write("r.pdf", "the previous report")
        let r = try Self.runLimited(40, ["build", "--db", HandEdits.sample, "--out", out])
        #expect(r.status == 1, "\(r.status): \(r.stderr)")
        #expect(r.stderr.hasPrefix("\(out): could not be written ("), "\(r.stderr)")
        #expect(r.stderr.contains("check that its disk has free space"), "\(r.stderr)")
        #expect(t.bytes("r.pdf") == FileBytes("the previous report"))
        #expect((try FileManager.default.contentsOfDirectory(atPath: t.path)) == ["r.pdf"], "no temporary file is left")
    }
}

/// `sample --csv` failing at its last table: the previous CSV files stay, all of them, and no
/// `.partial` file of ours is left.
@Suite("Write faults: CSV export")
struct CSVExportFaultTests {
    @Test func aFullDiskLeavesThePreviousCSVSet() throws {
        let t = TempDir(); defer { t.remove() }
        let first = try CLI.run(["sample", t.file("a.db"), "--members", "50", "--csv", t.file("csv")])
        try #require(first.status == 0, "\(first.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: t.file("csv")).sorted()
        let before = names.map { t.bytes("csv/" + $0) }
        // The last table cannot be written (its temporary name is taken by a folder): with each
        // file replaced as soon as it was written, the earlier tables would be new, this one old.
        try FileManager.default.createDirectory(atPath: t.file("csv/targets.csv.partial"), withIntermediateDirectories: false)
        let r = try CLI.run(["sample", t.file("b.db"), "--members", "80", "--seed", "7", "--csv", t.file("csv")])
        #expect(r.status == 1, "\(r.status): \(r.stderr)")
        #expect(r.stderr.contains("csv/targets.csv: could not be written"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.file("csv")).sorted() == (names + ["targets.csv.partial"]).sorted(), "no other .partial file is left")
        #expect(names.map { t.bytes("csv/" + $0) } == before, "every previous CSV file is unchanged")
    }
}

/// `--png` failing part-way (a page larger than the file-size limit): the previous previews
/// stay, every one of them, and no temporary file is left.
@Suite("Write faults: PNG previews")
struct PNGFaultTests {
    @Test func aFullDiskLeavesThePreviousPreviews() throws {
        let t = TempDir(); defer { t.remove() }
        let first = try CLI.run(["build", "--db", HandEdits.sample, "--out", t.file("r.pdf"), "--png", t.file("png"), "--dpi", "40"])
        try #require(first.status == 0, "\(first.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: t.file("png")).sorted()
        let before = names.map { t.bytes("png/" + $0) }
        let r = try WriteFaultTests.runLimited(600, ["build", "--db", HandEdits.sample, "--out", t.file("r.pdf"), "--png", t.file("png"), "--dpi", "600"])
        #expect(r.status == 1, "\(r.status): \(r.stderr)")
        #expect(r.stderr.contains(".png: could not be written"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.file("png")).sorted() == names, "no temporary file is left")
        #expect(names.map { t.bytes("png/" + $0) } == before, "every previous preview is unchanged")
    }
}
