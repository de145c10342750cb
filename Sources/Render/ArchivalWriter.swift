// Turns the PDF Cairo 1.16 wrote into the one Almanac publishes: PDF/A-2a and PDF/UA-1.
//
// Cairo writes each object once, in order, with a classic cross-reference table; this reads its
// objects one at a time (never the whole file) and writes a new file, not an incremental update:
//   - Cairo's per-page structure tree, parent tree, catalog, Info and page labels are dropped, and
//     `StructureTree`'s written instead (Document root, one Table per logical table, Link elements
//     holding their annotations, /Lang on spans in other scripts, TH /Scope, Figure /Alt);
//   - each page's content is inflated, its leaf marks rewritten into tagged content with MCIDs or
//     into artifacts (Pagination Header/Footer, Layout), and deflated again;
//   - pages get /StructParents and /Tabs /S, link annotations /F 4 (print), /Contents and
//     /StructParent, CIDFontType2 fonts /CIDToGIDMap /Identity;
//   - the catalog gains /MarkInfo, /Lang, /ViewerPreferences /DisplayDocTitle, /PageLabels, XMP
//     metadata mirroring Info (with the pdfaid/pdfuaid claims) and an sRGB output intent;
//   - the trailer gets an /ID derived from the bytes written, so identical input stays identical.
// Object numbers Cairo used are kept; the ones freed by dropped objects are reused first.
import CCairo
import Foundation
import Layout

enum ArchivalWriter {
    /// Reads the PDF Cairo wrote at `source` and writes the archival one to `target`.
    static func rewrite(_ source: String, to target: String, document: LaidOutDocument, tree: StructureTree?, creator: String) throws {
        let input = try PDFInput(path: source)
        let cairo = try CairoFile(input)
        let output = try PDFOutput(path: target)
        var writer = Writer(input: input, cairo: cairo, output: output, document: document, tree: tree, creator: creator)
        try writer.run()
        try output.close()
    }

    /// The layout of Cairo's file: object offsets, the catalog's entries, the pages' objects.
    struct CairoFile {
        /// Start and end offset of each object by number (-1: free).
        var offsets: [Int] = []
        var ends: [Int] = []
        /// Object numbers in file order (their byte ranges are in `offsets` and `ends`).
        var order: [Int32] = []
        var size = 0
        var root = 0, info: Int?
        var catalog = ""
        var pages: [(number: Int, contents: Int?, annotations: [Int])] = []
        /// Objects not copied.
        var dropped: Set<Int> = []

        init(_ input: PDFInput) throws {
            let tail = String(decoding: try input.read(at: max(0, input.size - 1024), count: 1024), as: UTF8.self)
            guard let sx = tail.range(of: "startxref", options: .backwards),
                  let xref = Int(tail[sx.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines).prefix { $0.isNumber }) else {
                throw RenderError.cairo("unexpected PDF trailer")
            }
            let table = try input.read(at: xref, count: input.size - xref)
            let text = String(decoding: table, as: UTF8.self)
            guard let trailer = text.range(of: "trailer") else { throw RenderError.cairo("no trailer") }
            let dict = text[trailer.upperBound...]
            guard let size = PDFText.number(after: "/Size", in: dict), let root = PDFText.number(after: "/Root", in: dict) else {
                throw RenderError.cairo("unexpected PDF trailer")
            }
            self.size = size
            self.root = root
            info = PDFText.number(after: "/Info", in: dict)
            // "xref\n0 N\n" then 20-byte entries.
            guard let firstLine = text.range(of: "\n0 \(size)\n") else { throw RenderError.cairo("unexpected cross-reference table") }
            var at = text.utf8.distance(from: text.startIndex, to: firstLine.upperBound)
            var starts: [(Int, Int)] = []
            offsets = [Int](repeating: -1, count: size)
            ends = [Int](repeating: -1, count: size)
            for n in 0..<size {
                let entry = table[at..<at + 18]
                if entry[entry.startIndex + 17] == UInt8(ascii: "n") {
                    var off = 0
                    for b in entry.prefix(10) { off = off * 10 + Int(b - 48) }
                    offsets[n] = off
                    starts.append((off, n))
                }
                at += 20
            }
            starts.sort { $0 < $1 }
            // Cairo 1.16 lists an object it reserved but never wrote (an untagged file's structure
            // root) at the offset of the next one: the object written there is the one its header names.
            var i = 0
            while i + 1 < starts.count {
                guard starts[i].0 == starts[i + 1].0 else { i += 1; continue }
                let header = String(decoding: try input.read(at: starts[i].0, count: 24), as: UTF8.self)
                let owner = Int(header.prefix { $0.isNumber })
                let loser = starts[i].1 == owner ? i + 1 : i
                offsets[starts[loser].1] = -1
                starts.remove(at: loser)
            }
            for (i, s) in starts.enumerated() {
                order.append(Int32(s.1))
                ends[s.1] = i + 1 < starts.count ? starts[i + 1].0 : xref
            }

            catalog = try body(root, input)
            dropped = [root]
            if let info { dropped.insert(info) }
            if let labels = PDFText.number(after: "/PageLabels", in: catalog[...]) { dropped.insert(labels) }
            if let structRoot = PDFText.number(after: "/StructTreeRoot", in: catalog[...]) {
                dropped.insert(structRoot)
                if let parentTree = PDFText.number(after: "/ParentTree", in: try body(structRoot, input)[...]) {
                    dropped.insert(parentTree)
                    // The parent tree's per-page arrays (its struct elements go by their /Type).
                    for r in PDFText.references(in: try body(parentTree, input)[...]) { dropped.insert(r) }
                }
            }
            guard let pagesRoot = PDFText.number(after: "/Pages", in: catalog[...]) else { throw RenderError.cairo("no page tree") }
            try collectPages(pagesRoot, input)
        }

        private mutating func collectPages(_ n: Int, _ input: PDFInput) throws {
            let dict = try body(n, input)
            if dict.contains("/Type /Pages") {
                guard let kids = dict.range(of: "/Kids") else { return }
                let list = dict[kids.upperBound...].prefix { $0 != "]" }
                for kid in PDFText.references(in: list) { try collectPages(kid, input) }
                return
            }
            var annotations: [Int] = []
            if let a = dict.range(of: "/Annots") {
                let rest = dict[a.upperBound...].drop { $0 == " " }
                if rest.first == "[" {
                    annotations = PDFText.references(in: rest.prefix { $0 != "]" })
                } else if let array = PDFText.references(in: rest.prefix(20)).first {
                    annotations = PDFText.references(in: try body(array, input)[...])
                }
            }
            pages.append((n, PDFText.number(after: "/Contents", in: dict[...]), annotations))
        }

        /// The text of object `n` (up to "stream" for a stream), without the "n 0 obj" line.
        func body(_ n: Int, _ input: PDFInput, limit: Int = 1 << 22) throws -> String {
            guard n < offsets.count, offsets[n] >= 0 else { throw RenderError.cairo("object \(n) missing") }
            let start = offsets[n], end = ends[n]
            let bytes = try input.read(at: start, count: min(limit, end - start))
            var text = String(decoding: bytes, as: UTF8.self)
            if let s = text.range(of: "\nstream\n") { text = String(text[..<s.lowerBound]) }
            if let header = text.range(of: " 0 obj\n") { text = String(text[header.upperBound...]) }
            if let end = text.range(of: "endobj", options: .backwards) { text = String(text[..<end.lowerBound]) }
            return text
        }
    }

    struct Writer {
        let input: PDFInput
        let cairo: CairoFile
        let output: PDFOutput
        let document: LaidOutDocument
        let tree: StructureTree?
        let creator: String
        var free: [Int] = []
        var nextFree = 0
        var next = 0

        init(input: PDFInput, cairo: CairoFile, output: PDFOutput, document: LaidOutDocument, tree: StructureTree?, creator: String) {
            self.input = input
            self.cairo = cairo
            self.output = output
            self.document = document
            self.tree = tree
            self.creator = creator
            next = cairo.size
        }

        /// A number for a new object: a freed one first.
        mutating func allocate() -> Int {
            if nextFree < free.count { nextFree += 1; return free[nextFree - 1] }
            next += 1
            return next - 1
        }

        mutating func run() throws {
            output.write("%PDF-1.7\n%\u{e2}\u{e3}\u{cf}\u{d3}\n".unicodeScalars.map { UInt8($0.value) })
            var pageOf: [Int: Int] = [:], contentsOf: [Int: Int] = [:], annotationOf: [Int: (page: Int, index: Int)] = [:]
            var globalAnnotation: [Int: Int] = [:]
            var annotationCount = 0
            for (p, page) in cairo.pages.enumerated() {
                pageOf[page.number] = p
                if let c = page.contents { contentsOf[c] = p }
                for (i, a) in page.annotations.enumerated() {
                    annotationOf[a] = (p, i)
                    globalAnnotation[a] = annotationCount
                    annotationCount += 1
                }
            }
            var dropped = cairo.dropped
            var freed: [Int] = []
            var reader = SequentialReader(input: input)
            for n in cairo.order {
                let object = (number: Int(n), start: cairo.offsets[Int(n)], end: cairo.ends[Int(n)])
                if dropped.contains(object.number) { freed.append(object.number); continue }
                let bytes = try reader.read(object.start, object.end)
                // Byte comparisons first: most objects are copied as they are, or dropped
                // (Cairo's structure elements), without decoding any text.
                guard let headerEnd = Bytes.find(Bytes.objHeader, in: bytes, limit: 32) else {
                    throw RenderError.cairo("object \(object.number) unreadable")
                }
                let dictStart = headerEnd + Bytes.objHeader.count
                if Bytes.has(Bytes.structElem, bytes, at: dictStart) || Bytes.has(Bytes.structRoot, bytes, at: dictStart) {
                    freed.append(object.number)
                    continue
                }
                if let p = contentsOf[object.number] {
                    let (data, lengthObject) = try pageContent(bytes, dictStart: dictStart, page: p)
                    if let lengthObject { dropped.insert(lengthObject) }
                    output.begin(object.number)
                    output.write("<< /Length \(data.count)\n   /Filter /FlateDecode\n>>\nstream\n")
                    output.write(data)
                    output.write("\nendstream\nendobj\n")
                    continue
                }
                let isPage = pageOf[object.number] != nil, annotation = annotationOf[object.number]
                let isFont2 = Bytes.has(Bytes.font, bytes, at: dictStart) && Bytes.find(Bytes.cidFont2, in: bytes, limit: 400) != nil
                let isOutlines = Bytes.has(Bytes.outlines, bytes, at: dictStart)
                if isPage || annotation != nil || isFont2 || isOutlines {
                    var dict = String(decoding: bytes[(bytes.startIndex + dictStart)...], as: UTF8.self)
                    if let end = dict.range(of: "endobj", options: .backwards) { dict = String(dict[..<end.lowerBound]) }
                    dict = dict.trimmingCharacters(in: .whitespacesAndNewlines)
                    if let p = pageOf[object.number] {
                        dict = PDFText.removingLines(with: "/StructParents", from: dict)
                        dict = PDFText.adding(tree != nil ? "/StructParents \(p)\n   /Tabs /S" : "/Tabs /S", to: dict)
                    } else if let annotation {
                        dict = PDFText.removingLines(with: "/StructParent", from: dict)
                        var extra = "/F 4"
                        if let tree {
                            let node = tree.pages[annotation.page].annotations.indices.contains(annotation.index)
                                ? Int(tree.pages[annotation.page].annotations[annotation.index]) : nil
                            extra += "\n   /StructParent \(cairo.pages.count + globalAnnotation[object.number]!)"
                            if let node, let text = tree.extra(Int32(node))?.text, !text.isEmpty { extra += "\n   /Contents \(PDFText.string(text))" }
                        }
                        dict = PDFText.adding(extra, to: dict)
                    } else if isFont2, !dict.contains("/CIDToGIDMap") {
                        dict = PDFText.adding("/CIDToGIDMap /Identity", to: dict)
                    } else if isOutlines {
                        // Cairo 1.16 gives the root a negative count, which only items may have.
                        dict = dict.replacingOccurrences(of: "/Count -", with: "/Count ")
                    }
                    output.object(object.number, dict)
                    continue
                }
                output.recordOffset(object.number)
                if Bytes.find(Bytes.image, in: bytes, limit: 400) != nil, let at = Bytes.find(Bytes.interpolate, in: bytes, limit: 600) {
                    // PDF/A forbids viewer-side interpolation; Cairo asks for it for smooth scaling.
                    output.write(bytes[..<at])
                    output.write(Array("/Interpolate false".utf8))
                    output.write(bytes[(at + Bytes.interpolate.count)...])
                    continue
                }
                output.write(bytes)
            }
            free = freed.filter { output.offset(of: $0) == nil && $0 != cairo.root }.sorted()
            try writeNewObjects(annotationCount: annotationCount)
        }

        /// A page's content stream with its leaf marks rewritten; returns the deflated data and
        /// the object that held Cairo's /Length (no longer needed).
        func pageContent(_ bytes: ArraySlice<UInt8>, dictStart: Int, page: Int) throws -> ([UInt8], Int?) {
            let bytes = Array(bytes)
            let head = String(decoding: bytes.prefix(dictStart + 200), as: UTF8.self)
            guard let s = head.range(of: ">>\nstream\n") else { throw RenderError.cairo("page \(page + 1): content stream unreadable") }
            let dataStart = head.utf8.distance(from: head.startIndex, to: s.upperBound)
            let lengthObject = head.range(of: "/Length ").flatMap { r in
                PDFText.references(in: head[r.upperBound...].prefix(24)).first
            }
            guard let endstream = lastRange(of: Array("endstream".utf8), in: bytes) else { throw RenderError.cairo("page \(page + 1): no endstream") }
            // Cairo ends the data with one newline before "endstream" (the data may end in one too).
            var dataEnd = endstream
            if dataEnd > dataStart, bytes[dataEnd - 1] == 0x0A { dataEnd -= 1 }
            guard let plain = Zlib.inflate(bytes[dataStart..<dataEnd]) else { throw RenderError.cairo("page \(page + 1): cannot inflate its content") }
            let rewritten = try MarkedContent.rewrite(plain, marks: tree?.pages[page], tree: tree, page: page)
            return (Zlib.deflate(rewritten), lengthObject)
        }

        private func lastRange(of needle: [UInt8], in hay: [UInt8]) -> Int? {
            var i = hay.count - needle.count
            while i >= 0 {
                if hay[i] == needle[0] && Array(hay[i..<i + needle.count]) == needle { return i }
                i -= 1
            }
            return nil
        }

        mutating func writeNewObjects(annotationCount: Int) throws {
            var m = document.metadata
            // An untagged file (`specimen --untagged`) is neither PDF/A level A nor PDF/UA: claim nothing.
            if tree == nil { m.standards = .none }
            let pageNumbers = cairo.pages.map(\.number)
            var catalogExtra = ""
            if let tree {
                // Structure elements: numbers first, so parents and kids can refer to each other.
                var numbers = [Int](repeating: 0, count: tree.nodes.count)
                for i in numbers.indices { numbers[i] = allocate() }
                let rootNumber = allocate(), parentTreeNumber = allocate()
                var annotationObjects: [[Int]] = cairo.pages.map(\.annotations)
                for (i, node) in tree.nodes.enumerated() {
                    var s = "<< /Type /StructElem /S /\(node.type) /P \(node.parent < 0 ? rootNumber : numbers[Int(node.parent)]) 0 R"
                    var page: Int32?
                    for kid in node.kids { if case .content(let p, _) = kid { page = p; break } }
                    if let page { s += " /Pg \(pageNumbers[Int(page)]) 0 R" }
                    if !node.kids.isEmpty {
                        s += " /K ["
                        for kid in node.kids {
                            switch kid {
                            case .node(let n): s += " \(numbers[Int(n)]) 0 R"
                            case .content(let p, let mcid):
                                s += p == page ? " \(mcid)" : " << /Type /MCR /Pg \(pageNumbers[Int(p)]) 0 R /MCID \(mcid) >>"
                            case .annotation(let p, let index):
                                if annotationObjects[Int(p)].indices.contains(Int(index)) {
                                    s += " << /Type /OBJR /Obj \(annotationObjects[Int(p)][Int(index)]) 0 R /Pg \(pageNumbers[Int(p)]) 0 R >>"
                                }
                            }
                        }
                        s += " ]"
                    }
                    if node.columnHeader { s += " /A << /O /Table /Scope /Column >>" }
                    if let extra = tree.extra(Int32(i)) {
                        if let alt = extra.alt { s += " /Alt \(PDFText.string(alt))" }
                        if let language = extra.language { s += " /Lang \(PDFText.string(language))" }
                    }
                    s += " >>"
                    output.object(numbers[i], s)
                }
                annotationObjects.removeAll()
                // The parent tree: page i → its content marks' elements; annotations after the pages.
                var nums = "<< /Nums ["
                for (p, page) in tree.pages.enumerated() {
                    nums += "\n\(p) ["
                    for parent in page.parents { nums += " \(numbers[Int(parent)]) 0 R" }
                    nums += " ]"
                }
                var key = cairo.pages.count
                for (p, page) in cairo.pages.enumerated() {
                    for i in page.annotations.indices {
                        let marks = tree.pages[p].annotations
                        nums += "\n\(key) \(marks.indices.contains(i) ? numbers[Int(marks[i])] : numbers[0]) 0 R"
                        key += 1
                    }
                }
                nums += " ]\n>>"
                output.object(parentTreeNumber, nums)
                output.object(rootNumber, "<< /Type /StructTreeRoot /K [ \(numbers[0]) 0 R ] /ParentTree \(parentTreeNumber) 0 R /ParentTreeNextKey \(key) >>")
                catalogExtra += "   /StructTreeRoot \(rootNumber) 0 R\n   /MarkInfo << /Marked true >>\n"
            }

            // Page labels: one decimal range when they are 1, 2, 3…, else one prefix per page.
            let labels = document.pages.map(\.label)
            if !labels.isEmpty && labels.allSatisfy({ !$0.isEmpty }) {
                let decimal = labels.enumerated().allSatisfy { $0.element == String($0.offset + 1) }
                var nums = decimal ? " 0 << /S /D /St 1 >>" : ""
                if !decimal { for (i, l) in labels.enumerated() { nums += " \(i) << /P \(PDFText.string(l)) >>" } }
                let n = allocate()
                output.object(n, "<< /Nums [\(nums) ] >>")
                catalogExtra += "   /PageLabels \(n) 0 R\n"
            }

            let date = m.reproducibleDate()
            let producer = "\(creator) (cairo \(String(cString: cairo_version_string())))"
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

            // The catalog: Cairo's page tree, outline and names, and everything Cairo cannot write.
            var catalog = PDFText.removingLines(with: "/StructTreeRoot", from: cairo.catalog.trimmingCharacters(in: .whitespacesAndNewlines))
            for key in ["/MarkInfo", "/Lang", "/ViewerPreferences", "/PageLabels", "/Metadata", "/OutputIntents"] {
                catalog = PDFText.removingLines(with: key, from: catalog)
            }
            let lang = m.language.filter { $0.isLetter || $0.isNumber || $0 == "-" }
            catalogExtra += "   /Lang \(PDFText.string(lang.isEmpty ? "en" : lang))\n   /ViewerPreferences << /DisplayDocTitle true >>\n"
            catalogExtra += "   /Metadata \(metadata) 0 R\n   /OutputIntents [ \(intent) 0 R ]"
            output.object(cairo.root, PDFText.adding(catalogExtra.trimmingCharacters(in: .whitespaces), to: catalog))

            // Cross-reference table: free numbers form the linked list PDF 1.7 §7.5.4 describes.
            let size = max(next, output.highestNumber)
            let freeNumbers = (1..<size).filter { output.offset(of: $0) == nil }
            var freeLink = [Int](repeating: 0, count: size)
            for (i, n) in freeNumbers.enumerated() { freeLink[n] = i + 1 < freeNumbers.count ? freeNumbers[i + 1] : 0 }
            let id = output.identifier
            let xref = output.offset
            var table = [UInt8]()
            table.reserveCapacity(size * 20 + 64)
            table += Array("xref\n0 \(size)\n".utf8)
            func entry(_ a: Int, _ gen: Int, _ kind: UInt8) {
                var digits = [UInt8](repeating: 48, count: 10)
                var v = a
                for i in stride(from: 9, through: 0, by: -1) { digits[i] = UInt8(48 + v % 10); v /= 10 }
                table += digits
                table.append(32)
                var g = [UInt8](repeating: 48, count: 5)
                v = gen
                for i in stride(from: 4, through: 0, by: -1) { g[i] = UInt8(48 + v % 10); v /= 10 }
                table += g
                table += [32, kind, 32, 10]
            }
            entry(freeNumbers.first ?? 0, 65535, UInt8(ascii: "f"))
            for n in 1..<size {
                if let o = output.offset(of: n) { entry(o, 0, UInt8(ascii: "n")) } else { entry(freeLink[n], 1, UInt8(ascii: "f")) }
            }
            output.write(table)
            output.write("trailer\n<< /Size \(size)\n   /Root \(cairo.root) 0 R\n   /Info \(info) 0 R\n   /ID [ <\(id)> <\(id)> ]\n>>\nstartxref\n\(xref)\n%%EOF\n")
        }
    }
}

/// Reads a file front to back through a 4 MB window: one system call per window, not per object.
struct SequentialReader {
    let input: PDFInput
    private var window: [UInt8] = []
    private var windowStart = 0

    init(input: PDFInput) { self.input = input }

    /// Bytes `start..<end`, indexed from 0.
    mutating func read(_ start: Int, _ end: Int) throws -> ArraySlice<UInt8> {
        if start < windowStart || end > windowStart + window.count {
            windowStart = start
            window = try input.read(at: start, count: max(end - start, 1 << 22))
        }
        let slice = window[(start - windowStart)..<(end - windowStart)]
        return ArraySlice(Array(slice)) // rebased to 0
    }
}

/// Byte patterns of Cairo's object syntax, matched without decoding text.
enum Bytes {
    static let objHeader = Array(" 0 obj\n".utf8)
    static let structElem = Array("<< /Type /StructElem".utf8)
    static let structRoot = Array("<< /Type /StructTreeRoot".utf8)
    static let font = Array("<< /Type /Font".utf8)
    static let cidFont2 = Array("/Subtype /CIDFontType2".utf8)
    static let outlines = Array("<< /Type /Outlines".utf8)
    static let image = Array("/Subtype /Image".utf8)
    static let interpolate = Array("/Interpolate true".utf8)

    /// Offset (from the slice's start) of the first `needle` in the first `limit` bytes.
    static func find(_ needle: [UInt8], in hay: ArraySlice<UInt8>, limit: Int) -> Int? {
        let base = hay.startIndex
        let end = min(hay.count, limit) - needle.count
        guard end >= 0 else { return nil }
        var i = 0
        outer: while i <= end {
            if hay[base + i] == needle[0] {
                for k in 1..<needle.count where hay[base + i + k] != needle[k] { i += 1; continue outer }
                return i
            }
            i += 1
        }
        return nil
    }

    static func has(_ prefix: [UInt8], _ hay: ArraySlice<UInt8>, at offset: Int) -> Bool {
        guard offset + prefix.count <= hay.count else { return false }
        let base = hay.startIndex + offset
        for k in 0..<prefix.count where hay[base + k] != prefix[k] { return false }
        return true
    }
}
