// Blocks → measured flowables: styles from the theme, text shaped by the `TextShaper`.
import Base
import Foundation

/// Inline runs flattened to one string with styled spans (UTF-8 byte offsets) and link URIs by span index.
struct AttributedText {
    var text: String
    var spans: [TextSpan]
    var links: [Int: String]

    init(_ runs: [InlineRun], colors: ColorScheme) {
        var text = ""
        var spans: [TextSpan] = []
        var links: [Int: String] = [:]
        var offset: Int32 = 0
        for run in runs {
            let length = Int32(run.text.utf8.count)
            defer { text += run.text; offset += length }
            guard length > 0, run.bold || run.italic || run.code || run.smallCaps || run.link != nil else { continue }
            var span = TextSpan(start: offset, end: offset + length)
            if run.bold { span.weight = .semibold }
            if run.italic { span.italic = true }
            if run.code { span.role = .mono }
            if run.smallCaps { span.smallCaps = true }
            if let link = run.link {
                span.color = colors.link
                links[spans.count] = link
            }
            spans.append(span)
        }
        self.text = text
        self.spans = spans
        self.links = links
    }
}

final class FlowBuilder {
    let theme: Theme
    let shaper: TextShaper
    let width: Double
    let frameHeight: Double
    /// Heading positions from the previous pass (for contents page numbers).
    let headingPositions: [Int: (page: Int, y: Double)]
    var warnings: [LayoutWarning] = []
    private var headingCounter = 0
    private var tableCounter = 0
    /// The widest natural column widths of each table width group.
    private var groupWidths: [String: [Double]] = [:]
    /// Where `build` put each contents flowable, and the headings it lists (rebuilt each pass).
    private(set) var contentsSlots: [(index: Int, headings: [(index: Int, level: Int, title: String, inContents: Bool)])] = []

    init(theme: Theme, shaper: TextShaper, headingPositions: [Int: (page: Int, y: Double)]) {
        self.theme = theme
        self.shaper = shaper
        self.width = theme.frame.width
        self.frameHeight = theme.frame.height
        self.headingPositions = headingPositions
    }

    var bodyStyle: TextStyle { TextStyle(role: .body, size: theme.sizes.body, color: theme.colors.text) }
    var bodyLineHeight: Double { (theme.sizes.body * theme.sizes.leading).rounded(toPlaces: 2) }

    func headingStyle(_ level: Int) -> TextStyle {
        switch level {
        case 1: TextStyle(role: .heading, weight: .semibold, size: theme.sizes.h1, color: theme.colors.heading)
        case 2: TextStyle(role: .heading, weight: .semibold, size: theme.sizes.h2, color: theme.colors.text)
        default: TextStyle(role: .heading, weight: .semibold, size: theme.sizes.h3, color: theme.colors.text)
        }
    }

    func build(_ blocks: [Block]) throws -> [any Flowable] {
        // Headings are numbered in document order: the contents and the fixpoint key on that number.
        let allHeadings = Self.headings(in: blocks)
        groupWidths = [:]
        contentsSlots = []
        for block in blocks {
            guard case .table(let t) = block, let group = t.widthGroup, !t.header.isEmpty else { continue }
            let widths = naturalWidths(t)
            groupWidths[group] = groupWidths[group].map { zip($0, widths).map { max($0, $1) } } ?? widths
        }
        var out: [any Flowable] = []
        out.reserveCapacity(blocks.count)
        for block in blocks {
            switch block {
            case .heading(let level, let runs, _):
                out.append(heading(level: level, runs: runs, index: headingCounter))
                headingCounter += 1
            case .paragraph(let runs):
                out.append(paragraph(runs))
            case .bulletList(let items):
                out.append(list(items, numbered: false, start: 1))
            case .numberedList(let items, let start):
                out.append(list(items, numbered: true, start: start))
            case .blockQuote(let paragraphs, let attribution):
                out.append(quote(paragraphs, attribution: attribution))
            case .table(let table):
                tableCounter += 1
                out.append(contentsOf: self.table(table, number: tableCounter))
            case .figure(let figure):
                out.append(self.figure(figure))
            case .kpiRow(let kpis):
                if !kpis.isEmpty { out.append(kpiRow(kpis)) }
            case .spacer(let h):
                out.append(SpacerFlowable(height: max(0, h)))
            case .pageBreak:
                out.append(PageBreakFlowable())
            case .tableOfContents(let title, let maxLevel):
                out.append(heading(level: 1, runs: [InlineRun(title)], index: nil))
                let listed = allHeadings.filter { $0.inContents && $0.level <= maxLevel }
                contentsSlots.append((out.count, listed))
                out.append(toc(listed))
            }
        }
        return out
    }

    static func headings(in blocks: [Block]) -> [(index: Int, level: Int, title: String, inContents: Bool)] {
        var out: [(Int, Int, String, Bool)] = []
        for block in blocks {
            if case .heading(let level, let runs, let inContents) = block { out.append((out.count, level, runs.plainText, inContents)) }
        }
        return out
    }

    // MARK: Text

    /// Shapes a paragraph; text beyond 64 KB is shaped in chunks broken at spaces (Pango is
    /// quadratic-ish on huge paragraphs), with a warning.
    func shape(_ a: AttributedText, style: TextStyle, width: Double, alignment: TextAlignment = .start) -> ShapedParagraph {
        let limit = 65_536
        let bytes = Array(a.text.utf8)
        guard bytes.count > limit else {
            return shaper.paragraph(a.text, style: style, spans: a.spans, links: a.links, width: width, alignment: alignment)
        }
        warnings.append(LayoutWarning("a paragraph of \(bytes.count) bytes was set in chunks of about \(limit / 1024) KB; consider splitting it"))
        var lines: [ShapedLine] = []
        var rtl = false
        var start = 0
        while start < bytes.count {
            var end = min(bytes.count, start + limit)
            if end < bytes.count {
                var e = end
                while e > start + limit / 2 && bytes[e] != 0x20 { e -= 1 }
                if bytes[e] == 0x20 { end = e + 1 } else {
                    while end < bytes.count && (bytes[end] & 0xC0) == 0x80 { end += 1 } // UTF-8 boundary
                }
            }
            let chunk = String(decoding: bytes[start..<end], as: UTF8.self)
            var spans: [TextSpan] = []
            var links: [Int: String] = [:]
            for (i, s) in a.spans.enumerated() where Int(s.end) > start && Int(s.start) < end {
                var r = s
                r.start = Int32(max(Int(s.start), start) - start)
                r.end = Int32(min(Int(s.end), end) - start)
                if let uri = a.links[i] { links[spans.count] = uri }
                spans.append(r)
            }
            let p = shaper.paragraph(chunk, style: style, spans: spans, links: links, width: width, alignment: alignment)
            if start == 0 { rtl = p.rightToLeft }
            lines += p.lines
            start = end
        }
        return ShapedParagraph(lines: lines, rightToLeft: rtl)
    }

    /// The width of running text: the frame, or less on wide pages (see `Theme.Sizes.measure`).
    var textWidth: Double { min(width, theme.sizes.measure * theme.sizes.body) }

    func entry(_ runs: [InlineRun], style: TextStyle, lineHeight: Double, indent: Double = 0, tag: StructureTag,
               alignment: TextAlignment = .start, fullWidth: Bool = false) -> TextEntry {
        let a = AttributedText(runs, colors: theme.colors)
        let boxWidth = (fullWidth ? width : textWidth) - indent
        let p = shape(a, style: style, width: boxWidth, alignment: alignment)
        return TextEntry(lines: p.lines, style: style, lineHeight: lineHeight, rightToLeft: p.rightToLeft, indent: indent,
                         boxWidth: boxWidth, alignment: alignment, tag: tag)
    }

    func heading(level: Int, runs: [InlineRun], index: Int?) -> TextBlockFlowable {
        let style = headingStyle(level)
        let lh = (style.size * 1.25).rounded(toPlaces: 2)
        let e = entry(runs, style: style, lineHeight: lh, tag: .heading(level))
        let before: Double = [28, 18, 12][level - 1]
        let after: Double = [10, 6, 3][level - 1]
        return TextBlockFlowable(entries: [e], container: nil, spaceBefore: before, spaceAfter: after, keepWithNext: true,
                                 heading: index.map { ($0, level, runs.plainText) })
    }

    func paragraph(_ runs: [InlineRun]) -> TextBlockFlowable {
        let e = entry(runs, style: bodyStyle, lineHeight: bodyLineHeight, tag: .p)
        // A short paragraph that introduces what follows ("…as follows:") stays with it.
        let introduces = e.lines.count <= 3 && runs.plainText.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(":")
        return TextBlockFlowable(entries: [e], container: nil, spaceBefore: 0, spaceAfter: bodyLineHeight * 0.6,
                                 keepWithNext: introduces)
    }

    func list(_ items: [ListItem], numbered: Bool, start: Int) -> TextBlockFlowable {
        var entries: [TextEntry] = []
        let step = 18.0
        func add(_ items: [ListItem], numbered: Bool, start: Int, level: Int) {
            for (i, item) in items.enumerated() {
                let indent = step * Double(level + 1)
                var e = entry(item.text, style: bodyStyle, lineHeight: bodyLineHeight, indent: indent, tag: .listItem)
                e.marker = numbered ? "\(start + i)." : (level == 0 ? "•" : "–")
                e.markerWidth = step
                shaper.shapeForDrawing(e.marker!, style: TextBlockFlowable.markerStyle(e.style))
                e.gapBefore = entries.isEmpty ? 0 : 2
                entries.append(e)
                if !item.children.isEmpty && level == 0 {
                    add(item.children, numbered: item.childrenNumbered, start: 1, level: 1)
                } else if !item.children.isEmpty {
                    add(item.children, numbered: item.childrenNumbered, start: 1, level: 1) // deeper levels are flattened
                }
            }
        }
        add(items, numbered: numbered, start: start, level: 0)
        return TextBlockFlowable(entries: entries, container: .list, spaceBefore: 0, spaceAfter: bodyLineHeight * 0.6)
    }

    func quote(_ paragraphs: [[InlineRun]], attribution: [InlineRun]?) -> TextBlockFlowable {
        var style = bodyStyle
        style.italic = true
        var entries = paragraphs.enumerated().map { i, runs in
            var e = entry(runs, style: style, lineHeight: bodyLineHeight, indent: 16, tag: .p)
            e.gapBefore = i == 0 ? 0 : bodyLineHeight * 0.4
            return e
        }
        if let attribution {
            var s = bodyStyle
            s.color = theme.colors.muted
            s.size = theme.sizes.body * 0.92
            var e = entry([InlineRun("— ")] + attribution, style: s, lineHeight: bodyLineHeight, indent: 16, tag: .p)
            e.gapBefore = 3
            entries.append(e)
        }
        return TextBlockFlowable(entries: entries, container: .blockQuote, spaceBefore: 4, spaceAfter: bodyLineHeight,
                                 rule: (3, theme.colors.accent))
    }

    // MARK: Tables

    /// The width of a cell's text on one line (numeric columns use tabular figures).
    private func cellWidth(_ a: AttributedText, _ style: TextStyle, numeric: Bool) -> Double {
        var s = style
        s.tabularFigures = numeric
        return shaper.measure(a.text, style: s, spans: a.spans).width
    }

    /// Natural column widths (one shaping per distinct cell text, cached). Measured in a pass of
    /// its own instead of keeping every cell's attributed text and width alive: the rows pass
    /// after it hits the shaper's cache.
    func naturalWidths(_ t: Table) -> [Double] {
        let n = t.header.count
        let style = TextStyle(role: .body, size: theme.sizes.table, color: theme.colors.text)
        var headerStyle = style
        headerStyle.weight = .semibold
        func measure(_ a: AttributedText, _ s: TextStyle, _ c: Int) -> Double { cellWidth(a, s, numeric: t.columns[c].numeric) }
        var natural = t.header.enumerated().map { measure(AttributedText($1, colors: theme.colors), headerStyle, $0) }
        if !t.columns.allSatisfy({ $0.width != nil }) {
            for row in t.rows {
                for c in 0..<n { natural[c] = max(natural[c], measure(AttributedText(row[c], colors: theme.colors), style, c)) }
            }
        }
        for (c, cell) in (t.totals ?? []).enumerated() where c < n {
            natural[c] = max(natural[c], measure(AttributedText(cell, colors: theme.colors), headerStyle, c))
        }
        return natural
    }

    func table(_ t: Table, number: Int) -> [any Flowable] {
        let n = t.header.count
        guard n > 0 else { return [] }
        let size = theme.sizes.table
        let style = TextStyle(role: .body, size: size, color: theme.colors.text)
        var headerStyle = style
        headerStyle.weight = .semibold
        let padX = 5.0, padY = 3.0
        let lineHeight = (size * 1.35).rounded(toPlaces: 2)

        func measure(_ a: AttributedText, _ s: TextStyle, _ c: Int) -> Double { cellWidth(a, s, numeric: t.columns[c].numeric) }
        let headerTexts = t.header.map { AttributedText($0, colors: theme.colors) }
        let totalTexts = t.totals.map { $0.map { AttributedText($0, colors: theme.colors) } }
        let allFixed = t.columns.allSatisfy { $0.width != nil }
        let natural = t.widthGroup.flatMap { groupWidths[$0] }.flatMap { $0.count == n ? $0 : nil } ?? naturalWidths(t)

        // Column widths: given shares, else natural widths with the spare room given to text columns.
        var widths = [Double](repeating: 0, count: n)
        if allFixed {
            let total = t.columns.reduce(0) { $0 + $1.width! }
            for c in 0..<n { widths[c] = width * t.columns[c].width! / total }
        } else {
            let need = natural.map { $0 + 2 * padX + 1 }
            let sum = need.reduce(0, +)
            let textColumns = (0..<n).filter { !t.columns[$0].numeric }
            let growable = textColumns.isEmpty ? Array(0..<n) : textColumns
            if sum <= width {
                widths = need
                let growWeight = growable.reduce(0) { $0 + need[$1] }
                for c in growable { widths[c] += (width - sum) * need[c] / growWeight }
            } else {
                // Numbers keep their natural width (up to a third of the table); text columns share the rest.
                var fixed = 0.0
                for c in 0..<n where !growable.contains(c) { widths[c] = min(need[c], width / 3); fixed += widths[c] }
                // Narrow text columns (dates, kinds) keep their natural width, so "20 May 2023" never
                // wraps beside "16 May 2023"; the wide ones share what is left in proportion.
                var rest = width - fixed
                var wide = growable.sorted { need[$0] < need[$1] }
                while let c = wide.first, need[c] <= rest / Double(wide.count) {
                    widths[c] = need[c]
                    rest -= need[c]
                    wide.removeFirst()
                }
                let growWeight = wide.reduce(0) { $0 + need[$1] }
                for c in wide { widths[c] = max(24, rest * need[c] / growWeight) }
            }
        }
        var xs = [Double](repeating: 0, count: n)
        for c in 1..<max(1, n) { xs[c] = xs[c - 1] + widths[c - 1] }

        let alignments: [TextAlignment] = t.columns.map {
            switch $0.alignment {
            case .leading: .start
            case .center: .center
            case .trailing: .end
            }
        }
        func row(_ texts: [AttributedText], index: Int, style s: TextStyle) -> TableRow {
            var cells: [CellContent] = []
            var rtl: UInt64 = 0
            var lines = 1
            cells.reserveCapacity(n)
            for c in 0..<n {
                let a = texts[c]
                let inner = widths[c] - 2 * padX
                if a.text.isEmpty {
                    cells.append(.empty)
                } else if !a.text.utf8.contains(0x0A) && a.links.isEmpty && !Self.mayBeRightToLeft(a.text) && measure(a, s, c) <= inner {
                    cells.append(.line(a.text, a.spans))
                } else {
                    var cs = s
                    cs.tabularFigures = t.columns[c].numeric
                    let p = shape(a, style: cs, width: inner, alignment: alignments[c])
                    cells.append(p.lines.count == 1 ? .line(p.lines[0].text, p.lines[0].spans) : .lines(p.lines))
                    if p.rightToLeft && c < 64 { rtl |= 1 << UInt64(c) }
                    lines = max(lines, p.lines.count)
                }
            }
            return TableRow(cells: cells, rtlBits: rtl, lineCount: lines, index: index)
        }
        let geometry = TableGeometry(columnX: xs, columnWidths: widths, alignments: alignments,
                                     numeric: t.columns.map(\.numeric), padX: padX, padY: padY, lineHeight: lineHeight,
                                     style: style, headerStyle: headerStyle, colors: theme.colors, zebra: t.zebra, width: width)
        let header = row(headerTexts, index: -1, style: headerStyle)
        var rows: [TableRow] = []
        rows.reserveCapacity(t.rows.count)
        var offsets = [0.0]
        offsets.reserveCapacity(t.rows.count + 1)
        for (i, cells) in t.rows.enumerated() {
            let r = row(cells.map { AttributedText($0, colors: theme.colors) }, index: i, style: style)
            offsets.append(offsets[i] + geometry.height(r))
            rows.append(r)
        }
        let totals = totalTexts.map { row($0, index: -2, style: headerStyle) }
        var caption: TextBlockFlowable?
        if let c = t.caption {
            let s = TextStyle(role: .heading, weight: .semibold, size: theme.sizes.body, color: theme.colors.text)
            let e = entry([InlineRun(c)], style: s, lineHeight: bodyLineHeight, tag: .caption, fullWidth: true)
            caption = TextBlockFlowable(entries: [e], container: nil, spaceBefore: 0, spaceAfter: 0)
        }
        return [TableFlowable(geometry: geometry, header: header, rows: rows[...], totals: totals, caption: caption,
                              spaceBefore: 4, spaceAfter: bodyLineHeight, tableNumber: number, offsets: offsets)]
    }

    /// Cheap test: could the text contain right-to-left letters (Hebrew, Arabic…)?
    static func mayBeRightToLeft(_ s: String) -> Bool {
        for b in s.utf8 where b >= 0xD6 && b <= 0xDF || b == 0xEF { return true } // U+0590–U+07FF, U+FB1D–U+FEFC
        return false
    }

    // MARK: Figures and tiles

    func caption(_ runs: [InlineRun]?) -> TextBlockFlowable? {
        guard let runs, !runs.isEmpty else { return nil }
        let s = TextStyle(role: .body, size: theme.sizes.small + 0.5, color: theme.colors.muted)
        let e = entry(runs, style: s, lineHeight: ((theme.sizes.small + 0.5) * 1.4).rounded(toPlaces: 2), tag: .p, fullWidth: true)
        return TextBlockFlowable(entries: [e], container: .caption, spaceBefore: 0, spaceAfter: 0)
    }

    func figure(_ f: Figure) -> FigureFlowable {
        let cap = caption(f.caption)
        let capHeight = cap.map { $0.height + 6 } ?? 0
        let maxHeight = frameHeight - capHeight
        switch f.content {
        case .image(let path, let requested):
            let px = PNGInfo.size(ofFileAt: path) ?? (1, 1)
            let natural = Size(Double(px.width) * 0.75, Double(px.height) * 0.75) // 96 dpi
            var w = min(requested ?? natural.width, width)
            var h = w * natural.height / natural.width
            if h > maxHeight { h = maxHeight; w = h * natural.width / natural.height }
            return FigureFlowable(content: .image(path: path, size: Size(w, h)), contentSize: Size(w, h), caption: cap,
                                  captionGap: 6, spaceBefore: 6, spaceAfter: bodyLineHeight, altText: f.altText)
        case .graphic(let g):
            // A chart measured its labels; a cover or a logo's monogram may not have.
            for case .text(let t) in g.items { shaper.shapeForDrawing(t.text, style: t.style, spans: t.spans, rightToLeft: t.rightToLeft) }
            var scale = min(1, width / max(1, g.size.width))
            if g.size.height * scale > maxHeight { scale = maxHeight / g.size.height }
            return FigureFlowable(content: .graphic(g, scale: scale), contentSize: Size(g.size.width * scale, g.size.height * scale),
                                  caption: cap, captionGap: 6, spaceBefore: 6, spaceAfter: bodyLineHeight, altText: f.altText)
        }
    }

    func kpiRow(_ kpis: [KPI]) -> KPIRowFlowable {
        let gap = 10.0, padding = 11.0
        let tileWidth = (width - gap * Double(kpis.count - 1)) / Double(kpis.count)
        let inner = tileWidth - 2 * padding
        let labelStyle = TextStyle(role: .body, size: theme.sizes.small + 0.5, color: theme.colors.muted)
        let valueStyle = TextStyle(role: .heading, weight: .semibold, size: theme.sizes.kpiValue, color: theme.colors.heading, tabularFigures: false)
        let changeStyle = TextStyle(role: .body, weight: .medium, size: theme.sizes.small + 0.5, color: theme.colors.muted)
        let labelLH = ((theme.sizes.small + 0.5) * 1.35).rounded(toPlaces: 2)
        let valueLH = (theme.sizes.kpiValue * 1.2).rounded(toPlaces: 2)
        var tiles: [KPIRowFlowable.Tile] = []
        var maxLabelLines = 1
        var maxGraphic = 0.0
        var maxChangeLines = 0
        for k in kpis {
            let label = shaper.paragraph(k.label, style: labelStyle, width: inner).lines
            maxLabelLines = max(maxLabelLines, label.count)
            let arrow: String
            let color: Color
            switch k.direction {
            case .up: arrow = "▲ "; color = k.upIsGood ? theme.colors.positive : theme.colors.negative
            case .down: arrow = "▼ "; color = k.upIsGood ? theme.colors.negative : theme.colors.positive
            case .flat: arrow = "■ "; color = theme.colors.muted
            }
            var graphic: (Graphic, Double)?
            if let g = k.graphic {
                let scale = min(1, inner / max(1, g.size.width))
                graphic = (g, scale)
                maxGraphic = max(maxGraphic, g.size.height * scale + 4)
            }
            let change = k.change.map { shaper.paragraph(arrow + $0, style: changeStyle, width: inner).lines } ?? []
            shaper.shapeForDrawing(k.value, style: valueStyle)
            maxChangeLines = max(maxChangeLines, change.count)
            tiles.append(.init(label: label, value: k.value, change: change, changeColor: color, graphic: graphic,
                               graphicAlt: "Trend of \(k.label)"))
        }
        let height = 2 * padding + Double(maxLabelLines) * labelLH + 4 + valueLH + maxGraphic + Double(maxChangeLines) * labelLH
        return KPIRowFlowable(tiles: tiles, tileWidth: tileWidth, gap: gap, padding: padding, labelStyle: labelStyle,
                              valueStyle: valueStyle, changeStyle: changeStyle, labelLineHeight: labelLH, valueLineHeight: valueLH,
                              changeLineHeight: labelLH, fill: theme.colors.tile, graphicHeight: maxGraphic, labelLines: maxLabelLines, height: height, spaceBefore: 6, spaceAfter: bodyLineHeight)
    }

    // MARK: Contents

    func toc(_ headings: [(index: Int, level: Int, title: String, inContents: Bool)]) -> TOCFlowable {
        let numberWidth = 36.0
        var entries: [TOCFlowable.Entry] = []
        for h in headings {
            var style = bodyStyle
            if h.level == 1 { style.weight = .semibold }
            let indent = Double(h.level - 1) * 16
            let p = shaper.paragraph(h.title, style: style, width: textWidth - indent - numberWidth - 12)
            let position = headingPositions[h.index]
            let number = position.map { String($0.page + 1) } ?? "0"
            var numberStyle = style
            numberStyle.tabularFigures = true  // as TOCFlowable draws it
            shaper.shapeForDrawing(number, style: numberStyle)
            entries.append(.init(lines: p.lines, level: h.level, style: style,
                                 number: number,
                                 target: position, gapBefore: h.level == 1 && !entries.isEmpty ? 6 : 0, indent: indent))
        }
        return TOCFlowable(entries: entries[...], lineHeight: bodyLineHeight, width: textWidth, numberWidth: numberWidth,
                           leaderColor: theme.colors.muted, spaceBefore: 0, spaceAfter: bodyLineHeight)
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let m = pow(10, Double(places))
        return (self * m).rounded() / m
    }
}
