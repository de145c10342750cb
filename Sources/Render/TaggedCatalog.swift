// Cairo 1.16 writes a structure tree but not the catalog entries that declare a *tagged* PDF, it
// cannot attach alternative text to a figure, and its page labels come out empty. This appends one
// incremental update (PDF 1.7 §7.5.6) that rewrites the catalog with /MarkInfo << /Marked true >>,
// /Lang, /DisplayDocTitle and /PageLabels, and each Figure structure element with its /Alt text. The bytes derive only
// from the file and the document, so output stays reproducible.
import Base
import Foundation

enum TaggedCatalog {
    /// Appends the update to the PDF at `path` (a temporary file not yet renamed into place).
    /// `figureAlts` are matched to the file's Figure elements in order, only if the counts agree.
    static func mark(_ path: String, language: String, figureAlts: [String], labels: [String], tagged: Bool) throws {
        guard let file = FileHandle(forUpdatingAtPath: path) else { throw RenderError.output(path: path, reason: "cannot reopen") }
        defer { try? file.close() }
        let size = Int(try file.seekToEnd())
        let tail = String(decoding: try read(file, at: max(0, size - 2048), count: 2048), as: UTF8.self)
        guard let startxref = number(after: "startxref", in: tail),
              let root = number(after: "/Root", in: tail),
              let objects = number(after: "/Size", in: tail) else {
            throw RenderError.cairo("unexpected PDF trailer")
        }
        let info = number(after: "/Info", in: tail)
        var replaced: [(number: Int, body: String)] = []

        // Cairo writes the catalog last, just before the cross-reference table (which can be
        // megabytes long for a big document).
        let end = try read(file, at: max(0, startxref - 65_536), count: min(startxref, 65_536) + 16)
        guard var catalog = dictionary(of: root, in: end) else { throw RenderError.cairo("PDF catalog not found") }
        if catalog.contains("/MarkInfo") || catalog.contains("/ViewerPreferences") { return }
        let lang = language.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        if tagged { catalog += "   /MarkInfo << /Marked true >>\n" }
        if !lang.isEmpty { catalog += "   /Lang (\(lang))\n" }
        catalog += "   /ViewerPreferences << /DisplayDocTitle true >>\n"
        // Cairo 1.16 writes an empty /PageLabels number tree whatever cairo_pdf_surface_set_page_label
        // was given, so the labels are written here: one decimal range when they are 1, 2, 3…,
        // else one prefix per page.
        var objectCount = objects
        var extra: [(number: Int, body: String)] = []
        if !labels.isEmpty {
            catalog = catalog.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.contains("/PageLabels") }.joined(separator: "\n")
            let decimal = labels.enumerated().allSatisfy { $0.element == String($0.offset + 1) }
            var nums = decimal ? " 0 << /S /D /St 1 >>" : ""
            if !decimal { for (i, l) in labels.enumerated() { nums += " \(i) << /P \(pdfString(l)) >>" } }
            extra.append((objectCount, " /Nums [\(nums) ] "))
            catalog += "   /PageLabels \(objectCount) 0 R\n"
            objectCount += 1
        }
        replaced.append((root, catalog))
        replaced += extra
        // Cairo 1.16 gives the outline root a negative /Count (meaning "closed", which only items
        // may be); make it the positive count of visible items.
        let window = String(decoding: end, as: UTF8.self)
        if let typeRange = window.range(of: "<< /Type /Outlines\n"),
           let objRange = window.range(of: " 0 obj\n", options: .backwards, range: window.startIndex..<typeRange.lowerBound),
           let lineStart = window.range(of: "\n", options: .backwards, range: window.startIndex..<objRange.lowerBound),
           let n = Int(window[lineStart.upperBound..<objRange.lowerBound]),
           var outlines = dictionary(of: n, in: end), outlines.contains("/Count -") {
            outlines = outlines.replacingOccurrences(of: "/Count -", with: "/Count ")
            replaced.append((n, outlines))
        }

        if tagged && !figureAlts.isEmpty {
            // Scan the file in 1 MB chunks (never all of it in memory) for Figure elements.
            let figures = try figureObjects(file, size: size)
            if figures.count == figureAlts.count {
                for ((n, body), alt) in zip(figures, figureAlts) where !alt.isEmpty {
                    replaced.append((n, body + "   /Alt \(pdfString(alt))\n"))
                }
            }
        }

        var update = ""
        var offsets: [(Int, Int)] = []
        var offset = size
        for (n, body) in replaced {
            let text = "\(n) 0 obj\n<<\(body)>>\nendobj\n"
            offsets.append((n, offset))
            offset += text.utf8.count
            update += text
        }
        update += "xref\n0 1\n0000000000 65535 f \n"
        for (n, o) in offsets.sorted(by: { $0.0 < $1.0 }) {
            update += "\(n) 1\n" + String(format: "%010d", o) + " 00000 n \n"
        }
        update += "trailer\n<< /Size \(objectCount)\n   /Root \(root) 0 R\n"
        if let info { update += "   /Info \(info) 0 R\n" }
        update += "   /Prev \(startxref)\n>>\nstartxref\n\(offset)\n%%EOF\n"
        try file.seekToEnd()
        try file.write(contentsOf: Data(update.utf8))
    }

    private static func read(_ file: FileHandle, at offset: Int, count: Int) throws -> Data {
        try file.seek(toOffset: UInt64(offset))
        return try file.read(upToCount: count) ?? Data()
    }

    /// The inside of object `n`'s dictionary (between the outer "<<" and ">>"), if it is in `data`.
    private static func dictionary(of n: Int, in data: Data) -> String? {
        let header = Data("\n\(n) 0 obj\n<<".utf8)
        guard let start = data.range(of: header, options: .backwards),
              let end = data.range(of: Data("\nendobj".utf8), in: start.upperBound..<data.endIndex),
              let close = data.range(of: Data(">>".utf8), options: .backwards, in: start.upperBound..<end.lowerBound) else { return nil }
        return String(decoding: data[start.upperBound..<close.lowerBound], as: UTF8.self)
    }

    /// Figure structure elements (object number, dictionary) in file order — Cairo writes the
    /// tree depth-first, which is document order.
    private static func figureObjects(_ file: FileHandle, size: Int) throws -> [(Int, String)] {
        var out: [(Int, String)] = []
        let marker = Data("/Type /StructElem\n   /S /Figure\n".utf8)
        let chunk = 1 << 20, overlap = 256
        var position = 0
        while position < size {
            let data = try read(file, at: position, count: chunk + overlap)
            var from = data.startIndex
            while let r = data.range(of: marker, in: from..<data.endIndex) {
                from = r.upperBound
                guard r.lowerBound - data.startIndex < chunk else { break } // the next chunk finds it
                let window = try read(file, at: max(0, position + r.lowerBound - data.startIndex - 32), count: 4096)
                guard let objKeyword = window.range(of: Data(" 0 obj\n<<".utf8)),
                      let lineStart = window.range(of: Data("\n".utf8), options: .backwards, in: window.startIndex..<objKeyword.lowerBound),
                      let n = Int(String(decoding: window[lineStart.upperBound..<objKeyword.lowerBound], as: UTF8.self)),
                      let body = dictionary(of: n, in: window) else { continue }
                out.append((n, body))
            }
            position += chunk
        }
        return out
    }

    /// A PDF text string: literal when plain ASCII, else UTF-16BE hex with a byte-order mark.
    static func pdfString(_ s: String) -> String {
        if s.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            return "(" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
                .replacingOccurrences(of: ")", with: "\\)") + ")"
        }
        return "<FEFF" + s.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }

    private static func number(after key: String, in text: String) -> Int? {
        guard let r = text.range(of: key, options: .backwards) else { return nil }
        let digits = text[r.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\r" }.prefix { $0.isNumber }
        return Int(digits)
    }
}
