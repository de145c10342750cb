// Which standards a PDF claims (`almanac build --pdf-standard`, front matter `pdf_standard:`).
// A claim is written into the file's XMP metadata only for standards the test suite validates
// with veraPDF: PDF/A-2a (archival, tagged) and PDF/UA-1 (accessible).
import Foundation

/// The standards a PDF claims conformance to.
public struct PDFStandards: Sendable, Hashable, CustomStringConvertible {
    /// PDF/A-2 level A (ISO 19005-2): archival, with the structure tree level A requires.
    public var archival: Bool
    /// PDF/UA-1 (ISO 14289-1): accessible.
    public var accessible: Bool

    public init(archival: Bool, accessible: Bool) {
        self.archival = archival
        self.accessible = accessible
    }

    /// The default: both.
    public static let both = PDFStandards(archival: true, accessible: true)
    public static let none = PDFStandards(archival: false, accessible: false)
    /// The spellings `parse` accepts.
    public static let choices = ["a-2a,ua-1", "a-2a", "ua-1", "none"]

    /// "a-2a,ua-1", "a-2a", "ua-1" or "none" (also "ua-1,a-2a", any case); nil for anything else.
    public init?(parsing text: String) {
        let parts = Set(text.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        if parts == ["none"] { self = .none; return }
        guard !parts.isEmpty, parts.isSubset(of: ["a-2a", "ua-1"]) else { return nil }
        self.init(archival: parts.contains("a-2a"), accessible: parts.contains("ua-1"))
    }

    public var description: String {
        [archival ? "a-2a" : nil, accessible ? "ua-1" : nil].compactMap { $0 }.joined(separator: ",").nonEmpty ?? "none"
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
