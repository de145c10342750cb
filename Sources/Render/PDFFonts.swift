// The fonts of a PDF: one embedded subset per font face (file and index), written once at the
// end with the widths and Unicode values of the glyphs the pages drew.
//
// Glyphs are addressed by their glyph id (Identity-H, CID = GID): HarfBuzz's subsetter keeps the
// ids (RETAIN_GIDS), so the content streams need no renumbering and the widths (/W) are the font's
// own advances. TrueType outlines are embedded as CIDFontType2 (FontFile2, /CIDToGIDMap /Identity),
// CFF outlines as CIDFontType0 with the OpenType file (FontFile3 /OpenType).
//
// Subsetting is the writer's largest cost (a CJK face alone is most of it), so `prepare` starts it
// on another thread before the first page is drawn, cut to every glyph the shaper has produced
// in the face; `write` uses that program when the pages drew nothing beyond it (they draw what
// layout shaped, so in practice always) and cuts the face again otherwise.
import CPango
import Dispatch
import Foundation
import Layout

final class PDFFonts {
    /// One embedded font program.
    struct Face {
        let hb: OpaquePointer
        /// An HarfBuzz font at 1 unit per font unit, for advances and metrics.
        let metrics: OpaquePointer
        let upem: Double
        let resource: String
        let number: Int
        let postScriptName: String
        /// The font file and index ("path#0"): faces are embedded once per key.
        let key: String
        /// Advance of each glyph in 1/1000 em, as written in /W (the content stream positions
        /// with these), by glyph id; `unused` for glyphs not drawn.
        var widths: [Int32]
        /// The text (UTF-8) each drawn glyph stands for, as written in the ToUnicode map.
        var unicode: [[UInt8]?]
        static let unused: Int32 = .min
        var used: [UInt32] { widths.indices.filter { widths[$0] != Face.unused }.map { UInt32($0) } }
    }

    /// How a shaper font draws: its face, size and any synthetic style fontconfig asked for.
    struct Use {
        let face: Int
        let size: Double
        let embolden: Bool
        /// Horizontal shear of a synthetic oblique (fontconfig's matrix xy), 0 for none.
        let slant: Double
    }

    private(set) var faces: [Face] = []
    private var faceIndex: [String: Int] = [:]
    private var uses: [Int32: Use] = [:]
    private let shaper: TextShaper
    /// Subsets started by `prepare`, by face key: the glyphs they keep and the deflated program.
    private var prepared: [String: (glyphs: GlyphSet, program: Background<Program>)] = [:]
    private let subsetQueue = DispatchQueue(label: "almanac.font-subsets")

    /// A font program as written: its length before and its bytes after deflating.
    struct Program: Sendable { var length: Int; var packed: [UInt8] }

    init(shaper: TextShaper) { self.shaper = shaper }

    deinit {
        // No subset outlives the writer, even one `write` did not need (a face shaped but never
        // drawn) or never reached (a failed page): a worker still cutting a font while the
        // process exits would race the libraries' exit handlers.
        for p in prepared.values { _ = try? p.program.value() }
        for f in faces { hb_font_destroy(f.metrics); hb_face_destroy(f.hb) }
    }

    /// Starts cutting every face the shaper has used to the glyphs it shaped in it.
    func prepare() {
        var order: [String] = []
        var planned: [String: (face: OpaquePointer, glyphs: GlyphSet)] = [:]
        for id in 0..<Int32(shaper.shapedFonts.count) {
            let font = shaper.font(id)
            let key = PDFFonts.key(of: font, id: id)
            if planned[key] == nil {
                planned[key] = (hb_font_get_face(pango_font_get_hb_font(font))!, GlyphSet())
                order.append(key)
            }
            planned[key]!.glyphs.formUnion(shaper.glyphsShaped(inFont: id))
        }
        for key in order {
            let (face, glyphs) = planned[key]!
            let handed = Handed(pointer: hb_face_reference(face)!)
            prepared[key] = (glyphs, Background(on: subsetQueue) {
                defer { hb_face_destroy(handed.pointer) }
                let program = try PDFFonts.subset(handed.pointer, glyphs: glyphs.sorted)
                return Program(length: program.count, packed: Zlib.deflate(program))
            })
        }
    }

    /// The font file and index a Pango font draws from.
    private static func key(of font: UnsafeMutablePointer<PangoFont>, id: Int32) -> String {
        let pattern = pango_fc_font_get_pattern(UnsafeMutableRawPointer(font).assumingMemoryBound(to: PangoFcFont.self))
        var file: UnsafeMutablePointer<FcChar8>?
        var index: Int32 = 0
        guard let pattern, FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch, let file else { return "font \(id)" }
        FcPatternGetInteger(pattern, FC_INDEX, 0, &index)
        return String(cString: file) + "#\(index)"
    }

    /// The face and size of shaper font `id`, registering its face on first use.
    func use(_ id: Int32, allocate: () -> Int) -> Use {
        if let u = uses[id] { return u }
        let font = shaper.font(id)
        let pattern = pango_fc_font_get_pattern(UnsafeMutableRawPointer(font).assumingMemoryBound(to: PangoFcFont.self))
        let key = PDFFonts.key(of: font, id: id)
        var embolden: FcBool = 0
        if let pattern { FcPatternGetBool(pattern, FC_EMBOLDEN, 0, &embolden) }
        var matrix: UnsafeMutablePointer<FcMatrix>?
        var slant = 0.0
        if let pattern, FcPatternGetMatrix(pattern, FC_MATRIX, 0, &matrix) == FcResultMatch, let m = matrix?.pointee { slant = m.xy }
        let description = pango_font_describe_with_absolute_size(font)!
        let size = Double(pango_font_description_get_size(description)) / 1024
        pango_font_description_free(description)
        let face: Int
        if let f = faceIndex[key] {
            face = f
        } else {
            let hbFace = hb_face_reference(hb_font_get_face(pango_font_get_hb_font(font)))!
            let upem = hb_face_get_upem(hbFace)
            let metrics = hb_font_create(hbFace)!
            hb_font_set_scale(metrics, Int32(upem), Int32(upem))
            face = faces.count
            let glyphCount = Int(hb_face_get_glyph_count(hbFace))
            faces.append(Face(hb: hbFace, metrics: metrics, upem: Double(upem), resource: "F\(face)", number: allocate(),
                              postScriptName: PDFFonts.postScriptName(hbFace, fallback: "Font\(face)"), key: key,
                              widths: [Int32](repeating: Face.unused, count: glyphCount),
                              unicode: [[UInt8]?](repeating: nil, count: glyphCount)))
            faceIndex[key] = face
        }
        let u = Use(face: face, size: size, embolden: embolden != 0, slant: slant)
        uses[id] = u
        return u
    }

    /// The advance of `glyph` in 1/1000 em (recorded for /W).
    func width(_ glyph: UInt32, face: Int) -> Int {
        let g = Int(glyph)
        guard g < faces[face].widths.count else { return 0 }
        let known = faces[face].widths[g]
        if known != Face.unused { return Int(known) }
        let advance = hb_font_get_glyph_h_advance(faces[face].metrics, glyph)
        let w = Int32((Double(advance) * 1000 / faces[face].upem).rounded())
        faces[face].widths[g] = w
        return Int(w)
    }

    /// Records that `glyph` stands for `text` unless it already stands for something; returns
    /// whether it stands for `text`.
    func map(_ glyph: UInt32, to text: UnsafeBufferPointer<UInt8>, face: Int) -> Bool {
        let g = Int(glyph)
        guard g < faces[face].unicode.count else { return false }
        if let t = faces[face].unicode[g] { return t.elementsEqual(text) }
        faces[face].unicode[g] = Array(text)
        return true
    }

    // MARK: Writing

    /// Writes every face's objects: Type0 font, CIDFont, descriptor, font file, ToUnicode map.
    func write(to output: PDFOutput, allocate: () -> Int) throws {
        for face in faces {
            let used = face.used
            let program: Program
            if let p = prepared[face.key], used.allSatisfy({ p.glyphs.contains($0) }) {
                program = try p.program.value()
            } else {
                let bytes = try PDFFonts.subset(face.hb, glyphs: used)
                program = Program(length: bytes.count, packed: Zlib.deflate(bytes))
            }
            let cff = PDFFonts.hasTable(face.hb, "CFF ") || PDFFonts.hasTable(face.hb, "CFF2")
            let name = PDFFonts.subsetTag(face.postScriptName, used) + "+" + face.postScriptName
            let cid = allocate(), descriptor = allocate(), file = allocate(), toUnicode = allocate()
            output.object(face.number, "<< /Type /Font /Subtype /Type0 /BaseFont /\(name) /Encoding /Identity-H /DescendantFonts [ \(cid) 0 R ] /ToUnicode \(toUnicode) 0 R >>")
            var w = "["
            var i = 0
            while i < used.count {
                // Consecutive glyph ids share one entry: "first [w1 w2 …]".
                var j = i
                while j + 1 < used.count, used[j + 1] == used[j] + 1 { j += 1 }
                w += " \(used[i]) ["
                for k in i...j { w += " \(face.widths[Int(used[k])])" }
                w += " ]"
                i = j + 1
            }
            w += " ]"
            output.object(cid, "<< /Type /Font /Subtype /\(cff ? "CIDFontType0" : "CIDFontType2") /BaseFont /\(name) /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor \(descriptor) 0 R /DW 0 /W \(w)\(cff ? "" : " /CIDToGIDMap /Identity") >>")
            let m = PDFFonts.descriptorMetrics(face)
            output.object(descriptor, "<< /Type /FontDescriptor /FontName /\(name) /Flags 4 /FontBBox [ \(m.bbox.map { String($0) }.joined(separator: " ")) ] /ItalicAngle \(m.italicAngle) /Ascent \(m.ascent) /Descent \(m.descent) /CapHeight \(m.capHeight) /StemV 80 /\(cff ? "FontFile3" : "FontFile2") \(file) 0 R >>")
            output.deflatedStream(file, cff ? "/Subtype /OpenType" : "/Length1 \(program.length)", packed: program.packed)
            output.deflatedStream(toUnicode, "", Array(PDFFonts.toUnicode(face.unicode, glyphs: used).utf8))
        }
    }

    /// The font program reduced to `glyphs` (ids kept), as an OpenType/TrueType file.
    private static func subset(_ face: OpaquePointer, glyphs: [UInt32]) throws -> [UInt8] {
        guard let input = hb_subset_input_create_or_fail() else { throw RenderError.cairo("font subsetting: out of memory") }
        defer { hb_subset_input_destroy(input) }
        let set = hb_subset_input_glyph_set(input)
        for g in glyphs { hb_set_add(set, g) }
        hb_subset_input_set_flags(input, UInt32(HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue | HB_SUBSET_FLAGS_NO_HINTING.rawValue))
        // Shaping tables are of no use to a PDF reader: the glyphs are already chosen.
        let drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for tag in ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "kerx", "DSIG", "vhea", "vmtx", "VORG"] {
            hb_set_add(drop, PDFFonts.tag(tag))
        }
        guard let result = hb_subset_or_fail(face, input) else {
            throw RenderError.cairo("cannot subset font \(postScriptName(face, fallback: "(unnamed)"))")
        }
        defer { hb_face_destroy(result) }
        let blob = hb_face_reference_blob(result)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else {
            throw RenderError.cairo("cannot subset font \(postScriptName(face, fallback: "(unnamed)"))")
        }
        return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
    }

    static func tag(_ s: String) -> UInt32 {
        s.utf8.reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func hasTable(_ face: OpaquePointer, _ name: String) -> Bool {
        let blob = hb_face_reference_table(face, tag(name))
        defer { hb_blob_destroy(blob) }
        return hb_blob_get_length(blob) > 0
    }

    private static func table(_ face: OpaquePointer, _ name: String) -> [UInt8] {
        let blob = hb_face_reference_table(face, tag(name))
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else { return [] }
        return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
    }

    /// The font's PostScript name, cleaned to the characters a PDF name may hold unescaped.
    static func postScriptName(_ face: OpaquePointer, fallback: String) -> String {
        var size: UInt32 = 128
        var buffer = [CChar](repeating: 0, count: 128)
        _ = hb_ot_name_get_utf8(face, hb_ot_name_id_t(6), nil, &size, &buffer)
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        var name = String(decoding: bytes, as: UTF8.self).filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        if name.isEmpty { name = fallback }
        return String(name.prefix(60))
    }

    /// Six capital letters derived from the glyphs used, so identical documents name their subsets alike.
    static func subsetTag(_ name: String, _ glyphs: [UInt32]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        for g in glyphs { h = (h ^ UInt64(g)) &* 0x100_0000_01b3 }
        var tag = ""
        for _ in 0..<6 { tag.append(Character(Unicode.Scalar(UInt8(65 + h % 26)))); h /= 26 }
        return tag
    }

    struct Metrics { var bbox: [Int]; var italicAngle: Double; var ascent: Int; var descent: Int; var capHeight: Int }

    /// FontDescriptor values in 1/1000 em, from the head, post and OS/2 tables.
    static func descriptorMetrics(_ face: Face) -> Metrics {
        let scale = 1000 / face.upem
        func s16(_ t: [UInt8], _ at: Int) -> Int { t.count >= at + 2 ? Int(Int16(bitPattern: UInt16(t[at]) << 8 | UInt16(t[at + 1]))) : 0 }
        let head = table(face.hb, "head")
        let bbox = [s16(head, 36), s16(head, 38), s16(head, 40), s16(head, 42)].map { Int((Double($0) * scale).rounded()) }
        let post = table(face.hb, "post")
        let angle = post.count >= 8 ? Double(Int32(bitPattern: UInt32(post[4]) << 24 | UInt32(post[5]) << 16 | UInt32(post[6]) << 8 | UInt32(post[7]))) / 65536 : 0
        func position(_ tag: String) -> Int {
            var v: Int32 = 0
            _ = hb_ot_metrics_get_position(face.metrics, hb_ot_metrics_tag_t(rawValue: PDFFonts.tag(tag)), &v)
            return Int((Double(v) * scale).rounded())
        }
        let ascent = position("hasc"), descent = position("hdsc")
        var cap = position("cpht")
        if cap == 0 { cap = ascent }
        return Metrics(bbox: bbox, italicAngle: (angle * 100).rounded() / 100, ascent: ascent, descent: descent, capHeight: cap)
    }

    /// The ToUnicode CMap: each used glyph to the text it stands for (UTF-16BE).
    static func toUnicode(_ map: [[UInt8]?], glyphs: [UInt32]) -> String {
        var s = """
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange

        """
        let entries = glyphs.compactMap { g -> (UInt32, String)? in
            guard Int(g) < map.count, let t = map[Int(g)], !t.isEmpty else { return nil }
            return (g, String(decoding: t, as: UTF8.self))
        }
        var i = 0
        while i < entries.count {
            let chunk = entries[i..<min(i + 100, entries.count)]
            s += "\(chunk.count) beginbfchar\n"
            for (g, t) in chunk {
                s += "<" + hex4(g) + "> <" + t.utf16.map { hex4(UInt32($0)) }.joined() + ">\n"
            }
            s += "endbfchar\n"
            i += 100
        }
        s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        return s
    }

    static func hex4(_ v: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(v >> 12 & 15)], digits[Int(v >> 8 & 15)], digits[Int(v >> 4 & 15)], digits[Int(v & 15)]])
    }
}
