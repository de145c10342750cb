// Figures, KPI tile rows and the table of contents: the flowables that are not lines of text.
import Base
import Foundation

/// A figure (image or vector graphic) with its caption. Never splits.
struct FigureFlowable: Flowable {
    enum Content {
        case image(path: String, size: Size)
        case graphic(Graphic, scale: Double)
    }
    var content: Content
    var contentSize: Size
    var caption: TextBlockFlowable?
    var captionGap: Double
    var spaceBefore: Double
    var spaceAfter: Double
    var altText: String

    var height: Double { contentSize.height + (caption.map { captionGap + $0.height } ?? 0) }

    /// A graphic that tags its own text (a report's cover: its title a heading) is a section of
    /// the document, not a figure described by its alternative text.
    var tagsItsText: Bool {
        guard case .graphic(let g, _) = content else { return false }
        return g.items.contains { if case .beginTag = $0 { true } else { false } }
    }

    func draw(at origin: Point, into sink: PageSink) {
        let tag: StructureTag = tagsItsText ? .sect : .figure
        sink.begin(tag)
        if tag == .figure { sink.figureAlts.append(altText) }
        switch content {
        case .image(let path, let size):
            sink.add(.image(ImageItem(path: path, frame: Rect(x: origin.x, y: origin.y, width: size.width, height: size.height))))
        case .graphic(let g, let scale):
            sink.items.append(contentsOf: g.placed(at: origin, scale: scale))
        }
        sink.end(tag)
        if let caption {
            caption.draw(at: Point(origin.x, origin.y + contentSize.height + captionGap), into: sink)
        }
    }
}

/// A row of KPI tiles of equal height. Never splits.
struct KPIRowFlowable: Flowable {
    struct Tile {
        var label: [ShapedLine]
        var value: String
        var change: [ShapedLine]
        var changeColor: Color
        var graphic: (Graphic, Double)?
        var graphicAlt: String
    }
    var tiles: [Tile]
    var tileWidth: Double
    var gap: Double
    var padding: Double
    var labelStyle: TextStyle
    var valueStyle: TextStyle
    var changeStyle: TextStyle
    var labelLineHeight: Double
    var valueLineHeight: Double
    var changeLineHeight: Double
    var fill: Color
    var graphicHeight: Double
    /// The most label lines of any tile: values align across the row.
    var labelLines: Int
    var height: Double
    var spaceBefore: Double
    var spaceAfter: Double

    func draw(at origin: Point, into sink: PageSink) {
        sink.begin(.part)
        for (i, tile) in tiles.enumerated() {
            let x = origin.x + Double(i) * (tileWidth + gap)
            let r = Rect(x: x, y: origin.y, width: tileWidth, height: height)
            sink.path(PathItem(roundedRect(r, radius: 4), fill: fill))
            let innerX = x + padding, innerW = tileWidth - 2 * padding
            var y = origin.y + padding
            sink.begin(.p)
            for line in tile.label {
                sink.text(TextItem(text: line.text, style: labelStyle, x: innerX, baseline: labelStyle.baseline(top: y, lineHeight: labelLineHeight), width: innerW))
                y += labelLineHeight
            }
            sink.end(.p)
            y = origin.y + padding + Double(labelLines) * labelLineHeight + 4
            sink.begin(.p)
            sink.text(TextItem(text: tile.value, style: valueStyle, x: innerX, baseline: valueStyle.baseline(top: y, lineHeight: valueLineHeight), width: innerW))
            sink.end(.p)
            y += valueLineHeight
            if let (g, scale) = tile.graphic {
                sink.begin(.figure)
                sink.figureAlts.append(tile.graphicAlt)
                sink.items.append(contentsOf: g.placed(at: Point(innerX, y + 2), scale: scale))
                sink.end(.figure)
            }
            y += graphicHeight // the same in every tile, so the change lines align
            if !tile.change.isEmpty {
                var style = changeStyle
                style.color = tile.changeColor
                sink.begin(.p)
                for line in tile.change {
                    sink.text(TextItem(text: line.text, style: style, x: innerX, baseline: style.baseline(top: y, lineHeight: changeLineHeight), width: innerW))
                    y += changeLineHeight
                }
                sink.end(.p)
            }
        }
        sink.end(.part)
    }
}

func roundedRect(_ r: Rect, radius: Double) -> [PathElement] {
    let k = 0.5523 * radius
    let (x0, y0, x1, y1) = (r.x, r.y, r.maxX, r.maxY)
    return [
        .move(Point(x0 + radius, y0)), .line(Point(x1 - radius, y0)),
        .curve(Point(x1 - radius + k, y0), Point(x1, y0 + radius - k), Point(x1, y0 + radius)),
        .line(Point(x1, y1 - radius)),
        .curve(Point(x1, y1 - radius + k), Point(x1 - radius + k, y1), Point(x1 - radius, y1)),
        .line(Point(x0 + radius, y1)),
        .curve(Point(x0 + radius - k, y1), Point(x0, y1 - radius + k), Point(x0, y1 - radius)),
        .line(Point(x0, y0 + radius)),
        .curve(Point(x0, y0 + radius - k), Point(x0 + radius - k, y0), Point(x0 + radius, y0)),
        .close,
    ]
}

/// The table of contents: one entry per heading, page numbers right-aligned with dotted leaders,
/// each entry a link to its heading. Splits between entries.
struct TOCFlowable: Flowable {
    struct Entry {
        var lines: [ShapedLine]
        var level: Int
        var style: TextStyle
        var number: String
        var target: (page: Int, y: Double)?
        var gapBefore: Double
        var indent: Double
    }
    var entries: ArraySlice<Entry>
    var lineHeight: Double
    var width: Double
    var numberWidth: Double
    var leaderColor: Color
    var spaceBefore: Double
    var spaceAfter: Double

    func entryHeight(_ e: Entry) -> Double { e.gapBefore + Double(max(1, e.lines.count)) * lineHeight }
    var height: Double { entries.reduce(0) { $0 + entryHeight($1) } }
    var minimumHeadHeight: Double { entries.first.map(entryHeight) ?? 0 }

    func split(available: Double, pageHeight: Double) -> (head: any Flowable, tail: any Flowable)? {
        var used = 0.0, count = 0
        for e in entries {
            if used + entryHeight(e) > available { break }
            used += entryHeight(e)
            count += 1
        }
        guard count > 0, count < entries.count else { return nil }
        var head = self, tail = self
        head.entries = entries.prefix(count)
        tail.entries = entries.dropFirst(count)
        tail.entries[tail.entries.startIndex].gapBefore = 0
        head.spaceAfter = 0
        tail.spaceBefore = 0
        return (head, tail)
    }

    func draw(at origin: Point, into sink: PageSink) {
        sink.begin(.toc)
        var y = origin.y
        for e in entries {
            y += e.gapBefore
            let top = y
            // TOC > TOCI > Reference > Link: the entry's words and page number are the link's text.
            sink.begin(.tocItem)
            sink.begin(.reference)
            sink.begin(.link)
            let x = origin.x + e.indent
            var lastRight = x
            for line in e.lines {
                let baseline = e.style.baseline(top: y, lineHeight: lineHeight)
                sink.text(TextItem(text: line.text, style: e.style, spans: line.spans, x: x, baseline: baseline, width: width - e.indent - numberWidth))
                lastRight = x + line.x + line.width
                y += lineHeight
            }
            let baseline = e.style.baseline(top: y - lineHeight, lineHeight: lineHeight)
            let numberX = origin.x + width - numberWidth
            var numberStyle = e.style
            numberStyle.tabularFigures = true
            sink.text(TextItem(text: e.number, style: numberStyle, x: numberX, baseline: baseline, width: numberWidth, alignment: .end))
            let leaderStart = lastRight + 6, leaderEnd = origin.x + width - 6 - Double(e.number.count) * e.style.size * 0.62
            if leaderEnd - leaderStart > 10 {
                sink.path(PathItem([.move(Point(leaderStart, baseline)), .line(Point(leaderEnd, baseline))],
                                   stroke: leaderColor, lineWidth: 0.9, dash: [0.01, 3.2], roundCaps: true))
            }
            if let target = e.target {
                sink.add(.link(LinkItem(rect: Rect(x: x, y: top, width: origin.x + width - x, height: y - top),
                                        target: .page(target.page, y: target.y),
                                        text: e.lines.map(\.text).joined(separator: " ") + ", page " + e.number)))
            }
            sink.end(.link)
            sink.end(.reference)
            sink.end(.tocItem)
        }
        sink.end(.toc)
    }
}
