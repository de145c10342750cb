import Base
import Foundation
import Layout
import Render
import Testing
import TestSupport

/// The structure tree a screen reader meets in the specimen, read back with pikepdf
/// (tools/pdf-check/structure.py), and the specimen validated by veraPDF.
@Suite struct StandardsTests {
    /// The tree, and each page's artifacts counted by type.
    static let dump: (tree: StructureElement, pages: [[String: Int]]) = {
        let json = try! PDFTools.structure(specimenBuild.pdf)
        let pages = (json["pages"] as! [[String: Any]]).map { $0["artifacts"] as? [String: Int] ?? [:] }
        return (StructureElement(json["tree"] as! [String: Any]), pages)
    }()

    @Test func theSpecimenPassesVeraPDFForPDFA2aAndPDFUA1() throws {
        let (status, report) = try PDFTools.check([specimenBuild.pdf])
        #expect(status == 0, "\(report)")
        #expect(report.contains("2a: passed") && report.contains("ua1: passed"), "\(report)")
    }

    @Test func theRootIsADocumentAndFurnitureIsPaginationArtifacts() throws {
        let (tree, pages) = Self.dump
        #expect(tree.type == "Document")
        for (i, artifacts) in pages.enumerated() {
            #expect((artifacts["Footer"] ?? 0) >= 1, "page \(i + 1): its page number is a footer artifact")
            if i > 0 { #expect((artifacts["Header"] ?? 0) >= 1, "page \(i + 1): its running head is a header artifact") }
        }
        // Nothing in the tree reads "Page 3 of 8".
        #expect(!tree.all.contains { $0.type == "Artifact" })
    }

    @Test func aTableAcrossPagesIsOneTableWithHeadAndBody() throws {
        // The specimen's long table runs over several pages; it is one Table element, its header
        // row once in THead (cells scoped to their columns), every body row in one TBody.
        let laidOut = try Typesetter(shaper: try TextShaper()).layout(SpecimenDocument.document(imagePath: specimenBuild.image, date: fixedDate))
        let items = laidOut.pages.flatMap(\.items)
        let logical = items.filter { $0 == .beginTag(.table) }.count
        let continued = items.filter { $0 == .beginTag(.tableContinued) }.count
        #expect(continued > 0, "the specimen has a table split across pages")
        let tables = Self.dump.tree.all("Table")
        #expect(tables.count == logical)
        for table in tables {
            #expect(table.kids.map(\.type) == ["THead", "TBody"], "\(table.kids.map(\.type))")
            let heads = table.all("TH")
            #expect(!heads.isEmpty && heads.allSatisfy { $0.scope == "Column" })
            #expect(table.kids.last!.kids.allSatisfy { $0.type == "TR" })
        }
        // The long table's 140 rows are all in its single body.
        #expect(tables.map { $0.kids.last!.kids.count }.max()! > 100)
    }

    @Test func namesInOtherScriptsCarryTheirLanguage() {
        let languages = Set(Self.dump.tree.all("Span").compactMap(\.lang))
        for lang in ["ar", "he", "hi", "th", "zh"] { #expect(languages.contains(lang), "a span in \(lang)") }
    }

    @Test func linksHoldTheirTextAndTheContentsIsTOCIReferenceLink() throws {
        let tree = Self.dump.tree
        let inline = tree.all("P").flatMap(\.kids).filter { $0.type == "Link" }
        #expect(inline.contains { $0.links == ["the Pango documentation"] }, "the inline link's annotation reads its words")
        let toc = try #require(tree.all("TOC").first)
        #expect(!toc.kids.isEmpty && toc.kids.allSatisfy { $0.type == "TOCI" })
        for item in toc.kids {
            let link = item.kids.first?.kids.first
            #expect(item.kids.first?.type == "Reference" && link?.type == "Link")
            #expect((link?.mcids ?? 0) >= 1, "the entry's words are inside its Link")
            #expect(link?.links.first?.contains(", page ") == true)
        }
    }

    @Test func figuresHaveAlternativeText() {
        let figures = Self.dump.tree.all("Figure")
        #expect(!figures.isEmpty && figures.allSatisfy { !($0.alt ?? "").isEmpty })
    }

    @Test func anUntaggedFileClaimsNoStandardAndIsStillValid() throws {
        // Cairo lists the structure root it reserved for an untagged file at another object's offset.
        let dir = scratchDirectory()
        let shaper = try TextShaper()
        let laidOut = try Typesetter(shaper: shaper).layout(SpecimenDocument.document(imagePath: specimenBuild.image, date: fixedDate))
        let renderer = Renderer(shaper: shaper)
        renderer.tagged = false
        let path = dir + "/untagged.pdf"
        try renderer.writePDF(laidOut, to: path)
        #expect(try run("qpdf", ["--check", path]).status == 0)
        let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: Unicode.ASCII.self)
        #expect(!raw.contains("<pdfaid:part>") && !raw.contains("<pdfuaid:part>") && !raw.contains("/StructTreeRoot"))
    }
}
