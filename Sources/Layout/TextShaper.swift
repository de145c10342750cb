// Pango behind a small interface: measure a string, break a paragraph into lines.
//
// The shaper owns one Pango font map and context (C objects, not Sendable): use one shaper per
// thread. Results are cached by text + style + width, so shaping the same string twice — a
// country name in 2,000 directory rows, every paragraph in the second contents pass — is a lookup.
//
// Measuring and drawing must agree to the hundredth of a point, so both use unhinted metrics,
// unrounded glyph positions and 72 dpi (1 Pango unit = 1/1024 pt), and the renderer builds its
// Pango context from this shaper's font map (`makeContext()`).
import Base
import CPango
import Foundation

/// Size of a single line of text.
public struct TextMetrics: Sendable, Hashable {
    /// Advance width in points.
    public var width: Double
    /// Distance from the top of the line's logical box to the baseline.
    public var ascent: Double
    public var descent: Double
    public var height: Double { ascent + descent }
}

/// One line of a broken paragraph: its text (UTF-8 slice of the paragraph), its styled spans
/// rebased to the line, and where it sits horizontally in the paragraph box.
public struct ShapedLine: Sendable, Hashable {
    public var text: String
    public var spans: [TextSpan]
    /// Left edge of the line's logical box inside the paragraph box (non-zero when aligned/RTL).
    public var x: Double
    public var width: Double
    /// Byte range of the line in the paragraph text.
    public var byteRange: Range<Int>
    /// X positions (relative to the paragraph box) of the link spans on this line: (span index, minX, maxX).
    public var linkRuns: [LinkRun]
}

public struct LinkRun: Sendable, Hashable {
    public var uri: String
    /// The linked words on this line.
    public var text: String = ""
    public var minX: Double
    public var maxX: Double
}

/// The result of breaking a paragraph.
public struct ShapedParagraph: Sendable {
    public var lines: [ShapedLine]
    public var rightToLeft: Bool
}

/// Registers font folders with fontconfig as application fonts, once per process, before any
/// font map exists. `Fonts/` in the working directory is registered first by `TextShaper`.
public enum FontRegistry {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var registered: Set<String> = []

    /// Adds every font in `directory` (recursively) to fontconfig. Unloadable files become warnings.
    @discardableResult
    public static func register(directory: String) throws -> [LayoutWarning] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir) else {
            throw LayoutError.fontDirectory(path: directory, reason: "does not exist")
        }
        guard isDir.boolValue else { throw LayoutError.fontDirectory(path: directory, reason: "is not a folder") }
        let path = URL(fileURLWithPath: directory).standardizedFileURL.path
        lock.lock()
        defer { lock.unlock() }
        if registered.contains(path) { return [] }
        registered.insert(path)
        var warnings: [LayoutWarning] = []
        let fontExtensions: Set<String> = ["ttf", "otf", "ttc", "otc", "woff", "woff2", "pfb", "pcf"]
        if let files = FileManager.default.enumerator(atPath: path) {
            for case let file as String in files where fontExtensions.contains((file as NSString).pathExtension.lowercased()) {
                let full = path + "/" + file
                var count: Int32 = 0
                if let pattern = FcFreeTypeQuery(full, 0, nil, &count) {
                    FcPatternDestroy(pattern)
                } else {
                    warnings.append(LayoutWarning("\(full): not a font fontconfig can load; ignored"))
                }
            }
        }
        if FcConfigAppFontAddDir(FcConfigGetCurrent(), path) == 0 {
            throw LayoutError.fontDirectory(path: directory, reason: "could not be added to fontconfig")
        }
        return warnings
    }

    /// Serialises font-map creation with registration (fontconfig's current config is global).
    static func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}

/// Shapes and measures text with Pango. Not Sendable, and only one thread of a process may use
/// Pango at a time: Cairo 1.16 keeps at most 10 FreeType faces open process-wide and closes an
/// idle one without the lock of the thread about to use it, so two threads shaping in many faces
/// can crash (seen in a parallel test run).
public final class TextShaper {
    public let fonts: Theme.Fonts
    package let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    private let layout: OpaquePointer
    private var descriptions: [DescriptionKey: OpaquePointer] = [:]
    private var lineCache: [LineKey: ShapedParagraph] = [:]
    private var unknown: [Unicode.Scalar: Int] = [:]
    private var setupWarnings: [LayoutWarning] = []
    /// Cache statistics (for tests and `--timings`).
    public internal(set) var hits = 0
    public internal(set) var misses = 0
    /// Fonts of shaped glyph runs (`GlyphRun.font`), retained; and the layouts `lineGlyphs` shapes with.
    package internal(set) var shapedFonts: [UnsafeMutablePointer<PangoFont>] = []
    var fontIDs: [UnsafeMutableRawPointer: Int32] = [:]
    /// The glyphs shaped in each font of `shapedFonts`.
    var shapedGlyphs: [GlyphSet] = []
    var glyphCache: [GlyphKey: LineGlyphs] = [:]
    let ltrLayout: OpaquePointer, rtlLayout: OpaquePointer
    private let rtlContext: OpaquePointer
    /// The context `lineGlyphs` itemizes plain lines in (its font description changes per line,
    /// which would make the layouts on `context` start over).
    let itemContext: OpaquePointer
    /// Each shaped font's line box (Pango's logical y and height, in Pango units), by font id.
    var lineBoxes: [Int32: (y: Int32, height: Int32)] = [:]

    /// Creates a shaper. `Fonts/` in the current directory (if present), `fonts.directory` and
    /// `fontDirectories` are registered as application fonts first, so brand fonts win.
    public init(fonts: Theme.Fonts = Theme.Fonts(), fontDirectories: [String] = [], useProjectFonts: Bool = true) throws {
        self.fonts = fonts
        var dirs: [String] = []
        if useProjectFonts {
            let project = FileManager.default.currentDirectoryPath + "/Fonts"
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: project, isDirectory: &isDir), isDir.boolValue { dirs.append(project) }
        }
        if let d = fonts.directory { dirs.append(d) }
        dirs += fontDirectories
        var warnings: [LayoutWarning] = []
        for d in dirs { warnings += try FontRegistry.register(directory: d) }
        let map = FontRegistry.withLock { pango_cairo_font_map_new()! }
        fontMap = map
        context = pango_font_map_create_context(map)
        TextShaper.configure(context)
        layout = pango_layout_new(context)
        ltrLayout = pango_layout_new(context)
        pango_layout_set_auto_dir(ltrLayout, 0)
        rtlContext = pango_font_map_create_context(map)
        TextShaper.configure(rtlContext)
        pango_context_set_base_dir(rtlContext, PANGO_DIRECTION_RTL)
        rtlLayout = pango_layout_new(rtlContext)
        pango_layout_set_auto_dir(rtlLayout, 0)
        itemContext = pango_font_map_create_context(map)
        TextShaper.configure(itemContext)
        setupWarnings = warnings
        checkFamilies()
    }

    deinit {
        for d in descriptions.values { pango_font_description_free(d) }
        for f in shapedFonts { g_object_unref(UnsafeMutableRawPointer(f)) }
        g_object_unref(UnsafeMutableRawPointer(layout))
        g_object_unref(UnsafeMutableRawPointer(ltrLayout))
        g_object_unref(UnsafeMutableRawPointer(rtlLayout))
        g_object_unref(UnsafeMutableRawPointer(rtlContext))
        g_object_unref(UnsafeMutableRawPointer(itemContext))
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    /// Unhinted metrics, unrounded positions, 72 dpi: the same for measuring and drawing.
    package static func configure(_ context: OpaquePointer) {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_round_glyph_positions(context, 0)
    }

    /// A new Pango context on this shaper's font map, configured like the measuring one.
    package func makeContext() -> OpaquePointer {
        let ctx = pango_font_map_create_context(fontMap)!
        TextShaper.configure(ctx)
        return ctx
    }

    // MARK: Fonts

    private struct DescriptionKey: Hashable { var role: FontRole; var weight: FontWeight; var italic: Bool; var size: Double }

    /// The family list for a role: the theme's family, then the fallbacks.
    public func familyList(_ role: FontRole) -> String {
        ([fonts.family(role)] + fonts.fallbacks).joined(separator: ",")
    }

    /// A cached Pango font description (owned by the shaper; do not free).
    package func description(role: FontRole, weight: FontWeight, italic: Bool, size: Double) -> OpaquePointer {
        let key = DescriptionKey(role: role, weight: weight, italic: italic, size: size)
        if let d = descriptions[key] { return d }
        let d = pango_font_description_new()!
        pango_font_description_set_family(d, familyList(role))
        pango_font_description_set_weight(d, PangoWeight(rawValue: UInt32(weight.value)))
        pango_font_description_set_style(d, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_font_description_set_absolute_size(d, size * 1024)
        descriptions[key] = d
        return d
    }

    /// Warns when a theme family is not installed (fontconfig would silently substitute another).
    private func checkFamilies() {
        var seen: Set<String> = []
        for role in [FontRole.body, .heading, .mono] {
            let family = fonts.family(role)
            guard seen.insert(family.lowercased()).inserted else { continue }
            let d = pango_font_description_new()!
            defer { pango_font_description_free(d) }
            pango_font_description_set_family(d, family)
            pango_font_description_set_absolute_size(d, 10 * 1024)
            guard let font = pango_font_map_load_font(fontMap, context, d) else {
                setupWarnings.append(LayoutWarning("font family '\(family)' cannot be loaded"))
                continue
            }
            let described = pango_font_describe(font)!
            let actual = String(cString: pango_font_description_get_family(described))
            pango_font_description_free(described)
            g_object_unref(UnsafeMutableRawPointer(font))
            let wanted = family.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            if actual.lowercased() != wanted {
                setupWarnings.append(LayoutWarning(
                    "font family '\(family)' is not installed; using '\(actual)' — put its font files in Fonts/ or install its package"))
            }
        }
    }

    // MARK: Attributes

    /// Builds the attribute list for `style` + `spans` (UTF-8 byte offsets). Colours are included
    /// only for drawing (`withColors`); they do not change the shape.
    package func attributes(style: TextStyle, spans: [TextSpan], withColors: Bool) -> OpaquePointer? {
        if spans.isEmpty && !style.tabularFigures && !style.smallCaps { return nil }
        let list = pango_attr_list_new()!
        func insert(_ attr: UnsafeMutablePointer<PangoAttribute>?, _ start: Int32, _ end: Int32) {
            guard let attr else { return }
            attr.pointee.start_index = UInt32(bitPattern: start)
            attr.pointee.end_index = UInt32(bitPattern: end)
            pango_attr_list_insert(list, attr)
        }
        let all = Int32(bitPattern: UInt32.max)
        if style.tabularFigures { insert(pango_attr_font_features_new("tnum 1, lnum 1"), 0, all) }
        if style.smallCaps { insert(pango_attr_variant_new(PANGO_VARIANT_SMALL_CAPS), 0, all) }
        for s in spans {
            if let w = s.weight { insert(pango_attr_weight_new(PangoWeight(rawValue: UInt32(w.value))), s.start, s.end) }
            if let i = s.italic { insert(pango_attr_style_new(i ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL), s.start, s.end) }
            if let r = s.role, r != style.role {
                insert(pango_attr_family_new(familyList(r)), s.start, s.end)
                if r == .mono { insert(pango_attr_size_new_absolute(Int32(style.size * 0.9 * 1024)), s.start, s.end) }
            }
            if s.smallCaps == true { insert(pango_attr_variant_new(PANGO_VARIANT_SMALL_CAPS), s.start, s.end) }
            if withColors, let c = s.color {
                insert(pango_attr_foreground_new(UInt16(c.red) * 257, UInt16(c.green) * 257, UInt16(c.blue) * 257), s.start, s.end)
            }
            if withColors, s.underline {
                insert(pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), s.start, s.end)
            }
        }
        return list
    }

    // MARK: Measuring

    private struct LineKey: Hashable {
        var text: Bytes; var spans: [TextSpan]; var style: TextStyle; var width: Int32; var alignment: TextAlignment
    }

    private func prepare(_ text: String, style: TextStyle, spans: [TextSpan]) {
        pango_layout_set_font_description(layout, description(role: style.role, weight: style.weight, italic: style.italic, size: style.size))
        let attrs = attributes(style: style, spans: spans, withColors: false)
        pango_layout_set_attributes(layout, attrs)
        if let attrs { pango_attr_list_unref(attrs) }
        pango_layout_set_text(layout, text, -1)
    }

    /// The natural (unwrapped) size of one line of text.
    public func measure(_ text: String, style: TextStyle, spans: [TextSpan] = []) -> TextMetrics {
        // The glyphs are kept: the PDF writer draws this very shaping (`lineGlyphs`).
        let g = lineGlyphs(text, style: style, spans: spans)
        return TextMetrics(width: g.width, ascent: g.ascent, descent: g.descent)
    }

    /// Breaks `text` into lines no wider than `width` points (words longer than a line break
    /// between characters). `spans` style sub-ranges; `links` gives the URI of link spans by index.
    public func paragraph(_ text: String, style: TextStyle, spans: [TextSpan] = [], links: [Int: String] = [:],
                          width: Double, alignment: TextAlignment = .start) -> ShapedParagraph {
        var colorless = style
        colorless.color = .black
        let key = LineKey(text: Bytes(text: text), spans: spans, style: colorless, width: Int32((width * 64).rounded()), alignment: alignment)
        if links.isEmpty, let cached = lineCache[key] { hits += 1; return cached }
        misses += 1
        prepare(text, style: style, spans: spans)
        pango_layout_set_width(layout, Int32(width * 1024))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_alignment(layout, alignment == .center ? PANGO_ALIGN_CENTER : alignment == .end ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT)
        let bytes = Array(text.utf8)
        var lines: [ShapedLine] = []
        var rtl = false
        let iter = pango_layout_get_iter(layout)!
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iter) else { break }
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            let start = Int(line.pointee.start_index)
            var end = start + Int(line.pointee.length)
            if lines.isEmpty { rtl = line.pointee.resolved_dir == PANGO_DIRECTION_RTL.rawValue }
            // Paragraph separators stay out of the line text.
            while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
            let lineText = String(decoding: bytes[start..<end], as: UTF8.self)
            var lineSpans: [TextSpan] = []
            for s in spans where Int(s.end) > start && Int(s.start) < end {
                var r = s
                r.start = Int32(max(Int(s.start), start) - start)
                r.end = Int32(min(Int(s.end), end) - start)
                lineSpans.append(r)
            }
            var linkRuns: [LinkRun] = []
            for (index, uri) in links.sorted(by: { $0.key < $1.key }) where index < spans.count {
                let s = spans[index]
                let a = max(Int(s.start), start), b = min(Int(s.end), end)
                guard a < b else { continue }
                var x0: Int32 = 0, x1: Int32 = 0
                pango_layout_line_index_to_x(line, Int32(a), 0, &x0)
                pango_layout_line_index_to_x(line, Int32(b), 0, &x1)
                let lineX = Double(logical.x) / 1024
                linkRuns.append(LinkRun(uri: uri, text: String(decoding: bytes[a..<b], as: UTF8.self),
                                        minX: lineX + Double(min(x0, x1)) / 1024, maxX: lineX + Double(max(x0, x1)) / 1024))
            }
            lines.append(ShapedLine(text: lineText, spans: lineSpans, x: Double(logical.x) / 1024, width: Double(logical.width) / 1024,
                                    byteRange: start..<end, linkRuns: linkRuns))
            // The writer draws this line from these glyphs, shaped in the paragraph's context.
            keepGlyphs(of: line, text: lineText, start: start, spans: lineSpans, style: colorless, rightToLeft: rtl,
                       width: Double(logical.width) / 1024, ascent: Double(pango_layout_iter_get_baseline(iter) - logical.y) / 1024,
                       descent: Double(logical.y + logical.height - pango_layout_iter_get_baseline(iter)) / 1024)
        } while pango_layout_iter_next_line(iter) != 0
        pango_layout_iter_free(iter)
        collectUnknownGlyphs(text)
        let result = ShapedParagraph(lines: lines, rightToLeft: rtl)
        if links.isEmpty {
            if lineCache.count > 200_000 { lineCache.removeAll(keepingCapacity: true) }
            lineCache[key] = result
        }
        return result
    }

    func collectUnknownGlyphs(_ text: String, in layout: OpaquePointer? = nil) {
        let layout = layout ?? self.layout
        guard pango_layout_get_unknown_glyphs_count(layout) > 0 else { return }
        let iter = pango_layout_get_iter(layout)!
        repeat {
            if let run = pango_layout_iter_get_run_readonly(iter), let glyphs = run.pointee.glyphs {
                for i in 0..<Int(glyphs.pointee.num_glyphs) {
                    let g = glyphs.pointee.glyphs[i].glyph
                    if g & 0x1000_0000 != 0, let scalar = Unicode.Scalar(g & ~UInt32(0x1000_0000)), scalar.value >= 0x20 {
                        unknown[scalar, default: 0] += 1
                    }
                }
            }
        } while pango_layout_iter_next_run(iter) != 0
        pango_layout_iter_free(iter)
    }

    // MARK: Warnings

    /// Setup problems (unloadable fonts, missing families) and characters no installed font has,
    /// grouped by the Debian package that would supply them.
    public var warnings: [LayoutWarning] {
        var out = setupWarnings
        var byPackage: [String: [Unicode.Scalar]] = [:]
        for scalar in unknown.keys { byPackage[TextShaper.fontPackage(for: scalar), default: []].append(scalar) }
        for (package, scalars) in byPackage.sorted(by: { $0.key < $1.key }) {
            let list = scalars.sorted { $0.value < $1.value }.prefix(12)
                .map { "'\(Character($0))' (U+\(String(format: "%04X", $0.value)))" }.joined(separator: ", ")
            out.append(LayoutWarning("no installed font has \(list)\(scalars.count > 12 ? " and \(scalars.count - 12) more" : ""): \(package)"))
        }
        return out
    }

    /// The Debian package that covers a character, as advice for the warning.
    static func fontPackage(for scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
            "install fonts-noto-cjk"
        case 0x1F000...0x1FAFF, 0x2600...0x27BF:
            "install fonts-noto-color-emoji"
        case 0xE000...0xF8FF, 0xF0000...0x10FFFF:
            "a private-use character: add the font that defines it to Fonts/"
        default:
            "install fonts-noto-core (or fonts-noto-extra for rarer scripts), or add a font to Fonts/"
        }
    }
}
