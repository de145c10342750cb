// Bad input gives a clear error or warning, never a crash; the shaper caches and reports glyphs.
import Base
import Foundation
import Layout
import Testing
import TestSupport

@Suite("Input and shaping")
struct InputTests {
    func layOut(_ doc: Document) throws -> LaidOutDocument {
        try Typesetter(shaper: TextShaper()).layout(doc)
    }

    @Test func emptyDocumentIsAnError() throws {
        #expect(throws: LayoutError.emptyDocument) { try layOut(Document()) }
    }

    @Test func missingImageIsAnError() throws {
        let doc = Document(blocks: [.figure(Figure(.image(path: "/nonexistent/logo.png"), altText: "logo"))])
        #expect(throws: LayoutError.imageNotFound(path: "/nonexistent/logo.png")) { try layOut(doc) }
    }

    @Test func imageThatIsNotAPNGIsAnError() throws {
        let path = scratchDirectory() + "/logo.png"
        try Data("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8).write(to: URL(fileURLWithPath: path))
        let doc = Document(blocks: [.figure(Figure(.image(path: path), altText: "logo"))])
        #expect(throws: LayoutError.imageNotPNG(path: path)) { try layOut(doc) }
        #expect(LayoutError.imageNotPNG(path: path).description == "\(path): not a PNG image (only PNG is supported)")
    }

    @Test func raggedTableIsAnError() throws {
        let t = Table(header: ["A", "B"], rows: [["1", "2"], ["3"]])
        #expect(throws: LayoutError.tableShape(table: 1, row: 2, expected: 2, found: 1)) {
            try layOut(Document(blocks: [.paragraph("x"), .table(t)]))
        }
        #expect(LayoutError.tableShape(table: 1, row: 2, expected: 2, found: 1).description == "table 1: row 2 has 1 cell but the header has 2")
    }

    @Test func headingLevelOutOfRangeIsAnError() throws {
        #expect(throws: LayoutError.invalidHeadingLevel(4)) { try layOut(Document(blocks: [.heading(4, "Deep")])) }
    }

    @Test func aMegabyteParagraphIsSetWithAWarning() throws {
        let sentence = "Membership grew in every region and retention stayed high across all sectors. "
        let text = String(repeating: sentence, count: 1_048_576 / sentence.utf8.count + 1)
        let laidOut = try layOut(Document(blocks: [.paragraph(text)]))
        #expect(laidOut.pages.count > 150)
        #expect(laidOut.warnings.contains { $0.message.contains("in chunks") })
        let words = laidOut.pages.flatMap(\.textItems).filter { !$0.text.hasPrefix("Page ") }.map(\.text).joined(separator: " ")
        #expect(words.split(separator: " ").count == text.split(separator: " ").count, "no word lost")
    }

    @Test func tableRowTallerThanAPageIsSplitWithAWarning() throws {
        let tall = String(repeating: "A very long cell that wraps over many lines. ", count: 400)
        let laidOut = try layOut(Document(blocks: [.table(Table(header: ["Note", "Value"], rows: [["short", "1"], [tall, "2"], ["after", "3"]],
                                                                columns: [Table.Column(width: 3), .number]))]))
        #expect(laidOut.pages.count >= 3)
        #expect(laidOut.warnings.contains { $0.message.contains("taller than a page") })
        let all = laidOut.pages.flatMap(\.textItems).map(\.text)
        #expect(all.contains("after"))
    }

    @Test func unknownGlyphsAreReportedWithAPackage() throws {
        let shaper = try TextShaper()
        _ = shaper.measure("Private \u{10FFFD} use", style: TextStyle())
        let w = shaper.warnings.first { $0.message.contains("U+10FFFD") }
        #expect(w != nil, "\(shaper.warnings)")
        #expect(w?.message.contains("Fonts/") == true)
    }

    @Test func missingFontFamilyIsAWarning() throws {
        let shaper = try TextShaper(fonts: Theme.Fonts(body: "No Such Font Family"))
        #expect(shaper.warnings.contains { $0.message.contains("'No Such Font Family' is not installed") })
    }

    @Test func missingFontFolderIsAnErrorAndABadFontFileAWarning() throws {
        #expect(throws: LayoutError.fontDirectory(path: "/nonexistent/fonts", reason: "does not exist")) {
            try TextShaper(fontDirectories: ["/nonexistent/fonts"])
        }
        let dir = scratchDirectory()
        try Data("not a font".utf8).write(to: URL(fileURLWithPath: dir + "/Broken.ttf"))
        let shaper = try TextShaper(fontDirectories: [dir])
        #expect(shaper.warnings.contains { $0.message.contains("Broken.ttf: not a font") })
    }

    @Test func shapingIsCached() throws {
        let shaper = try TextShaper()
        let style = TextStyle(size: 9)
        let a = shaper.measure("Thailand", style: style)
        let misses = shaper.misses
        var red = style
        red.color = Color(hex: "#ff0000")!
        let b = shaper.measure("Thailand", style: red)
        #expect(a == b)
        #expect(shaper.misses == misses, "the same string in another colour is the same shape")
        _ = shaper.paragraph("Two words", style: style, width: 100)
        _ = shaper.paragraph("Two words", style: style, width: 100)
        #expect(shaper.hits >= 2)
    }

    @Test func rightToLeftParagraphsAreDetected() throws {
        let shaper = try TextShaper()
        #expect(shaper.paragraph("שלום עולם", style: TextStyle(), width: 200).rightToLeft)
        #expect(!shaper.paragraph("Hello", style: TextStyle(), width: 200).rightToLeft)
    }

    @Test func themeFilesArePartialJSON() throws {
        let dir = scratchDirectory()
        let path = dir + "/theme.json"
        try Data(##"{"paper": "letter", "landscape": true, "colors": {"heading": "#7a1f3d"}, "sizes": {"body": 11}}"##.utf8)
            .write(to: URL(fileURLWithPath: path))
        let theme = try Theme.load(from: URL(fileURLWithPath: path))
        #expect(theme.paper == .letter && theme.landscape)
        #expect(theme.colors.heading == Color(hex: "#7a1f3d"))
        #expect(theme.colors.text == Theme().colors.text)
        #expect(theme.sizes.body == 11 && theme.sizes.h1 == Theme().sizes.h1)
        try Data(#"{"colors": {"heading": "crimson"}}"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: LayoutError.self) { try Theme.load(from: URL(fileURLWithPath: path)) }
        do { _ = try Theme.load(from: URL(fileURLWithPath: path)) } catch let e as LayoutError {
            #expect(e.description.contains("colors.heading"))
        }
        try Data("{".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: LayoutError.self) { try Theme.load(from: URL(fileURLWithPath: path)) }
    }

    @Test func graphicsArePlacedAndScaled() {
        var g = Graphic(size: Size(100, 50))
        g.add(.rect(Rect(x: 10, y: 10, width: 20, height: 20), fill: .black))
        g.add(TextItem(text: "x", style: TextStyle(size: 10), x: 5, baseline: 40, width: 20))
        let placed = g.placed(at: Point(100, 200), scale: 0.5)
        #expect(placed[0].bounds == Rect(x: 105, y: 205, width: 10, height: 10))
        guard case .text(let t) = placed[1] else {
            Issue.record("the second item should stay a text item, got \(placed[1])")
            return
        }
        #expect(t.x == 102.5 && t.baseline == 220 && t.style.size == 5 && t.width == 10)
    }
}
