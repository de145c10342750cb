// Cairo 1.16 writes a structure tree but not the catalog entries that declare a *tagged* PDF, and
// it cannot attach alternative text to a figure. This appends one incremental update (PDF 1.7
// §7.5.6) that rewrites the catalog with /MarkInfo << /Marked true >>, /Lang and
// /DisplayDocTitle, and each Figure structure element with its /Alt text. The bytes derive only
// from the file and the document, so output stays reproducible.
import Foundation

enum TaggedCatalog {
    /// Appends the update to the PDF at `path` (a temporary file not yet renamed into place).
    /// `figureAlts` are matched to the file's Figure elements in order, only if the counts agree.
    static func mark(_ path: String, language: String, figureAlts: [String]) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        let size = data.count
        let tail = String(decoding: data.suffix(2048), as: UTF8.self)
        guard let startxref = number(after: "startxref", in: tail),
              let root = number(after: "/Root", in: tail),
              let objects = number(after: "/Size", in: tail) else {
            throw RenderError.cairo("unexpected PDF trailer")
        }
        let info = number(after: "/Info", in: tail)
        var replaced: [(number: Int, body: String)] = []

        // The catalog is small and near the end.
        guard var catalog = object(root, in: data, searchFrom: max(0, size - 65_536)) else { throw RenderError.cairo("PDF catalog not found") }
        if catalog.contains("/MarkInfo") { return }
        let lang = language.filter { $0.isLetter || $0.isNumber || $0 == "-" }
        catalog += "   /MarkInfo << /Marked true >>\n"
        if !lang.isEmpty { catalog += "   /Lang (\(lang))\n" }
        catalog += "   /ViewerPreferences << /DisplayDocTitle true >>\n"
        replaced.append((root, catalog))

        if !figureAlts.isEmpty {
            let figures = figureObjects(in: data)
            if figures.count == figureAlts.count {
                for (n, alt) in zip(figures, figureAlts) where !alt.isEmpty {
                    if var body = object(n, in: data, searchFrom: 0) {
                        body += "   /Alt \(pdfString(alt))\n"
                        replaced.append((n, body))
                    }
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
        update += "trailer\n<< /Size \(objects)\n   /Root \(root) 0 R\n"
        if let info { update += "   /Info \(info) 0 R\n" }
        update += "   /Prev \(startxref)\n>>\nstartxref\n\(offset)\n%%EOF\n"
        guard let handle = FileHandle(forWritingAtPath: path) else { throw RenderError.output(path: path, reason: "cannot reopen") }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(update.utf8))
    }

    /// The inside of object `n`'s dictionary (between the outer "<<" and ">>").
    private static func object(_ n: Int, in data: Data, searchFrom: Int) -> String? {
        let header = Data("\n\(n) 0 obj\n<<".utf8)
        guard let start = data.range(of: header, options: .backwards, in: searchFrom..<data.count)
                ?? data.range(of: header, in: 0..<data.count),
              let end = data.range(of: Data("\nendobj".utf8), in: start.upperBound..<data.count),
              let close = data.range(of: Data(">>".utf8), options: .backwards, in: start.upperBound..<end.lowerBound) else { return nil }
        return String(decoding: data[start.upperBound..<close.lowerBound], as: UTF8.self)
    }

    /// Object numbers of the Figure structure elements, in file order (Cairo writes the tree depth-first).
    private static func figureObjects(in data: Data) -> [Int] {
        var out: [Int] = []
        let marker = Data("/Type /StructElem\n   /S /Figure\n".utf8)
        var from = 0
        while let r = data.range(of: marker, in: from..<data.count) {
            from = r.upperBound
            // Back up over "<< " to "\nN 0 obj\n".
            guard let objKeyword = data.range(of: Data(" 0 obj\n".utf8), options: .backwards, in: max(0, r.lowerBound - 40)..<r.lowerBound),
                  let lineStart = data.range(of: Data("\n".utf8), options: .backwards, in: max(0, objKeyword.lowerBound - 12)..<objKeyword.lowerBound),
                  let n = Int(String(decoding: data[lineStart.upperBound..<objKeyword.lowerBound], as: UTF8.self)) else { continue }
            out.append(n)
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
