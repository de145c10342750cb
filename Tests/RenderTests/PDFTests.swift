// The PDF as readers and tools see it: text, fonts, structure, determinism, atomic writes.
import Foundation
import Layout
import Render
import Testing
import TestSupport

@Suite("PDF output")
struct PDFTests {
    @Test func textIsExtractableInReadingOrderInEveryScript() throws {
        let (status, text) = try run("pdftotext", ["-layout", specimenBuild.pdf, "-"])
        #expect(status == 0)
        let samples = ["Almanac type specimen", "Contents", "Agnieszka Szymańska", "الجمعية", "הברית", "स्थानीय", "กาญจนา",
                       "地方财政改革", "ひらがなとカタカナ", "Members by region", "Activities", "Figure 1.", "Page 1 of"]
        for s in samples { #expect(text.contains(s), "pdftotext does not find “\(s)”") }
        // Reading order: the sections come in document order.
        let plain = try run("pdftotext", [specimenBuild.pdf, "-"]).output
        let ordered = ["Text", "Lists", "Quotations", "Scripts", "Tables", "Figures"].map { "\n" + $0 + "\n" }
        var cursor = plain.range(of: "Page 1 of")!.upperBound
        for heading in ordered {
            let r = try #require(plain.range(of: heading, range: cursor..<plain.endIndex), "“\(heading)” out of order")
            cursor = r.upperBound
        }
    }

    @Test func allFontsAreEmbeddedAndSubset() throws {
        let (status, out) = try run("pdffonts", [specimenBuild.pdf])
        #expect(status == 0)
        let rows = out.split(separator: "\n").dropFirst(2)
        #expect(rows.count >= 6)
        for row in rows {
            let cols = row.split(separator: " ", omittingEmptySubsequences: true)
            // name … emb sub uni object ID — the three yes/no flags come before the object number.
            let flags = cols.suffix(5).prefix(3)
            #expect(Array(flags) == ["yes", "yes", "yes"], "\(row)")
            #expect(cols[0].dropFirst(6).hasPrefix("+"), "subset tag missing: \(row)")
        }
        for family in ["Inter", "NotoSansArabic", "NotoSansHebrew", "NotoSansDevanagari", "NotoSansThai", "NotoSansCJK"] {
            #expect(out.contains(family), "no \(family) font")
        }
    }

    @Test func qpdfCheckPasses() throws {
        let (status, out) = try run("qpdf", ["--check", specimenBuild.pdf])
        #expect(status == 0, "\(out)")
        #expect(out.contains("No syntax or stream encoding errors"))
    }

    @Test func documentStructureMetadataOutlineLinksAndLabels() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: specimenBuild.pdf))
        let raw = String(decoding: bytes, as: Unicode.ASCII.self)
        for marker in ["/StructTreeRoot", "/Outlines", "/PageLabels", "/URI (https://docs.gtk.org/Pango/)", "/S /H1", "/S /Table",
                       "/S /TH", "/S /TD", "/S /Figure", "/S /L", "/S /LI", "/S /P"] {
            #expect(raw.contains(marker), "the PDF has no \(marker)")
        }
        let info = try run("pdfinfo", [specimenBuild.pdf]).output
        #expect(info.contains("Title:           Almanac type specimen"))
        #expect(info.contains("Creator:         Almanac test"))
        #expect(info.contains("Keywords:        specimen, typography"))
        #expect(info.contains("CreationDate:    Sun Dec 31 00:00:00 2023 UTC"))
        #expect(info.contains("Tagged:          yes"))
        #expect(raw.contains("/Lang (en)"))
        #expect(raw.contains("/Nums [ 0 << /S /D /St 1 >> ]"), "page labels 1, 2, 3…")
        // Contents entries link to their pages (explicit destinations: the page object and a top).
        let internalLinks = raw.components(separatedBy: "/Subtype /Link").filter { $0.hasPrefix(" /Rect") && $0.prefix(120).contains("/Dest [") }.count
        #expect(internalLinks >= 8, "contents links")
        let labels = try run("qpdf", ["--json", "--json-key=pagelabels", specimenBuild.pdf]).output
        #expect(labels.contains("\"/S\": \"/D\""))
        #expect(raw.contains("/Alt (Bar chart of members by region, end of 2023: Africa 546"), "figure alt text")
        #expect(raw.contains("/Alt (A generated test image)"))
    }

    @Test func aLongDocumentIsTaggedAndValidToo() throws {
        // 2,500 rows ≈ 70 pages: the cross-reference table is far longer than the catalog search window.
        let dir = scratchDirectory()
        let shaper = try TextShaper()
        let laidOut = try Typesetter(shaper: shaper).layout(SpecimenDocument.longTable(rows: 2500))
        let path = dir + "/long.pdf"
        try Renderer(shaper: shaper).writePDF(laidOut, to: path)
        #expect(try run("pdfinfo", [path]).output.contains("Tagged:          yes"))
        #expect(try run("qpdf", ["--check", path]).status == 0)
        let text = try run("pdftotext", ["-f", "60", "-l", "60", path, "-"]).output
        #expect(text.contains("Name") && text.contains("Activities"), "header repeated on page 60")
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let dir = scratchDirectory()
        let image = try makeTestPNG(in: dir)
        var outputs: [Data] = []
        for i in 0..<2 {
            let shaper = try TextShaper()
            let laidOut = try Typesetter(shaper: shaper).layout(SpecimenDocument.document(imagePath: image, date: fixedDate))
            let path = dir + "/build\(i).pdf"
            try Renderer(shaper: shaper).writePDF(laidOut, to: path)
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test func creationDateComesFromSourceDateEpoch() throws {
        let m = DocumentMetadata(title: "x")
        #expect(m.reproducibleDate(environment: ["SOURCE_DATE_EPOCH": "1700000000"]) == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(m.reproducibleDate(environment: [:]) == Date(timeIntervalSince1970: 946_684_800))
        #expect(DocumentMetadata(creationDate: fixedDate).reproducibleDate(environment: ["SOURCE_DATE_EPOCH": "1"]) == fixedDate)
    }

    @Test func aFailedWriteKeepsThePreviousPDFAndLeavesNoTemporaryFile() throws {
        let dir = scratchDirectory()
        let shaper = try TextShaper()
        let typesetter = Typesetter(shaper: shaper)
        let renderer = Renderer(shaper: shaper)
        let target = dir + "/report.pdf"
        try renderer.writePDF(try typesetter.layout(Document(blocks: [.paragraph("The good version.")])), to: target)
        let before = FileBytes(path: target)
        // A file with a PNG header that Cairo cannot decode passes layout and fails while drawing.
        let broken = dir + "/broken.png"
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        png += Data("IHDR".utf8) + Data([0, 0, 0, 10, 0, 0, 0, 10]) + Data(repeating: 7, count: 20)
        try png.write(to: URL(fileURLWithPath: broken))
        let doc = Document(blocks: [.paragraph("The bad version."), .figure(Figure(.image(path: broken), altText: "broken"))])
        #expect(throws: RenderError.self) { try renderer.writePDF(try typesetter.layout(doc), to: target) }
        #expect(FileBytes(path: target) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["broken.png", "report.pdf"])
        // A missing folder is an error, not a crash.
        #expect(throws: RenderError.self) { try renderer.writePDF(try typesetter.layout(doc), to: dir + "/no/such/folder/x.pdf") }
    }

    @Test func pngPreviewsFromThePageModel() throws {
        let dir = scratchDirectory()
        let shaper = try TextShaper()
        let laidOut = try Typesetter(shaper: shaper).layout(SpecimenDocument.longTable(rows: 60))
        let files = try Renderer(shaper: shaper).writePNGs(laidOut, directory: dir + "/png", dpi: 50, pages: [0, 1])
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["page-001.png", "page-002.png"])
        let header = try FileHandle(forReadingFrom: URL(fileURLWithPath: files[0])).read(upToCount: 24) ?? Data()
        #expect(header.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        #expect(PNGInfo.size(ofFileAt: files[0])! == (413, 585)) // A4 at 50 dpi
    }
}
