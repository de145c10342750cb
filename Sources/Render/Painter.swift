// Draws positioned items on a Cairo image surface, for PNG previews: the one place that calls
// Cairo drawing functions (the PDF is written by `PDFWriter`, from the same page model).
//
// Text is shaped again from the item's text and style with the layout's own font map and the same
// unhinted, unrounded settings the measurer used, and drawn with pango_cairo_show_layout.
import Base
import CCairo
import CPango
import Foundation
import Layout

final class Painter {
    let shaper: TextShaper
    private let contexts: [OpaquePointer]   // [left-to-right, right-to-left]
    private let layouts: [OpaquePointer]
    private var images: [String: OpaquePointer] = [:]

    init(shaper: TextShaper) {
        self.shaper = shaper
        let ltr = shaper.makeContext()
        let rtl = shaper.makeContext()
        pango_context_set_base_dir(rtl, PANGO_DIRECTION_RTL)
        contexts = [ltr, rtl]
        layouts = contexts.map { ctx in
            let l = pango_layout_new(ctx)!
            pango_layout_set_auto_dir(l, 0)
            return l
        }
    }

    deinit {
        for l in layouts { g_object_unref(UnsafeMutableRawPointer(l)) }
        for c in contexts { g_object_unref(UnsafeMutableRawPointer(c)) }
        for s in images.values { cairo_surface_destroy(s) }
        clearCache()
    }

    /// Call once per cairo_t before drawing text.
    func attach(_ cr: OpaquePointer) {
        clearCache()
        for (c, l) in zip(contexts, layouts) {
            pango_cairo_update_context(cr, c)
            pango_layout_context_changed(l)
        }
    }

    /// Draws one page's items. Throws `RenderError` for images Cairo cannot read.
    func draw(_ items: [PageItem], on cr: OpaquePointer) throws {
        for item in items {
            switch item {
            case .text(let t): drawText(t, cr)
            case .path(let p): drawPath(p, cr)
            case .image(let i): try drawImage(i, cr)
            case .link, .beginTag, .endTag: break // a picture has no links or structure
            case .beginClip(let r):
                cairo_save(cr)
                cairo_rectangle(cr, r.x, r.y, r.width, r.height)
                cairo_clip(cr)
            case .endClip:
                cairo_restore(cr)
            }
        }
    }

    private func setColor(_ c: Color, _ cr: OpaquePointer) {
        cairo_set_source_rgba(cr, Double(c.red) / 255, Double(c.green) / 255, Double(c.blue) / 255, Double(c.alpha) / 255)
    }

    /// Layouts of plain (span-free) lines already shaped, by text and shape-relevant style: the
    /// same country, sector or date in 2,000 pages of directory is shaped once. Colour is not part
    /// of the key (it is the Cairo source, not a Pango attribute, for plain lines).
    private struct CacheKey: Hashable {
        var text: String
        var role: FontRole, weight: FontWeight, italic: Bool, size: Double, tabular: Bool, smallCaps: Bool
        var width: Double, alignment: TextAlignment, rightToLeft: Bool
    }
    private var cache: [CacheKey: (layout: OpaquePointer, baseline: Double, shift: Double)] = [:]
    private static let cacheLimit = 4096
    private var seenOnce: Set<Int> = []

    private func clearCache() {
        for entry in cache.values { g_object_unref(UnsafeMutableRawPointer(entry.layout)) }
        cache.removeAll(keepingCapacity: true)
    }

    private func drawText(_ t: TextItem, _ cr: OpaquePointer) {
        guard !t.text.isEmpty else { return }
        let s = t.style
        let cacheable = t.spans.isEmpty && t.text.utf8.count <= 64
        if cacheable {
            let key = CacheKey(text: t.text, role: s.role, weight: s.weight, italic: s.italic, size: s.size, tabular: s.tabularFigures,
                               smallCaps: s.smallCaps, width: t.alignment == .start && !t.rightToLeft ? 0 : t.width,
                               alignment: t.alignment, rightToLeft: t.rightToLeft)
            if let entry = cache[key] {
                show(entry.layout, t, baseline: entry.baseline, shift: entry.shift, cr)
                return
            }
            // Admit a line to the cache on its second sighting only: unique names would otherwise
            // fill it and evict the countries, sectors and dates that do repeat.
            if seenOnce.insert(key.hashValue).inserted {
                if seenOnce.count > 500_000 { seenOnce.removeAll(keepingCapacity: true) }
                let layout = layouts[t.rightToLeft ? 1 : 0]
                let (baseline, shift) = prepare(layout, t)
                show(layout, t, baseline: baseline, shift: shift, cr)
                return
            }
            let layout = pango_layout_new(contexts[t.rightToLeft ? 1 : 0])!
            pango_layout_set_auto_dir(layout, 0)
            let (baseline, shift) = prepare(layout, t)
            if cache.count >= Self.cacheLimit { clearCache() }
            cache[key] = (layout, baseline, shift)
            show(layout, t, baseline: baseline, shift: shift, cr)
            return
        }
        let layout = layouts[t.rightToLeft ? 1 : 0]
        let (baseline, shift) = prepare(layout, t)
        show(layout, t, baseline: baseline, shift: shift, cr)
    }

    /// Sets a layout up for the item; returns the layout's baseline and the horizontal correction.
    private func prepare(_ layout: OpaquePointer, _ t: TextItem) -> (baseline: Double, shift: Double) {
        let s = t.style
        pango_layout_set_font_description(layout, shaper.description(role: s.role, weight: s.weight, italic: s.italic, size: s.size))
        let attrs = shaper.attributes(style: s, spans: t.spans, withColors: true)
        pango_layout_set_attributes(layout, attrs)
        if let attrs { pango_attr_list_unref(attrs) }
        pango_layout_set_text(layout, t.text, -1)
        if t.alignment == .start && !t.rightToLeft {
            pango_layout_set_width(layout, -1)
            pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        } else {
            // Slightly wider than the box so Pango never wraps a line that layout measured to fit.
            pango_layout_set_width(layout, Int32((t.width + 0.5) * 1024))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
            let align: PangoAlignment
            switch (t.alignment, t.rightToLeft) {
            case (.center, _): align = PANGO_ALIGN_CENTER
            case (.start, false), (.end, true): align = PANGO_ALIGN_LEFT
            case (.start, true), (.end, false): align = PANGO_ALIGN_RIGHT
            }
            pango_layout_set_alignment(layout, align)
        }
        var shift = 0.0 // undo the half point of slack added to the box width
        if !(t.alignment == .start && !t.rightToLeft) {
            let visualRight = (t.alignment == .end) != t.rightToLeft
            shift = t.alignment == .center ? 0.25 : (visualRight ? 0.5 : 0)
        }
        return (Double(pango_layout_get_baseline(layout)) / 1024, shift)
    }

    private func show(_ layout: OpaquePointer, _ t: TextItem, baseline: Double, shift: Double, _ cr: OpaquePointer) {
        setColor(t.style.color, cr)
        if t.rotation != 0 {
            cairo_save(cr)
            cairo_translate(cr, t.x, t.baseline)
            cairo_rotate(cr, t.rotation * .pi / 180)
            cairo_move_to(cr, -shift, -baseline)
            pango_cairo_show_layout(cr, layout)
            cairo_restore(cr)
        } else {
            cairo_move_to(cr, t.x - shift, t.baseline - baseline)
            pango_cairo_show_layout(cr, layout)
        }
    }

    private func drawPath(_ p: PathItem, _ cr: OpaquePointer) {
        guard p.fill != nil || p.stroke != nil else { return }
        cairo_new_path(cr)
        for e in p.elements {
            switch e {
            case .move(let a): cairo_move_to(cr, a.x, a.y)
            case .line(let a): cairo_line_to(cr, a.x, a.y)
            case .curve(let a, let b, let c): cairo_curve_to(cr, a.x, a.y, b.x, b.y, c.x, c.y)
            case .rect(let r): cairo_rectangle(cr, r.x, r.y, r.width, r.height)
            case .close: cairo_close_path(cr)
            }
        }
        if let fill = p.fill {
            setColor(fill, cr)
            if p.stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let stroke = p.stroke {
            setColor(stroke, cr)
            cairo_set_line_width(cr, p.lineWidth)
            cairo_set_line_cap(cr, p.roundCaps ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
            if p.dash.isEmpty {
                cairo_set_dash(cr, nil, 0, 0)
            } else {
                cairo_set_dash(cr, p.dash, Int32(p.dash.count), 0)
            }
            cairo_stroke(cr)
            cairo_set_dash(cr, nil, 0, 0)
        }
    }

    private func drawImage(_ i: ImageItem, _ cr: OpaquePointer) throws {
        let surface: OpaquePointer
        if let s = images[i.path] {
            surface = s
        } else {
            guard let s = cairo_image_surface_create_from_png(i.path), cairo_surface_status(s) == CAIRO_STATUS_SUCCESS else {
                throw RenderError.image(path: i.path, reason: "Cairo cannot read it as a PNG")
            }
            images[i.path] = s
            surface = s
        }
        let w = Double(cairo_image_surface_get_width(surface)), h = Double(cairo_image_surface_get_height(surface))
        guard w > 0, h > 0 else { return }
        cairo_save(cr)
        cairo_translate(cr, i.frame.x, i.frame.y)
        cairo_scale(cr, i.frame.width / w, i.frame.height / h)
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
        cairo_rectangle(cr, 0, 0, w, h)
        cairo_fill(cr)
        cairo_restore(cr)
    }
}

/// Errors writing output; each prints as one line.
public enum RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    case image(path: String, reason: String)
    case output(path: String, reason: String)
    case cairo(String)

    public var description: String {
        switch self {
        case .image(let p, let r): "\(p): \(r)"
        case .output(let p, let r): "\(p): \(r)"
        case .cairo(let m): "Cairo: \(m)"
        }
    }
}
