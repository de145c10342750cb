// The document model: what a report *says*, before anything is measured.
//
//   Document (metadata, theme, [Block]) ──layout(_:)──▶ LaidOutDocument ([Page] of positioned items)
//
// Everything here is a plain Sendable value so the Report module can build it from Markdown and
// tests can build it by hand. Nothing in this file knows about Pango or Cairo.
import Base
import Foundation

/// A report to typeset: metadata for the PDF, a theme, and the blocks in reading order.
public struct Document: Sendable, Hashable {
    public var metadata: DocumentMetadata
    public var theme: Theme
    public var blocks: [Block]

    public init(metadata: DocumentMetadata = DocumentMetadata(), theme: Theme = Theme(), blocks: [Block] = []) {
        self.metadata = metadata
        self.theme = theme
        self.blocks = blocks
    }
}

/// PDF document information. `creationDate` is what makes builds reproducible: it is written
/// instead of the clock (see `DocumentMetadata.reproducibleDate()`).
public struct DocumentMetadata: Sendable, Hashable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: [String]
    /// The creation date written into the PDF. `nil` means SOURCE_DATE_EPOCH, else 2000-01-01.
    public var creationDate: Date?
    /// Shown in the running header; defaults to `title`.
    public var runningTitle: String?
    /// The document's language (BCP 47, e.g. "en", "fr"), written as the PDF's /Lang.
    public var language: String
    /// The standards the PDF claims (validated by the test suite with veraPDF).
    public var standards: PDFStandards

    public init(title: String = "", author: String = "", subject: String = "", keywords: [String] = [],
                creationDate: Date? = nil, runningTitle: String? = nil, language: String = "en",
                standards: PDFStandards = .both) {
        self.standards = standards
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creationDate = creationDate
        self.runningTitle = runningTitle
        self.language = language
    }

    /// The date to stamp: the explicit one, else `SOURCE_DATE_EPOCH`, else a fixed date — never the clock.
    public func reproducibleDate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let creationDate { return creationDate }
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) { return Date(timeIntervalSince1970: epoch) }
        return Date(timeIntervalSince1970: 946_684_800) // 2000-01-01T00:00:00Z
    }
}

/// One block of the document. Blocks are measured, then split to fit pages (see `Flowable`).
public enum Block: Sendable, Hashable {
    /// Level 1–3. Level 1 headings start a "section" (shown in the running header) and all
    /// levels appear in the PDF outline; `inContents: false` keeps one out of the table of contents.
    case heading(level: Int, text: [InlineRun], inContents: Bool = true)
    case paragraph([InlineRun])
    case bulletList([ListItem])
    case numberedList([ListItem], start: Int = 1)
    /// Paragraphs set indented with a rule; `attribution` is set below ("— Name").
    case blockQuote([[InlineRun]], attribution: [InlineRun]? = nil)
    case table(Table)
    case figure(Figure)
    case kpiRow([KPI])
    /// Vertical space in points (dropped at the top of a page).
    case spacer(Double)
    case pageBreak
    /// A contents list of the headings up to `maxLevel`, with page numbers and links.
    case tableOfContents(title: String = "Contents", maxLevel: Int = 2)

    /// Convenience for the common case.
    public static func heading(_ level: Int, _ text: String) -> Block { .heading(level: level, text: [InlineRun(text)]) }
    public static func paragraph(_ text: String) -> Block { .paragraph([InlineRun(text)]) }
}

/// A span of text with one set of inline styles.
public struct InlineRun: Sendable, Hashable {
    public var text: String
    public var bold: Bool
    public var italic: Bool
    public var code: Bool
    public var smallCaps: Bool
    /// An external URI (`https://…`, `mailto:…`); drawn in the link colour and clickable.
    public var link: String?

    public init(_ text: String, bold: Bool = false, italic: Bool = false, code: Bool = false,
                smallCaps: Bool = false, link: String? = nil) {
        self.text = text
        self.bold = bold
        self.italic = italic
        self.code = code
        self.smallCaps = smallCaps
        self.link = link
    }

    public static func bold(_ text: String) -> InlineRun { InlineRun(text, bold: true) }
    public static func italic(_ text: String) -> InlineRun { InlineRun(text, italic: true) }
    public static func code(_ text: String) -> InlineRun { InlineRun(text, code: true) }
    public static func link(_ text: String, _ uri: String) -> InlineRun { InlineRun(text, link: uri) }
}

extension Array where Element == InlineRun {
    /// The runs' text without styles (for outlines, TOC entries, alt text).
    public var plainText: String { map(\.text).joined() }
}

/// A list item: its own text and an optional nested list (one level deep; deeper levels are flattened).
public struct ListItem: Sendable, Hashable {
    public var text: [InlineRun]
    public var children: [ListItem]
    public var childrenNumbered: Bool

    public init(_ text: [InlineRun], children: [ListItem] = [], childrenNumbered: Bool = false) {
        self.text = text
        self.children = children
        self.childrenNumbered = childrenNumbered
    }

    public init(_ text: String, children: [ListItem] = []) {
        self.init([InlineRun(text)], children: children)
    }
}

/// A table: a header row repeated on every page, body rows, an optional totals row.
/// Every row must have `header.count` cells (`LayoutError.tableShape` otherwise).
public struct Table: Sendable, Hashable {
    public enum Alignment: String, Sendable, Hashable, Codable { case leading, center, trailing }

    public struct Column: Sendable, Hashable {
        public var alignment: Alignment
        /// A relative width (shares of the table width); `nil` means sized to content.
        public var width: Double?
        /// Tabular (fixed-width) figures: set for numeric columns so digits line up.
        public var numeric: Bool

        public init(alignment: Alignment = .leading, width: Double? = nil, numeric: Bool = false) {
            self.alignment = alignment
            self.width = width
            self.numeric = numeric
        }

        public static let text = Column()
        public static let number = Column(alignment: .trailing, numeric: true)
    }

    public typealias Cell = [InlineRun]

    public var columns: [Column]
    public var header: [Cell]
    public var rows: [[Cell]]
    public var totals: [Cell]?
    /// Alternate row shading.
    public var zebra: Bool
    /// Optional caption set above the table (it keeps with the table).
    public var caption: String?
    /// Tables with the same group share one set of column widths (the directory's regions line up).
    public var widthGroup: String?

    public init(columns: [Column], header: [Cell], rows: [[Cell]], totals: [Cell]? = nil,
                zebra: Bool = true, caption: String? = nil, widthGroup: String? = nil) {
        self.widthGroup = widthGroup
        self.columns = columns
        self.header = header
        self.rows = rows
        self.totals = totals
        self.zebra = zebra
        self.caption = caption
    }

    /// Convenience: plain strings, with each column's alignment.
    public init(header: [String], rows: [[String]], columns: [Column]? = nil, totals: [String]? = nil,
                zebra: Bool = true, caption: String? = nil) {
        self.init(columns: columns ?? header.map { _ in .text },
                  header: header.map { [InlineRun($0)] },
                  rows: rows.map { $0.map { [InlineRun($0)] } },
                  totals: totals.map { $0.map { [InlineRun($0)] } },
                  zebra: zebra, caption: caption)
    }
}

/// A figure never splits across pages. Its caption is set below; `altText` goes to the
/// figure's structure element and the PDF's accessibility text where the renderer supports it.
public struct Figure: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        /// A PNG file; drawn at `width` points wide (default: the text width or its natural size, whichever is smaller).
        case image(path: String, width: Double? = nil)
        /// A vector drawing (charts), scaled down if wider than the text.
        case graphic(Graphic)
    }

    public var content: Content
    public var caption: [InlineRun]?
    public var altText: String

    public init(_ content: Content, caption: [InlineRun]? = nil, altText: String) {
        self.content = content
        self.caption = caption
        self.altText = altText
    }
}

/// One KPI tile: a big value, its label, and the change against the previous period.
public struct KPI: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable, Codable { case up, down, flat }

    public var value: String
    public var label: String
    public var change: String?
    public var direction: Direction
    /// Whether "up" is good (green) — false for e.g. lapsed members.
    public var upIsGood: Bool
    /// An optional small drawing (sparkline) under the value.
    public var graphic: Graphic?

    public init(value: String, label: String, change: String? = nil, direction: Direction = .flat,
                upIsGood: Bool = true, graphic: Graphic? = nil) {
        self.value = value
        self.label = label
        self.change = change
        self.direction = direction
        self.upIsGood = upIsGood
        self.graphic = graphic
    }
}
