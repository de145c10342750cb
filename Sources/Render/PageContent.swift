// One page's content stream: the page's items as PDF operators, in drawing order, each run of
// items in its marked-content sequence (tagged with its MCID, or an artifact) as `StructureTree`
// planned it.
//
// Coordinates stay the page model's (origin top-left, y down): the stream starts with a flip, and
// text is flipped back upright by its text matrix. Text is drawn from the shaper's glyph runs:
// glyph ids positioned with TJ against the widths written in /W, so the PDF shows the very glyph
// positions layout measured.
import Base
import CPango
import Foundation
import Layout

struct PageContent {
    private(set) var bytes: [UInt8] = []
    /// Link annotations drawn on the page, in order (rect in page-model coordinates).
    private(set) var links: [LinkItem] = []
    /// Whether anything drawn is translucent (the page then gets a transparency group).
    private(set) var transparent = false

    private var fill: Color?, stroke: Color?, lineWidth = 1.0, cap = false, dashed = false
    /// Text state (it outlives BT…ET): the font and size set, and whether glyphs are stroked too.
    private var font: (face: Int, size: Double)?, emboldened = false

    init(height: Double) {
        op("1 0 0 -1 0 "); num(height); op(" cm\n")
    }

    // MARK: Numbers and operators

    mutating func op(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
    mutating func op(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// A number with at most three decimals, without trailing zeros (printf is slow and locale-bound).
    mutating func num(_ v: Double) {
        var scaled = (v * 1000).rounded()
        if !scaled.isFinite { scaled = 0 }
        if scaled < 0 { bytes.append(UInt8(ascii: "-")); scaled = -scaled }
        let n = UInt64(min(scaled, 1e15))
        let whole = n / 1000
        var fraction = n % 1000
        appendDigits(whole)
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            var scale: UInt64 = 100
            while fraction % 10 == 0 { fraction /= 10; scale /= 10 }
            while scale > 0 { bytes.append(UInt8(48 + fraction / scale)); fraction %= scale; scale /= 10 }
        }
    }

    private mutating func appendDigits(_ v: UInt64) {
        if v < 10 { bytes.append(UInt8(48 + v)); return }
        var scale: UInt64 = 1
        while scale <= v / 10 { scale *= 10 }
        var x = v
        while scale > 0 { bytes.append(UInt8(48 + x / scale)); x %= scale; scale /= 10 }
    }

    private mutating func nums(_ values: Double...) {
        for v in values { num(v); bytes.append(32) }
    }

    private mutating func color(_ c: Color, stroking: Bool) {
        nums(Double(c.red) / 255, Double(c.green) / 255, Double(c.blue) / 255)
        op(stroking ? "RG\n" : "rg\n")
    }

    // MARK: Marked content

    mutating func beginMark(_ tag: String, mcid: Int32?, actualText: String?) {
        op("/"); op(tag)
        if let mcid {
            op(" << /MCID "); appendDigits(UInt64(mcid))
            if let actualText { op(" /ActualText "); op(PDFText.string(actualText)) }
            op(" >> BDC\n")
        } else {
            op(" BMC\n")
        }
    }
    mutating func beginArtifact(_ kind: ArtifactKind) {
        switch kind {
        case .header: op("/Artifact << /Type /Pagination /Subtype /Header >> BDC\n")
        case .footer: op("/Artifact << /Type /Pagination /Subtype /Footer >> BDC\n")
        case .layout: op("/Artifact << /Type /Layout >> BDC\n")
        }
    }
    mutating func endMark() { op("EMC\n") }

    // MARK: Graphics

    mutating func beginClip(_ r: Rect) {
        op("q\n"); nums(r.x, r.y, r.width, r.height); op("re W n\n")
    }
    /// Ends a clip; the graphics state it saved (colours, widths) is back, so forget what we set.
    mutating func endClip() {
        op("Q\n")
        fill = nil; stroke = nil; lineWidth = 1; cap = false; dashed = false; font = nil; emboldened = false
    }

    mutating func link(_ l: LinkItem) { links.append(l) }

    /// Fills and/or strokes a path; translucent colours go through an ExtGState from `alpha`.
    mutating func path(_ p: PathItem, alpha: (UInt8) -> String) {
        guard p.fill != nil || p.stroke != nil, !p.elements.isEmpty else { return }
        let translucent = (p.fill?.alpha ?? 255) < 255 || (p.stroke?.alpha ?? 255) < 255
        if translucent {
            transparent = true
            op("q /"); op(alpha(min(p.fill?.alpha ?? 255, p.stroke?.alpha ?? 255))); op(" gs\n")
        }
        if let f = p.fill, f != fill || translucent { color(f, stroking: false); if !translucent { fill = f } }
        if let s = p.stroke {
            if s != stroke || translucent { color(s, stroking: true); if !translucent { stroke = s } }
            if p.lineWidth != lineWidth { num(p.lineWidth); op(" w\n"); lineWidth = p.lineWidth }
            if p.roundCaps != cap { op(p.roundCaps ? "1 J\n" : "0 J\n"); cap = p.roundCaps }
            if !p.dash.isEmpty {
                op("["); for d in p.dash { num(d); op(" ") }; op("] 0 d\n"); dashed = true
            } else if dashed {
                op("[] 0 d\n"); dashed = false
            }
        }
        for e in p.elements {
            switch e {
            case .move(let a): nums(a.x, a.y); op("m\n")
            case .line(let a): nums(a.x, a.y); op("l\n")
            case .curve(let a, let b, let c): nums(a.x, a.y, b.x, b.y, c.x, c.y); op("c\n")
            case .rect(let r): nums(r.x, r.y, r.width, r.height); op("re\n")
            case .close: op("h\n")
            }
        }
        op(p.fill != nil && p.stroke != nil ? "B\n" : p.fill != nil ? "f\n" : "S\n")
        if translucent { op("Q\n") }
    }

    /// Draws image XObject `name` into `frame`.
    mutating func image(_ name: String, frame: Rect, translucent: Bool) {
        if translucent { transparent = true }
        op("q "); nums(frame.width, 0, 0, -frame.height, frame.x, frame.y + frame.height); op("cm /"); op(name); op(" Do Q\n")
    }

    // MARK: Text

    /// Draws a line of shaped glyphs. `fonts` records widths and Unicode values; a cluster whose
    /// glyphs cannot say its text through the ToUnicode map gets an ActualText span, unless the
    /// enclosing mark already carries the words (`ownActualText`).
    mutating func text(_ t: TextItem, glyphs line: LineGlyphs, shaper: TextShaper, fonts: PDFFonts, ownActualText: Bool,
                       allocate: () -> Int) {
        let visualRight = (t.alignment == .end) != t.rightToLeft
        let dx = t.alignment == .center ? (t.width - line.width) / 2 : visualRight ? t.width - line.width : 0
        var originX = t.x + dx, originY = t.baseline
        let rotated = t.rotation != 0
        let savedFont = font, savedEmboldened = emboldened
        if rotated {
            let a = t.rotation * .pi / 180
            op("q "); nums(cos(a), sin(a), -sin(a), cos(a), t.x, t.baseline); op("cm\n")
            originX = dx; originY = 0
        }
        let text = Array(t.text.utf8)
        var boxes: [Rect] = [], underlines: [(Double, Double, Double, Double, Color)] = []
        let base = t.style.color
        if base.alpha < 255 { transparent = true }
        op("BT\n")
        var current: Color? = fill
        for run in line.runs {
            let use = fonts.use(run.font, allocate: allocate)
            let size = use.size
            if font == nil || font!.face != use.face || font!.size != size {
                op("/"); op(fonts.faces[use.face].resource); op(" "); num(size); op(" Tf\n")
                font = (use.face, size)
            }
            if use.embolden {
                op("2 Tr "); num(size / 30); op(" w\n")
                emboldened = true
            } else if emboldened {
                op("0 Tr\n")
                emboldened = false
            }
            var underline: (position: Double, thickness: Double)?
            let count = run.glyphs.count
            // Glyphs sharing a cluster offset are one group; its text runs to the next cluster in
            // logical order (Pango keeps clusters monotonic within a run: decreasing when right-to-left).
            var i = 0
            var inTJ = false
            var pen = 0.0 // where the text position stands after the last glyph shown, in user space
            var positioned = false
            while i < count {
                var j = i + 1
                while j < count, run.clusters[j] == run.clusters[i] { j += 1 }
                let c = Int(run.clusters[i])
                let end = Int(run.rightToLeft ? (i > 0 ? run.clusters[i - 1] : run.textEnd) : (j < count ? run.clusters[j] : run.textEnd))
                let clusterText = c < end && end <= text.count ? text[c..<end] : []
                let colorHere = t.spans.isEmpty ? base : PageContent.color(at: Int32(c), spans: t.spans) ?? base
                if colorHere != current {
                    if inTJ { op("] TJ\n"); inTJ = false }
                    color(colorHere, stroking: false)
                    if use.embolden { color(colorHere, stroking: true) }
                    current = colorHere
                }
                // Does the ToUnicode map say this cluster's text?
                var said = true
                var drawable: [Int] = []
                for k in i..<j {
                    let g = run.glyphs[k]
                    // No glyph, or one past the line's text (a break's newline): nothing to draw or say.
                    if g == GlyphRun.emptyGlyph || clusterText.isEmpty { continue }
                    if g & GlyphRun.unknownFlag != 0 {
                        let next = k + 1 < count ? Double(run.x[k + 1]) : line.width
                        let w = max(size * 0.5, abs(next - Double(run.x[k])))
                        boxes.append(Rect(x: originX + Double(run.x[k]) + 0.1 * w, y: originY - size * 0.7, width: w * 0.8, height: size * 0.8))
                        continue
                    }
                    // One glyph says the cluster when it maps to its text; several never do (each maps
                    // to the whole cluster, so the reader gets the words from ActualText once).
                    if !fonts.map(g, to: clusterText, face: use.face) { said = false }
                    drawable.append(k)
                }
                if drawable.count > 1 { said = false }
                let actual = !ownActualText && !drawable.isEmpty && !said && !clusterText.isEmpty
                if actual {
                    if inTJ { op("] TJ\n"); inTJ = false }
                    op("/Span << /ActualText "); op(PDFText.string(String(decoding: clusterText, as: UTF8.self))); op(" >> BDC\n")
                }
                if PageContent.underlined(at: Int32(c), spans: t.spans), !drawable.isEmpty {
                    if underline == nil { underline = PageContent.underline(shaper.font(run.font), size: size) }
                    let x0 = Double(run.x[i]), x1 = j < count ? Double(run.x[j]) : line.width
                    underlines.append((originX + min(x0, x1), originX + max(x0, x1), originY + underline!.position, underline!.thickness, colorHere))
                }
                for k in drawable {
                    let g = run.glyphs[k]
                    let gx = originX + Double(run.x[k])
                    let dy = run.y.isEmpty ? 0 : Double(run.y[k])
                    if !positioned || dy != 0 || (k > 0 && !run.y.isEmpty && run.y[k - 1] != 0) {
                        if inTJ { op("] TJ\n"); inTJ = false }
                        op("1 0 "); num(-use.slant); op(" -1 "); nums(gx, originY + dy); op("Tm\n")
                        pen = gx
                        positioned = true
                    }
                    if !inTJ { op("["); inTJ = true }
                    let adjust = (pen - gx) * 1000 / size
                    // Below 1/1000 em (0.01 pt at 10 pt) a shift is invisible; the pen keeps the
                    // remainder, so skipped shifts never add up along a line.
                    var placed = pen
                    if abs(adjust) >= 1 {
                        let a = adjust.rounded()
                        num(a); op(" ")
                        placed = pen - a * size / 1000
                    }
                    hex4(g)
                    pen = placed + Double(fonts.width(g, face: use.face)) * size / 1000
                }
                if actual {
                    if inTJ { op("] TJ\n"); inTJ = false }
                    op("EMC\n")
                }
                i = j
            }
            if inTJ { op("] TJ\n") }
        }
        op("ET\n")
        for (x0, x1, y, thickness, c) in underlines {
            if c != current { color(c, stroking: false); current = c }
            nums(x0, y - thickness / 2, x1 - x0, thickness); op("re f\n")
        }
        if !boxes.isEmpty {
            color(base, stroking: true)
            op("0.5 w\n")
            for b in boxes { nums(b.x, b.y, b.width, b.height); op("re S\n") }
        }
        if rotated {
            op("Q\n") // back to the colours, widths and text state before the text
            font = savedFont; emboldened = savedEmboldened
        } else {
            fill = current ?? fill
            // Emboldened or boxed text set the stroke colour and width: set them afresh next time.
            if !boxes.isEmpty || line.runs.contains(where: { fonts.use($0.font, allocate: allocate).embolden }) { stroke = nil; lineWidth = -1 }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// A glyph id as a 2-byte hex string: "<0123>".
    private mutating func hex4(_ g: UInt32) {
        let d = PageContent.hexDigits
        bytes.append(60)
        bytes.append(d[Int(g >> 12 & 15)]); bytes.append(d[Int(g >> 8 & 15)]); bytes.append(d[Int(g >> 4 & 15)]); bytes.append(d[Int(g & 15)])
        bytes.append(62)
    }

    static func color(at byte: Int32, spans: [TextSpan]) -> Color? {
        var found: Color?
        for s in spans where s.start <= byte && byte < s.end { if let c = s.color { found = c } }
        return found
    }

    static func underlined(at byte: Int32, spans: [TextSpan]) -> Bool {
        spans.contains { $0.underline && $0.start <= byte && byte < $0.end }
    }

    /// Underline position (below the baseline, positive down) and thickness from the font's metrics.
    static func underline(_ font: UnsafeMutablePointer<PangoFont>, size: Double) -> (position: Double, thickness: Double) {
        guard let m = pango_font_get_metrics(font, nil) else { return (size * 0.1, size * 0.05) }
        defer { pango_font_metrics_unref(m) }
        let position = -Double(pango_font_metrics_get_underline_position(m)) / 1024
        let thickness = Double(pango_font_metrics_get_underline_thickness(m)) / 1024
        return (position, thickness > 0 ? thickness : size * 0.05)
    }
}
