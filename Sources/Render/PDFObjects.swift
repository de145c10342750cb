// The little of PDF's object syntax the archival writer needs: reading Cairo's objects by their
// cross-reference offsets, editing a dictionary's keys as text, PDF text strings, and a buffered
// output that counts offsets and hashes what it writes (for a deterministic /ID).
import CZlib
import Foundation

/// Writes a PDF file sequentially, remembering each object's offset.
final class PDFOutput {
    private let file: FileHandle
    private var buffer: [UInt8] = []
    private(set) var offset = 0
    /// Offset of each object written, by number (-1: not written). An array, not a dictionary:
    /// a 2,000-page table has 800,000 objects.
    private(set) var offsets: [Int] = []
    private var hash1: UInt64 = 0xcbf2_9ce4_8422_2325, hash2: UInt64 = 0x8422_2325_cbf2_9ce4

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let f = FileHandle(forWritingAtPath: path) else {
            throw RenderError.output(path: path, reason: "cannot write")
        }
        file = f
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
        offset += bytes.count
        if buffer.count >= 1 << 20 { flush() }
    }
    func write(_ s: String) { write(Array(s.utf8)) }

    /// Records that object `n` starts here (an object copied with its own "n 0 obj" line).
    func recordOffset(_ n: Int) {
        if n >= offsets.count { offsets.append(contentsOf: repeatElement(-1, count: max(n + 1 - offsets.count, offsets.count / 2))) }
        offsets[n] = offset
    }
    /// The offset of object `n`, if written.
    func offset(of n: Int) -> Int? { n < offsets.count && offsets[n] >= 0 ? offsets[n] : nil }
    /// One more than the highest object number written.
    var highestNumber: Int { (offsets.lastIndex { $0 >= 0 } ?? 0) + 1 }

    /// Starts object `n` ("n 0 obj\n").
    func begin(_ n: Int) {
        recordOffset(n)
        write("\(n) 0 obj\n")
    }
    /// A whole object with a dictionary or other direct body.
    func object(_ n: Int, _ body: String) {
        begin(n)
        write(body)
        write("\nendobj\n")
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        // FNV-1a, two lanes: identical files get identical /IDs, and any change changes them.
        buffer.withUnsafeBufferPointer { p in
            for b in p { hash1 = (hash1 ^ UInt64(b)) &* 0x100_0000_01b3; hash2 = (hash2 ^ UInt64(b)) &* 0x100_0001_b300_0001 }
        }
        file.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// The file identifier: 16 bytes derived from everything written so far, as hex.
    var identifier: String {
        flush()
        return String(format: "%016llX%016llX", hash1, hash2)
    }

    func close() throws {
        flush()
        try file.close()
    }
}

/// Reads objects of an existing PDF by offset.
struct PDFInput {
    let file: FileHandle
    let size: Int

    init(path: String) throws {
        guard let f = FileHandle(forReadingAtPath: path) else { throw RenderError.output(path: path, reason: "cannot reopen") }
        file = f
        size = Int(try f.seekToEnd())
    }

    func read(at offset: Int, count: Int) throws -> [UInt8] {
        try file.seek(toOffset: UInt64(offset))
        return [UInt8](try file.read(upToCount: count) ?? Data())
    }
}

enum PDFText {
    /// A PDF text string: literal when plain ASCII, else UTF-16BE hex with a byte-order mark.
    static func string(_ s: String) -> String {
        if s.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            return "(" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
                .replacingOccurrences(of: ")", with: "\\)") + ")"
        }
        let digits = Array("0123456789ABCDEF".utf8)
        var hex: [UInt8] = Array("<FEFF".utf8)
        hex.reserveCapacity(6 + s.utf16.count * 4)
        for unit in s.utf16 {
            for shift in stride(from: 12, through: 0, by: -4) { hex.append(digits[Int(unit >> UInt16(shift)) & 0xF]) }
        }
        hex.append(UInt8(ascii: ">"))
        return String(decoding: hex, as: UTF8.self)
    }

    /// The integer after `key` in a dictionary's text ("/Root 12 0 R" → 12).
    static func number(after key: String, in text: Substring) -> Int? {
        var search = text.startIndex
        while let r = text.range(of: key, range: search..<text.endIndex) {
            search = r.upperBound
            // A whole key: "/Count" must not match "/CountX".
            if r.upperBound < text.endIndex, let c = text[r.upperBound].unicodeScalars.first, CharacterSet.alphanumerics.contains(c) { continue }
            let digits = text[r.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\r" }.prefix { $0.isNumber || $0 == "-" }
            return Int(digits)
        }
        return nil
    }

    /// Every "N 0 R" reference in `text`, in order.
    static func references(in text: Substring) -> [Int] {
        var out: [Int] = []
        let scalars = Array(text.utf8)
        var i = 0
        while i < scalars.count {
            guard scalars[i] >= 0x30 && scalars[i] <= 0x39 else { i += 1; continue }
            var n = 0, j = i
            while j < scalars.count, scalars[j] >= 0x30 && scalars[j] <= 0x39 { n = n * 10 + Int(scalars[j] - 0x30); j += 1 }
            if j + 4 <= scalars.count, scalars[j] == 0x20, scalars[j + 1] == 0x30, scalars[j + 2] == 0x20, scalars[j + 3] == 0x52 {
                out.append(n)
                i = j + 4
            } else {
                i = j
            }
        }
        return out
    }

    /// The dictionary text with every line holding `key` removed (Cairo writes one key a line).
    static func removingLines(with key: String, from dict: String) -> String {
        dict.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            guard let r = line.range(of: key) else { return true }
            let after = line[r.upperBound...].first
            return after.map { $0.isLetter || $0.isNumber } ?? false
        }.joined(separator: "\n")
    }

    /// `dict` ("<< … >>") with `entries` added before its closing ">>".
    static func adding(_ entries: String, to dict: String) -> String {
        guard let close = dict.range(of: ">>", options: .backwards) else { return dict }
        return dict[..<close.lowerBound] + "   " + entries + "\n" + dict[close.lowerBound...]
    }
}

enum Zlib {
    static func inflate(_ input: ArraySlice<UInt8>) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: max(4096, input.count * 4))
        var status: Int32 = Z_OK
        input.withUnsafeBufferPointer { inp in
            stream.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
            stream.avail_in = uInt(inp.count)
            while status == Z_OK {
                if Int(stream.total_out) == output.count { output.append(contentsOf: repeatElement(0, count: output.count)) }
                let done = Int(stream.total_out)
                status = output.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress! + done
                    stream.avail_out = uInt(out.count - done)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                if status == Z_BUF_ERROR && stream.avail_in > 0 { status = Z_OK }
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    static func deflate(_ input: [UInt8]) -> [UInt8] {
        var length = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { inp in compress2(out.baseAddress, &length, inp.baseAddress, uLong(inp.count), 6) }
        }
        precondition(status == Z_OK, "zlib compress2 failed")
        output.removeSubrange(Int(length)...)
        return output
    }
}
