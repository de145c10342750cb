// The little of PDF's object syntax the writer needs: PDF text strings, deflate, and a buffered
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
    /// A stream object: `entries` (dictionary keys other than /Length and /Filter) and `data`, deflated.
    /// Level 3 for page content: half the time of level 6 for 10% more bytes (the fonts, written once, take 6).
    func deflatedStream(_ n: Int, _ entries: String, _ data: [UInt8], level: Int32 = 6) {
        deflatedStream(n, entries, packed: Zlib.deflate(data, level: level))
    }
    /// A stream object whose data is already deflated (on another thread).
    func deflatedStream(_ n: Int, _ entries: String, packed: [UInt8]) {
        begin(n)
        write("<< \(entries)\(entries.isEmpty ? "" : " ")/Filter /FlateDecode /Length \(packed.count) >>\nstream\n")
        write(packed)
        write("\nendstream\nendobj\n")
    }
    func object(_ n: Int, bytes body: [UInt8]) {
        begin(n)
        write(body)
        write("\nendobj\n")
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        // FNV-1a, two lanes: identical files get identical /IDs, and any change changes them.
        // Eight bytes at a time (a 70 MB file is hashed in milliseconds, not a second).
        buffer.withUnsafeBytes { p in
            let words = p.count / 8
            for i in 0..<words {
                let w = p.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                hash1 = (hash1 ^ w) &* 0x100_0000_01b3
                hash2 = (hash2 ^ (w >> 29 | w << 35)) &* 0x100_0001_b300_0001
            }
            for b in p[(words * 8)...] { hash1 = (hash1 ^ UInt64(b)) &* 0x100_0000_01b3; hash2 = (hash2 ^ UInt64(b)) &* 0x100_0001_b300_0001 }
        }
        // The first failure (a full disk) is kept and thrown by `close`: FileHandle's plain write would trap.
        if failure == nil {
            do { try file.write(contentsOf: buffer) } catch { failure = error }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The file identifier: 16 bytes derived from everything written so far, as hex.
    var identifier: String {
        flush()
        return String(format: "%016llX%016llX", hash1, hash2)
    }

    private var failure: (any Error)?

    func close() throws {
        flush()
        try file.close()
        if let failure { throw RenderError.output(path: "", reason: "\(failure.localizedDescription)") }
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
}

enum Zlib {
    static func deflate(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        var length = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { inp in compress2(out.baseAddress, &length, inp.baseAddress, uLong(inp.count), level) }
        }
        precondition(status == Z_OK, "zlib compress2 failed")
        output.removeSubrange(Int(length)...)
        return output
    }
}
