import Foundation
import TestSupport
import Testing

/// Issue 14's attack cases that are not hand-edited databases: absurd numbers, hostile report
/// definitions and themes, FIFOs, outputs that would destroy an input, and the broken features.
@Suite("Hardening")
struct HardeningTests {
    @Test(arguments: [
        (["build", "--dpi", "nan"], "--dpi must be a number from 10 to 1,200 (got nan)"),
        (["build", "--dpi", "inf"], "--dpi must be a number from 10 to 1,200"),
        (["specimen", "--table-rows", "99999999999"], "--table-rows must be a whole number from 1 to 10,000,000"),
        (["gallery", "--bench", "99999999999999"], "--bench must be a whole number from 1 to 100,000"),
        (["metrics", "x.db", "--from", "0001-01-01", "--to", "2023-12-31"], "periods start in the year 1000 or later"),
        (["check", "x.db", "--time-limit=-1"], "--time-limit must be a number from 0.1 to 86,400"),
        (["check", "x.db", "--examples=-2"], "--examples must be a whole number from 0"),
    ])
    func absurdNumbersAreUsageErrorsWithTheRange(_ arguments: [String], _ message: String) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 64, "\(arguments): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
    }

    @Test(arguments: [
        (#"{"sizes": {"body": 1e308}}"#, "sizes.body must be from 4.0 to 72.0 points (got 1e+308)"),
        (#"{"sizes": {"h1": -3}}"#, "sizes.h1 must be from"),
        (#"{"sizes": {"leading": 0}}"#, "sizes.leading must be from"),
        (#"{"margins": {"top": 5000, "bottom": 68, "left": 64, "right": 64}}"#, "margins.top must be from 0.0 to 300.0"),
        (#"{"margins": {"top": 68, "bottom": 68, "left": 230, "right": 230}}"#, "margins leave a text area"),
    ])
    func themeNumbersAreRangeChecked(_ json: String, _ message: String) throws {
        let t = TempDir(); defer { t.remove() }
        let theme = t.write("theme.json", json)
        let r = try CLI.run(["specimen", "--theme", theme, "--out", t.file("s.pdf")])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(theme): theme file: \(message)"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: t.file("s.pdf")))
    }

    @Test func reportThemeNumbersAreLocated() throws {
        let t = TempDir(); defer { t.remove() }
        let report = t.write("r.md", "---\ntitle: T\ntheme:\n  sizes:\n    kpi_value: .inf\n---\n# Hi\n")
        let r = try CLI.run(["lint", report, "--db", HandEdits.sample])
        #expect(r.status == 1)
        #expect(r.stderr.contains("r.md:5:16: theme.sizes.kpi_value: expected a number") || r.stderr.contains("r.md:5:"), "\(r.stderr)")
    }

    @Test func billionLaughsIsRefusedAtItsPlace() throws {
        let t = TempDir(); defer { t.remove() }
        var yaml = "a: &a [\(Array(repeating: "\"lol\"", count: 9).joined(separator: ","))]\n"
        let names = Array("bcdefghi")
        for (i, n) in names.enumerated() {
            let previous = i == 0 ? "a" : String(names[i - 1])
            yaml += "\(n): &\(n) [\(Array(repeating: "*\(previous)", count: 9).joined(separator: ","))]\n"
        }
        let report = t.write("laughs.md", "---\ntitle: x\n\(yaml)---\n# Hi\n")
        let r = try CLI.run(["lint", report, "--db", HandEdits.sample])
        #expect(r.status == 1)
        #expect(r.stderr.contains("laughs.md:"), "\(r.stderr)")
        #expect(r.stderr.contains("the YAML expands to more than 100,000 values"), "\(r.stderr)")
    }

    @Test func fifosAreRefusedNotOpened() throws {
        let t = TempDir(); defer { t.remove() }
        let fifo = t.file("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let m = try CLI.run(["metrics", fifo])
        #expect(m.status == 1)
        #expect(m.stderr.contains("\(fifo): is a FIFO (named pipe), not a regular file"), "\(m.stderr)")
        let s = try CLI.run(["specimen", "--theme", fifo, "--out", t.file("s.pdf")])
        #expect(s.status == 1)
        #expect(s.stderr.contains("FIFO"), "\(s.stderr)")
        let report = t.write("r.md", "---\ntitle: T\nlogo: pipe\n---\n# Hi\n")
        let b = try CLI.run(["build", report, "--db", HandEdits.sample, "--out", t.file("r.pdf")])
        #expect(b.status == 1)
        #expect(b.stderr.contains("r.md:3:7: logo \(fifo): is a FIFO"), "\(b.stderr)")
    }

    @Test func outputsNeverReplaceAnInputOrADevice() throws {
        let t = TempDir(); defer { t.remove() }
        let db = t.file("org.db")
        try FileManager.default.copyItem(atPath: HandEdits.sample, toPath: db)
        let before = t.bytes("org.db")
        let report = t.write("r.md", "---\ntitle: T\n---\n# Hi\n")
        for (arguments, message) in [
            (["--out", db], "is the same file as \(db)"),
            (["--out", t.path + "/./org.db"], "is the same file as"),
            (["--set", "output=\(db)"], "is the same file as"),
            (["--out", report], "is the same file as \(report)"),
            (["--out", db + "-journal"], "is the journal file of the database"),
            (["--out", "/dev/null"], "/dev/null: is a device"),
            (["--out", t.path], "is a folder"),
        ] {
            let r = try CLI.run(["build", report, "--db", db] + arguments)
            #expect(r.status == 1, "\(arguments)")
            #expect(r.stderr.contains(message), "\(arguments): \(r.stderr)")
        }
        #expect(t.bytes("org.db") == before)
        #expect(!FileManager.default.fileExists(atPath: db + "-journal"))
    }

    @Test func outputFromAReportStaysInTheWorkingFolder() throws {
        let t = TempDir(); defer { t.remove() }
        for name in ["../escape.pdf", "/tmp/abs.pdf", "a/../../b.pdf"] {
            let report = t.write("r.md", "---\ntitle: T\noutput: \"\(name)\"\n---\n# Hi\n")
            let r = try CLI.run(["build", report, "--db", HandEdits.sample], cwd: t.path)
            #expect(r.status == 1)
            #expect(r.stderr.contains("r.md:3:9: output '\(name)' must be a file name inside the working folder"), "\(r.stderr)")
        }
        // The user may write anywhere with --out.
        let report = t.write("r.md", "---\ntitle: T\noutput: ../escape.pdf\n---\n# Hi\n")
        try FileManager.default.createDirectory(atPath: t.file("sub"), withIntermediateDirectories: true)
        let ok = try CLI.run(["build", report, "--db", HandEdits.sample, "--out", "../chosen.pdf"], cwd: t.file("sub"))
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(FileManager.default.fileExists(atPath: t.file("chosen.pdf")))
    }

    @Test func eachGivesGroupsThatSlugAlikeTheirOwnFiles() throws {
        let t = TempDir(); defer { t.remove() }
        let db = try HandEdits.copy(in: t, "INSERT INTO regions (name) VALUES ('AFRICA!')")
        let r = try CLI.run(["build", "--db", db, "--each", "region", "--out", t.file("out")])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: t.file("out"))
        #expect(files.contains("africa.pdf") && files.contains("africa-2.pdf"), "\(files)")
        #expect(r.stderr.contains("writing it to africa-2.pdf"), "\(r.stderr)")
    }

    @Test func eachWorkingGroupBuilds() throws {
        let t = TempDir(); defer { t.remove() }
        let r = try CLI.run(["build", "--db", HandEdits.sample, "--each", "working_group", "--out", t.file("wg")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.file("wg")).count >= 2)
    }

    @Test func logoOnATitledReportBuilds() throws {
        let t = TempDir(); defer { t.remove() }
        let picture = t.file("logo.png")
        let s = try CLI.run(["specimen", "--out", t.file("s.pdf"), "--png", t.file("png"), "--dpi", "10"])
        #expect(s.status == 0, "\(s.stderr)")
        try FileManager.default.copyItem(atPath: t.file("png/page-001.png"), toPath: picture)
        let report = t.write("r.md", "---\ntitle: Logo report\nlogo: logo.png\n---\n# Hi\n\nText.\n")
        let r = try CLI.run(["build", report, "--db", HandEdits.sample, "--out", t.file("r.pdf")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: t.file("r.pdf")))
    }

    @Test func setPaperAndCreatedAreHonouredAndOtherKeysRefused() throws {
        let t = TempDir(); defer { t.remove() }
        let report = t.write("r.md", "---\ntitle: T\n---\n# Hi\n")
        let r = try CLI.run(["build", report, "--db", HandEdits.sample, "--out", t.file("r.pdf"), "--set", "paper=letter", "--set", "created=2024-01-02"])
        #expect(r.status == 0, "\(r.stderr)")
        let pdf = t.bytes("r.pdf").data
        #expect(pdf.range(of: Data("/MediaBox [ 0 0 612 792 ]".utf8)) != nil, "letter pages")
        #expect(pdf.range(of: Data("20240102".utf8)) != nil, "the creation date given")
        for (setting, message) in [("paper=legal", "paper must be a4 or letter"), ("created=soon", "created must be a YYYY-MM-DD date"),
                                   ("period=2022", "period cannot be set on the command line; give --year")] {
            let bad = try CLI.run(["build", report, "--db", HandEdits.sample, "--out", t.file("x.pdf"), "--set", setting])
            #expect(bad.status == 1)
            #expect(bad.stderr.contains(message), "\(setting): \(bad.stderr)")
        }
    }

    @Test(arguments: [
        ("---\ntitle: \"Year {{ year\"\n---\n# Hi\n", "r.md:2:13:"),
        ("---\ntitle: T\n---\n# Hi\n\nSome text and {{ members.end and more\n", "r.md:6:15:"),
        ("---\ntitle: T\n---\n# Year {{ year\n", "r.md:4:8:"),
        ("---\ntitle: T\n---\n# H\n\n| a | b |\n|---|---|\n| {{ x | 2 |\n", "r.md:8:3:"),
    ])
    func unclosedBracesAreLocatedInTheirFile(_ text: String, _ place: String) throws {
        let t = TempDir(); defer { t.remove() }
        let report = t.write("r.md", text)
        let r = try CLI.run(["lint", report, "--db", HandEdits.sample])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(t.path)/\(place) '{{' is not closed"), "\(r.stderr)")
    }
}
