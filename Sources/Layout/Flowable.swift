// The pagination contract, after ReportLab's flowables: every block is first *measured* at the
// frame width (its `height` is then known), and can be asked to *split* so a head fits the space
// left on a page. The paginator (`Typesetter`) knows nothing about paragraphs or tables: widow and
// orphan control, repeated table headers, unsplittable figures and sticky headings all come from
// how each flowable answers `split` and `keepWithNext`.
import Base
import Foundation

/// Receives what flowables draw on the current page, and the facts the fixpoint loop reads back.
final class PageSink {
    var items: [PageItem] = []
    var pageIndex = 0
    var headings: [(index: Int, level: Int, title: String, pageIndex: Int, y: Double)] = []
    var warnings: [LayoutWarning] = []
    /// Alt text of each figure structure element drawn, in order.
    var figureAlts: [String] = []

    func add(_ item: PageItem) { items.append(item) }
    func text(_ t: TextItem) { items.append(.text(t)) }
    func path(_ p: PathItem) { items.append(.path(p)) }
    func begin(_ tag: StructureTag) { items.append(.beginTag(tag)) }
    func end(_ tag: StructureTag) { items.append(.endTag(tag)) }
}

/// Measure, then split to fit.
protocol Flowable {
    /// Height at the frame width (measured when the flowable was made).
    var height: Double { get }
    /// Space wanted above and below; the larger of two neighbours' wins, none at the top of a page.
    var spaceBefore: Double { get }
    var spaceAfter: Double { get }
    /// Never end a page with this flowable: it moves to the next page with what follows (headings).
    var keepWithNext: Bool { get }
    /// Height of the smallest first piece `split` could produce (what a keep-with-next heading needs below it).
    var minimumHeadHeight: Double { get }
    /// A head that fits in `available` and the tail, or nil if no acceptable split exists.
    /// `pageHeight` is the full frame height, for pieces that cannot fit even on an empty page.
    func split(available: Double, pageHeight: Double) -> (head: any Flowable, tail: any Flowable)?
    /// Draws with its top-left corner at `origin`.
    func draw(at origin: Point, into sink: PageSink)
    /// Dropped when it would start a page (spacers).
    var discardAtPageTop: Bool { get }
    /// Forces a new page (page breaks).
    var breaksPage: Bool { get }
}

extension Flowable {
    var spaceBefore: Double { 0 }
    var spaceAfter: Double { 0 }
    var keepWithNext: Bool { false }
    var minimumHeadHeight: Double { height }
    func split(available: Double, pageHeight: Double) -> (head: any Flowable, tail: any Flowable)? { nil }
    var discardAtPageTop: Bool { false }
    var breaksPage: Bool { false }
}

struct SpacerFlowable: Flowable {
    var height: Double
    func draw(at origin: Point, into sink: PageSink) {}
    var discardAtPageTop: Bool { true }
}

struct PageBreakFlowable: Flowable {
    var height: Double { 0 }
    func draw(at origin: Point, into sink: PageSink) {}
    var breaksPage: Bool { true }
}

// MARK: - Lines of text: paragraphs, block quotes, lists

/// One shaped paragraph placed inside a text block: its lines, indentation, optional list marker.
struct TextEntry {
    var lines: [ShapedLine]
    var style: TextStyle
    var lineHeight: Double
    var rightToLeft: Bool
    var indent: Double
    var boxWidth: Double
    var alignment: TextAlignment = .start
    /// Space above this entry within the block.
    var gapBefore: Double = 0
    /// A list marker ("•", "3.") drawn in the indent of the first line.
    var marker: String?
    var markerWidth: Double = 0
    /// Structure tag around the entry (P, LI…), and whether this piece holds its first/last line.
    var tag: StructureTag
    var continues = false

    var height: Double { Double(lines.count) * lineHeight }
}

/// Paragraphs, block quotes and lists: entries of lines, split between lines with widow/orphan
/// control (never fewer than `minLines` lines of a paragraph on either side of a page break).
struct TextBlockFlowable: Flowable {
    var entries: [TextEntry]
    var container: StructureTag?
    var spaceBefore: Double
    var spaceAfter: Double
    var keepWithNext = false
    /// A vertical rule left of the block (block quotes).
    var rule: (x: Double, color: Color)?
    /// Heading facts, when this block is a heading.
    var heading: (index: Int, level: Int, title: String)?
    var minLines = 2

    var height: Double { entries.reduce(0) { $0 + $1.gapBefore + $1.height } }

    var minimumHeadHeight: Double {
        guard let first = entries.first else { return 0 }
        if first.lines.count >= 2 * minLines { return first.gapBefore + Double(minLines) * first.lineHeight }
        return first.gapBefore + first.height
    }

    func split(available: Double, pageHeight: Double) -> (head: any Flowable, tail: any Flowable)? {
        guard heading == nil else { return nil }
        var used = 0.0
        for (i, entry) in entries.enumerated() {
            let entryHeight = entry.gapBefore + entry.height
            if used + entryHeight <= available { used += entryHeight; continue }
            // Entry i does not fit: split inside it (2+ lines each side) or before it.
            let room = available - used - entry.gapBefore
            var fitting = Int((room + 0.001) / entry.lineHeight)
            let n = entry.lines.count
            // A paragraph longer than a page always splits somewhere, even with fewer than 2 lines left.
            let wholePage = Int((pageHeight + 0.001) / entry.lineHeight)
            fitting = min(fitting, n - minLines)
            if fitting >= minLines || (fitting >= 1 && n > wholePage && i == 0 && used == 0) {
                var headEntry = entry
                headEntry.lines = Array(entry.lines[..<fitting])
                var tailEntry = entry
                tailEntry.lines = Array(entry.lines[fitting...])
                tailEntry.gapBefore = 0
                tailEntry.marker = nil
                tailEntry.continues = true
                var head = self, tail = self
                head.entries = Array(entries[..<i]) + [headEntry]
                tail.entries = [tailEntry] + Array(entries[(i + 1)...])
                head.spaceAfter = 0
                tail.spaceBefore = 0
                return (head, tail)
            }
            guard i > 0 else { return nil }
            var head = self, tail = self
            head.entries = Array(entries[..<i])
            tail.entries = Array(entries[i...])
            tail.entries[0].gapBefore = 0
            head.spaceAfter = 0
            tail.spaceBefore = 0
            return (head, tail)
        }
        return nil
    }

    /// A list marker ("•", "3.") in an entry set in `style`: upright, regular, tabular figures.
    static func markerStyle(_ style: TextStyle) -> TextStyle {
        var marker = style
        marker.tabularFigures = true
        marker.weight = .regular
        marker.italic = false
        return marker
    }

    func draw(at origin: Point, into sink: PageSink) {
        if let heading { sink.headings.append((heading.index, heading.level, heading.title, sink.pageIndex, origin.y)) }
        if let rule {
            sink.path(.line(from: Point(origin.x + rule.x, origin.y + 2), to: Point(origin.x + rule.x, origin.y + height - 2),
                            color: rule.color, width: 1.5))
        }
        if let container { sink.begin(container) }
        var y = origin.y
        for entry in entries {
            y += entry.gapBefore
            sink.begin(entry.tag)
            let left = origin.x + entry.indent
            if let marker = entry.marker {
                sink.begin(.label)
                sink.text(TextItem(text: marker, style: Self.markerStyle(entry.style), x: left - entry.markerWidth, baseline: Self.baseline(y, entry),
                                   width: entry.markerWidth - 4, alignment: .end))
                sink.end(.label)
            }
            if entry.tag == .listItem { sink.begin(.listBody) }
            for line in entry.lines {
                let baseline = Self.baseline(y, entry)
                sink.text(TextItem(text: line.text, style: entry.style, spans: line.spans, x: left, baseline: baseline,
                                   width: entry.boxWidth, alignment: entry.alignment, rightToLeft: entry.rightToLeft))
                for run in line.linkRuns {
                    sink.add(.link(LinkItem(rect: Rect(x: left + run.minX, y: y, width: run.maxX - run.minX, height: entry.lineHeight),
                                            target: .uri(run.uri), text: run.text.isEmpty ? run.uri : run.text)))
                }
                y += entry.lineHeight
            }
            if entry.tag == .listItem { sink.end(.listBody) }
            sink.end(entry.tag)
        }
        if let container { sink.end(container) }
    }

    /// Baselines sit at a fixed pitch, whatever fallback font a line uses, so rows and lines never
    /// change height when a script with taller glyphs appears.
    static func baseline(_ top: Double, _ entry: TextEntry) -> Double {
        entry.style.baseline(top: top, lineHeight: entry.lineHeight)
    }
}
