// Plain lines are shaped item by item without a PangoLayout (TextShaper+Items.swift): the glyphs,
// pen positions, clusters, fonts and line box must be the layout's own, in every script and
// style the reports use, and the lines a layout treats differently must go through one.
import Base
import Layout
import Testing

@Suite struct ItemizedLineTests {
    static let plain = [
        "Membership grew 52.3% to 1,639", "Zoë Ångström-Øvergård", "Łódź, Kraków", "Nguyễn Thị Minh Khai",
        "Привет, мир", "Γειά σου Κόσμε", "नमस्ते दुनिया", "สวัสดีชาวโลก", "你好，世界 2023", "こんにちは", "안녕하세요",
        "ffi fl — “quoted” … ‘x’", "Tab-free 1\u{00A0}000 €", "e\u{0301}clair", "x\u{00AD}y", "A\u{200D}B",
        " leading and trailing ", "12,345,678.90",
    ]

    static let styles = [
        TextStyle(), TextStyle(weight: .bold, size: 9), TextStyle(role: .heading, weight: .semibold, italic: true, size: 14),
        TextStyle(role: .mono, size: 8), TextStyle(size: 10, tabularFigures: true), TextStyle(size: 10, smallCaps: true),
    ]

    @Test func plainLinesAreTheLayoutsToTheGlyph() throws {
        let shaper = try TextShaper()
        for style in Self.styles {
            for text in Self.plain {
                let itemized = try #require(shaper.itemizedLine(text, style: style), "\(text.debugDescription) went through a layout")
                #expect(itemized == shaper.laidOutLine(text, style: style), "\(text.debugDescription) in \(style)")
            }
        }
    }

    @Test func linesALayoutTreatsDifferentlyGoThroughOne() throws {
        let shaper = try TextShaper()
        for text in ["", "two\nlines", "a\ttab", "carriage\rreturn", "line\u{2028}separator", "next\u{85}line",
                     "مرحبا بالعالم", "Name: שלום", "private \u{10FFFD} use"] {
            #expect(shaper.itemizedLine(text, style: TextStyle()) == nil, "\(text.debugDescription)")
        }
        // …and lineGlyphs still gives what the layout gives for them. Emoji: whichever way it goes.
        #expect(shaper.lineGlyphs("👩🏽‍💻 team", style: TextStyle()) == shaper.laidOutLine("👩🏽‍💻 team", style: TextStyle()))
        for text in ["two\nlines", "مرحبا بالعالم", "private \u{10FFFD} use"] {
            #expect(shaper.lineGlyphs(text, style: TextStyle()) == shaper.laidOutLine(text, style: TextStyle()))
        }
    }
}
