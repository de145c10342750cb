// A plain line shaped item by item, without a PangoLayout: Pango's own itemizer (font fallback,
// scripts, small caps) and shaper, and the line box read from each font's extents.
//
// A layout costs a line about twice its shaping on top of it: it finds every break opportunity,
// measures the whole layout once for a debug message (Pango 1.50's check_lines) and, for that,
// builds each font's metrics from a sample paragraph. A table cell or a running header needs
// none of that. The result is the layout's to the glyph, position and line box; lines that a
// layout treats differently go through one (`laidOutLine`).
import Base
import CPango

extension TextShaper {
    /// The glyphs of `text` as `laidOutLine` shapes them with no spans, left to right, or nil
    /// when only a layout gives them: empty text, a line or paragraph break, a tab or other
    /// control character, right-to-left text, or a character no font has.
    package func itemizedLine(_ text: String, style: TextStyle) -> LineGlyphs? {
        guard !text.isEmpty, !text.unicodeScalars.contains(where: TextShaper.needsLayout) else { return nil }
        pango_context_set_font_description(itemContext, description(role: style.role, weight: style.weight, italic: style.italic, size: style.size))
        let attrs = attributes(style: style, spans: [], withColors: false)
        defer { if let attrs { pango_attr_list_unref(attrs) } }
        var utf8 = text
        return utf8.withUTF8 { bytes -> LineGlyphs? in
            bytes.withMemoryRebound(to: CChar.self) { chars -> LineGlyphs? in
                let length = Int32(chars.count)
                let items = pango_itemize_with_base_dir(itemContext, pango_context_get_base_dir(itemContext),
                                                        chars.baseAddress, 0, length, attrs, nil)
                defer { g_list_free_full(items) { pango_item_free($0?.assumingMemoryBound(to: PangoItem.self)) } }
                let string = pango_glyph_string_new()!
                defer { pango_glyph_string_free(string) }
                var runs: [GlyphRun] = []
                var pen: Int32 = 0
                // The line's logical box, folded as Pango folds its runs' (from an empty box at 0).
                var top: Int32 = 0, bottom: Int32 = 0, left: Int32 = 0, right: Int32 = 0
                var node = items
                while let n = node {
                    node = n.pointee.next
                    guard let item = n.pointee.data?.assumingMemoryBound(to: PangoItem.self),
                          item.pointee.analysis.level == 0, let font = item.pointee.analysis.font else { return nil }
                    pango_shape_item(item, chars.baseAddress, length, nil, string, PANGO_SHAPE_NONE)
                    let count = Int(string.pointee.num_glyphs)
                    guard count > 0 else { return nil }
                    // A missing glyph's box is Pango's hex box, not the font's line box.
                    for i in 0..<count where string.pointee.glyphs[i].glyph & GlyphRun.unknownFlag != 0 { return nil }
                    let box = lineBox(font), start = pen
                    appendRun(item, string, lineStart: 0, pen: &pen, to: &runs)
                    left = min(left, start)
                    right = max(right, pen)
                    bottom = max(bottom, box.y + box.height)
                    top = min(top, box.y)
                }
                guard !runs.isEmpty else { return nil }
                let ascent = Double(-top) / 1024
                return LineGlyphs(runs: runs, width: Double(right - left) / 1024, ascent: ascent,
                                  descent: Double(bottom - top) / 1024 - ascent)
            }
        }
    }

    /// Characters a layout breaks a line at or lays out itself (tabs, other controls, Unicode's
    /// line and paragraph separators, next line).
    private static func needsLayout(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// A font's logical line box, as Pango gives every glyph of it (the empty glyph's box).
    private func lineBox(_ font: UnsafeMutablePointer<PangoFont>) -> (y: Int32, height: Int32) {
        let id = fontID(font)
        if let box = lineBoxes[id] { return box }
        var logical = PangoRectangle()
        pango_font_get_glyph_extents(font, GlyphRun.emptyGlyph, nil, &logical)
        let box = (y: logical.y, height: logical.height)
        lineBoxes[id] = box
        return box
    }
}
