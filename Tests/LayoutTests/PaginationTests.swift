// Geometry on the page model: no PDF involved.
import Base
import Foundation
import Layout
import Testing
import TestSupport

@Suite("Pagination")
struct PaginationTests {
    func layOut(_ doc: Document) throws -> LaidOutDocument {
        try Typesetter(shaper: TextShaper()).layout(doc)
    }

    /// Running matter (header, footer) is the only thing allowed outside the frame.
    func assertInsideMargins(_ laidOut: LaidOutDocument) {
        let frame = laidOut.theme.frame
        let page = Rect(x: 0, y: 0, width: laidOut.theme.pageSize.width, height: laidOut.theme.pageSize.height)
        let sections = Set(laidOut.outline.filter { $0.level == 1 }.map(\.title))
        for (p, pg) in laidOut.pages.enumerated() {
            for item in pg.items {
                guard let b = item.bounds else { continue }
                #expect(page.contains(b), "page \(p + 1): \(item) is off the page")
                if frame.contains(b, tolerance: 0.5) { continue }
                switch item {
                case .text(let t):
                    let section = t.text.components(separatedBy: " · ").first ?? ""
                    let running = t.text == laidOut.metadata.title || sections.contains(section) || t.text.hasPrefix("Page \(p + 1) of ")
                    #expect(running, "page \(p + 1): “\(t.text)” at \(t.bounds) is outside the margins \(frame)")
                case .path(let path):
                    #expect(path.bounds.maxY < frame.y, "page \(p + 1): a path at \(path.bounds) is outside the margins")
                default:
                    Issue.record("page \(p + 1): \(item) is outside the margins")
                }
            }
        }
    }

    @Test func nothingOutsideTheMargins() throws {
        let image = try makeTestPNG(in: scratchDirectory())
        assertInsideMargins(try layOut(SpecimenDocument.document(imagePath: image)))
        var theme = Theme(paper: .letter, landscape: true)
        theme.margins = .init(top: 50, bottom: 50, left: 90, right: 40)
        assertInsideMargins(try layOut(SpecimenDocument.document(theme: theme, imagePath: image)))
    }

    @Test func tableHeaderRepeatsOnEveryPage() throws {
        let laidOut = try layOut(SpecimenDocument.longTable(rows: 300))
        #expect(laidOut.pages.count >= 7)
        // One logical table: the first piece opens it, each later page continues it.
        #expect(groups(.table, in: laidOut.pages).count == 1)
        let tables = (groups(.table, in: laidOut.pages) + groups(.tableContinued, in: laidOut.pages)).sorted { $0.page < $1.page }
        #expect(tables.count == laidOut.pages.count)
        var bodyRows = 0
        for t in tables {
            let rows = groups(.row, in: [Page(size: Size(1, 1), items: t.items)])
            let header = groups(.headerCell, in: [Page(size: Size(1, 1), items: rows[0].items)])
            #expect(header.map { $0.texts.first?.text ?? "" } == ["Name", "Country", "Sector", "Joined", "Activities"], "page \(t.page + 1)")
            bodyRows += rows.count - 1
        }
        #expect(bodyRows == 300, "no row lost or repeated")
    }

    @Test func paragraphsKeepTwoLinesOnEachSideOfABreak() throws {
        // Paragraphs of 1–9 lines whose words name the paragraph, so lines can be traced.
        var blocks: [Block] = []
        for i in 0..<60 {
            let words = Array(repeating: "p\(i)", count: 18 * (i % 9 + 1)).joined(separator: " ")
            blocks.append(.paragraph(words))
        }
        let laidOut = try layOut(Document(blocks: blocks))
        var linesPerPage: [String: [Int: Int]] = [:]
        for g in groups(.p, in: laidOut.pages) {
            guard let id = g.texts.first?.text.split(separator: " ").first.map(String.init) else { continue }
            linesPerPage[id, default: [:]][g.page, default: 0] += g.texts.count
        }
        var splits = 0
        for (id, pages) in linesPerPage where pages.count > 1 {
            splits += 1
            for (page, count) in pages {
                #expect(count >= 2, "paragraph \(id) has \(count) line(s) on page \(page + 1)")
            }
        }
        #expect(splits > 0, "the test should exercise at least one split")
    }

    @Test func headingsNeverEndAPage() throws {
        var blocks: [Block] = []
        for i in 0..<40 {
            blocks.append(.heading(level: i % 3 + 1, text: [InlineRun("Heading \(i)")]))
            if i % 4 == 1 { blocks.append(.heading(3, "Sub-heading \(i)")) }
            blocks.append(.paragraph(String(repeating: "Text under heading \(i). ", count: 3 + (i * 7) % 30)))
        }
        let laidOut = try layOut(Document(blocks: blocks))
        #expect(laidOut.pages.count > 3)
        for (p, page) in laidOut.pages.enumerated() {
            var lastWasHeading = false
            var depth = 0
            for item in page.items {
                switch item {
                case .beginTag(.h1), .beginTag(.h2), .beginTag(.h3): depth += 1; lastWasHeading = true
                case .endTag(.h1), .endTag(.h2), .endTag(.h3): depth -= 1
                case .beginTag(.p): lastWasHeading = false
                default: break
                }
            }
            #expect(!lastWasHeading, "page \(p + 1) ends with a heading")
        }
    }

    @Test func headingWithNothingAfterItIsAWarning() throws {
        let laidOut = try layOut(Document(blocks: [.paragraph("Text."), .heading(2, "Dangling")]))
        #expect(laidOut.warnings.contains { $0.message.contains("Dangling") && $0.message.contains("nothing after it") })
    }

    @Test func figuresNeverSplit() throws {
        let image = try makeTestPNG(in: scratchDirectory())
        var blocks: [Block] = []
        for i in 0..<12 {
            blocks.append(.paragraph(String(repeating: "Filler text before the figure. ", count: 5 + i * 3)))
            blocks.append(.figure(Figure(.image(path: image, width: 300), caption: [InlineRun("Figure \(i)")], altText: "picture \(i)")))
        }
        let laidOut = try layOut(Document(blocks: blocks))
        let frame = laidOut.theme.frame
        let figures = groups(.figure, in: laidOut.pages)
        #expect(figures.count == 12)
        for f in figures {
            for item in f.items { if let b = item.bounds { #expect(frame.contains(b, tolerance: 0.5)) } }
        }
        // Each caption is on the same page as its image.
        let captions = groups(.caption, in: laidOut.pages)
        #expect(zip(figures, captions).allSatisfy { $0.page == $1.page })
    }

    @Test func contentsPageNumbersMatchHeadingPages() throws {
        let image = try makeTestPNG(in: scratchDirectory())
        let laidOut = try layOut(SpecimenDocument.document(imagePath: image))
        #expect(laidOut.passes >= 2 && laidOut.passes <= 5)
        let entries = groups(.tocItem, in: laidOut.pages)
        #expect(entries.count >= 8)
        for e in entries {
            let title = e.texts.first!.text
            let number = e.texts.last!.text
            let heading = try #require(laidOut.outline.first { $0.title == title })
            #expect(number == String(heading.pageIndex + 1), "“\(title)” is listed on page \(number) but starts on \(heading.pageIndex + 1)")
            #expect(laidOut.pages[heading.pageIndex].textItems.contains { $0.text == title })
        }
        // Every entry links to its heading's page.
        let links = laidOut.pages.flatMap(\.items).compactMap { if case .link(let l) = $0, case .page(let p, _) = l.target { p } else { nil } }
        #expect(links.count == entries.count)
    }

    @Test func runningHeaderNamesSectionAndSubsection() throws {
        var blocks: [Block] = [.heading(1, "Member directory")]
        for region in ["Africa", "Asia-Pacific"] {
            blocks.append(.heading(2, region))
            blocks.append(.table(Table(header: ["Name"], rows: (0..<120).map { ["\(region) member \($0)"] })))
        }
        let laidOut = try layOut(Document(metadata: DocumentMetadata(title: "Year in Review"), blocks: blocks))
        let heads = laidOut.pages.dropFirst().map { page in page.textItems.first { $0.text.hasPrefix("Member directory") }?.text }
        #expect(heads.contains("Member directory · Africa"))
        #expect(heads.last == "Member directory · Asia-Pacific")
        #expect(heads.allSatisfy { $0 != nil })
    }

    @Test func pageLabelsAndFootersAgree() throws {
        let laidOut = try layOut(SpecimenDocument.longTable(rows: 120))
        let n = laidOut.pages.count
        for (i, page) in laidOut.pages.enumerated() {
            #expect(page.label == String(i + 1))
            #expect(page.textItems.contains { $0.text == "Page \(i + 1) of \(n)" })
        }
    }

    @Test func rowsHaveAFixedPitchWhateverTheScript() throws {
        let laidOut = try layOut(Document(blocks: [.table(Table(header: ["Name", "Country"],
                                                                rows: [["Ana", "Spain"], ["राम कार्की", "Nepal"], ["กาญจนา", "Thailand"], ["孙明", "China"], ["Bo", "Sweden"]]))]))
        let names = groups(.cell, in: laidOut.pages).enumerated().filter { $0.offset % 2 == 0 }.map { $0.element.texts[0].baseline }
        let pitches = zip(names.dropFirst(), names).map { $0 - $1 }
        #expect(pitches.count == 4)
        #expect(pitches.allSatisfy { abs($0 - pitches[0]) < 0.001 })
    }

    @Test func paperSizesAndOrientation() throws {
        for (paper, landscape, size) in [(Theme.Paper.a4, false, Size(595.276, 841.89)), (.letter, false, Size(612, 792)),
                                         (.letter, true, Size(792, 612)), (.a4, true, Size(841.89, 595.276))] {
            let laidOut = try layOut(Document(theme: Theme(paper: paper, landscape: landscape), blocks: [.paragraph("Hello")]))
            #expect(laidOut.pages[0].size == size)
        }
    }
}
