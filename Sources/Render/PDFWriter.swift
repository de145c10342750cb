// Writes a laid-out document as PDF/A-2a and PDF/UA-1 in one pass, page by page, straight to the
// file: content streams from the page items (`PageContent`), the structure tree `StructureTree`
// planned, link annotations, outline, page labels, embedded font subsets (`PDFFonts`), images,
// XMP metadata mirroring Info (with the pdfaid/pdfuaid claims), an sRGB output intent, and an /ID
// derived from the bytes written, so identical input gives identical files.
//
// Memory stays flat in the page count: a page's content is written as soon as it is drawn; what
// is kept is one object number per page and annotation, and the glyphs each font used.
import Base
import CCairo
import Dispatch
import Foundation
import Layout

final class PDFWriter {
    private let document: LaidOutDocument
    private let tree: StructureTree?
    private let shaper: TextShaper
    private let creator: String
    private let output: PDFOutput
    private let fonts: PDFFonts
    private var next = 1
    private var pageNumbers: [Int] = []
    private var annotations: [[Int]] = []
    private var images: [String: (name: String, number: Int, translucent: Bool)] = [:]
    private var alphaStates: [UInt8: (name: String, number: Int)] = [:]
    var progress: ((Int, Int) -> Void)?

    init(document: LaidOutDocument, tree: StructureTree?, shaper: TextShaper, creator: String, path: String) throws {
        self.document = document
        self.tree = tree
        self.shaper = shaper
        self.creator = creator
        output = try PDFOutput(path: path)
        fonts = PDFFonts(shaper: shaper)
    }

    private func allocate() -> Int {
        next += 1
        return next - 1
    }

    func write() throws {
        output.write("%PDF-1.7\n%\u{e2}\u{e3}\u{cf}\u{d3}\n".unicodeScalars.map { UInt8($0.value) })
        let catalog = allocate(), pagesRoot = allocate(), resources = allocate()
        pageNumbers = document.pages.map { _ in allocate() }
        fonts.prepare()
        var annotationCount = 0
        // Each page's content is deflated on another thread while the next page is drawn, and
        // written after it: at most two pages' content are held, whatever the page count.
        let deflating = DispatchQueue(label: "almanac.page-content")
        var previous: (number: Int, packed: Background<[UInt8]>)?
        func writePrevious() throws {
            if let previous { output.deflatedStream(previous.number, "", packed: try previous.packed.value()) }
        }
        for (p, page) in document.pages.enumerated() {
            let content = try draw(page, index: p)
            try writePrevious()
            let contents = allocate(), bytes = content.bytes
            previous = (contents, Background(on: deflating) { Zlib.deflate(bytes, level: 3) })
            var numbers: [Int] = []
            for (i, link) in content.links.enumerated() {
                let n = allocate()
                numbers.append(n)
                output.object(n, annotation(link, page: page, pageIndex: p, index: i, key: document.pages.count + annotationCount))
                annotationCount += 1
            }
            annotations.append(numbers)
            var dict = "<< /Type /Page /Parent \(pagesRoot) 0 R /MediaBox [ 0 0 \(fmt(page.size.width)) \(fmt(page.size.height)) ]"
            dict += " /Resources \(resources) 0 R /Contents \(contents) 0 R"
            if !numbers.isEmpty { dict += " /Annots [ " + numbers.map { "\($0) 0 R" }.joined(separator: " ") + " ]" }
            if content.transparent { dict += " /Group << /Type /Group /S /Transparency /CS /DeviceRGB >>" }
            dict += tree != nil ? " /StructParents \(p) /Tabs /S >>" : " /Tabs /S >>"
            output.object(pageNumbers[p], dict)
            progress?(p + 1, document.pages.count)
        }
        try writePrevious()
        try fonts.write(to: output, allocate: allocate)
        var res = "<< /ProcSet [ /PDF /Text /ImageB /ImageC ]"
        if !fonts.faces.isEmpty { res += " /Font << " + fonts.faces.map { "/\($0.resource) \($0.number) 0 R" }.joined(separator: " ") + " >>" }
        if !images.isEmpty { res += " /XObject << " + images.values.sorted { $0.number < $1.number }.map { "/\($0.name) \($0.number) 0 R" }.joined(separator: " ") + " >>" }
        if !alphaStates.isEmpty { res += " /ExtGState << " + alphaStates.values.sorted { $0.number < $1.number }.map { "/\($0.name) \($0.number) 0 R" }.joined(separator: " ") + " >>" }
        output.object(resources, res + " >>")
        output.object(pagesRoot, "<< /Type /Pages /Kids [ " + pageNumbers.map { "\($0) 0 R" }.joined(separator: " ") + " ] /Count \(pageNumbers.count) >>")
        try finish(catalog: catalog, pagesRoot: pagesRoot, annotationCount: annotationCount)
        try output.close()
    }

    private func fmt(_ v: Double) -> String {
        var c = PageContent(height: 0)
        let start = c.bytes.count
        c.num(v)
        return String(decoding: c.bytes[start...], as: UTF8.self)
    }

    // MARK: Pages

    /// The page's content, drawn item by item inside the marks the structure plans (the same
    /// sequences for PDF and for any reader: a mark runs until the next one, a link or a clip).
    private func draw(_ page: Page, index p: Int) throws -> PageContent {
        var content = PageContent(height: page.size.height)
        let marks = tree?.pages[p]
        var next = 0, open = false, mcid: Int32 = 0, ownActualText = false
        func close() {
            if open { content.endMark(); open = false; ownActualText = false }
        }
        for (i, item) in page.items.enumerated() {
            if let marks, next < marks.starts.count, marks.starts[next] == Int32(i) {
                close()
                switch marks.kinds[next] {
                case .content(let node):
                    let element = tree!.nodes[Int(node)]
                    // A name in another script carries its words: readers take ActualText first.
                    let actual = element.type == "Span" ? tree!.extra(node)?.text : nil
                    content.beginMark(element.type, mcid: mcid, actualText: actual)
                    ownActualText = actual != nil
                    mcid += 1
                case .artifact(let kind):
                    content.beginArtifact(kind)
                }
                open = true
                next += 1
            }
            switch item {
            case .text(let t):
                guard !t.text.isEmpty else { continue }
                let glyphs = shaper.lineGlyphs(t.text, style: t.style, spans: t.spans, rightToLeft: t.rightToLeft)
                content.text(t, glyphs: glyphs, shaper: shaper, fonts: fonts, ownActualText: ownActualText, allocate: allocate)
            case .path(let path):
                content.path(path) { alpha(fill: $0) }
            case .image(let image):
                let x = try imageObject(image.path)
                content.image(x.name, frame: image.frame, translucent: x.translucent)
            case .link(let l):
                close() // a link annotation belongs to its Link element, not to a content mark
                content.link(l)
            case .beginTag, .endTag:
                break
            case .beginClip(let r):
                close()
                content.beginClip(r)
            case .endClip:
                close()
                content.endClip()
            }
        }
        close()
        if let marks, next != marks.kinds.count {
            throw RenderError.cairo("page \(p + 1): \(marks.kinds.count) marks planned, \(next) written")
        }
        return content
    }

    private func alpha(fill a: UInt8) -> String {
        if let s = alphaStates[a] { return s.name }
        let n = allocate()
        let name = "G\(alphaStates.count)"
        output.object(n, "<< /Type /ExtGState /ca \(fmt(Double(a) / 255)) /CA \(fmt(Double(a) / 255)) >>")
        alphaStates[a] = (name, n)
        return name
    }

    private func annotation(_ l: LinkItem, page: Page, pageIndex: Int, index: Int, key: Int) -> String {
        let h = page.size.height, r = l.rect
        var s = "<< /Type /Annot /Subtype /Link /Rect [ \(fmt(r.x)) \(fmt(h - r.maxY)) \(fmt(r.maxX)) \(fmt(h - r.y)) ] /Border [ 0 0 0 ] /F 4"
        switch l.target {
        case .uri(let uri): s += " /A << /S /URI /URI \(PDFWriter.asciiString(uri)) >>"
        case .page(let target, let y): s += " /Dest \(destination(target, y))"
        }
        if let tree {
            s += " /StructParent \(key)"
            let marks = tree.pages[pageIndex].annotations
            if marks.indices.contains(index), let text = tree.extra(marks[index])?.text, !text.isEmpty { s += " /Contents \(PDFText.string(text))" }
        }
        return s + " >>"
    }

    /// An explicit destination: the page, 12 pt above `y` (so a heading is not flush with the top).
    private func destination(_ page: Int, _ y: Double) -> String {
        let p = min(max(page, 0), pageNumbers.count - 1)
        let top = document.pages[p].size.height - max(0, y - 12)
        return "[ \(pageNumbers[p]) 0 R /XYZ 0 \(fmt(top)) null ]"
    }

    /// A PDF literal string of 7-bit ASCII (a URI): other bytes are percent-encoded.
    static func asciiString(_ s: String) -> String {
        var out = "("
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"): out += "\\" + String(UnicodeScalar(b))
            case 0x21...0x7E: out.append(Character(UnicodeScalar(b)))
            default: out += String(format: "%%%02X", b)
            }
        }
        return out + ")"
    }

    // MARK: Images

    /// The image XObject of a PNG (with a soft mask when it has alpha), written on first use.
    private func imageObject(_ path: String) throws -> (name: String, number: Int, translucent: Bool) {
        if let x = images[path] { return x }
        guard let surface = cairo_image_surface_create_from_png(path), cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw RenderError.image(path: path, reason: "Cairo cannot read it as a PNG")
        }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let format = cairo_image_surface_get_format(surface)
        guard w > 0, h > 0, let data = cairo_image_surface_get_data(surface),
              format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24 else {
            throw RenderError.image(path: path, reason: "Cairo cannot read it as a PNG")
        }
        var rgb = [UInt8](), alpha = [UInt8]()
        rgb.reserveCapacity(w * h * 3); alpha.reserveCapacity(w * h)
        var opaque = true
        for y in 0..<h {
            let row = data.advanced(by: y * stride).withMemoryRebound(to: UInt32.self, capacity: w) { $0 }
            for x in 0..<w {
                let px = row[x]
                let a = format == CAIRO_FORMAT_ARGB32 ? UInt32(px >> 24) : 255
                var r = px >> 16 & 255, g = px >> 8 & 255, b = px & 255
                if a < 255 {
                    opaque = false
                    // Cairo premultiplies alpha; PDF wants the colour and its mask apart.
                    if a > 0 { r = min(255, r * 255 / a); g = min(255, g * 255 / a); b = min(255, b * 255 / a) } else { r = 0; g = 0; b = 0 }
                }
                rgb.append(UInt8(r)); rgb.append(UInt8(g)); rgb.append(UInt8(b))
                alpha.append(UInt8(a))
            }
        }
        var mask = ""
        if !opaque {
            let m = allocate()
            output.deflatedStream(m, "/Type /XObject /Subtype /Image /Width \(w) /Height \(h) /ColorSpace /DeviceGray /BitsPerComponent 8 /Interpolate false", alpha)
            mask = " /SMask \(m) 0 R"
        }
        let n = allocate()
        output.deflatedStream(n, "/Type /XObject /Subtype /Image /Width \(w) /Height \(h) /ColorSpace /DeviceRGB /BitsPerComponent 8 /Interpolate false\(mask)", rgb)
        let x = (name: "Im\(images.count)", number: n, translucent: !opaque)
        images[path] = x
        return x
    }

    // MARK: Document objects

    /// Outline, structure tree, page labels, Info, XMP, output intent, catalog, cross-reference table.
    private func finish(catalog: Int, pagesRoot: Int, annotationCount: Int) throws {
        var m = document.metadata
        // An untagged file (`specimen --untagged`) is neither PDF/A level A nor PDF/UA: claim nothing.
        if tree == nil { m.standards = .none }
        var catalogDict = "<< /Type /Catalog /Pages \(pagesRoot) 0 R"
        if let outline = writeOutline() { catalogDict += " /Outlines \(outline) 0 R /PageMode /UseOutlines" }
        if let tree {
            // Structure elements: numbers first, so parents and kids can refer to each other.
            var numbers = [Int](repeating: 0, count: tree.nodes.count)
            for i in numbers.indices { numbers[i] = allocate() }
            let rootNumber = allocate(), parentTreeNumber = allocate()
            var s: [UInt8] = []
            s.reserveCapacity(256)
            for (i, node) in tree.nodes.enumerated() {
                s.removeAll(keepingCapacity: true)
                s.put("<< /Type /StructElem /S /"); s.put(node.type)
                s.put(" /P "); s.put(node.parent < 0 ? rootNumber : numbers[Int(node.parent)]); s.put(" 0 R")
                var page: Int32?
                for kid in node.kids { if case .content(let p, _) = kid { page = p; break } }
                if let page { s.put(" /Pg "); s.put(pageNumbers[Int(page)]); s.put(" 0 R") }
                if !node.kids.isEmpty {
                    s.put(" /K [")
                    for kid in node.kids {
                        switch kid {
                        case .node(let n): s.put(" "); s.put(numbers[Int(n)]); s.put(" 0 R")
                        case .content(let p, let mcid):
                            if p == page {
                                s.put(" "); s.put(Int(mcid))
                            } else {
                                s.put(" << /Type /MCR /Pg "); s.put(pageNumbers[Int(p)]); s.put(" 0 R /MCID "); s.put(Int(mcid)); s.put(" >>")
                            }
                        case .annotation(let p, let index):
                            if annotations[Int(p)].indices.contains(Int(index)) {
                                s.put(" << /Type /OBJR /Obj "); s.put(annotations[Int(p)][Int(index)]); s.put(" 0 R /Pg ")
                                s.put(pageNumbers[Int(p)]); s.put(" 0 R >>")
                            }
                        }
                    }
                    s.put(" ]")
                }
                if node.columnHeader { s.put(" /A << /O /Table /Scope /Column >>") }
                if let extra = tree.extra(Int32(i)) {
                    if let alt = extra.alt { s.put(" /Alt "); s.put(PDFText.string(alt)) }
                    if let language = extra.language { s.put(" /Lang "); s.put(PDFText.string(language)) }
                }
                s.put(" >>")
                output.object(numbers[i], bytes: s)
            }
            // The parent tree: page i → its content marks' elements; annotations after the pages.
            var nums: [UInt8] = []
            nums.put("<< /Nums [")
            for (p, page) in tree.pages.enumerated() {
                nums.put("\n"); nums.put(p); nums.put(" [")
                for parent in page.parents { nums.put(" "); nums.put(numbers[Int(parent)]); nums.put(" 0 R") }
                nums.put(" ]")
            }
            var key = document.pages.count
            for (p, list) in annotations.enumerated() {
                for i in list.indices {
                    let marks = tree.pages[p].annotations
                    nums.put("\n"); nums.put(key); nums.put(" "); nums.put(marks.indices.contains(i) ? numbers[Int(marks[i])] : numbers[0]); nums.put(" 0 R")
                    key += 1
                }
            }
            nums.put(" ]\n>>")
            output.object(parentTreeNumber, bytes: nums)
            output.object(rootNumber, "<< /Type /StructTreeRoot /K [ \(numbers[0]) 0 R ] /ParentTree \(parentTreeNumber) 0 R /ParentTreeNextKey \(key) >>")
            catalogDict += "\n   /StructTreeRoot \(rootNumber) 0 R\n   /MarkInfo << /Marked true >>"
        }

        // Page labels: one decimal range when they are 1, 2, 3…, else one prefix per page.
        let labels = document.pages.map(\.label)
        if !labels.isEmpty && labels.allSatisfy({ !$0.isEmpty }) {
            let decimal = labels.enumerated().allSatisfy { $0.element == String($0.offset + 1) }
            var nums = decimal ? " 0 << /S /D /St 1 >>" : ""
            if !decimal { for (i, l) in labels.enumerated() { nums += " \(i) << /P \(PDFText.string(l)) >>" } }
            let n = allocate()
            output.object(n, "<< /Nums [\(nums) ] >>")
            catalogDict += "\n   /PageLabels \(n) 0 R"
        }

        let date = m.reproducibleDate()
        let producer = creator
        let info = allocate()
        var infoDict = "<< /Producer \(PDFText.string(producer))\n   /Creator \(PDFText.string(creator))"
        if !m.title.isEmpty { infoDict += "\n   /Title \(PDFText.string(m.title))" }
        if !m.author.isEmpty { infoDict += "\n   /Author \(PDFText.string(m.author))" }
        if !m.subject.isEmpty { infoDict += "\n   /Subject \(PDFText.string(m.subject))" }
        if !m.keywords.isEmpty { infoDict += "\n   /Keywords \(PDFText.string(m.keywords.joined(separator: ", ")))" }
        infoDict += "\n   /CreationDate (\(XMPPacket.pdfDate(date)))\n   /ModDate (\(XMPPacket.pdfDate(date)))\n>>"
        output.object(info, infoDict)

        let xmp = Array(XMPPacket.packet(metadata: m, producer: producer, creator: creator, date: date).utf8)
        let metadata = allocate()
        output.begin(metadata)
        output.write("<< /Type /Metadata /Subtype /XML /Length \(xmp.count) >>\nstream\n")
        output.write(xmp)
        output.write("\nendstream\nendobj\n")

        let profile = allocate(), intent = allocate()
        output.begin(profile)
        output.write("<< /N 3 /Length \(PackageResources.sRGB_icc.count) >>\nstream\n")
        output.write(PackageResources.sRGB_icc)
        output.write("\nendstream\nendobj\n")
        output.object(intent, "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB IEC61966-2.1) /DestOutputProfile \(profile) 0 R >>")

        let lang = m.language.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        catalogDict += "\n   /Lang \(PDFText.string(lang.isEmpty ? "en" : lang))\n   /ViewerPreferences << /DisplayDocTitle true >>"
        catalogDict += "\n   /Metadata \(metadata) 0 R\n   /OutputIntents [ \(intent) 0 R ]\n>>"
        output.object(catalog, catalogDict)

        // Cross-reference table: every number from 1 to next-1 is written.
        let size = next
        let id = output.identifier
        let xref = output.offset
        var table = [UInt8]()
        table.reserveCapacity(size * 20 + 64)
        table += Array("xref\n0 \(size)\n0000000000 65535 f \n".utf8)
        for n in 1..<size {
            guard let o = output.offset(of: n) else { throw RenderError.cairo("object \(n) was never written") }
            var digits = [UInt8](repeating: 48, count: 10)
            var v = o
            for i in stride(from: 9, through: 0, by: -1) { digits[i] = UInt8(48 + v % 10); v /= 10 }
            table += digits
            table += Array(" 00000 n \n".utf8)
        }
        output.write(table)
        output.write("trailer\n<< /Size \(size)\n   /Root \(catalog) 0 R\n   /Info \(info) 0 R\n   /ID [ <\(id)> <\(id)> ]\n>>\nstartxref\n\(xref)\n%%EOF\n")
    }

    /// The bookmarks, nested by heading level; returns the outline root's number (nil when empty).
    private func writeOutline() -> Int? {
        let entries = document.outline
        guard !entries.isEmpty else { return nil }
        let root = allocate()
        let numbers = entries.map { _ in allocate() }
        // Parent of each entry: the nearest earlier entry of a lower level.
        var parent = [Int](repeating: -1, count: entries.count)
        var stack: [Int] = []
        for (i, e) in entries.enumerated() {
            while let last = stack.last, entries[last].level >= e.level { stack.removeLast() }
            parent[i] = stack.last ?? -1
            stack.append(i)
        }
        var kids: [[Int]] = Array(repeating: [], count: entries.count)
        var top: [Int] = []
        for i in entries.indices { if parent[i] < 0 { top.append(i) } else { kids[parent[i]].append(i) } }
        // Level-1 entries are open; deeper ones closed. Count: visible descendants (negative when closed).
        func visible(_ i: Int) -> Int {
            guard entries[i].level == 1 else { return 0 }
            return kids[i].reduce(kids[i].count) { $0 + visible($1) }
        }
        func descendants(_ i: Int) -> Int { kids[i].reduce(kids[i].count) { $0 + descendants($1) } }
        func write(_ siblings: [Int], parentNumber: Int) {
            for (k, i) in siblings.enumerated() {
                let e = entries[i]
                var s = "<< /Title \(PDFText.string(e.title)) /Parent \(parentNumber) 0 R /Dest \(destination(e.pageIndex, e.y))"
                if k > 0 { s += " /Prev \(numbers[siblings[k - 1]]) 0 R" }
                if k + 1 < siblings.count { s += " /Next \(numbers[siblings[k + 1]]) 0 R" }
                if let first = kids[i].first, let last = kids[i].last {
                    s += " /First \(numbers[first]) 0 R /Last \(numbers[last]) 0 R"
                    s += " /Count \(e.level == 1 ? visible(i) : -descendants(i))"
                }
                output.object(numbers[i], s + " >>")
                write(kids[i], parentNumber: numbers[i])
            }
        }
        write(top, parentNumber: root)
        let count = top.reduce(top.count) { $0 + visible($1) }
        output.object(root, "<< /Type /Outlines /First \(numbers[top.first!]) 0 R /Last \(numbers[top.last!]) 0 R /Count \(count) >>")
        return root
    }
}

extension Array where Element == UInt8 {
    /// Appends PDF syntax without building intermediate strings (the structure tree has 100,000s of elements).
    mutating func put(_ s: StaticString) { s.withUTF8Buffer { append(contentsOf: $0) } }
    mutating func put(_ s: String) { append(contentsOf: s.utf8) }
    mutating func put(_ n: Int) {
        if n < 0 { append(UInt8(ascii: "-")); put(-n); return }
        if n < 10 { append(UInt8(48 + n)); return }
        var scale = 1
        while scale <= n / 10 { scale *= 10 }
        var v = n
        while scale > 0 { append(UInt8(48 + v / scale)); v %= scale; scale /= 10 }
    }
}
