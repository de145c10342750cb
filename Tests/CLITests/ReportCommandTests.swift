import Base
import Foundation
import TestSupport
import ReportSyntax
import Testing

/// `almanac build` and `almanac lint` end to end: the reports in Reports/, the format's error
/// messages (one test per kind), reproducibility and the PDF's fonts and structure.
@Suite("almanac build / lint", .serialized)
struct ReportCommandTests {
    /// The repository root (Reports/ lives there).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// A small sample database shared by the tests of this suite.
    static let database: String = {
        let dir = NSTemporaryDirectory() + "almanac-report-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let db = dir + "/sample.db"
        if !FileManager.default.fileExists(atPath: db) { _ = try? CLI.run(["sample", db, "--members", "400"]) }
        return db
    }()

    static func tool(_ name: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/" + name)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func yearInReviewBuildsWithNumbersThatAgreeWithMetrics() throws {
        let t = TempDir(); defer { t.remove() }
        let pdf = t.file("yir.pdf")
        let r = try CLI.run(["build", Self.root + "/Reports/year-in-review.md", "--db", Self.database, "--out", pdf])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("wrote \(pdf) ("))
        let text = try Self.tool("pdftotext", [pdf, "-"])
        let json = try CLI.run(["metrics", Self.database, "--year", "2023", "--format", "json"])
        let metrics = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let all = metrics["metrics"] as! [String: Any]
        let end = (all["members.end"] as! [String: Any])["value"] as! Double
        let growth = (all["members.growth"] as! [String: Any])["value"] as! Double
        // The letter's growth sentence, in over/over_percent phrasing, agrees with the metrics.
        let overEnd = Formatters.over(end), overGrowth = Formatters.overPercent(growth)
        // The letter's growth sentence: the verb and the numbers come from the data.
        #expect(text.replacingOccurrences(of: "\n", with: " ").contains("membership grew \(overGrowth), to \(overEnd)"), "\(text.prefix(2000))")
        let fonts = try Self.tool("pdffonts", [pdf]).split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for line in fonts {
            let cols = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(cols.suffix(5).prefix(2) == ["yes", "yes"], "font not embedded and subset: \(line)")
        }
        #expect(try Self.tool("qpdf", ["--check", pdf]).contains("No syntax or stream encoding errors"))
    }

    @Test(arguments: ["year-in-review", "board-yoy", "grant-report"])
    func everyReportLintsCleanAndBuildsTwiceIdentically(report: String) throws {
        let t = TempDir(); defer { t.remove() }
        let definition = Self.root + "/Reports/\(report).md"
        // Every year of the sample: no contradiction and no number left unchecked.
        for year in ["2021", "2022", "2023"] {
            let lint = try CLI.run(["lint", definition, "--db", Self.database, "--year", year])
            #expect(lint.status == 0, "\(report) \(year): \(lint.stderr)")
            #expect(lint.stdout.contains(", 0 unchecked"), "\(report) \(year): \(lint.stdout)")
        }
        for year in ["2022", "2023"] {
            let a = try CLI.run(["build", definition, "--db", Self.database, "--year", year, "--out", t.file("a.pdf")])
            let b = try CLI.run(["build", definition, "--db", Self.database, "--year", year, "--out", t.file("b.pdf")])
            #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
            #expect(t.bytes("a.pdf") == t.bytes("b.pdf"), "two builds of \(report) for \(year) differ")
            #expect(!t.bytes("a.pdf").isEmpty)
        }
        // Without --year: the definition's own period (the last complete year with data, or the grant's).
        let d = try CLI.run(["build", definition, "--db", Self.database, "--out", t.file("d.pdf")])
        #expect(d.status == 0, "\(d.stderr)")
        #expect(d.stdout.contains(report == "grant-report" ? "Jan 2022 – Dec 2024" : ", 2023)"), "\(d.stdout)")
    }

    @Test func lintChecksQualifiedNumbersAndCountsTheUnchecked() throws {
        let t = TempDir(); defer { t.remove() }
        t.write("old.md", "---\ntitle: Old\n---\nMembership grew {{ members.growth | over_percent }} over the year.\n\nWe have over 9,000 members and 42 reasons.\n")
        // The sample grew in 2023, so "grew" is true here (TruthfulReportTests covers a fall).
        let r = try CLI.run(["lint", "old.md", "--db", Self.database, "--year", "2023"], cwd: t.path)
        #expect(r.status == 1)
        #expect(r.stderr.contains("old.md:6:14: warning: \"over 9,000\" contradicts the data: members.end is"), "\(r.stderr)")
        #expect(r.stderr.contains("old.md:6:32: note: unchecked: cannot tell what 42 counts"), "\(r.stderr)")
        #expect(r.stdout.contains("1 contradiction of the data (1 number checked, 1 unchecked)"), "\(r.stdout)")
    }

    /// One report definition per error kind: the message is located, and no PDF is written.
    @Test(arguments: [
        ("metric", "Members: {{ members.ends }}\n", "report.md:6:13: unknown metric 'members.ends' (did you mean members.end?)"),
        ("formatter", "Members: {{ members.end | nubmer }}\n", "report.md:6:27: unknown formatter 'nubmer' (did you mean number?)"),
        ("column", "```table\ndata: members.by_region\ncolumns: [key, vaule]\n```\n", "report.md:8:10: unknown column 'vaule' for members.by_region (did you mean value?)"),
        ("yaml", "Text\n", "report.md:3:9: invalid YAML: did not find expected ',' or ']'"),
        ("chart", "```chart\ntype: pi\ndata: members.by_sector\n```\n", "report.md:7:7: unknown chart type 'pi' (did you mean pie?)"),
        ("sql", "```table\ndata: broken\n```\n", "report.md:4:11: query broken failed: "),
        ("name", "In {{ yaer }}\n", "report.md:6:7: unknown name 'yaer' (did you mean year?)"),
    ])
    func formatErrorsAreLocatedAndWriteNothing(kind: String, body: String, expected: String) throws {
        let t = TempDir(); defer { t.remove() }
        let front = kind == "yaml"
            ? "---\ntitle: Broken\nperiod: [2023\n---\n"
            : "---\ntitle: Test\nqueries:\n  broken: SELEC count(*) FROM members\n---\n"
        t.write("report.md", front + body)
        let r = try CLI.run(["build", "report.md", "--db", Self.database, "--year", "2023", "--out", t.file("out.pdf")], cwd: t.path)
        #expect(r.status == 1, "\(kind): \(r.stdout) \(r.stderr)")
        #expect(r.stderr.hasPrefix(expected), "\(kind): \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: t.file("out.pdf")), "\(kind): a PDF was written")
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.path) == ["report.md"], "\(kind): leftovers")
    }

    @Test func lintFlagsANumberTypedByHand() throws {
        let t = TempDir(); defer { t.remove() }
        t.write("typed.md", "---\ntitle: Typed\n---\nWe now have 1,500 members and {{ members.end | over }} friends.\n")
        let r = try CLI.run(["lint", "typed.md", "--db", Self.database, "--year", "2023"], cwd: t.path)
        #expect(r.status == 1)
        #expect(r.stderr.contains("typed.md:4:13: warning: \"1,500\" contradicts the data: members.end is"), "\(r.stderr)")
        #expect(r.stderr.contains("write {{ "))
    }

    @Test func eachRegionWritesOneReportPerRegion() throws {
        let t = TempDir(); defer { t.remove() }
        let r = try CLI.run(["build", Self.root + "/Reports/year-in-review.md", "--db", Self.database, "--each", "region", "--out", t.file("regions")])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: t.file("regions")).sorted()
        #expect(files == ["africa.pdf", "asia-pacific.pdf", "europe-central-asia.pdf", "latin-america-caribbean.pdf",
                          "middle-east-north-africa.pdf", "north-america.pdf"])
        let text = try Self.tool("pdftotext", [t.file("regions/africa.pdf"), "-"])
        #expect(text.contains("Year in Review 2023 — Africa"))
    }

    @Test func eachWorkingGroupWritesOneReportPerGroup() throws {
        let t = TempDir(); defer { t.remove() }
        let r = try CLI.run(["build", Self.root + "/Reports/board-yoy.md", "--db", Self.database, "--each", "working_group", "--out", t.file("groups")])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try CLI.run(["metrics", Self.database, "--year", "2023", "--format", "json"])
        let metrics = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let groups = try #require((metrics["metrics"] as? [String: Any])?["working_groups.members"] as? [[String: Any]])
        let names = groups.compactMap { $0["key"] as? String }
        #expect(names.count == 7)
        let files = try FileManager.default.contentsOfDirectory(atPath: t.file("groups")).sorted()
        #expect(files == names.map { Slug.make($0, separator: "-") + ".pdf" }.sorted())
        let text = try Self.tool("pdftotext", [t.file("groups/" + files[0]), "-"])
        #expect(text.contains("— \(names.sorted()[0])"), "\(text.prefix(300))")
    }

    @Test func withoutAReportBuildsTheBuiltInYearInReviewOnTheSample() throws {
        let t = TempDir(); defer { t.remove() }
        let r = try CLI.run(["build", "--out", "yir.pdf"], cwd: t.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("creating the sample database out/sample.db"))
        #expect(FileManager.default.fileExists(atPath: t.file("out/sample.db")))
        #expect(try Self.tool("pdftotext", [t.file("yir.pdf"), "-"]).contains("Letter from the Executive Director"))
    }

    @Test func aFailedBuildKeepsThePreviousPDF() throws {
        let t = TempDir(); defer { t.remove() }
        t.write("old.pdf", "previous report")
        t.write("bad.md", "---\ntitle: Bad\n---\n{{ members.nope }}\n")
        let r = try CLI.run(["build", "bad.md", "--db", Self.database, "--out", "old.pdf"], cwd: t.path)
        #expect(r.status == 1)
        #expect(t.bytes("old.pdf") == FileBytes("previous report"))
    }
}
