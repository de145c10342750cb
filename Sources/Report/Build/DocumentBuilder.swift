import Layout
import Metrics
import ReportSyntax

/// Turns a parsed report body into Layout blocks: Markdown structure becomes headings,
/// paragraphs, lists, quotes and tables; `{{ expressions }}` become their formatted values;
/// fenced data blocks (chart, table, kpis, directory, toc) become figures, tables and tiles.
struct DocumentBuilder {
    let context: ReportContext
    let data: DataBlocks

    func blocks(_ markdown: [MarkdownBlock]) throws -> [Block] {
        try markdown.flatMap(block)
    }

    func block(_ b: MarkdownBlock) throws -> [Block] {
        switch b {
        case .heading(let level, let inlines, _):
            return [.heading(level: min(level, 3), text: try runs(inlines))]
        case .paragraph(let inlines, _):
            let r = try runs(inlines)
            return r.plainText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? [] : [.paragraph(r)]
        case .list(let ordered, let start, let items, _):
            let listItems = try items.map(listItem)
            return [ordered ? .numberedList(listItems, start: start) : .bulletList(listItems)]
        case .quote(let children, _):
            let paragraphs = try children.compactMap { child -> [InlineRun]? in
                if case .paragraph(let inlines, _) = child { return try runs(inlines) }
                return nil
            }
            // A last paragraph starting with a dash is the attribution ("— Name").
            if let last = paragraphs.last, paragraphs.count > 1, let first = last.first?.text, first.hasPrefix("—") || first.hasPrefix("--") {
                return [.blockQuote(Array(paragraphs.dropLast()), attribution: last)]
            }
            return [.blockQuote(paragraphs)]
        case .table(let header, let rows, let alignments, let loc):
            let columns = alignments.map { a -> Table.Column in
                switch a {
                case .right: return .number
                case .center: return Table.Column(alignment: .center)
                default: return .text
                }
            }
            let head = try header.map { try runs($0) }
            let body = try rows.map { row in try row.map { try runs($0) } }
            guard body.allSatisfy({ $0.count == head.count }) else {
                throw ReportError(loc, "every table row needs \(head.count) cells, as in the header")
            }
            return [.table(Table(columns: columns, header: head, rows: body))]
        case .fenced(let info, let body, let loc):
            return try data.block(kind: info, yaml: body, at: loc, context: context)
        case .thematicBreak:
            // `---` between sections starts a new page, as in most Markdown-to-print tools.
            return [.pageBreak]
        }
    }

    func listItem(_ blocks: [MarkdownBlock]) throws -> ListItem {
        var text: [InlineRun] = []
        var children: [ListItem] = []
        var numbered = false
        for b in blocks {
            switch b {
            case .paragraph(let inlines, _):
                if !text.isEmpty { text.append(InlineRun(" ")) }
                text += try runs(inlines)
            case .list(let ordered, _, let items, _):
                numbered = ordered
                // Layout nests one level; deeper lists are flattened into the child.
                children += try items.map { try listItem($0) }.map { ListItem($0.text) }
            default:
                break
            }
        }
        return ListItem(text, children: children, childrenNumbered: numbered)
    }

    /// Inline Markdown with expressions evaluated. Expressions are found in each text node.
    func runs(_ inlines: [MarkdownInline], bold: Bool = false, italic: Bool = false, link: String? = nil) throws -> [InlineRun] {
        var out: [InlineRun] = []
        for inline in inlines {
            switch inline {
            case .text(let t):
                out.append(InlineRun(try render(t), bold: bold, italic: italic, link: link))
            case .code(let t):
                out.append(InlineRun(t, bold: bold, italic: italic, code: true, link: link))
            case .emphasis(let c): out += try runs(c, bold: bold, italic: true, link: link)
            case .strong(let c): out += try runs(c, bold: true, italic: italic, link: link)
            case .link(let url, let c): out += try runs(c, bold: bold, italic: italic, link: url)
            case .softBreak: out.append(InlineRun(" ", bold: bold, italic: italic, link: link))
            case .lineBreak: out.append(InlineRun("\n", bold: bold, italic: italic, link: link))
            }
        }
        return Self.merge(out)
    }

    /// Text with expressions replaced. Locations were checked exactly by `ReportValidator`
    /// against the raw source, so here a nominal location suffices.
    func render(_ text: String) throws -> String {
        guard text.contains("{{") else { return text }
        return try context.render(try Template(text, at: SourceLocation(file: "", line: 1, column: 1)))
    }

    /// Neighbouring runs with the same style read as one (fewer items to shape and draw).
    static func merge(_ runs: [InlineRun]) -> [InlineRun] {
        var out: [InlineRun] = []
        for r in runs {
            if var last = out.last, last.bold == r.bold, last.italic == r.italic, last.code == r.code, last.link == r.link, last.smallCaps == r.smallCaps {
                last.text += r.text
                out[out.count - 1] = last
            } else {
                out.append(r)
            }
        }
        return out
    }
}
