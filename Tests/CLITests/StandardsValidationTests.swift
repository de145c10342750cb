import Foundation
import Testing
import TestSupport

/// What `almanac build` claims (PDF/A-2a and PDF/UA-1 by default) is what veraPDF finds: the three
/// built-in reports for 2022 and 2023, the gallery, and a report with inline links, a table over
/// several pages, an image, charts and names in five scripts. One veraPDF run checks them all.
@Suite("PDF/A-2a and PDF/UA-1", .serialized)
struct StandardsValidationTests {
    static let root = ReportCommandTests.root

    /// A report exercising what tagging gets wrong first.
    static func testReport(in t: TempDir, logo: String) -> String {
        t.write("standards.md", """
        ---
        title: Standards test report
        author: Test author
        created: 2024-01-31
        directory: true
        theme:
          logo: \((logo as NSString).lastPathComponent)
        ---

        ```toc
        title: Contents
        ```

        ---

        # Narrative

        A paragraph with [an inline link](https://example.org/report) in the middle of its text,
        and a second one to [the methods](https://example.org/methods) at its end.

        ```chart
        type: bar
        data: members.by_region
        title: Members by region
        ```

        # All activities

        ```table
        data: activities
        columns: [date, kind, title, participants]
        ```

        # Members

        ```directory
        group: region
        ```
        """)
    }

    @Test func everyReportPassesVeraPDFAndQpdf() throws {
        let t = TempDir(); defer { t.remove() }
        var files: [String] = []
        for report in ["year-in-review", "board-yoy", "grant-report"] {
            for year in ["2022", "2023"] {
                let pdf = t.file("\(report)-\(year).pdf")
                let r = try CLI.run(["build", Self.root + "/Reports/\(report).md", "--db", ReportCommandTests.database, "--year", year, "--out", pdf])
                #expect(r.status == 0, "\(r.stderr)")
                files.append(pdf)
            }
        }
        // A logo for the test report: a page of the gallery as a PNG.
        let g = try CLI.run(["gallery", "--out", t.file("gallery.pdf"), "--png", t.file("png")])
        #expect(g.status == 0, "\(g.stderr)")
        files.append(t.file("gallery.pdf"))
        let logo = t.file("logo.png")
        try FileManager.default.copyItem(atPath: t.file("png/page-001.png"), toPath: logo)
        let definition = Self.testReport(in: t, logo: logo)
        let r = try CLI.run(["build", definition, "--db", ReportCommandTests.database, "--year", "2023", "--out", t.file("standards.pdf")])
        #expect(r.status == 0, "\(r.stderr)")
        files.append(t.file("standards.pdf"))

        let (status, report) = try PDFTools.check(files)
        #expect(status == 0, "veraPDF or qpdf found problems:\n\(report)")
        for file in files {
            #expect(report.contains("\(file) 2a: passed"), "\(file) PDF/A-2a:\n\(report)")
            #expect(report.contains("\(file) ua1: passed"), "\(file) PDF/UA-1:\n\(report)")
        }
        // The claims are in the XMP metadata.
        let raw = String(decoding: t.bytes("standards.pdf").data, as: Unicode.ASCII.self)
        #expect(raw.contains("<pdfaid:part>2</pdfaid:part>") && raw.contains("<pdfaid:conformance>A</pdfaid:conformance>"))
        #expect(raw.contains("<pdfuaid:part>1</pdfuaid:part>"))
        // The cover is read as text: its title is the first heading, not inside a Figure.
        let tree = StructureElement(try PDFTools.structure(t.file("standards.pdf"))["tree"] as? [String: Any] ?? [:])
        #expect(tree.type == "Document")
        #expect(tree.kids.prefix(2).map(\.type) == ["Figure", "Sect"], "the logo, then the cover: \(tree.kids.prefix(3).map(\.type))")
        #expect(tree.kids.dropFirst().first?.kids.first?.type == "H1")
        #expect(tree.all("Figure").contains { $0.alt == "Logo of Standards test report" || ($0.alt ?? "").hasPrefix("Logo of") }, "the logo is a figure")
    }

    @Test func pdfStandardNoneClaimsNothingAndABadChoiceIsAUsageError() throws {
        let t = TempDir(); defer { t.remove() }
        let definition = Self.root + "/Reports/grant-report.md"
        let none = try CLI.run(["build", definition, "--db", ReportCommandTests.database, "--pdf-standard", "none", "--out", t.file("n.pdf")])
        #expect(none.status == 0, "\(none.stderr)")
        let raw = String(decoding: t.bytes("n.pdf").data, as: Unicode.ASCII.self)
        #expect(!raw.contains("<pdfaid:part>") && !raw.contains("<pdfuaid:part>"))
        let bad = try CLI.run(["build", definition, "--db", ReportCommandTests.database, "--pdf-standard", "a-3b", "--out", t.file("b.pdf")])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--pdf-standard 'a-3b' must be one of a-2a,ua-1, a-2a, ua-1, none"))
        let front = t.write("f.md", "---\ntitle: T\npdf_standard: pdf/x\n---\nText.\n")
        let f = try CLI.run(["build", front, "--db", ReportCommandTests.database, "--out", t.file("f.pdf")])
        #expect(f.status == 1)
        #expect(f.stderr.contains("f.md:3:") && f.stderr.contains("pdf_standard 'pdf/x' is not one of"), "\(f.stderr)")
        #expect(!FileManager.default.fileExists(atPath: t.file("f.pdf")))
    }

    @Test func everyDirectoryNameReadsBackAsTheDatabaseHasIt() throws {
        let t = TempDir(); defer { t.remove() }
        let definition = t.write("dir.md", "---\ntitle: Directory\ncreated: 2024-01-31\ndirectory: true\n---\n\n```directory\ngroup: region\n```\n")
        let r = try CLI.run(["build", definition, "--db", ReportCommandTests.database, "--year", "2023", "--out", t.file("d.pdf")])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try ReportCommandTests.tool("pdftotext", [t.file("d.pdf"), "-"])
        let names = try ReportCommandTests.tool("sqlite3", ["-readonly", ReportCommandTests.database,
            "SELECT name FROM members WHERE joined_on <= '2023-12-31' AND (left_on IS NULL OR left_on > '2023-12-31')"])
            .split(separator: "\n").map(String.init)
        #expect(names.count > 100)
        func script(_ name: String) -> String {
            for u in name.unicodeScalars where u.properties.isAlphabetic {
                switch u.value {
                case 0x0600...0x06FF: return "Arabic"
                case 0x0900...0x097F: return "Devanagari"
                case 0x0E00...0x0E7F: return "Thai"
                default: return "other"
                }
            }
            return "other"
        }
        let missing = names.filter { !text.contains($0) }
        #expect(!names.filter { script($0) == "Devanagari" }.isEmpty && !names.filter { script($0) == "Thai" }.isEmpty)
        #expect(missing.filter { script($0) != "Arabic" }.isEmpty, "Latin, Chinese, Devanagari and Thai names: \(missing.prefix(5))")
        // Known: poppler reads a few Arabic names back differently from Cairo's glyph mappings
        // (ActualText cannot help: poppler reorders it as if it were in visual order).
        withKnownIssue("pdftotext misreads some Arabic ligatures", isIntermittent: true) {
            #expect(missing.isEmpty, "\(missing.prefix(10))")
        }
    }
}
