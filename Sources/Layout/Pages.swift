// The result of layout: pages of positioned items (the vocabulary is in Base) with the outline,
// metadata and warnings the renderer needs.
import Base
import Foundation

/// One page: its size and items.
public struct Page: Sendable, Hashable {
    public var size: Size
    public var items: [PageItem]
    /// The PDF page label (matches the printed page number).
    public var label: String

    public init(size: Size, items: [PageItem] = [], label: String = "") {
        self.size = size
        self.items = items
        self.label = label
    }

    public var textItems: [TextItem] { items.compactMap { if case .text(let t) = $0 { t } else { nil } } }
    /// All text on the page in reading order, one line per item.
    public var text: String { textItems.map(\.text).joined(separator: "\n") }
}

/// A bookmark in the PDF outline.
public struct OutlineEntry: Sendable, Hashable {
    public var title: String
    public var level: Int
    public var pageIndex: Int
    public var y: Double
    public init(title: String, level: Int, pageIndex: Int, y: Double) {
        self.title = title; self.level = level; self.pageIndex = pageIndex; self.y = y
    }
}

/// A problem that did not stop the build (a missing glyph, a clipped table row…).
public struct LayoutWarning: Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The result of layout: everything the renderer needs, nothing it has to compute.
public struct LaidOutDocument: Sendable {
    public var metadata: DocumentMetadata
    public var theme: Theme
    public var pages: [Page]
    public var outline: [OutlineEntry]
    public var warnings: [LayoutWarning]
    /// Number of layout passes the contents/page-number fixpoint took.
    public var passes: Int
    /// The alternative text of every `Figure` structure element, in document order (the PDF
    /// writer adds them as /Alt).
    public var figureAltTexts: [String]

    public init(metadata: DocumentMetadata, theme: Theme, pages: [Page], outline: [OutlineEntry],
                warnings: [LayoutWarning], passes: Int, figureAltTexts: [String] = []) {
        self.metadata = metadata
        self.theme = theme
        self.pages = pages
        self.outline = outline
        self.warnings = warnings
        self.passes = passes
        self.figureAltTexts = figureAltTexts
    }
}
