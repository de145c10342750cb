import Foundation

/// A file's bytes for `#expect(a == b)`: equal when the bytes are, described by their size and
/// hash. On a failed `==` between two `Data` values swift-testing computes an edit script
/// between them, which for a database or a PDF of megabytes runs longer than CI waits (it
/// once turned a failed expectation into an 80-minute hang); this is no collection, so a
/// failure costs nothing and reads "1,052,672 bytes (fnv1a 9c2e…) == 1,056,768 bytes (…)".
public struct FileBytes: Equatable, CustomStringConvertible, Sendable {
    public let data: Data

    public init(_ data: Data) { self.data = data }
    /// The UTF-8 bytes of `text`.
    public init(_ text: String) { data = Data(text.utf8) }
    /// The file's bytes, or none when it cannot be read.
    public init(path: String) { data = FileManager.default.contents(atPath: path) ?? Data() }

    public var isEmpty: Bool { data.isEmpty }

    public var description: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return "\(data.count) bytes (fnv1a \(String(hash, radix: 16)))"
    }
}
