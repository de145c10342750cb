// Tables: split between rows, the header row repeated on every page, a row taller than a page
// split between its lines (with a warning), zebra shading and light rules.
import Base
import Foundation

/// The content of one measured cell: one line (the common case, kept compact) or several.
enum CellContent {
    case empty
    case line(String, [TextSpan])
    case lines([ShapedLine])

    var lineCount: Int {
        switch self {
        case .empty: 1
        case .line: 1
        case .lines(let l): max(1, l.count)
        }
    }
}

struct TableRow {
    var cells: [CellContent]
    /// Bit c set: cell c is right-to-left (a bit set, not an array: one allocation less per row).
    var rtlBits: UInt64
    var lineCount: Int
    /// The row index in the table's body (for zebra shading and warnings); -1 for header, -2 totals.
    var index: Int
    var continued = false
    /// The first piece of a row split because it is taller than a page (warned when drawn).
    var warnSplit = false
}

struct TableGeometry {
    var columnX: [Double]      // left edge of each column, relative to the table
    var columnWidths: [Double]
    var alignments: [TextAlignment]
    var numeric: [Bool]
    var padX: Double
    var padY: Double
    var lineHeight: Double
    var style: TextStyle
    var headerStyle: TextStyle
    var colors: ColorScheme
    var zebra: Bool
    var width: Double

    func height(_ row: TableRow) -> Double { Double(row.lineCount) * lineHeight + 2 * padY }
}

struct TableFlowable: Flowable {
    var geometry: TableGeometry
    var header: TableRow
    var rows: ArraySlice<TableRow>
    var totals: TableRow?
    var caption: TextBlockFlowable?
    var spaceBefore: Double
    var spaceAfter: Double
    var tableNumber: Int
    /// A later page's piece: its header row repeats as an artifact and it continues the table element.
    var continuation = false
    /// Prefix sums of body row heights (shared by all pieces): row i spans offsets[i]..<offsets[i+1].
    var offsets: [Double]

    var captionHeight: Double { caption.map { $0.height + 4 } ?? 0 }
    var headerHeight: Double { geometry.height(header) }
    var bodyHeight: Double {
        guard let first = rows.first, let last = rows.last else { return 0 }
        if rows.count == 1 { return geometry.height(first) }
        func full(_ i: Int) -> Double { offsets[i + 1] - offsets[i] }
        var h = offsets[last.index + 1] - offsets[first.index]
        if first.continued { h += geometry.height(first) - full(first.index) }
        if last.continued { h += geometry.height(last) - full(last.index) }
        return h
    }
    var height: Double { captionHeight + headerHeight + bodyHeight + (totals.map { geometry.height($0) + 1 } ?? 0) }

    /// What `split` accepts at the foot of a page: three rows under the header (a shorter table
    /// whole), so a heading kept with this table never stays behind when the table moves on.
    var minimumHeadHeight: Double {
        if rows.count <= 3 { return height }
        return captionHeight + headerHeight + rows.prefix(3).reduce(0) { $0 + geometry.height($1) }
    }

    func split(available: Double, pageHeight: Double) -> (head: any Flowable, tail: any Flowable)? {
        let fixed = captionHeight + headerHeight
        var used = fixed
        var count = 0
        for row in rows {
            let h = geometry.height(row)
            if used + h > available { break }
            used += h
            count += 1
        }
        if count == rows.count { return nil } // only the totals row overflows: move it all with the last rows
        // No orphaned rows: at least three rows under a header at the foot of a page (unless the
        // piece is a whole page), and never a single row carried over alone.
        if count > 0 && count < min(3, rows.count) && available < pageHeight - 0.01 { return nil }
        if count > 2 && rows.count - count == 1 { count -= 1 }
        if count == 0 {
            // The first row does not fit. On a fresh page that means it is taller than a page: split its lines.
            guard let first = rows.first, fixed + geometry.height(first) > pageHeight - 0.01 else { return nil }
            let linesFit = Int((available - fixed - 2 * geometry.padY) / geometry.lineHeight)
            guard linesFit >= 1 else { return nil }
            let (a, b) = splitRow(first, after: linesFit)
            var head = self, tail = self
            head.rows = [a][...]
            head.totals = nil
            head.spaceAfter = 0
            tail.rows = [b][...] + rows.dropFirst()
            tail.caption = nil
            tail.spaceBefore = 0
            tail.continuation = true
            return (head, tail)
        }
        var head = self, tail = self
        head.rows = rows.prefix(count)
        head.totals = nil
        head.spaceAfter = 0
        tail.rows = rows.dropFirst(count)
        tail.caption = nil
        tail.spaceBefore = 0
        tail.continuation = true
        return (head, tail)
    }

    private func splitRow(_ row: TableRow, after n: Int) -> (TableRow, TableRow) {
        var a = row, b = row
        a.lineCount = n
        b.lineCount = max(1, row.lineCount - n)
        a.continued = true
        a.warnSplit = !row.continued
        b.continued = true
        a.cells = row.cells.map {
            if case .lines(let l) = $0 { return .lines(Array(l.prefix(n))) }
            return $0
        }
        b.cells = row.cells.map {
            if case .lines(let l) = $0 { return l.count > n ? .lines(Array(l.dropFirst(n))) : .empty }
            return .empty
        }
        return (a, b)
    }

    func draw(at origin: Point, into sink: PageSink) {
        var y = origin.y
        if let caption {
            caption.draw(at: Point(origin.x, y), into: sink)
            y += captionHeight
        }
        // One Table element per logical table: a continuation reopens it, and its repeated header
        // row is an artifact (a screen reader hears the header once).
        sink.begin(continuation ? .tableContinued : .table)
        sink.begin(continuation ? .artifact : .tableHead)
        drawRow(header, y: y, origin: origin, sink: sink, fill: geometry.colors.tableHeader, cellTag: .headerCell)
        sink.end(continuation ? .artifact : .tableHead)
        sink.begin(.tableBody)
        y += headerHeight
        for row in rows {
            let fill: Color? = geometry.zebra && row.index % 2 == 1 ? geometry.colors.zebra : nil
            if row.warnSplit {
                sink.warnings.append(LayoutWarning("table \(tableNumber): row \(row.index + 1) is taller than a page; it was split across pages"))
            }
            drawRow(row, y: y, origin: origin, sink: sink, fill: fill, cellTag: .cell)
            y += geometry.height(row)
        }
        if let totals {
            sink.path(.line(from: Point(origin.x, y + 0.5), to: Point(origin.x + geometry.width, y + 0.5),
                            color: geometry.colors.text, width: 0.75))
            y += 1
            drawRow(totals, y: y, origin: origin, sink: sink, fill: nil, cellTag: .cell)
            y += geometry.height(totals)
        }
        sink.end(.tableBody)
        sink.end(continuation ? .tableContinued : .table)
    }

    private func drawRow(_ row: TableRow, y: Double, origin: Point, sink: PageSink, fill: Color?, cellTag: StructureTag) {
        let g = geometry
        let h = g.height(row)
        if let fill { sink.path(.rect(Rect(x: origin.x, y: y, width: g.width, height: h), fill: fill)) }
        let style = row.index == -1 || row.index == -2 ? g.headerStyle : g.style
        sink.begin(.row)
        for (c, cell) in row.cells.enumerated() {
            sink.begin(cellTag)
            let x = origin.x + g.columnX[c] + g.padX
            let w = g.columnWidths[c] - 2 * g.padX
            var cellStyle = style
            cellStyle.tabularFigures = g.numeric[c]
            let first = y + g.padY
            // Columns align visually: an Arabic name in a left-aligned column sits on the left too.
            let rtl = row.rtlBits & (1 << UInt64(c)) != 0
            var alignment = g.alignments[c]
            if rtl && alignment != .center { alignment = alignment == .start ? .end : .start }
            switch cell {
            case .empty: break
            case .line(let text, let spans):
                sink.text(TextItem(text: text, style: cellStyle, spans: spans, x: x, baseline: cellStyle.baseline(top: first, lineHeight: g.lineHeight),
                                   width: w, alignment: alignment, rightToLeft: rtl))
            case .lines(let lines):
                for (i, line) in lines.enumerated() {
                    let top = first + Double(i) * g.lineHeight
                    sink.text(TextItem(text: line.text, style: cellStyle, spans: line.spans, x: x,
                                       baseline: cellStyle.baseline(top: top, lineHeight: g.lineHeight),
                                       width: w, alignment: alignment, rightToLeft: rtl))
                }
            }
            sink.end(cellTag)
        }
        sink.end(.row)
    }
}
