// The glyphs Pango chose for a line, read out of its layout, so the PDF writer draws exactly what
// was measured: glyph ids, pen positions and the text cluster each glyph stands for (text stays
// extractable), with fonts named by an index into the shaper's font table.
import Base
import CPango
import Foundation

/// A run of glyphs in one font, in visual (left-to-right) order.
public struct GlyphRun: Sendable, Equatable {
    /// Index of the run's font in the shaper that shaped it (`TextShaper.font(_:)`).
    public var font: Int32
    public var glyphs: [UInt32]
    /// Origin of each glyph (pen position plus Pango's x offset) from the line's left edge, in points.
    public var x: [Float]
    /// Vertical offset of each glyph (positive down), in points; empty when all are zero.
    public var y: [Float]
    /// Byte offset, in the line's text, of the cluster each glyph belongs to.
    public var clusters: [Int32]
    /// The run's bytes in the line's text.
    public var textStart: Int32, textEnd: Int32
    public var rightToLeft: Bool

    /// Glyph flags Pango uses: no glyph to draw (a tab, a control character)…
    public static let emptyGlyph: UInt32 = 0x0FFF_FFFF
    /// …and no font has the character (the low bits are its code point).
    public static let unknownFlag: UInt32 = 0x1000_0000
}

/// The shaped glyphs of one line of text.
public struct LineGlyphs: Sendable, Equatable {
    public var runs: [GlyphRun]
    /// The line's advance width in points.
    public var width: Double
    /// Distance from the top of the line's logical box to its baseline, and from the baseline to its bottom, in points.
    public var ascent: Double
    public var descent: Double
}

extension TextShaper {
    /// A retained Pango font of this shaper's font table (shared by every line it shaped).
    package func font(_ id: Int32) -> UnsafeMutablePointer<PangoFont> { shapedFonts[Int(id)] }

    /// Every glyph this shaper has produced in font `id` so far (drawn or only measured): what a
    /// font subset can be cut to before the pages are drawn.
    package func glyphsShaped(inFont id: Int32) -> GlyphSet { shapedGlyphs[Int(id)] }

    /// The glyphs of one unwrapped line of `text`, shaped as the painter shapes a text item: the
    /// item's own base direction, no wrapping. Cached by text, spans, style and direction.
    public func lineGlyphs(_ text: String, style: TextStyle, spans: [TextSpan] = [], rightToLeft: Bool = false) -> LineGlyphs {
        var colorless = style
        colorless.color = .black
        let key = GlyphKey(text: Bytes(text: text), spans: spans, style: colorless, rightToLeft: rightToLeft)
        if let cached = glyphCache[key] { hits += 1; return cached }
        misses += 1
        let result = spans.isEmpty && !rightToLeft ? itemizedLine(text, style: style) ?? laidOutLine(text, style: style)
            : laidOutLine(text, style: style, spans: spans, rightToLeft: rightToLeft)
        if glyphCache.count > 300_000 { glyphCache.removeAll(keepingCapacity: true) }
        glyphCache[key] = result
        return result
    }

    /// `lineGlyphs` through a PangoLayout: any text, spans and direction.
    package func laidOutLine(_ text: String, style: TextStyle, spans: [TextSpan] = [], rightToLeft: Bool = false) -> LineGlyphs {
        let layout = rightToLeft ? rtlLayout : ltrLayout
        pango_layout_set_font_description(layout, description(role: style.role, weight: style.weight, italic: style.italic, size: style.size))
        let attrs = attributes(style: style, spans: spans, withColors: false)
        pango_layout_set_attributes(layout, attrs)
        if let attrs { pango_attr_list_unref(attrs) }
        pango_layout_set_text(layout, text, -1)
        pango_layout_set_width(layout, -1)
        var runs: [GlyphRun] = []
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        // A single line unless the text holds line breaks; those draw as one line, like Pango's.
        var pen: Int32 = 0
        let count = pango_layout_get_line_count(layout)
        for i in 0..<count {
            guard let line = pango_layout_get_line_readonly(layout, i) else { continue }
            pen = appendRuns(of: line, lineStart: 0, pen: pen, to: &runs)
        }
        // The layout's baseline is its first line's ascent. Asking the layout for it would build an
        // iterator, which measures the whole layout again: a third of a line's cost here.
        var first = PangoRectangle()
        if let line = pango_layout_get_line_readonly(layout, 0) { pango_layout_line_get_extents(line, nil, &first) }
        let baseline = Double(-first.y) / 1024
        collectUnknownGlyphs(text, in: layout)
        return LineGlyphs(runs: runs, width: Double(logical.width) / 1024, ascent: baseline, descent: Double(logical.height) / 1024 - baseline)
    }

    /// Shapes a line that layout places without measuring it (a page number, a KPI value), as
    /// the writer will draw it: the writer cuts each font's subset, before it draws a page, to
    /// the glyphs shaped so far, and a glyph first shaped while drawing makes it cut that font
    /// again, on the drawing thread.
    package func shapeForDrawing(_ text: String, style: TextStyle, spans: [TextSpan] = [], rightToLeft: Bool = false) {
        guard !text.isEmpty else { return }  // the writer draws nothing for it
        _ = lineGlyphs(text, style: style, spans: spans, rightToLeft: rightToLeft)
    }

    /// Caches the glyphs of a paragraph's line for `lineGlyphs` (keyed by the line's own text and spans).
    func keepGlyphs(of line: UnsafeMutablePointer<PangoLayoutLine>, text: String, start: Int, spans: [TextSpan], style: TextStyle,
                    rightToLeft: Bool, width: Double, ascent: Double, descent: Double) {
        let key = GlyphKey(text: Bytes(text: text), spans: spans, style: style, rightToLeft: rightToLeft)
        guard glyphCache[key] == nil else { return }
        var runs: [GlyphRun] = []
        _ = appendRuns(of: line, lineStart: start, pen: 0, to: &runs)
        if glyphCache.count > 300_000 { glyphCache.removeAll(keepingCapacity: true) }
        glyphCache[key] = LineGlyphs(runs: runs, width: width, ascent: ascent, descent: descent)
    }

    /// Appends the runs of `line` (visual order) with pen positions continuing from `pen`; returns the pen after it.
    private func appendRuns(of line: UnsafeMutablePointer<PangoLayoutLine>, lineStart: Int, pen start: Int32, to runs: inout [GlyphRun]) -> Int32 {
        var pen = start
        var node = line.pointee.runs
        while let n = node {
            defer { node = n.pointee.next }
            guard let run = n.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self),
                  let item = run.pointee.item, let string = run.pointee.glyphs else { continue }
            appendRun(item, string, lineStart: lineStart, pen: &pen, to: &runs)
        }
        return pen
    }

    /// Appends one shaped item (a glyph string in one font) as a run starting at `pen`, and moves `pen` past it.
    func appendRun(_ item: UnsafeMutablePointer<PangoItem>, _ string: UnsafeMutablePointer<PangoGlyphString>, lineStart: Int,
                   pen: inout Int32, to runs: inout [GlyphRun]) {
        let count = Int(string.pointee.num_glyphs)
        guard count > 0, let font = item.pointee.analysis.font else { return }
        var glyphs = [UInt32](), xs = [Float](), ys = [Float](), clusters = [Int32]()
        glyphs.reserveCapacity(count); xs.reserveCapacity(count); clusters.reserveCapacity(count)
        var anyY = false
        let itemStart = Int32(item.pointee.offset) - Int32(lineStart)
        let id = fontID(font)
        for i in 0..<count {
            let info = string.pointee.glyphs[i]
            glyphs.append(info.glyph)
            shapedGlyphs[Int(id)].insert(info.glyph)
            xs.append(Float(pen + info.geometry.x_offset) / 1024)
            let dy = Float(info.geometry.y_offset) / 1024
            if dy != 0 { anyY = true }
            ys.append(dy)
            clusters.append(itemStart + string.pointee.log_clusters[i])
            pen += info.geometry.width
        }
        runs.append(GlyphRun(font: id, glyphs: glyphs, x: xs, y: anyY ? ys : [], clusters: clusters,
                             textStart: itemStart, textEnd: itemStart + Int32(item.pointee.length),
                             rightToLeft: item.pointee.analysis.level % 2 == 1))
    }

    func fontID(_ font: UnsafeMutablePointer<PangoFont>) -> Int32 {
        let key = UnsafeMutableRawPointer(font)
        if let id = fontIDs[key] { return id }
        g_object_ref(key)
        let id = Int32(shapedFonts.count)
        shapedFonts.append(font)
        shapedGlyphs.append(GlyphSet())
        fontIDs[key] = id
        return id
    }
}

/// A set of glyph ids, as a bitmap: a font has at most 65,536 glyphs, and a shaper inserts one
/// per glyph it shapes, so insertion must cost next to nothing.
public struct GlyphSet: Sendable, Equatable {
    private var words: [UInt64] = []

    public init() {}

    /// Adds `glyph`; Pango's flags for an empty or unknown glyph are not glyph ids and are skipped.
    public mutating func insert(_ glyph: UInt32) {
        guard glyph < 0x1_0000 else { return }
        let w = Int(glyph >> 6)
        if w >= words.count { words.append(contentsOf: repeatElement(0, count: w + 1 - words.count)) }
        words[w] |= 1 << UInt64(glyph & 63)
    }

    public func contains(_ glyph: UInt32) -> Bool {
        let w = Int(glyph >> 6)
        return w < words.count && words[w] & (1 << UInt64(glyph & 63)) != 0
    }

    /// The glyph ids, ascending.
    public var sorted: [UInt32] {
        var out: [UInt32] = []
        for (w, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                out.append(UInt32(w << 6 + bits.trailingZeroBitCount))
                bits &= bits - 1
            }
        }
        return out
    }

    public mutating func formUnion(_ other: GlyphSet) {
        if other.words.count > words.count { words.append(contentsOf: repeatElement(0, count: other.words.count - words.count)) }
        for (i, w) in other.words.enumerated() { words[i] |= w }
    }
}

struct GlyphKey: Hashable {
    var text: Bytes; var spans: [TextSpan]; var style: TextStyle; var rightToLeft: Bool
}

/// Cache keys compare and hash the UTF-8 bytes: String's own == and hash normalise Unicode,
/// which is slow for non-Latin text and not what shaping distinguishes anyway.
struct Bytes: Hashable {
    var text: String
    static func == (a: Bytes, b: Bytes) -> Bool {
        guard a.text.utf8.count == b.text.utf8.count else { return false }
        var x = a.text, y = b.text
        return x.withUTF8 { p in y.withUTF8 { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 } }
    }
    func hash(into hasher: inout Hasher) {
        var t = text
        t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
