import Base
import Foundation
import Layout
import Testing

/// Table layout defects seen in the reports: a heading left behind by its table, a date column
/// too narrow for "20 May 2023", and directory regions whose columns did not line up.
@Suite("Table layout") struct TableLayoutTests {
    func layOut(_ blocks: [Block]) throws -> LaidOutDocument {
        try Typesetter(shaper: TextShaper()).layout(Document(blocks: blocks))
    }

    func table(rows: Int, widthGroup: String? = nil, name: (Int) -> String = { "Row \($0)" }) -> Block {
        .table(Table(columns: [.text, .text, .number], header: [[InlineRun("Name")], [InlineRun("Date")], [InlineRun("Count")]],
                     rows: (0..<rows).map { [[InlineRun(name($0))], [InlineRun("20 May 2023")], [InlineRun(String($0))]] },
                     widthGroup: widthGroup))
    }

    /// The page each heading's text is on, and the page of the table's first row.
    @Test func aHeadingNeverStaysAtTheFootOfAPageWhenItsTableMovesOn() throws {
        // Enough paragraphs that the heading lands at every height near the foot of the first page.
        for filler in 1...60 {
            var blocks: [Block] = (0..<filler).map { _ in .paragraph("A line of filler text.") }
            blocks.append(.heading(2, "All activities"))
            blocks.append(table(rows: 40))
            let laidOut = try layOut(blocks)
            let headingPage = laidOut.pages.firstIndex { $0.textItems.contains { $0.text == "All activities" } }!
            let firstRowPage = laidOut.pages.firstIndex { $0.textItems.contains { $0.text == "Row 0" } }!
            #expect(headingPage == firstRowPage, "\(filler) paragraphs: heading on page \(headingPage + 1), table from page \(firstRowPage + 1)")
        }
    }

    @Test func aDateColumnFitsItsWidestDateBesideLongText() throws {
        let long = String(repeating: "A long activity title that needs the room ", count: 3)
        let laidOut = try layOut([table(rows: 5, name: { "\(long)\($0)" })])
        let dates = laidOut.pages[0].textItems.filter { $0.text.contains("May") || $0.text == "2023" }
        #expect(!dates.isEmpty)
        #expect(dates.allSatisfy { $0.text == "20 May 2023" }, "a date wrapped: \(dates.map(\.text))")
    }

    @Test func tablesOfOneWidthGroupShareTheirColumnPositions() throws {
        let laidOut = try layOut([
            .heading(2, "Africa"), table(rows: 3, widthGroup: "directory", name: { "Ama \($0)" }),
            .heading(2, "Europe"), table(rows: 3, widthGroup: "directory", name: { "Bartholomew Featherstonehaugh-Smythe \($0)" }),
        ])
        let xs = laidOut.pages[0].textItems.filter { $0.text == "Date" }.map(\.x)
        #expect(xs.count == 2)
        #expect(Set(xs).count == 1, "the Date columns start at \(xs)")
    }
}
