// Rewrites the marked content of one page's content stream as Cairo 1.16 wrote it: one
// "/Span << /MCID n >> BDC … EMC" per leaf the Painter opened (see `StructureTree`), in the order
// of the page's marks, and an empty "/Link << /MCID n >> BDC EMC" per link annotation.
// Each leaf becomes "/TD << /MCID m >> BDC" (its element's type, MCIDs renumbered 0, 1, 2… in
// the order of the page's parent-tree array) or an artifact; the Link marks are removed.
// Cairo's own "/Span << /ActualText … >> BDC" sequences (no MCID) are kept as they are.
import Foundation

enum MarkedContent {
    static func rewrite(_ data: [UInt8], marks: PageMarks?, tree: StructureTree?, page: Int) throws -> [UInt8] {
        let mcidKey = Array(" << /MCID ".utf8), actualKey = Array(" << /ActualText ".utf8), bdc = Array(">> BDC".utf8)
        // Inside a leaf that carries its own ActualText, Cairo's per-cluster ones are dropped (a
        // reader would end the outer one at the first inner EMC).
        var ownActualText = false
        var out = [UInt8]()
        out.reserveCapacity(data.count + 4096)
        var i = 0, copied = 0, leaf = 0, content: Int32 = 0
        let n = data.count
        while i + mcidKey.count < n {
            // Find "/Name << /MCID k >> BDC\n".
            guard data[i] == UInt8(ascii: "/") else { i += 1; continue }
            let nameEndIndex = nameEnd(data, i)
            if ownActualText, matches(actualKey, data, at: nameEndIndex) {
                var k = nameEndIndex + actualKey.count
                while k < n, !matches(bdc, data, at: k) { k += 1 }
                guard k < n else { i += 1; continue }
                out.append(contentsOf: data[copied..<i])
                out.append(contentsOf: Array("/Span BMC".utf8))
                copied = k + bdc.count
                i = copied
                continue
            }
            guard matches(mcidKey, data, at: nameEndIndex) else { i += 1; continue }
            let name = data[(i + 1)..<nameEndIndex]
            var j = nameEndIndex + mcidKey.count
            while j < n, data[j] >= 48 && data[j] <= 57 { j += 1 }
            let tail = Array(" >> BDC".utf8)
            guard matches(tail, data, at: j) else { i += 1; continue }
            var end = j + tail.count
            if end < n, data[end] == 10 { end += 1 }
            out.append(contentsOf: data[copied..<i])
            ownActualText = false
            if name.elementsEqual("Link".utf8) {
                // An empty link mark: drop it and its EMC.
                var k = end
                while k < n, data[k] == 10 || data[k] == 32 { k += 1 }
                if matches(Array("EMC".utf8), data, at: k) {
                    end = k + 3
                    if end < n, data[end] == 10 { end += 1 }
                } else {
                    out.append(contentsOf: Array("/Artifact BMC\n".utf8)) // keeps the EMC balanced
                }
            } else {
                guard let marks, let tree, leaf < marks.kinds.count else {
                    throw RenderError.cairo("page \(page + 1): more marked content than the structure plans")
                }
                switch marks.kinds[leaf] {
                case .content(let node):
                    let element = tree.nodes[Int(node)]
                    // A name in another script carries its words: Cairo's ToUnicode maps a glyph
                    // shared by several clusters to U+FFFD, and readers take ActualText first.
                    let actual = element.type == "Span" ? tree.extra(node)?.text.map { " /ActualText \(PDFText.string($0))" } ?? "" : ""
                    out.append(contentsOf: Array("/\(element.type) << /MCID \(content)\(actual) >> BDC\n".utf8))
                    ownActualText = !actual.isEmpty
                    content += 1
                case .artifact(.header): out.append(contentsOf: Array("/Artifact << /Type /Pagination /Subtype /Header >> BDC\n".utf8))
                case .artifact(.footer): out.append(contentsOf: Array("/Artifact << /Type /Pagination /Subtype /Footer >> BDC\n".utf8))
                case .artifact(.layout): out.append(contentsOf: Array("/Artifact << /Type /Layout >> BDC\n".utf8))
                }
                leaf += 1
            }
            copied = end
            i = end
        }
        out.append(contentsOf: data[copied...])
        if let marks, leaf != marks.kinds.count {
            throw RenderError.cairo("page \(page + 1): \(marks.kinds.count) marks planned, \(leaf) written")
        }
        return out
    }

    private static func nameEnd(_ data: [UInt8], _ start: Int) -> Int {
        var j = start + 1
        while j < data.count, (data[j] >= 65 && data[j] <= 90) || (data[j] >= 97 && data[j] <= 122) || (data[j] >= 48 && data[j] <= 57) { j += 1 }
        return j
    }

    private static func matches(_ needle: [UInt8], _ data: [UInt8], at i: Int) -> Bool {
        guard i + needle.count <= data.count else { return false }
        for k in 0..<needle.count where data[i + k] != needle[k] { return false }
        return true
    }
}
