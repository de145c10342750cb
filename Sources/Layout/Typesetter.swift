// The layout entry point: Document → measured flowables → pages, with a fixpoint loop for
// forward references (contents page numbers), then running headers, footers and page labels.
//
//   validate ─▶ build flowables (measure with Pango, cached) ─▶ paginate ─▶ heading positions
//        ▲                                                                        │
//        └──────────── again while the contents' page numbers change (≤ 5×) ◀─────┘
//   ─▶ decorate pages ("Page 3 of 12", title, section) ─▶ LaidOutDocument
import Base
import Foundation

/// Lays out documents. Holds a `TextShaper` (and its cache), so reuse one; see `TextShaper` on threads.
public final class Typesetter {
    public let shaper: TextShaper
    /// The maximum number of layout passes for the contents' page numbers.
    public var maxPasses = 5

    public init(shaper: TextShaper) {
        self.shaper = shaper
    }

    /// Convenience: a typesetter with a shaper for `theme`'s fonts.
    public convenience init(theme: Theme = Theme(), fontDirectories: [String] = []) throws {
        try self.init(shaper: TextShaper(fonts: theme.fonts, fontDirectories: fontDirectories))
    }

    /// Measures and paginates `document`. Throws `LayoutError` for input that cannot be set
    /// (empty document, missing or non-PNG image, ragged table); everything else is a warning.
    public func layout(_ document: Document) throws -> LaidOutDocument {
        try Self.validate(document)
        let theme = document.theme
        let hasTOC = document.blocks.contains { if case .tableOfContents = $0 { true } else { false } }
        var positions: [Int: (page: Int, y: Double)] = [:]
        var result: (pages: [Page], sink: PageSink)
        var passes = 0
        let first = FlowBuilder(theme: theme, shaper: shaper, headingPositions: positions)
        var flowables = try first.build(document.blocks)
        repeat {
            passes += 1
            if passes > 1 {
                // Only the contents depend on the positions, and its height does not (the page
                // numbers sit in a fixed column): later passes rebuild it and paginate again.
                let builder = FlowBuilder(theme: theme, shaper: shaper, headingPositions: positions)
                for slot in first.contentsSlots { flowables[slot.index] = builder.toc(slot.headings) }
            }
            result = paginate(flowables, theme: theme)
            result.sink.warnings = first.warnings + result.sink.warnings
            var found: [Int: (page: Int, y: Double)] = [:]
            for h in result.sink.headings { found[h.index] = (h.pageIndex, h.y) }
            let stable = found.count == positions.count && found.allSatisfy { k, v in
                positions[k].map { $0.page == v.page && abs($0.y - v.y) < 0.01 } ?? false
            }
            positions = found
            if !hasTOC || stable { break }
        } while passes < maxPasses

        var pages = result.pages
        let headings = result.sink.headings.sorted { $0.index < $1.index }
        decorate(&pages, theme: theme, metadata: document.metadata, headings: headings)
        let outline = headings.map { OutlineEntry(title: $0.title, level: $0.level, pageIndex: $0.pageIndex, y: $0.y) }
        var warnings: [LayoutWarning] = []
        var seen: Set<String> = []
        for w in result.sink.warnings + shaper.warnings where seen.insert(w.message).inserted { warnings.append(w) }
        return LaidOutDocument(metadata: document.metadata, theme: theme, pages: pages, outline: outline,
                               warnings: warnings, passes: passes, figureAltTexts: result.sink.figureAlts)
    }

    // MARK: Validation

    static func validate(_ document: Document) throws {
        if document.blocks.isEmpty { throw LayoutError.emptyDocument }
        var tableNumber = 0
        func checkImage(_ path: String) throws {
            guard FileManager.default.fileExists(atPath: path) else { throw LayoutError.imageNotFound(path: path) }
            guard PNGInfo.size(ofFileAt: path) != nil else { throw LayoutError.imageNotPNG(path: path) }
        }
        for block in document.blocks {
            switch block {
            case .heading(let level, _, _):
                if !(1...3).contains(level) { throw LayoutError.invalidHeadingLevel(level) }
            case .table(let t):
                tableNumber += 1
                let n = t.header.count
                if t.columns.count != n { throw LayoutError.tableShape(table: tableNumber, row: 0, expected: n, found: t.columns.count) }
                for (i, row) in t.rows.enumerated() where row.count != n {
                    throw LayoutError.tableShape(table: tableNumber, row: i + 1, expected: n, found: row.count)
                }
                if let totals = t.totals, totals.count != n {
                    throw LayoutError.tableShape(table: tableNumber, row: t.rows.count + 1, expected: n, found: totals.count)
                }
            case .figure(let f):
                if case .image(let path, _) = f.content { try checkImage(path) }
            default: break
            }
        }
    }

    // MARK: Pagination

    private func paginate(_ flowables: [any Flowable], theme: Theme) -> (pages: [Page], sink: PageSink) {
        let frame = theme.frame
        let bottom = frame.maxY
        let sink = PageSink()
        var pages: [Page] = []
        pages.reserveCapacity(64)
        var y = frame.y
        var atTop = true
        var previousSpaceAfter = 0.0

        func newPage() {
            pages.append(Page(size: theme.pageSize, items: sink.items, label: ""))
            sink.items = []
            sink.items.reserveCapacity(256)
            sink.pageIndex += 1
            y = frame.y
            atTop = true
            previousSpaceAfter = 0
        }

        /// Height needed to place `f` without stranding it: a keep-with-next chain plus the first piece of what follows.
        func requiredHeight(_ f: any Flowable, next index: Int) -> Double {
            guard f.keepWithNext else { return f.height }
            var need = f.height
            var after = f.spaceAfter
            var j = index
            while j < flowables.count {
                let n = flowables[j]
                if n.breaksPage { break }
                need += max(after, n.spaceBefore)
                if n.keepWithNext { need += n.height; after = n.spaceAfter; j += 1; continue }
                need += n.minimumHeadHeight
                break
            }
            return need
        }

        var index = 0
        var pending: (any Flowable)?
        while true {
            let f: any Flowable
            if let p = pending { f = p; pending = nil } else if index < flowables.count {
                f = flowables[index]; index += 1
            } else { break }
            if f.breaksPage { if !atTop { newPage() }; continue }
            if atTop && f.discardAtPageTop { continue }
            let gap = atTop ? 0 : max(previousSpaceAfter, f.spaceBefore)
            let available = bottom - y - gap
            if f.keepWithNext && index >= flowables.count, case let h as TextBlockFlowable = f, let heading = h.heading {
                sink.warnings.append(LayoutWarning("heading “\(heading.title)” ends the document with nothing after it"))
            }
            let need = requiredHeight(f, next: index)
            if need <= available + 0.01 || (atTop && f.height <= available + 0.01) {
                f.draw(at: Point(frame.x, y + gap), into: sink)
                y += gap + f.height
                previousSpaceAfter = f.spaceAfter
                atTop = false
                continue
            }
            if f.height <= available + 0.01 && !atTop {
                // It fits, but what must follow it does not: start it on the next page.
                newPage()
                pending = f
                continue
            }
            if let (head, tail) = f.split(available: available, pageHeight: frame.height) {
                head.draw(at: Point(frame.x, y + gap), into: sink)
                newPage()
                pending = tail
                continue
            }
            if !atTop {
                newPage()
                pending = f
                continue
            }
            // Taller than a page and unsplittable: clip to the frame rather than lose the page.
            sink.warnings.append(LayoutWarning("a block \(Int(f.height)) pt tall does not fit on a page (\(Int(frame.height)) pt); it was clipped"))
            sink.add(.beginClip(frame))
            f.draw(at: Point(frame.x, y), into: sink)
            sink.add(.endClip)
            y = bottom
            atTop = false
        }
        if !sink.items.isEmpty || pages.isEmpty { newPage() }
        return (pages, sink)
    }

    // MARK: Running header, footer, labels

    private func decorate(_ pages: inout [Page], theme: Theme, metadata: DocumentMetadata,
                          headings: [(index: Int, level: Int, title: String, pageIndex: Int, y: Double)]) {
        let total = pages.count
        let size = theme.pageSize
        let left = theme.margins.left, width = size.width - theme.margins.left - theme.margins.right
        var style = TextStyle(role: .body, size: theme.sizes.small, color: theme.colors.muted)
        style.tabularFigures = true
        let title = metadata.runningTitle ?? metadata.title
        // The heading in effect at the top of page p: the last one before the page, or one that
        // opens it (or, before any, the first one on the page).
        func inEffect(_ list: [(index: Int, level: Int, title: String, pageIndex: Int, y: Double)], _ p: Int) -> Int? {
            var i = -1
            for (k, h) in list.enumerated() { if h.pageIndex < p { i = k } else { break } }
            if i + 1 < list.count, list[i + 1].pageIndex == p, i < 0 || list[i + 1].y <= theme.margins.top + 1 { i += 1 }
            return i >= 0 ? i : nil
        }
        let sections = headings.filter { $0.level == 1 }
        let upToTwo = headings.filter { $0.level <= 2 }
        for p in 0..<total {
            pages[p].label = String(p + 1)
            // "Section · Subsection": the member directory's pages say which region they list.
            var running: String?
            if let s = inEffect(sections, p) {
                running = sections[s].title
                if let t = inEffect(upToTwo, p), upToTwo[t].level == 2, upToTwo[t].index > sections[s].index {
                    running! += " · " + upToTwo[t].title
                }
            }
            var extra: [PageItem] = []
            if theme.runningHeader && p > 0 {
                extra.append(.beginTag(.artifactHeader))
                let baseline = theme.margins.top - 26
                if !title.isEmpty {
                    extra.append(.text(TextItem(text: title, style: style, x: left, baseline: baseline, width: width * 0.6)))
                }
                if let running {
                    extra.append(.text(TextItem(text: running, style: style, x: left + width * 0.4,
                                                baseline: baseline, width: width * 0.6, alignment: .end)))
                }
                extra.append(.path(.line(from: Point(left, baseline + 6), to: Point(left + width, baseline + 6),
                                         color: theme.colors.rule, width: 0.5)))
                extra.append(.endTag(.artifactHeader))
            }
            if theme.pageNumbers {
                extra.append(.beginTag(.artifactFooter))
                let baseline = size.height - theme.margins.bottom + 34
                extra.append(.text(TextItem(text: "Page \(p + 1) of \(total)", style: style, x: left, baseline: baseline,
                                            width: width, alignment: .center)))
                extra.append(.endTag(.artifactFooter))
            }
            for case .text(let t) in extra { shaper.shapeForDrawing(t.text, style: t.style, spans: t.spans, rightToLeft: t.rightToLeft) }
            // Running matter goes after the content, so text extraction reads the body first.
            pages[p].items.append(contentsOf: extra)
        }
    }
}

/// Reads a PNG's pixel size from its IHDR chunk (Layout does not decode images).
public enum PNGInfo {
    public static func size(ofFileAt path: String) -> (width: Int, height: Int)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 24), data.count == 24 else { return nil }
        let bytes = [UInt8](data)
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard Array(bytes[0..<8]) == signature, String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR" else { return nil }
        func be32(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
        let w = be32(16), h = be32(20)
        guard w > 0, h > 0 else { return nil }
        return (w, h)
    }
}
