// The glyph sets the PDF writer cuts font subsets to before drawing: what a shaper produced must
// all be there, in order, and Pango's flags for empty and unknown glyphs must not be.
import Base
import Layout
import Testing

@Suite struct GlyphSetTests {
    @Test func keepsGlyphIDsSortedAndSkipsPangoFlags() {
        var set = GlyphSet()
        for g: UInt32 in [65_535, 3, 64, 3, 0, 63, GlyphRun.emptyGlyph, GlyphRun.unknownFlag | 0x4E2D] { set.insert(g) }
        #expect(set.sorted == [0, 3, 63, 64, 65_535])
        #expect(set.contains(64) && !set.contains(65) && !set.contains(GlyphRun.emptyGlyph))
        var other = GlyphSet()
        other.insert(4_464)
        other.insert(1)
        set.formUnion(other)
        #expect(set.sorted == [0, 1, 3, 63, 64, 4_464, 65_535])
    }

    @Test func aShaperRecordsEveryGlyphItDrawsAfterLayout() throws {
        let typesetter = try Typesetter(theme: Theme())
        let document = Document(metadata: DocumentMetadata(title: "t"), theme: Theme(),
                                blocks: [.paragraph([InlineRun("Membership grew, and Zoë joined — नमस्ते")])])
        let laidOut = try typesetter.layout(document)
        let shaper = typesetter.shaper
        var drawn = 0
        for page in laidOut.pages {
            for case .text(let t) in page.items {
                for run in shaper.lineGlyphs(t.text, style: t.style, spans: t.spans, rightToLeft: t.rightToLeft).runs {
                    let shaped = shaper.glyphsShaped(inFont: run.font)
                    for g in run.glyphs where g < 0x1_0000 { #expect(shaped.contains(g)); drawn += 1 }
                }
            }
        }
        #expect(drawn > 20)
    }

    /// The writer cuts each font's subset before it draws a page, to the glyphs layout shaped: a
    /// line layout placed without shaping it (a page number, a KPI value, a list marker, a
    /// cover's words, the contents' page numbers) would make it cut that font again.
    @Test func layoutShapesEveryLineItPlaces() throws {
        let typesetter = try Typesetter(theme: Theme())
        var cover = Graphic(size: Size(300, 80))
        cover.add(TextItem(text: "Ünïque cover words 2031", style: TextStyle(role: .heading, weight: .bold, size: 30), x: 0, baseline: 40, width: 300))
        var blocks: [Block] = [.figure(Figure(.graphic(cover), altText: "cover")), .tableOfContents(),
                               .kpiRow([KPI(value: "98,765", label: "Members", change: "+4%", direction: .up)])]
        for section in 1...3 {
            blocks.append(.heading(level: 1, text: [InlineRun("Section \(section)")]))
            blocks.append(.bulletList([ListItem("first"), ListItem("second")]))
            blocks.append(.numberedList([ListItem("one"), ListItem("two")], start: 7))
            blocks.append(.pageBreak)
        }
        let document = Document(metadata: DocumentMetadata(title: "Annual Report"), theme: Theme(), blocks: blocks)
        let laidOut = try typesetter.layout(document)
        #expect(laidOut.pages.count >= 3)
        let shaper = typesetter.shaper
        let before = shaper.misses
        var lines = 0
        for page in laidOut.pages {
            for case .text(let t) in page.items where !t.text.isEmpty {
                _ = shaper.lineGlyphs(t.text, style: t.style, spans: t.spans, rightToLeft: t.rightToLeft)
                lines += 1
            }
        }
        #expect(lines > 30)
        #expect(shaper.misses == before, "\(shaper.misses - before) lines were first shaped when drawn")
    }
}
